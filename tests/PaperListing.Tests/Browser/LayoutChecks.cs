using Microsoft.Playwright;

namespace PaperListing.Tests.Browser;

/// <summary>What a visitor would see go wrong in a layout, measured in the browser: overlapping boxes, clipped or wrapped labels, rows that break.</summary>
public static class LayoutChecks
{
    /// <summary>Pairs of boxes that overlap among the header's parts, the search box's parts, the pager's parts and each card's number and heading.</summary>
    public static Task<string[]> OverlapsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; };
          const groups = [
            [".site-name", ".search-box", ".languages"].map((s) => document.querySelector(s)),
            [...document.querySelectorAll(".search-box > *")],
            [...document.querySelectorAll("nav.pager > *")],
            ...[...document.querySelectorAll("article.paper")].slice(0, 5).map((a) => [a.querySelector(".position"), a.querySelector("h2"), a.querySelector(".meta"), a.querySelector(".actions")]),
          ];
          const found = [];
          for (const group of groups) {
            const boxes = group.filter((e) => e && visible(e));
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].getBoundingClientRect(), b = boxes[j].getBoundingClientRect();
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (w > 1 && h > 1) found.push(`${boxes[i].className || boxes[i].tagName} overlaps ${boxes[j].className || boxes[j].tagName}`);
              }
            }
          }
          return found;
        }
        """);

    /// <summary>Elements whose text is cut off (wider than their box with overflow hidden), labels that wrap, and a page wider than the screen.</summary>
    public static Task<string[]> ClippedAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const found = [];
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth) found.push("the page scrolls sideways");
          for (const e of document.querySelectorAll("header *, main *, footer *")) {
            const style = getComputedStyle(e);
            if (e.closest(".tex-display, .visually-hidden") || e.tagName === "INPUT" || style.display === "none") continue;
            if (style.overflowX !== "visible" && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && !e.classList.contains("tex-display")) found.push(`${e.tagName}.${e.className} is clipped`);
          }
          for (const e of document.querySelectorAll(".search-box button, nav.pager > :not(ul), nav.pager li, .jump button, .jump label")) {
            if (getComputedStyle(e).display === "none") continue;
            // The rows the label's own characters sit on (text nodes only: element boxes start above their text).
            const half = parseFloat(getComputedStyle(e).fontSize) / 2;
            const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            const tops = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const range = document.createRange(); range.selectNodeContents(node);
              tops.push(...[...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top));
            }
            tops.sort((a, b) => a - b);
            const rows = tops.filter((top, i) => i === 0 || top - tops[i - 1] > half).length;
            if (rows > 1) found.push(`"${e.textContent.trim()}" wraps onto ${rows} rows`);
          }
          const input = document.querySelector("#search-q");
          const style = getComputedStyle(input);
          const context = document.createElement("canvas").getContext("2d");
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const needed = context.measureText(input.placeholder).width;
          if (needed > room) found.push(`the placeholder "${input.placeholder}" is cut off (${Math.round(needed)}px in ${Math.round(room)}px)`);
          return found;
        }
        """);
}
