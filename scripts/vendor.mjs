// Copy the third-party front-end files the site serves into distrikt/static/vendor/.
// Nothing third-party is committed; this runs after `npm ci` in `make setup`.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const target = join(root, "distrikt", "static", "vendor");
const files = [
  ["@digdir/designsystemet-css/dist/src/index.css", "designsystemet/designsystemet.css"],
  ["@digdir/designsystemet-css/dist/theme/designsystemet.css", "designsystemet/theme.css"],
  ["@digdir/designsystemet-web/dist/umd/index.js", "designsystemet/web/index.js"],
  ["@digdir/designsystemet-web/dist/umd/index.js.map", "designsystemet/web/index.js.map"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"],
  // The files name their source maps; collectstatic's manifest storage needs them present.
  ["swagger-ui-dist/swagger-ui.css.map", "swagger-ui/swagger-ui.css.map"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui-bundle.js.map", "swagger-ui/swagger-ui-bundle.js.map"],
  ...[400, 500, 600, 700].flatMap((weight) =>
    ["latin", "latin-ext"].map((subset) => [
      `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`,
      `inter/inter-${subset}-${weight}-normal.woff2`,
    ]),
  ),
];

rmSync(target, { recursive: true, force: true });
for (const [source, destination] of files) {
  const to = join(target, destination);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(root, "node_modules", source), to);
}
console.log(`Copied ${files.length} vendor files to ${target}`);
