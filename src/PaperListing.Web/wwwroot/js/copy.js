// Enhancement only: the links marked data-copy (the paper's address, its .bib) become buttons that copy the address
// or the BibTeX with the Clipboard API and say so. Without JavaScript, or without a clipboard, they stay links.
(() => {
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);

  const textOf = async (link) => {
    if (link.dataset.copy === "link") {
      return link.href;
    }
    const response = await fetch(link.href, { headers: { Accept: "application/x-bibtex" } });
    if (!response.ok) {
      throw new Error(`${response.status}`);
    }
    return response.text();
  };

  for (const link of document.querySelectorAll("a[data-copy]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = link.dataset.copyLabel;
    const described = link.getAttribute("aria-describedby");
    if (described) {
      button.setAttribute("aria-describedby", described);
    }
    button.addEventListener("click", async () => {
      try {
        // A ClipboardItem given a promise keeps the click's permission while the .bib is fetched (Safari needs this).
        await (window.ClipboardItem && link.dataset.copy !== "link"
          ? navigator.clipboard.write([new ClipboardItem({ "text/plain": textOf(link).then((text) => new Blob([text], { type: "text/plain" })) })])
          : navigator.clipboard.writeText(await textOf(link)));
      } catch {
        window.location.assign(link.href); // no clipboard after all: the plain link's address
        return;
      }
      button.textContent = link.dataset.copied;
      button.dataset.state = "done";
      status.textContent = link.dataset.copied;
      window.setTimeout(() => {
        button.textContent = link.dataset.copyLabel;
        delete button.dataset.state;
        status.textContent = "";
      }, 2500);
    });
    link.replaceWith(button);
  }
})();
