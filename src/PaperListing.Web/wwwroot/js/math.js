// Enhancement only: typesets the TeX formulas the server marked (span.tex, source with its delimiters) with the
// site's own KaTeX. Both scripts are in the head of pages that hold a formula, deferred and render-blocking: the
// formulas within reach of the first screen are typeset before the first paint, so they never shift the page; the
// others as they come near the viewport, a few milliseconds at a time, so a long page never blocks a visitor.
// Without JavaScript the source stays as it is.
(() => {
  const formulas = [...document.querySelectorAll("span.tex")];
  if (formulas.length === 0 || !window.katex) {
    return;
  }

  // A display formula wider than its column scrolls; keyboard users reach it to scroll it too. Checked once a batch
  // (reading widths between typesets would lay the page out again each time).
  const wide = [];
  const reachable = () => {
    for (const span of wide.splice(0)) {
      if (span.scrollWidth > span.clientWidth) {
        span.tabIndex = 0;
      }
    }
  };

  const typeset = (span) => {
    if (span.classList.contains("katex-done") || span.classList.contains("tex-error")) {
      return;
    }
    const source = span.textContent;
    const display = span.classList.contains("tex-display");
    const delimiter = source.startsWith("$$") || source.startsWith("\\[") || source.startsWith("\\(") ? 2 : 1;
    try {
      // throwOnError: a formula KaTeX cannot read keeps its source (KaTeX's error markup would need an inline style).
      window.katex.render(source.slice(delimiter, source.length - delimiter), span, { displayMode: display, throwOnError: true });
      span.classList.add("katex-done");
      span.dataset.tex = source;
      if (display) {
        wide.push(span);
      }
    } catch {
      span.classList.add("tex-error");
    }
  };

  // All placed by one layout (reading a place after each typeset would lay the page out again each time).
  const reach = window.innerHeight + 100;
  const places = formulas.map((span) => span.getBoundingClientRect());
  const later = formulas.filter((span, i) => places[i].bottom < -100 || places[i].top > reach);
  formulas.filter((span, i) => !later.includes(span)).forEach(typeset);
  reachable();
  if (later.length === 0) {
    return;
  }

  // The rest when within a screen of the viewport, in slices of at most about 8 ms between which the page responds.
  const queue = [];
  const work = () => {
    const until = performance.now() + 8;
    while (queue.length > 0 && performance.now() < until) {
      typeset(queue.shift());
    }
    reachable();
    if (queue.length > 0) {
      setTimeout(work);
    }
  };
  const observer = new IntersectionObserver((entries) => {
    const idle = queue.length === 0;
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      observer.unobserve(entry.target);
      queue.push(entry.target);
    }
    if (idle && queue.length > 0) {
      setTimeout(work);
    }
  }, { rootMargin: "100% 0px" });
  later.forEach((span) => observer.observe(span));
  // A printed page shows every formula typeset.
  window.addEventListener("beforeprint", () => {
    later.forEach(typeset);
    reachable();
  });
})();
