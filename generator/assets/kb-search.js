// Search for the service knowledge base: Pagefind behind a search box in Material's header
// and a full search page with filters.
//
// Pagefind segments Chinese into words, so a phrase that is part of a longer word, or that
// its segmenter splits differently, finds nothing. The index therefore also holds every
// Chinese character bigram as one ASCII token, and alarm codes without separators
// (generator/search/tokens.py). Here a query is cut the same way; each piece is searched on
// its own and pages are ranked by how many pieces they match and how well, so a strict match
// comes first and a partial one still comes back when nothing matches everything.

const CJK_RUN = /[\u3400-\u9fff]+/g;
const ALARM_CODE = /(?<![A-Za-z0-9])([A-Za-z]{1,4})[-_ ]?([0-9]{2,5})(?![0-9])/g;
const TOKEN = /\bqq[zc][a-z0-9]+\b/g;
const MODAL_RESULTS = 8;
const PAGE_RESULTS = 20;
const DEBOUNCE_MS = 120;

const LABELS = {
  zh: {
    search: "搜索", placeholder: "报警代码、现象或关键词，如 E203 压力上不去", close: "关闭", none: "没有找到结果",
    results: (n) => `${n} 条结果`, all: "全部结果与筛选", more: "更多结果", loading: "正在载入搜索……",
    unavailable: "搜索索引尚未生成：请用 kb build 或 kb serve 构建站点。", hint: "↑↓ 选择 · Enter 打开 · Esc 关闭",
    groups: { kind: "类型", product: "产品", skill: "技能", state: "状态", year: "年份" }, clear: "清除筛选",
  },
  en: {
    search: "Search", placeholder: "Alarm code, symptom or keyword, e.g. E203 pressure", close: "Close", none: "No results",
    results: (n) => `${n} result${n === 1 ? "" : "s"}`, all: "All results and filters", more: "More results",
    loading: "Loading search…", unavailable: "The search index is missing: build the site with kb build or kb serve.",
    hint: "↑↓ select · Enter open · Esc close",
    groups: { kind: "Kind", product: "Product", skill: "Skill", state: "State", year: "Year" }, clear: "Clear filters",
  },
};

const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const t = LABELS[language];
const materialConfig = JSON.parse(document.getElementById("__config")?.textContent || "{}");
// The 404 page has the base "/" (a root-relative site): "//" would be no URL at all.
const siteRoot = new URL((materialConfig.base || ".").replace(/\/?$/, "/"), location.href);

// ---- the same cutting as generator/search/tokens.py ------------------------------------

export function encodeChar(char) {
  let number = char.codePointAt(0);
  let letters = "";
  for (let i = 0; i < 4; i++) {
    letters = String.fromCharCode(97 + (number % 26)) + letters;
    number = Math.floor(number / 26);
  }
  return letters;
}

export function bigrams(text) {
  const tokens = [];
  for (const run of text.match(CJK_RUN) || []) {
    for (let i = 0; i < run.length - 1; i++) tokens.push("qqz" + encodeChar(run[i]) + encodeChar(run[i + 1]));
  }
  return tokens;
}

export function alarmCodes(text) {
  return [...text.matchAll(ALARM_CODE)].map((m) => "qqc" + (m[1] + m[2]).toLowerCase());
}

/** The pieces a query is searched by: alarm codes, Chinese bigrams (single characters as
 *  they are), and other words. */
export function queryTerms(query) {
  const terms = new Set(alarmCodes(query));
  let rest = query.replace(ALARM_CODE, " ");
  for (const run of rest.match(CJK_RUN) || []) {
    if (run.length === 1) terms.add(run);
    else bigrams(run).forEach((token) => terms.add(token));
  }
  rest = rest.replace(CJK_RUN, " ").toLowerCase();
  for (const word of rest.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 2 || /\d/.test(word)) terms.add(word);
  }
  return [...terms];
}

// ---- Pagefind -----------------------------------------------------------------------------

let pagefindPromise = null;

function loadPagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 30 });
      await pagefind.init();
      return pagefind;
    });
  }
  return pagefindPromise;
}

/** Every page matching any piece of the query, best first: pages that match all pieces
 *  lead; those matching fewer follow, so a query never comes back empty for want of one word. */
export async function rankedResults(query, filters = {}) {
  const pagefind = await loadPagefind();
  const terms = queryTerms(query);
  if (!terms.length) {
    if (!Object.keys(filters).length) return [];
    const all = await pagefind.search(null, { filters });
    return all.results.map((result) => ({ result, score: 1, hits: 0, coverage: 1 }));
  }
  const searches = await Promise.all(terms.map((term) => pagefind.search(term, { filters })));
  const pages = new Map();
  for (const search of searches) {
    for (const result of search.results) {
      const entry = pages.get(result.id) || { result, score: 0, hits: 0 };
      entry.score += result.score;
      entry.hits += 1;
      pages.set(result.id, entry);
    }
  }
  const ranked = [...pages.values()];
  for (const entry of ranked) {
    entry.coverage = entry.hits / terms.length;
    entry.rank = entry.score * entry.coverage * entry.coverage;
  }
  return ranked.sort((a, b) => b.rank - a.rank || (a.result.id < b.result.id ? -1 : 1));
}

// ---- showing results ----------------------------------------------------------------------

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function highlightPieces(query) {
  const pieces = new Set();
  for (const run of query.match(CJK_RUN) || []) {
    pieces.add(run);
    for (let i = 0; i < run.length - 1; i++) pieces.add(run.slice(i, i + 2));
  }
  const rest = query.replace(CJK_RUN, " ");
  for (const word of rest.split(/[^\p{L}\p{N}-]+/u)) if (word.length >= 2 || /\d/.test(word)) pieces.add(word);
  return [...pieces].sort((a, b) => b.length - a.length);
}

/** A piece of the page's own text around the best match, with the matches marked. */
export function snippet(content, query, length = 90, title = "") {
  let text = content.replace(TOKEN, "").replace(/¶/g, "").replace(/\s+/g, " ").trim();
  const cleanTitle = title.replace(/¶/g, "").trim();
  if (cleanTitle && text.startsWith(cleanTitle)) text = text.slice(cleanTitle.length).replace(/^[.\s]+/, ""); // shown above
  const pieces = highlightPieces(query);
  const lower = text.toLowerCase();
  let at = -1;
  for (const piece of pieces) {
    at = lower.indexOf(piece.toLowerCase());
    if (at >= 0) break;
  }
  const start = Math.max(0, at < 0 ? 0 : at - Math.floor(length / 3));
  const window = text.slice(start, start + length);
  let html = escapeHtml(window);
  if (pieces.length) {
    const pattern = new RegExp(pieces.map((p) => escapeHtml(p).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
    html = html.replace(pattern, (m) => `<mark>${m}</mark>`);
  }
  return (start > 0 ? "…" : "") + html + (start + length < text.length ? "…" : "");
}

function resultItem(data, query) {
  const item = document.createElement("li");
  item.className = "kb-search-result";
  const meta = data.meta || {};
  const archived = meta.state === (language === "zh" ? "已归档" : "Archived");
  if (archived) item.classList.add("kb-search-archived");
  const badges = [meta.kind, meta.state].filter(Boolean).map((b) => `<span class="kb-search-badge">${escapeHtml(b)}</span>`).join("");
  item.innerHTML =
    `<a href="${escapeHtml(data.url)}"><span class="kb-search-title">${escapeHtml((meta.title || data.url).replace(/¶/g, ""))}</span>` +
    `${badges}<span class="kb-search-snippet">${snippet(data.content || "", query, 90, meta.title || "")}</span></a>`;
  return item;
}

async function showResults(list, entries, query, from, count) {
  const slice = entries.slice(from, from + count);
  const datas = await Promise.all(slice.map((entry) => entry.result.data()));
  for (const data of datas) list.append(resultItem(data, query));
  return from + slice.length;
}

// ---- the box in the header ---------------------------------------------------------------

const SEARCH_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';

let dialog = null;
let generation = 0;

function buildDialog() {
  dialog = document.createElement("dialog");
  dialog.className = "kb-search-dialog";
  dialog.setAttribute("aria-label", t.search);
  dialog.innerHTML =
    `<div class="kb-search-bar">${SEARCH_ICON}<input type="search" autocomplete="off" spellcheck="false" ` +
    `placeholder="${escapeHtml(t.placeholder)}" aria-label="${escapeHtml(t.search)}">` +
    `<button type="button" class="kb-search-close" aria-label="${escapeHtml(t.close)}">Esc</button></div>` +
    `<p class="kb-search-status" role="status"></p><ol class="kb-search-results"></ol>` +
    `<p class="kb-search-footer"><a class="kb-search-all" href="${new URL("search/", siteRoot).href}">${escapeHtml(t.all)}</a>` +
    `<span class="kb-search-hint">${escapeHtml(t.hint)}</span></p>`;
  document.body.append(dialog);
  const input = dialog.querySelector("input");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => runModalSearch(input.value), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => moveSelection(event));
  dialog.querySelector(".kb-search-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
    if (event.target.closest("a")) dialog.close(); // instant navigation takes it from here
  });
}

async function runModalSearch(query) {
  const mine = ++generation;
  const status = dialog.querySelector(".kb-search-status");
  const list = dialog.querySelector(".kb-search-results");
  dialog.querySelector(".kb-search-all").href = new URL(`search/?q=${encodeURIComponent(query)}`, siteRoot).href;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = t.loading;
  let entries;
  try {
    entries = await rankedResults(query);
  } catch {
    status.textContent = t.unavailable;
    return;
  }
  if (mine !== generation) return; // a newer query has started
  const fresh = document.createElement("ol");
  await showResults(fresh, entries, query, 0, MODAL_RESULTS);
  if (mine !== generation) return;
  list.replaceChildren(...fresh.children);
  list.firstElementChild?.classList.add("kb-search-selected");
  status.textContent = entries.length ? t.results(entries.length) : t.none;
}

function moveSelection(event) {
  const items = [...dialog.querySelectorAll(".kb-search-result")];
  const current = items.findIndex((item) => item.classList.contains("kb-search-selected"));
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (!items.length) return;
    const next = (current + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items.forEach((item, i) => item.classList.toggle("kb-search-selected", i === next));
    items[next].scrollIntoView({ block: "nearest" });
  } else if (event.key === "Enter" && current >= 0) {
    event.preventDefault();
    items[current].querySelector("a").click();
  }
}

export function openSearch(query = "") {
  if (!dialog) buildDialog();
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector("input");
  if (query) {
    input.value = query;
    runModalSearch(query);
  }
  input.focus();
  input.select();
  loadPagefind().catch(() => {});
}

function addHeaderButton() {
  if (document.querySelector(".kb-search-button")) return;
  const header = document.querySelector(".md-header__inner");
  if (!header) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon kb-search-button";
  button.title = `${t.search} ( / )`;
  button.setAttribute("aria-label", t.search);
  button.innerHTML = SEARCH_ICON;
  button.addEventListener("click", () => openSearch());
  header.insertBefore(button, header.querySelector(".md-header__option, .md-header__source"));
}

document.addEventListener("keydown", (event) => {
  const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
  const shortcut = (event.key === "k" && (event.ctrlKey || event.metaKey)) || (event.key === "/" && !typing);
  if (shortcut && !(dialog && dialog.open)) {
    event.preventDefault();
    openSearch();
  }
});

// ---- the full search page with filters ---------------------------------------------------

async function setupSearchPage() {
  const root = document.getElementById("kb-search-page");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  const params = new URLSearchParams(location.search);
  root.innerHTML =
    `<div class="kb-search-bar">${SEARCH_ICON}<input type="search" autocomplete="off" placeholder="${escapeHtml(t.placeholder)}" ` +
    `aria-label="${escapeHtml(t.search)}"></div><div class="kb-search-layout"><form class="kb-search-filters"></form>` +
    `<div><p class="kb-search-status" role="status"></p><ol class="kb-search-results"></ol>` +
    `<button type="button" class="md-button kb-search-more" hidden>${escapeHtml(t.more)}</button></div></div>`;
  const input = root.querySelector("input");
  const form = root.querySelector(".kb-search-filters");
  input.value = params.get("q") || "";
  let pagefind;
  try {
    pagefind = await loadPagefind();
  } catch {
    root.querySelector(".kb-search-status").textContent = t.unavailable;
    return;
  }
  const available = await pagefind.filters();
  for (const group of Object.keys(t.groups)) {
    const values = Object.keys(available[group] || {});
    if (!values.length) continue;
    values.sort((a, b) => (group === "year" ? b.localeCompare(a) : a.localeCompare(b, language === "zh" ? "zh-CN" : "en")));
    const chosen = params.getAll(group);
    const fieldset = document.createElement("fieldset");
    fieldset.innerHTML =
      `<legend>${escapeHtml(t.groups[group])}</legend>` +
      values
        .map((value) => `<label><input type="checkbox" name="${group}" value="${escapeHtml(value)}"${chosen.includes(value) ? " checked" : ""}> ` +
          `${escapeHtml(value)} <span class="kb-search-count">${available[group][value]}</span></label>`)
        .join("");
    form.append(fieldset);
  }
  let timer = null;
  const rerun = () => {
    clearTimeout(timer);
    timer = setTimeout(() => runPageSearch(root), DEBOUNCE_MS);
  };
  input.addEventListener("input", rerun);
  form.addEventListener("change", rerun);
  input.focus();
  runPageSearch(root);
}

function chosenFilters(form) {
  const filters = {};
  for (const box of form.querySelectorAll("input:checked")) (filters[box.name] ||= { any: [] }).any.push(box.value);
  return filters;
}

async function runPageSearch(root) {
  const mine = ++generation;
  const input = root.querySelector("input[type=search]");
  const form = root.querySelector(".kb-search-filters");
  const status = root.querySelector(".kb-search-status");
  const list = root.querySelector(".kb-search-results");
  const more = root.querySelector(".kb-search-more");
  const filters = chosenFilters(form);
  const params = new URLSearchParams();
  if (input.value) params.set("q", input.value);
  for (const [group, value] of Object.entries(filters)) value.any.forEach((v) => params.append(group, v));
  history.replaceState(history.state, "", `${location.pathname}${params.toString() ? "?" + params : ""}`);
  const entries = await rankedResults(input.value, filters);
  if (mine !== generation) return;
  const fresh = document.createElement("ol");
  let shown = await showResults(fresh, entries, input.value, 0, PAGE_RESULTS);
  if (mine !== generation) return;
  list.replaceChildren(...fresh.children);
  status.textContent = entries.length ? t.results(entries.length) : input.value || Object.keys(filters).length ? t.none : "";
  more.hidden = shown >= entries.length;
  more.onclick = async () => {
    shown = await showResults(list, entries, input.value, shown, PAGE_RESULTS);
    more.hidden = shown >= entries.length;
  };
}

// ---- start, and again after every instant navigation --------------------------------------

function onPage() {
  addHeaderButton();
  if (dialog?.open) dialog.close();
  setupSearchPage();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
window.kbSearch = { openSearch, rankedResults, queryTerms, snippet, loadPagefind };
