// Enhancement only: typesets the TeX formulas the server marked (span.tex, source with its delimiters) with the
// site's own copy of KaTeX, loaded only when a page holds one. Without JavaScript the source stays as it is.
(() => {
  const formulas = document.querySelectorAll("span.tex");
  if (formulas.length === 0) {
    return;
  }
  const base = new URL("../lib/katex/", document.currentScript.src);
  const version = "?v=0.19.1";
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("katex-swap.min.css" + version, base).href;
  document.head.append(css);
  const script = document.createElement("script");
  script.src = new URL("katex.min.js" + version, base).href;
  script.addEventListener("load", () => {
    for (const span of formulas) {
      const source = span.textContent;
      const display = span.classList.contains("tex-display");
      const delimiter = source.startsWith("$$") || source.startsWith("\\[") || source.startsWith("\\(") ? 2 : 1;
      try {
        // throwOnError: a formula KaTeX cannot read keeps its source (KaTeX's error markup would need an inline style).
        window.katex.render(source.slice(delimiter, source.length - delimiter), span, { displayMode: display, throwOnError: true });
        span.classList.add("katex-done");
        span.dataset.tex = source;
      } catch {
        span.classList.add("tex-error");
      }
    }
  });
  document.head.append(script);
})();
