// Small helps for the generated pages, run on every page (the theme's instant navigation
// replaces the page without reloading, and announces each new page on `document$`).
//
// - Wide tables: a table wider than the screen scrolls sideways inside its box. Such a box
//   gets a visible hint above it, becomes focusable (keyboard users scroll it with the arrow
//   keys) and is named for screen readers; its first column stays in place (CSS).
// - The honour roll's present view: one award per screen, arrow keys to move.

const HINTS = {
  zh: { scroll: "表格较宽：左右滑动查看全部列", table: "可左右滚动的表格" },
  en: { scroll: "Wide table: scroll sideways to see every column", table: "Scrollable table" },
};
const hints = HINTS[document.documentElement.lang.startsWith("zh") ? "zh" : "en"];

function markWideTables() {
  for (const box of document.querySelectorAll(".md-typeset .kb-scroll")) {
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
  if (box instanceof Element && box.classList.contains("kb-scroll")) {
    box.classList.toggle("kb-scrolled", box.scrollLeft > 0);
  }
}

// ---- the honour roll's present view ---------------------------------------------------

function setUpPresentView() {
  const roll = document.querySelector(".kb-present");
  if (!roll || roll.dataset.ready) return;
  roll.dataset.ready = "1";
  const slides = [...roll.querySelectorAll(".kb-slide")];
  let current = 0;
  const show = (index) => {
    current = (index + slides.length) % slides.length;
    slides.forEach((slide, n) => (slide.hidden = n !== current));
    roll.querySelector(".kb-present-count").textContent = `${current + 1} / ${slides.length}`;
  };
  roll.querySelector(".kb-present-previous").addEventListener("click", () => show(current - 1));
  roll.querySelector(".kb-present-next").addEventListener("click", () => show(current + 1));
  roll.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") show(current + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") show(current - 1);
    else return;
    event.preventDefault();
  });
  roll.hidden = false;
  show(0);
  roll.focus();
}

function setUp() {
  markWideTables();
  setUpPresentView();
}

window.addEventListener("resize", markWideTables);
document.addEventListener("scroll", onScroll, true);
if (window.document$) window.document$.subscribe(setUp);
else document.addEventListener("DOMContentLoaded", setUp);
