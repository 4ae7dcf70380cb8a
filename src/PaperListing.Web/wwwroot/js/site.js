// Enhancement only: ← and → follow the pager's previous and next links, never while typing.
document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select"))) {
    return;
  }
  const rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
  const link = rel && document.querySelector(`nav.pager a[rel="${rel}"]`);
  if (link) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});

// Enhancement only: suggestions under the search box while typing, as an ARIA 1.2 combobox with a list popup
// (↓ and ↑ move through them, Enter takes one, Escape closes them). Without script the box is a plain search.
(() => {
  const form = document.querySelector("form.search-box[data-suggestions]");
  const input = form?.querySelector("input[name=q]");
  if (!input) {
    return;
  }
  const list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.dataset.suggestionsLabel);
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  let active = -1;
  let timer = 0;
  let asked = input.value.trim();
  let pending = null;
  const options = () => Array.from(list.children);
  const open = (on) => {
    list.hidden = !on;
    input.setAttribute("aria-expanded", String(on));
    if (!on) {
      select(-1);
    }
  };
  const select = (index) => {
    active = index;
    options().forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", options()[index].id);
      options()[index].scrollIntoView({ block: "nearest" });
    }
  };
  const choose = (option) => {
    input.value = option.dataset.text;
    asked = input.value;
    open(false);
    form.requestSubmit();
  };
  const show = (suggestions) => {
    list.replaceChildren(...suggestions.map((suggestion, i) => {
      const option = document.createElement("li");
      option.id = `search-suggestion-${i}`;
      option.setAttribute("role", "option");
      option.dataset.text = suggestion.text;
      option.textContent = suggestion.text;
      const kind = { author: form.dataset.kindAuthor, subject: form.dataset.kindSubject }[suggestion.kind];
      if (kind) {
        const label = document.createElement("span");
        label.className = "kind";
        label.textContent = kind;
        option.append(" ", label);
      }
      // The box keeps the focus while a suggestion is clicked.
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => choose(option));
      return option;
    }));
    open(suggestions.length > 0);
  };
  const ask = async () => {
    const typed = input.value.trim();
    if (typed === asked) {
      return;
    }
    asked = typed;
    pending?.abort();
    if ((typed.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) {
      show([]);
      return;
    }
    pending = new AbortController();
    try {
      const response = await fetch(`${form.dataset.suggestions}?q=${encodeURIComponent(typed)}`,
        { signal: pending.signal, headers: { Accept: "application/json" } });
      // A refusal (too many requests, say) only means no suggestions: the box still searches.
      const found = response.ok ? (await response.json()).suggestions : [];
      if (input.value.trim() === typed) {
        show(found);
      }
    } catch {
      // Aborted by newer typing, or offline.
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    const count = options().length;
    if (event.altKey || event.ctrlKey || event.metaKey || count === 0) {
      return;
    }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      open(true);
      select((active + 1) % count);
    } else if (event.key === "ArrowUp" && !list.hidden) {
      event.preventDefault();
      select(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(options()[active]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      open(false);
    }
  });
  input.addEventListener("blur", () => open(false));
})();

// Enhancement only: a display formula wider than its column scrolls sideways; keyboard users reach it to scroll it too.
for (const formula of document.querySelectorAll(".tex-display")) {
  if (formula.scrollWidth > formula.clientWidth) {
    formula.tabIndex = 0;
  }
}
