// Checklists in a guide: ticks are kept in this browser only (localStorage), and the
// progress bar shows the share of ticked items. Without JavaScript the boxes still tick.
const guide = document.querySelector("[data-guide]");

function storage() {
  try {
    const probe = "__guide_probe__";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

if (guide) {
  const store = storage();
  const prefix = `guide:${guide.dataset.guide}:`;
  const boxes = Array.from(guide.querySelectorAll("[data-guide-item]"));
  const progress = guide.querySelector("[data-guide-progress]");
  const bar = progress?.querySelector("progress");
  const text = progress?.querySelector("[data-guide-progress-text]");

  const update = () => {
    if (!progress || boxes.length === 0) return;
    const ticked = boxes.filter((box) => box.checked).length;
    bar.value = Math.round((100 * ticked) / boxes.length);
    text.textContent = `${ticked} / ${boxes.length}`;
    for (const fieldset of guide.querySelectorAll("[data-guide-step]")) {
      const items = Array.from(fieldset.querySelectorAll("[data-guide-item]"));
      const done = items.length > 0 && items.every((box) => box.checked);
      const link = guide.querySelector(`[data-guide-toc="${fieldset.dataset.guideStep}"]`);
      link?.classList.toggle("guide-toc__done", done);
    }
  };

  for (const box of boxes) {
    if (store) box.checked = store.getItem(prefix + box.dataset.guideItem) === "1";
    box.addEventListener("change", () => {
      if (store) {
        if (box.checked) store.setItem(prefix + box.dataset.guideItem, "1");
        else store.removeItem(prefix + box.dataset.guideItem);
      }
      update();
    });
  }
  if (progress && boxes.length > 0) progress.hidden = false;
  update();
}
