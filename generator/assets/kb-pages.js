// Small helps for the generated pages, run on every page (the theme's instant navigation
// replaces the page without reloading, and announces each new page on `document$`).
//
// - Wide tables: a table wider than the screen scrolls sideways inside its box. Such a box
//   gets a visible hint above it, becomes focusable (keyboard users scroll it with the arrow
//   keys) and is named for screen readers; its first column stays in place (CSS).
// - The honour roll's present view: one award per screen, arrow keys to move (without a
//   script every award is listed one below the other).

const HINTS = {
  zh: { scroll: "表格较宽：左右滑动查看全部列", table: "可左右滚动的表格" },
  en: { scroll: "Wide table: scroll sideways to see every column", table: "Scrollable table" },
};
const hints = HINTS[document.documentElement.lang.startsWith("zh") ? "zh" : "en"];

// The generated pages' table boxes, and the theme's own around tables in record text.
const SCROLL_BOXES = ".md-typeset .kb-scroll, .md-typeset .md-typeset__scrollwrap:not(.kb-scroll *)";

function markWideTables() {
  for (const box of document.querySelectorAll(SCROLL_BOXES)) {
    const wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("kb-overflowing", wide);
    let hint = box.previousElementSibling?.classList.contains("kb-scroll-hint") ? box.previousElementSibling : null;
    if (wide) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.querySelector("caption")?.textContent || hints.table);
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "kb-scroll-hint";
        hint.textContent = hints.scroll;
        box.before(hint);
      }
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      hint?.remove();
    }
    box.classList.toggle("kb-scrolled", box.scrollLeft > 0);
  }
}

function onScroll(event) {
  const box = event.target;
  if (box instanceof Element && box.matches(SCROLL_BOXES)) {
    box.classList.toggle("kb-scrolled", box.scrollLeft > 0);
  }
}

// ---- the honour roll's present view ---------------------------------------------------

function setUpPresentView() {
  const roll = document.querySelector(".kb-present");
  if (!roll || roll.dataset.ready) return;
  roll.dataset.ready = "1";
  const slides = [...roll.querySelectorAll(".kb-slide")];
  if (!slides.length) return;
  const count = roll.querySelector(".kb-present-count");
  let current = 0;
  const show = (index) => {
    current = (index + slides.length) % slides.length;
    slides.forEach((slide, n) => (slide.hidden = n !== current));
    count.textContent = roll.dataset.labelOf.replace("{n}", current + 1).replace("{total}", slides.length);
  };
  roll.querySelector(".kb-present-previous").addEventListener("click", () => show(current - 1));
  roll.querySelector(".kb-present-next").addEventListener("click", () => show(current + 1));
  roll.querySelector(".kb-present-fullscreen").addEventListener("click", () => roll.requestFullscreen?.());
  const onKey = (event) => {
    if (!roll.isConnected) return document.removeEventListener("keydown", onKey);
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (["ArrowRight", "PageDown"].includes(event.key)) show(current + 1);
    else if (["ArrowLeft", "PageUp"].includes(event.key)) show(current - 1);
    else return;
    event.preventDefault();
  };
  document.addEventListener("keydown", onKey);
  roll.querySelector(".kb-present-controls").hidden = false;
  roll.classList.add("kb-presenting");
  show(0);
}

function setUp() {
  markWideTables();
  setUpPresentView();
}

window.addEventListener("resize", markWideTables);
document.addEventListener("scroll", onScroll, true);
if (window.document$) window.document$.subscribe(setUp);
else document.addEventListener("DOMContentLoaded", setUp);
