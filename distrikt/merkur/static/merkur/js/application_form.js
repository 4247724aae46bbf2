// The application form: re-check the scheme's rules as the merchant types, and save the
// draft every so often. Without JavaScript the form works the same, with checks on save.
const form = document.getElementById("application-form");
const slot = document.getElementById("eligibility-checks-slot");

if (form && slot) {
  const status = form.querySelector(".merkur-autosave");
  let timer = null;
  let dirty = false;

  const post = (action) => {
    const data = new FormData(form);
    data.set("action", action);
    return fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    });
  };

  const check = async () => {
    const response = await post("check");
    if (response.ok) {
      slot.innerHTML = await response.text();
    }
  };

  form.addEventListener("input", () => {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 400);
  });

  const seconds = Number(form.dataset.autosaveSeconds || 30);
  window.setInterval(async () => {
    if (!dirty) return;
    const response = await post("autosave");
    if (response.status === 204) {
      dirty = false;
      if (status) status.textContent = status.dataset.savedText;
    }
  }, seconds * 1000);
}
