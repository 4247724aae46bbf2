// Suggestions under the site search box (WAI-ARIA combobox with a listbox popup).
// Progressive enhancement: without this module the form submits to /sok/ as usual.

const MIN_LENGTH = 2;
const DELAY_MS = 150;
const LABELS = {
  nn: { count: (n) => `${n} forslag. Bruk pil opp og ned for å velje.`, none: "Ingen forslag.", demo: "demo" },
  nb: { count: (n) => `${n} forslag. Bruk pil opp og ned for å velge.`, none: "Ingen forslag.", demo: "demo" },
  en: { count: (n) => `${n} suggestions. Use the up and down arrows to choose.`, none: "No suggestions.", demo: "demo" },
};

function addStylesheet() {
  const href = new URL("../css/autocomplete.css", import.meta.url).href;
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
}

function enhance(input) {
  const form = input.closest("form");
  if (!form) return;
  const labels = LABELS[document.documentElement.lang] || LABELS.nn;
  const listbox = document.createElement("ul");
  listbox.id = `${input.id}-suggestions`;
  listbox.className = "search-autocomplete__list";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", form.querySelector(`label[for="${input.id}"]`)?.textContent || "");
  listbox.hidden = true;
  const status = document.createElement("div");
  status.className = "ds-sr-only";
  status.setAttribute("role", "status");
  form.classList.add("search-autocomplete");
  input.after(listbox);
  form.append(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  let items = [];
  let active = -1;
  let timer = null;
  let controller = null;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const select = (index) => {
    const options = listbox.querySelectorAll("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
    else input.removeAttribute("aria-activedescendant");
  };

  const render = () => {
    listbox.replaceChildren(
      ...items.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${listbox.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.textContent = item.title;
        const type = document.createElement("span");
        type.className = "search-autocomplete__type";
        type.textContent = item.is_demo ? ` (${item.type}, ${labels.demo})` : ` (${item.type})`;
        option.append(title, type);
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          window.location.assign(item.url);
        });
        return option;
      }),
    );
    const open = items.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    status.textContent = open ? labels.count(items.length) : labels.none;
    active = -1;
  };

  const fetchSuggestions = async () => {
    const query = input.value.trim();
    if (query.length < MIN_LENGTH) {
      items = [];
      close();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/v1/search/autocomplete?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      items = await response.json();
      render();
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (listbox.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      select((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      select(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].url);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

// The header's search box, and any other search field that asks for suggestions
// (the home page's "find your municipality" box).
const inputs = document.querySelectorAll("#site-search-input, input[data-search-autocomplete]");
if (inputs.length) {
  addStylesheet();
  inputs.forEach(enhance);
}
