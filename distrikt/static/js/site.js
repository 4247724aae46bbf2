// Progressive enhancement only: every page works without this file.

// Embeds load nothing from a third party until the reader presses play.
for (const figure of document.querySelectorAll(".privacy-embed[data-embed-html]")) {
  const button = figure.querySelector(".privacy-embed__load");
  if (!button) continue;
  button.addEventListener("click", () => {
    const holder = document.createElement("div");
    holder.className = "privacy-embed__frame";
    holder.innerHTML = figure.dataset.embedHtml;
    figure.querySelector(".privacy-embed__placeholder").replaceWith(holder);
    const frame = holder.querySelector("iframe");
    if (frame) frame.focus();
  });
}
