// Reading lists, with JavaScript (without it, the cards of a page are a plain GET form to /list):
// - the papers ticked on any page are kept in this browser (localStorage; nothing is sent anywhere) in the order
//   ticked, and the header's counter opens them as a list;
// - on /list, papers move up and down and are removed with buttons, the address follows, and the link is copied.
(() => {
  "use strict";
  const storageKey = "paperlisting.readingList";
  const maxPapers = 100;
  const paperId = /^[0-9a-z]{10,52}$/;
  let unsaved = []; // the selection when the browser keeps no storage (private modes, storage turned off)

  const load = () => {
    try {
      const ids = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
      return Array.isArray(ids) ? ids.filter((id) => typeof id === "string" && paperId.test(id)).slice(0, maxPapers) : [];
    } catch {
      return unsaved;
    }
  };
  const save = (ids) => {
    unsaved = ids;
    try {
      localStorage.setItem(storageKey, JSON.stringify(ids));
    } catch {
      // Kept for this page only.
    }
  };
  const format = (text, ...values) => text.replace(/\{(\d)\}/g, (_, n) => String(values[Number(n)]));
  const query = (ids, title, note) => {
    const parameters = new URLSearchParams();
    ids.forEach((id) => parameters.append("p", id));
    if (title) parameters.append("title", title);
    if (note) parameters.append("note", note);
    const text = parameters.toString();
    return text ? `?${text}` : "";
  };

  const counter = document.querySelector(".reading-list-link");
  const listPath = counter ? counter.getAttribute("href").split("?")[0] : "/list";

  // Every "Select" box and the header's counter show the selection.
  const showSelection = () => {
    const ids = load();
    document.querySelectorAll("input.pick-box").forEach((box) => { box.checked = ids.includes(box.value); });
    if (counter) {
      counter.hidden = ids.length === 0;
      counter.querySelector(".selection-count").textContent = String(ids.length);
      counter.href = listPath + query(ids);
    }
  };

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.classList.contains("pick-box")) {
      return;
    }
    const ids = load().filter((id) => id !== box.value);
    if (box.checked) {
      if (ids.length >= maxPapers) {
        box.checked = false;
        const status = box.closest("form")?.querySelector(".pick-status");
        if (status && counter) status.textContent = counter.dataset.full;
        return;
      }
      ids.push(box.value);
    }
    save(ids);
    showSelection();
  });

  // "Show selected" opens everything ticked, on this page and others.
  document.addEventListener("submit", (event) => {
    if (event.target instanceof HTMLFormElement && event.target.classList.contains("pick-form")) {
      event.preventDefault();
      window.location.assign(listPath + query(load()));
    }
  });

  // Another tab changed the selection; or the page came back from the back/forward cache with old ticks.
  window.addEventListener("storage", (event) => { if (event.key === storageKey) showSelection(); });
  window.addEventListener("pageshow", showSelection);
  showSelection();

  const page = document.querySelector(".reading-list-page");
  const list = page?.querySelector("ol.reading-list");
  if (!page || !list) {
    return;
  }
  const template = document.getElementById("reading-list-controls");
  const status = page.querySelector(".list-status");
  const linkInput = page.querySelector("#list-link");
  const copyButton = page.querySelector(".copy-link");
  const copyStatus = page.querySelector(".copy-status");
  const clearButton = page.querySelector(".clear-selection");
  const count = page.querySelector(".list-count");
  const detailsForm = page.querySelector(".list-details-form");
  const title = page.dataset.title ?? "";
  const note = page.dataset.note ?? "";
  const entries = () => Array.from(list.children);
  const idOf = (entry) => entry.dataset.id || entry.querySelector("article")?.id || "";
  const sameSet = (a, b) => a.length === b.length && a.every((id) => b.includes(id));
  // Edits of the list opened from the selection are edits of the selection; a list opened from a link is left alone.
  let isSelection = sameSet(entries().map(idOf), load());

  // Each entry's buttons say which place they act on; the first cannot go up nor the last down.
  const labelControls = () => {
    const all = entries();
    all.forEach((entry, index) => {
      const group = entry.querySelector(".entry-controls");
      group.setAttribute("aria-label", format(template.dataset.group, index + 1, all.length));
      group.querySelector("[data-action=up]").setAttribute("aria-disabled", String(index === 0));
      group.querySelector("[data-action=down]").setAttribute("aria-disabled", String(index === all.length - 1));
    });
  };

  // After an edit, the address, the link to copy, the files' links, the count and the title form follow the list.
  const update = () => {
    const all = entries();
    const ids = all.map(idOf);
    const listQuery = query(ids, title, note);
    history.replaceState(history.state, "", listPath + listQuery);
    linkInput.value = new URL(listPath + listQuery, window.location.href).href;
    page.querySelectorAll("[data-list-export]").forEach((link) => { link.href = link.dataset.listExport + listQuery; });
    document.querySelectorAll("nav.languages a[hreflang]").forEach((link) => {
      link.href = `${listPath}${listQuery}${listQuery ? "&" : "?"}culture=${link.hreflang}`;
    });
    count.textContent = ids.length === 1 ? count.dataset.one : format(count.dataset.many, ids.length);
    detailsForm.querySelectorAll("input[name=p]").forEach((input) => input.remove());
    ids.forEach((id) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "p";
      input.value = id;
      detailsForm.insertBefore(input, detailsForm.querySelector("p"));
    });
    labelControls();
    if (isSelection) {
      save(ids);
      showSelection();
    }
  };

  entries().forEach((entry) => entry.append(template.content.cloneNode(true)));
  list.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
    if (!button || button.getAttribute("aria-disabled") === "true") {
      return;
    }
    const entry = button.closest("li");
    const action = button.dataset.action;
    if (action === "remove") {
      const next = entry.nextElementSibling ?? entry.previousElementSibling;
      entry.remove();
      update();
      status.textContent = format(template.dataset.removed, entries().length);
      (next?.querySelector("[data-action=remove]") ?? document.getElementById("list-heading")).focus();
      return;
    }
    if (action === "up" && entry.previousElementSibling) {
      entry.previousElementSibling.before(entry);
    } else if (action === "down" && entry.nextElementSibling) {
      entry.nextElementSibling.after(entry);
    }
    update();
    button.focus();
    status.textContent = format(template.dataset.moved, entries().indexOf(entry) + 1, entries().length);
  });

  copyButton.hidden = false;
  copyButton.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(linkInput.value);
      copyStatus.textContent = copyButton.dataset.copied;
    } catch {
      linkInput.select();
      copyStatus.textContent = copyButton.dataset.copyByHand;
    }
  });

  clearButton.hidden = !isSelection;
  clearButton.addEventListener("click", () => {
    save([]);
    isSelection = false;
    showSelection();
    clearButton.hidden = true;
    copyStatus.textContent = clearButton.dataset.cleared;
  });
  labelControls();
})();
