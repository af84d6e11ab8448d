// Search for the service knowledge base: Pagefind behind a search box in Material's header
// and a full search page with filters.
//
// The index holds no Chinese words (generator/search/tokens.py). A record page gives Pagefind
// a search copy of its title and of each text field, each field in a weighted block of its
// own, with each run of Chinese characters written as its character bigrams.
// Here a query is cut the same way into pieces: each run of Chinese characters, each word,
// each code typed in parts (`HX VB 220`). Question words are left out (怎么办, 是什么原因).
// Every piece is searched on its own, so that a query never comes back empty for want of one
// word, and a run also as an exact phrase. A piece is also found by its sound and by the team
// glossary: a word of letters read as pinyin or initials (`sitongfa`, `stf`), a run with a
// homophone typo (四通伐), a term with the other terms of its glossary group
// (generator/search/pinyin.py, vocabulary.py, glossary.py). A glossary term the query names is
// looked up as its own index word and its group's, never as its characters or words: each
// lookup loads an index chunk from every shard, and the two words sort side by side.
// Pages are ranked by how much of
// the query they hold, then by how much of it as typed (a match by sound or synonym ranks
// below the characters themselves), then whether they hold it as written, then an
// alarm code's page before the cases that hold its code, then the state of the case (a word
// of its body), then Pagefind's score (which weighs the field that matched); equal matches by
// reuse, then date, from the data the results load. Filters and
// their counts come from Pagefind's filters; the excerpt is read back from the field that matched.
//
// Without network (the service worker answers for the list of shards that it has none), search
// reads the product packs saved on the phone instead (assets/kb-offline.js), each a bundle of
// its own pages, and says which products it searched and that it searched no other.

import { savedPacks } from "./kb-offline.js";

const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORD = /[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*/gu;
const TOKEN_PREFIX = "qz";
const TOKEN_END = "0";
const TOKEN = new RegExp(`^${TOKEN_PREFIX}([0-9a-z]{3})([0-9a-z]{3})${TOKEN_END}$`);
const CHAR_SYMBOLS = "0123456789abcdefghijklmnopqrstuvwxyz";
const FIRST_CHAR = 0x3400;
const JOINERS = /['’.-]/g;
const CODE_PART = /^[a-z0-9]{1,5}$/;
// An alarm code however it is typed: AL_3002, al-3002, E7 for E-07 (its digits are also tried
// with leading zeros, as the text may write them: A041, F0203).
const CODE = /^([a-z]{1,4})[-_.]?([0-9]{1,5})$/;
const CODE_DIGITS = 4; // zeros are added up to this many digits
const PREFIX_FALLBACK = 6; // a code this long that is found nowhere is tried as the start of a word (ywf4e350: YWF4E-350S)
// What a question adds to its subject: left out of the query, so that a case is not found
// for sharing them (and a particle at the end: 冷库不冷了). A query of nothing else is searched as typed.
const QUESTION_WORDS = [
  "是什么原因", "是啥原因", "什么原因", "啥原因", "是什么意思", "什么意思", "是怎么回事", "怎么回事",
  "怎么处理", "怎么解决", "如何处理", "如何解决", "怎么办", "咋办", "怎么弄", "为什么", "为啥",
];
const QUESTION = new RegExp(`${QUESTION_WORDS.join("|")}|会([\u3400-\u9fff]{1,12}?)吗|[吗呢吧啊呀了](?![\u3400-\u9fff])`, "g");
const MODAL_RESULTS = 8;
const PAGE_RESULTS = 20;
const DEBOUNCE_MS = 120;
const LOG_AFTER_MS = 1500; // a query is logged once the reader has stopped typing
const EXCERPT = { modal: 90, page: 140 };

const LABELS = {
  zh: {
    search: "搜索", placeholder: "报警代码、现象、零件号或关键词，如 E203 压力上不去", close: "关闭", none: "没有找到结果",
    results: (n) => `${n} 条结果`, all: "全部结果与筛选", more: "更多结果", loading: "正在载入搜索……",
    unavailable: "搜索索引尚未生成：请用 kb build 或 kb serve 构建站点。", hint: "↑↓ 选择 · Enter 打开 · Esc 关闭",
    groups: { kind: "类型", product: "产品", skill: "技能", state: "状态", year: "年份" }, filters: "筛选", sep: "、",
    offline: (names) => `没有网络：仅搜索了已保存的 ${names.join("、")}；其他产品没有搜索。`,
    nothingSaved: "没有网络，这台手机上也没有保存产品包，没有可以搜索的内容。有网络时在「离线使用」页保存。",
  },
  en: {
    search: "Search", placeholder: "Alarm code, symptom, part number or keyword, e.g. E203 pressure", close: "Close",
    none: "No results", results: (n) => `${n} result${n === 1 ? "" : "s"}`, all: "All results and filters",
    more: "More results", loading: "Loading search…",
    unavailable: "The search index is missing: build the site with kb build or kb serve.",
    hint: "↑↓ select · Enter open · Esc close",
    groups: { kind: "Kind", product: "Product", skill: "Skill", state: "State", year: "Year" }, filters: "Filters",
    sep: ", ",
    offline: (names) => `No network: searched only the saved ${names.join(", ")}; no other product was searched.`,
    nothingSaved: "No network, and this phone keeps no product pack: there is nothing to search. Save packs on the offline page while online.",
  },
};

const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const t = LABELS[language];
const materialConfig = JSON.parse(document.getElementById("__config")?.textContent || "{}");
// The 404 page has the base "/" (a root-relative site): "//" would be no URL at all.
const siteRoot = new URL((materialConfig.base || ".").replace(/\/?$/, "/"), location.href);
// Field labels and weights, the states best first, kind labels, the search log (theme/main.html).
const settings = JSON.parse(document.getElementById("kb-search-settings")?.textContent || "{}");
const FIELDS = settings.fields || {};
const STATES = settings.states || [];

// ---- cutting a query, the same way as generator/search/tokens.py cuts the text ------------

export function encodeChar(char) {
  let number = char.codePointAt(0) - FIRST_CHAR;
  let symbols = "";
  for (let i = 0; i < 3; i++) {
    symbols = CHAR_SYMBOLS[number % 36] + symbols;
    number = Math.floor(number / 36);
  }
  return symbols;
}

function decodeChar(symbols) {
  let number = 0;
  for (const symbol of symbols) number = number * 36 + CHAR_SYMBOLS.indexOf(symbol);
  return String.fromCodePoint(FIRST_CHAR + number);
}

export function bigrams(run) {
  if (run.length === 1) return [run];
  const codes = [...run].map(encodeChar);
  return codes.slice(1).map((code, i) => TOKEN_PREFIX + codes[i] + code + TOKEN_END);
}

/** A word as Pagefind keeps it: lower case, inner joiners dropped (HX-VB-220 -> hxvb220).
 *  Pagefind looks a word up as the start of longer ones (leak: leaking) and, when none
 *  starts with it, as the longest word it starts with: right for English, wrong for a code
 *  or number (hxvb220 would find every HX-… part). Those, and words that could start a token
 *  or a state word, are looked up as written (Pagefind's quoted search). */
function term(word) {
  const folded = word.toLowerCase().replace(JOINERS, "");
  return /\d/.test(folded) || /^q([gpyz]|$)/.test(folded) ? `"${folded}"` : folded;
}

/** A query without its question words (怎么办, 是什么原因, 会…吗), or as typed if that is all it is. */
function withoutQuestion(text) {
  const left = text.replace(QUESTION, (found, asked) => ` ${asked || ""} `);
  return /[\p{L}\p{N}]/u.test(left) ? left : text;
}

/** The pieces a query is searched by. A piece is found on a page when every one of its
 *  `terms` is (a run's bigrams), or when its first `alternative` that is anywhere at all is
 *  (a word, a code: later ones are rarer spellings, each a few more index chunks to load).
 *  `at` and `end` are where it stands in the query without its question words. */
export function queryPieces(query) {
  const text = queryText(query);
  const pieces = [];
  let last = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    pieces.push(...wordPieces(text.slice(last, match.index), last));
    const run = match[0];
    const at = { at: match.index, end: match.index + run.length };
    if (run.length === 1) pieces.push({ text: run, alternatives: [TOKEN_PREFIX + encodeChar(run), run], ...at });
    else pieces.push({ text: run, terms: [...new Set(bigrams(run))], phrase: `"${bigrams(run).join(" ")}"`, ...at });
    last = match.index + run.length;
  }
  pieces.push(...wordPieces(text.slice(last), last));
  const seen = new Set();
  return pieces.filter((piece) => !seen.has(piece.text.toLowerCase()) && seen.add(piece.text.toLowerCase()));
}

/** The text a query's pieces are cut from. */
function queryText(query) {
  return withoutQuestion(query.normalize("NFKC"));
}

/** A word as it is looked up; a code typed in one piece also as its letters and digits in a
 *  row, as the text may write it (alm2010 for ALM 2010). */
function alternatives(word) {
  const folded = word.toLowerCase().replace(JOINERS, "");
  const code = word.toLowerCase().match(CODE);
  if (code) return codeForms(code[1], code[2]);
  const apart = folded.replace(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/gu, " ");
  const forms = apart === folded || !/\p{L}/u.test(folded) ? [term(word)] : [term(word), `"${apart}"`];
  // A code inside a longer one: YWF4E-350S is indexed as ywf4e350s and its parts.
  if (/\d/.test(folded) && /\p{L}/u.test(folded) && folded.length >= PREFIX_FALLBACK) forms.push(folded.replace(/_/g, ""));
  return forms;
}

/** An alarm code's forms, most likely first: as typed, then with zeros before its digits. */
function codeForms(letters, digits) {
  const forms = [`"${letters}${digits}"`];
  for (let width = digits.length + 1; width <= CODE_DIGITS; width++) forms.push(`"${letters}${digits.padStart(width, "0")}"`);
  return [...forms, `"${letters} ${digits}"`];
}

/** Words, and codes typed in parts: short parts with a digit among them, separated only by
 *  spaces (`ALM 1102`, `qm vp 16`), are searched joined and as the parts in a row. */
function wordPieces(segment, offset) {
  const pieces = [];
  let group = [];
  let end = -1;
  const span = (first, last) => ({ at: offset + first.index, end: offset + last.index + last[0].length });
  const flush = () => {
    const joined = group.map((m) => m[0].toLowerCase()).join("");
    if (group.length > 1 && /\d/.test(joined) && /[a-z]/.test(joined)) {
      const parts = group.map((m) => m[0].toLowerCase());
      const code = group.length === 2 && joined.match(CODE);
      const forms = code ? codeForms(code[1], code[2]) : [`"${joined}"`, `"${parts.join(" ")}"`];
      pieces.push({ text: group.map((m) => m[0]).join(" "), alternatives: forms, ...span(group[0], group[group.length - 1]) });
    } else {
      for (const m of group) if (m[0].length > 1) pieces.push({ ...wordPiece(m[0]), ...span(m, m) });
    }
    group = [];
  };
  for (const match of segment.matchAll(WORD)) {
    const adjacent = group.length && /^\s+$/.test(segment.slice(end, match.index));
    const part = CODE_PART.test(match[0].toLowerCase());
    if (!(adjacent && part && CODE_PART.test(group[group.length - 1][0].toLowerCase()))) flush();
    group.push(match);
    end = match.index + match[0].length;
  }
  flush();
  return pieces;
}

/** A word's piece; a word of letters alone may also be pinyin or initials (see soundPiece). */
function wordPiece(word) {
  const piece = { text: word, alternatives: alternatives(word) };
  if (!/^[a-z]+$/i.test(word)) return piece;
  piece.letters = word.toLowerCase();
  // A word that may be initials or pinyin is looked up as written (an abbreviation: PLC),
  // never as the start of a word or, when none starts so, as the longest word it starts with
  // (czk: the C of °C; fanxiang: fan): what is found nowhere is read by its sound.
  if (INITIALS.test(piece.letters) || PINYIN_SHAPE.test(piece.letters)) piece.alternatives = [`"${piece.letters}"`];
  return piece;
}

// ---- Pagefind ---------------------------------------------------------------------------

let pagefindPromise = null;
// What the loaded index covers: the whole site, or (offline) the names of the packs saved.
let offlineScope = null;

/** Pagefind over every shard of the index (generator/search/index.py): the first shard's
 *  bundle is the main one, the others are merged into it, so that every search, filter and
 *  result below spans all of them. A shard's folder is named by its content, so its files
 *  never change and the browser may keep them; only the list of shards is asked for anew.
 *  Offline, the same over the bundles of the packs saved on the phone. */
function loadPagefind() {
  pagefindPromise ||= (async () => {
    let listed = null;
    try {
      listed = await fetch(new URL("pagefind/shards.json", siteRoot), { cache: "no-cache" });
    } catch {
      // no network, and no service worker to say so
    }
    if (!listed || listed.headers.has("x-kb-offline")) return loadSavedPacks();
    if (!listed.ok) throw new Error(`no search index (${listed.status})`);
    offlineScope = null;
    const bundles = (await listed.json()).shards.map((shard) => ({ folder: `pagefind/${shard.name}/`, tag: shard.name }));
    return mergedBundles(bundles);
  })().catch((error) => {
    pagefindPromise = null; // asked again next time: the network may be back
    throw error;
  });
  return pagefindPromise;
}

async function loadSavedPacks() {
  const packs = await savedPacks();
  if (!packs.length) throw Object.assign(new Error(t.nothingSaved), { shown: true });
  offlineScope = packs.map((pack) => pack.name);
  return mergedBundles(packs.map((pack) => ({ folder: `packs/${pack.product}/pagefind/`, tag: pack.hash })));
}

async function mergedBundles([first, ...others]) {
  const folder = (bundle) => new URL(bundle.folder, siteRoot);
  const pagefind = await import(new URL("pagefind.js", folder(first)).href);
  // Fields weigh through their blocks' data-pagefind-weight; a page's only metadata is a
  // title with no word in it (a result's title is read from its title's block).
  const options = { baseUrl: siteRoot.pathname, ranking: { metaWeights: { title: 0 } } };
  await pagefind.options({ ...options, metaCacheTag: first.tag });
  await pagefind.init();
  await Promise.all(others.map((bundle) => pagefind.mergeIndex(folder(bundle).pathname, { ...options, metaCacheTag: bundle.tag })));
  return pagefind;
}

/** Back online: the next search loads the site's own index again. */
window.addEventListener("online", () => {
  if (!offlineScope) return;
  pagefindPromise = statesPromise = facetsPromise = null;
  offlineScope = null;
  searches.clear();
});

/** What a search could not cover, said under its results: offline, every product not saved. */
function showScope(line) {
  if (!line) return;
  line.textContent = offlineScope ? t.offline(offlineScope) : "";
  line.hidden = !offlineScope;
}

function unavailable(error) {
  return error?.shown ? error.message : t.unavailable;
}

// term -> its results. A query grows a character at a time and keeps most of its terms; the
// oldest are let go, so that their results (and Pagefind's data for them) can be collected.
const searches = new Map();
const KEPT_SEARCHES = 200;

/** One Pagefind search, reduced to what ranking needs: each page and its score. */
function search(termText) {
  if (!searches.has(termText)) {
    if (searches.size >= KEPT_SEARCHES) searches.delete(searches.keys().next().value);
    searches.set(
      termText,
      loadPagefind()
        .then((pagefind) => pagefind.search(termText))
        .then((found) =>
          found.results.map((result) => ({ result, score: result.score })),
        ),
    );
  }
  return searches.get(termText);
}

/** The pages that hold a word of the glossary (a group's or a term's), with Pagefind's score,
 *  which weighs the field that holds it (generator/search/glossary.py): the word looked up as
 *  written says which pages hold it (such a lookup scores every page 1), the word as the start
 *  of words gives the scores (and, for a word no page holds, the pages of the longest word it
 *  starts with, left out). Both read the same index chunk. */
async function glossaryHits(word) {
  const [held, scored] = await Promise.all([search(`"${word}"`), search(word)]);
  const ids = new Set(held.map((hit) => hit.result.id));
  return scored.filter((hit) => ids.has(hit.result.id));
}

/** One search of a list (a piece's sound, the words it sounds like, glossary words). */
function lookUp(one) {
  return one.word ? glossaryHits(one.word) : search(one.text);
}

/** The results of the first of some searches that finds anything but alarm codes' pages,
 *  with the code pages found on the way: a code page also holds its code's canonical form
 *  (ALM-1005), which the cases may write otherwise (ALM 1005). */
async function firstFound(terms) {
  const found = new Map();
  let used = terms[0];
  for (const termText of terms) {
    const [hits, codes] = await Promise.all([search(termText), codePages()]);
    for (const hit of hits) if (!found.has(hit.result.id)) found.set(hit.result.id, hit);
    used = termText;
    if (hits.some((hit) => !codes.has(hit.result.id))) break;
  }
  return { hits: [...found.values()], used };
}

let statesPromise = null;

/** Each case's state, as its rank in STATES (best first): the pages holding each state's word. */
function caseStates() {
  statesPromise ||= loadPagefind().then(async (pagefind) => {
    const states = new Map();
    await Promise.all(
      (settings.state_words || []).map(async (word, rank) => {
        const found = await pagefind.search(word);
        for (const result of found.results) states.set(result.id, rank);
      }),
    );
    return states;
  });
  return statesPromise;
}

let codePagesPromise = null;

/** The alarm codes' pages (generator/render/codes.py): the pages holding their word, which
 *  sits in the index chunk of the state words. A code page holds nothing but its code, so
 *  it matches as much of a query as a case only when the query is the code: then it comes
 *  first, the summary of every case that holds the code. */
function codePages() {
  codePagesPromise ||= loadPagefind().then(async (pagefind) =>
    settings.code_word ? new Set((await pagefind.search(settings.code_word)).results.map((r) => r.id)) : new Set(),
  );
  return codePagesPromise;
}

// ---- pinyin, homophones and the glossary (generator/search/pinyin.py, vocabulary.py) ----

const MAX_SOUND_WORDS = 3; // the site's words a piece's sound is looked up as, at most: each loads index chunks
const CUTS_KEPT = 16; // ways kept for each end of a word, as generator/search/pinyin.py
const INITIALS = /^[bcdfghjklmnpqrstwxyz]{3,}$/; // a word of initials: no vowel (and no v: no pinyin starts with ü)
// Syllables in the rough (an initial, vowels, an ending): a word of another shape is no pinyin,
// and is looked up without loading the syllables to cut it with (most English words).
const PINYIN_SHAPE = /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]{1,3}(?:ng|n|r)?){2,}$/;
let wordsPromise = null;
let charsPromise = null;

/** A JSON file of the search (generator/search/vocabulary.py): compressed with gzip, unless
 *  the web server has already uncompressed it on the way. */
async function fetchJson(path) {
  try {
    const response = await fetch(new URL(path, siteRoot), { cache: "no-cache" });
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  } catch {
    return null;
  }
}

/** The syllables and their codes, the site's words and the glossary's groups (the words' file). */
export function loadWords() {
  wordsPromise ||= fetchJson(settings.words).then((raw) => raw && prepareWords(raw));
  return wordsPromise;
}

function prepareWords(raw) {
  // a syllable's code: the first symbol of its row, then the symbol of its place in the row
  const rows = Object.entries(raw.rows).map(([first, row]) => [first, row.split(",")]);
  const codes = new Map(rows.flatMap(([first, row]) => row.map((syllable, i) => [syllable, first + raw.symbols[i]])));
  const initials = new Map([...codes].map(([syllable, code]) => [code, syllable[0]]));
  const groups = raw.groups.map((group) => ({
    word: group.word,
    terms: group.terms.map(([text, kind, ...forms], place) => ({ text, kind, forms, pattern: termPattern(text), word: termWord(group.word, place) })),
  }));
  const words = raw.words.map(([run, ...forms]) => ({ run, forms }));
  return { ...raw, codes, initials, firstSymbols: new Map(Object.entries(raw.initials)), words, groups, longest: Math.max(...[...codes.keys()].map((s) => s.length)) };
}

const GROUP_SYMBOLS = "bcdfghjklmnpqrstvwxz123456789";

/** The index word of the term at a place of a group (0: the first): its group's word with the
 *  place before its last symbol, generator/search/glossary.py's `Group.term_word`. It sorts
 *  beside the group's word, so both mostly come in one index chunk. */
export function termWord(groupWord, place) {
  let symbols = "";
  do {
    symbols = GROUP_SYMBOLS[place % GROUP_SYMBOLS.length] + symbols;
    place = Math.floor(place / GROUP_SYMBOLS.length);
  } while (place);
  return groupWord.slice(0, -1) + symbols + groupWord.slice(-1);
}

/** Each character's first reading (the readings' file), for reading a query with a homophone. */
function loadChars() {
  charsPromise ||= fetchJson(settings.chars).then((raw) => {
    const reading = new Map();
    for (const [syllable, chars] of Object.entries(raw || {})) for (const char of chars) reading.set(char, syllable);
    return reading;
  });
  return charsPromise;
}

/** The ways a word of letters cuts into syllables, fewest syllables first, then longer ones
 *  first (`xian` before `xi an`): generator/search/pinyin.py's `cuts`. */
export function cutsOf(word, vocabulary, most = 3) {
  const ends = Array.from({ length: word.length }, () => []);
  ends.push([[]]);
  for (let start = word.length - 1; start >= 0; start--) {
    const found = [];
    for (let end = start + 1; end <= Math.min(word.length, start + vocabulary.longest); end++) {
      if (!vocabulary.codes.has(word.slice(start, end))) continue;
      for (const rest of ends[end]) found.push([word.slice(start, end), ...rest]);
    }
    ends[start] = found.sort(cutOrder).slice(0, CUTS_KEPT);
  }
  return ends[0].slice(0, most);
}

function cutOrder(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i].length !== b[i].length) return b[i].length - a[i].length;
  return 0;
}

/** The search for syllables (their codes) in a title: the sound tokens of each pair, as a
 *  phrase. A token is the prefix, the first symbols of the two codes, then their second ones. */
function titleSound(codes, vocabulary) {
  const tokens = codes.slice(1).map((code, i) => vocabulary.prefix + codes[i][0] + code[0] + codes[i][1] + code[1]);
  return tokens.length === 1 ? `"${tokens[0]}"` : `"${tokens.join(" ")}"`;
}

/** The search for initials in a title: for each pair of letters, the start of the sound tokens
 *  of every pair of syllables with those initials (Pagefind finds each word that starts so, and
 *  pages with all of them); null if a letter starts no syllable. */
function titleInitials(letters, vocabulary) {
  const symbols = [...letters].map((letter) => vocabulary.firstSymbols.get(letter));
  if (symbols.some((symbol) => !symbol)) return null;
  return symbols.slice(1).map((symbol, i) => vocabulary.prefix + symbols[i] + symbol).join(" ");
}

/** What a word of pinyin is looked up as in titles (its first cut): for the browser tests. */
async function soundOf(word) {
  const vocabulary = await loadWords();
  const cut = cutsOf(word, vocabulary).find((syllables) => syllables.length > 1);
  return cut ? titleSound(cut.map((syllable) => vocabulary.codes.get(syllable)), vocabulary) : null;
}

/** What a word of initials is looked up as in titles: for the browser tests. */
async function titleInitialsOf(word) {
  return titleInitials(word, await loadWords());
}

/** Each character's reading, as a query with a homophone typo is read: for the browser tests. */
async function readingsOf(text) {
  const reading = await loadChars();
  return [...text].map((char) => reading.get(char) ?? null);
}

/** Where a run of codes (two symbols a syllable) stands in a word's codes, in syllables. */
function* placesOf(codes, form) {
  for (let at = form.indexOf(codes); at >= 0; at = form.indexOf(codes, at + 1)) if (at % 2 === 0) yield at / 2;
}

function initialsOf(form, vocabulary) {
  let letters = "";
  for (let i = 0; i < form.length; i += 2) letters += vocabulary.initials.get(form.slice(i, i + 2));
  return letters;
}

/** The characters of the site's words that sound like these codes (or have these initials),
 *  most words first: what a word of pinyin or initials stands for. */
function soundingWords(wanted, vocabulary, byInitials = false) {
  const counts = new Map();
  for (const word of vocabulary.words) {
    const chars = [...word.run];
    for (const form of word.forms) {
      const written = byInitials ? initialsOf(form, vocabulary) : form;
      const step = byInitials ? 1 : 2;
      for (let at = written.indexOf(wanted); at >= 0; at = written.indexOf(wanted, at + 1)) {
        if (at % step) continue;
        const found = chars.slice(at / step, (at + wanted.length) / step).join("");
        counts.set(found, (counts.get(found) || 0) + 1);
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([run]) => run);
}

/** The glossary's terms that sound so (or have these initials), each with its group. */
function soundingTerms(wanted, vocabulary, byInitials = false) {
  return vocabulary.groups.flatMap((group) =>
    group.terms
      .filter((term) => term.forms.some((form) => (byInitials ? initialsOf(form, vocabulary) : form) === wanted))
      .map((term) => ({ group, term })),
  );
}

/** The searches for the glossary terms a query sounds like ({group, term, ...}): each group's
 *  word (any of its terms) and each term's own word (pages that write the term it sounds like
 *  score higher), which sort side by side, mostly into one index chunk. */
function glossarySearches(heard) {
  const groups = [...new Set(heard.map(({ group }) => group))];
  const meant = groups.map((group) => ({ word: group.word, group, marks: group.terms.map((term) => term.text) }));
  return [...meant, ...heard.map((one) => ({ ...one, word: one.term.word, marks: [one.term.text] }))];
}

/** The site's words that are no term heard: a term is looked up by its word and its group's,
 *  which every page that writes it holds (generator/render/search_data.py), where its
 *  characters would load the index chunks of each of its pairs as well. */
function besideTerms(runs, heard) {
  const terms = new Set(heard.map(({ term }) => term.text));
  return runs.filter((run) => !terms.has(run));
}

/** How a run of characters is searched: its one bigram, or its bigrams as a phrase. */
function runSearch(run) {
  const tokens = bigrams(run);
  return tokens.length === 1 ? tokens[0] : `"${tokens.join(" ")}"`;
}

/** What a word of letters stands for when read as pinyin (its cuts into syllables, fewest
 *  first) or as initials: searches, and the characters to mark in excerpts. */
async function soundSearches(letters) {
  const vocabulary = await loadWords();
  if (!vocabulary) return [];
  for (const cut of cutsOf(letters, vocabulary).filter((syllables) => syllables.length > 1)) {
    const codes = cut.map((syllable) => vocabulary.codes.get(syllable));
    const heard = soundingTerms(codes.join(""), vocabulary);
    const runs = besideTerms(soundingWords(codes.join(""), vocabulary).slice(0, MAX_SOUND_WORDS), heard);
    const searches = [{ text: titleSound(codes, vocabulary), marks: [] }];
    searches.push(...runs.map((run) => ({ text: runSearch(run), marks: [run] })), ...glossarySearches(heard));
    const found = await Promise.all(searches.map(lookUp));
    if (found.some((hits) => hits.length)) return searches.map((one, i) => ({ ...one, hits: found[i] }));
  }
  if (!INITIALS.test(letters)) return [];
  const heard = soundingTerms(letters, vocabulary, true);
  const runs = besideTerms(soundingWords(letters, vocabulary, true).slice(0, MAX_SOUND_WORDS), heard);
  const searches = [...runs.map((run) => ({ text: runSearch(run), marks: [run] })), ...glossarySearches(heard)];
  const found = await Promise.all(searches.map(lookUp));
  if (found.some((hits) => hits.length)) return searches.map((one, i) => ({ ...one, hits: found[i] }));
  // no word of the site has these initials: the titles' (their index chunks load only now)
  const initials = titleInitials(letters, vocabulary);
  return initials ? [{ text: initials, marks: [], hits: await search(initials) }] : [];
}

/** A run some pair of whose characters is nowhere in the index: read it as the input method
 *  heard it (a homophone typo, 四通伐 for 四通阀) and search what sounds like it around that pair,
 *  in titles and among the site's words and glossary terms. Each search with the pairs it covers. */
async function homophoneSearches(piece, missing) {
  const [vocabulary, reading] = await Promise.all([loadWords(), loadChars()]);
  if (!vocabulary || !reading) return [];
  const chars = [...piece.text];
  const codes = chars.map((char) => vocabulary.codes.get(reading.get(char)));
  const searches = [];
  const words = new Map(); // the site's words heard in the run, written otherwise: run -> pairs
  const terms = new Map(); // the glossary's terms heard in it: term -> its group and pairs
  for (const [from, to] of stretches(codes)) {
    for (const [first, last] of clusters([...missing].filter((pair) => pair >= from && pair + 1 < to))) {
      searches.push({ text: titleSound(codes.slice(first, last + 2), vocabulary), pairs: range(first, last + 1), marks: [] });
    }
    for (const { run, pairs } of heardIn(codes, from, to, missing, vocabulary.words.map((w) => [w.run, w.forms]))) {
      if (chars.slice(pairs[0], pairs[pairs.length - 1] + 2).join("") !== run) words.set(run, pairs);
    }
    const entries = vocabulary.groups.flatMap((group) => group.terms.map((term) => [{ group, term }, term.forms]));
    for (const { run: one, pairs } of heardIn(codes, from, to, missing, entries)) {
      terms.set(one.term, { ...one, pairs: [...new Set([...(terms.get(one.term)?.pairs || []), ...pairs])] });
    }
  }
  const heard = [...terms.values()];
  const chosen = [...words].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SOUND_WORDS);
  const kept = new Set(besideTerms(chosen.map(([run]) => run), heard));
  searches.push(...chosen.filter(([run]) => kept.has(run)).map(([run, pairs]) => ({ text: runSearch(run), pairs, marks: [run] })));
  // a group's word counts for the pairs of all its terms heard, a term's word for its own
  const pairsOf = (group) => [...new Set(heard.filter((one) => one.group === group).flatMap((one) => one.pairs))];
  searches.push(...glossarySearches(heard).map((one) => ({ ...one, pairs: one.term ? one.pairs : pairsOf(one.group) })));
  const found = await Promise.all(searches.map(lookUp));
  return searches.map((one, i) => ({ ...one, hits: found[i] }));
}

/** The entries ([what, forms]) whose sound is in a stretch [from, to) of a run's codes and
 *  covers one of its missing pairs: each with the pairs it covers. */
function* heardIn(codes, from, to, missing, entries) {
  const heard = codes.slice(from, to).join("");
  for (const [what, forms] of entries) {
    for (const form of forms) {
      for (const at of placesOf(form, heard)) {
        const pairs = range(from + at, from + at + form.length / 2 - 1);
        if (pairs.some((pair) => missing.has(pair))) yield { run: what, pairs };
      }
    }
  }
}

/** The stretches [from, to) of two or more characters that each have a reading. */
function stretches(codes) {
  const found = [];
  let from = 0;
  for (let i = 0; i <= codes.length; i++) {
    if (i < codes.length && codes[i]) continue;
    if (i - from > 1) found.push([from, i]);
    from = i + 1;
  }
  return found;
}

/** Runs of adjacent numbers, as [first, last]. */
function clusters(numbers) {
  const found = [];
  for (const n of numbers.sort((a, b) => a - b)) {
    if (found.length && found[found.length - 1][1] === n - 1) found[found.length - 1][1] = n;
    else found.push([n, n]);
  }
  return found;
}

const range = (from, to) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** A glossary term as it occurs in a query (generator/search/glossary.py's `_pattern`). */
function termPattern(text) {
  const words = text.split(" ").map(escapeRegExp);
  const chinese = /[\u3400-\u9fff]/;
  let body = words.join(chinese.test(text) ? "\\s*" : "\\s+");
  if (!chinese.test(text[0])) body = "(?<![\\p{L}\\p{N}])" + body;
  if (/[a-z]$/.test(text)) body += "(?:s|es|ed|ing)?";
  if (!chinese.test(text[text.length - 1])) body += "(?![\\p{L}\\p{N}])";
  return new RegExp(body, "gu");
}

/** Where the query names a glossary term: each place, with its group. */
function glossaryPlaces(text, vocabulary) {
  const folded = text.toLowerCase();
  const places = [];
  for (const group of vocabulary.groups) {
    for (const term of group.terms) {
      for (const match of folded.matchAll(term.pattern)) places.push({ group, term, at: match.index, end: match.index + match[0].length });
    }
  }
  return places;
}

/** The units of a piece a place in the query covers: a run's pairs inside it, or the whole of a word. */
function coveredUnits(piece, at, end) {
  if (end <= piece.at || at >= piece.end) return [];
  if (!piece.terms) return [0];
  const tokens = bigrams(piece.text);
  return pairsIn(piece, at, end).map((pair) => piece.terms.indexOf(tokens[pair]));
}

/** The pairs of a run's characters (by their place in the run) that lie inside [at, end) of the query. */
function pairsIn(piece, at, end) {
  if (!piece.terms) return [];
  return range(0, bigrams(piece.text).length).filter((pair) => piece.at + pair >= at && piece.at + pair + 2 <= end);
}

// ---- ranking ------------------------------------------------------------------------------

function newEntry(result, units) {
  return {
    result,
    id: result.id,
    literal: units.map(() => new Set()), // the units of each piece found as typed
    other: units.map(() => new Set()), // ... found by sound or through the glossary
    exact: units.map(() => false),
    score: 0,
  };
}

/** Every page that holds any piece of the query, best first (see the top of this file). */
export async function rankedResults(query) {
  if (!queryPieces(query).length) return [];
  const places = await namedTerms(queryText(query));
  const pieces = lookedUp(queryPieces(query), places);
  const units = pieces.map((piece) => piece.terms?.length || 1);
  const pages = new Map();
  const marks = [];
  const entry = (hit) => {
    if (!pages.has(hit.result.id)) pages.set(hit.result.id, newEntry(hit.result, units));
    return pages.get(hit.result.id);
  };
  const credit = (hit, i, unit, asTyped) => {
    const page = entry(hit);
    (asTyped ? page.literal : page.other)[i].add(unit);
    page.score += (asTyped ? hit.score : hit.score / 2) / units[i];
  };
  await Promise.all([
    ...pieces.map((piece, i) => findPiece(piece, i, credit, entry, marks)),
    findInGlossary(places, pieces, credit, marks),
  ]);
  soundMarks.set(query, marks);
  const [states, codes] = await Promise.all([caseStates(), codePages()]);
  const ranked = [...pages.values()];
  for (const page of ranked) {
    // a piece looked up in part through the glossary holds as typed what it holds wholly as typed
    pieces.forEach((piece, i) => piece.glossed && (page.exact[i] = page.literal[i].size === units[i]));
    const found = page.literal.map((literal, i) => new Set([...literal, ...page.other[i]]).size / units[i]);
    page.complete = found.filter((share) => share > 0.999).length;
    page.coverage = found.reduce((sum, share) => sum + share, 0);
    page.typed = page.literal.reduce((sum, literal, i) => sum + literal.size / units[i], 0);
    page.phrases = page.exact.filter(Boolean).length;
    page.state = states.get(page.id);
    page.codePage = codes.has(page.id) ? 1 : 0;
  }
  return ranked.sort((a, b) => compareMatches(a, b) || byId(a, b));
}

/** The pieces as they are looked up once the glossary terms the query names are known
 *  (`places`). A word that is all of a named term, and the pairs of a run inside one, are found
 *  by the term's word (as typed) and its group's (what it means), which sort side by side,
 *  mostly into one index chunk (findInGlossary), never by index chunks of their own; a pair
 *  across a named term's edge (组逆 of 冷库机组逆相保护) is not looked for at all. Each pair costs
 *  an index chunk in every shard: a long run naming a term loaded some twenty of them at 10,000
 *  cases (benchmarks/SEARCH.md). */
function lookedUp(pieces, places) {
  if (!places.length) return pieces;
  return pieces.map((piece) => {
    if (!piece.terms) return places.some((place) => place.at <= piece.at && place.end >= piece.end) ? { ...piece, glossed: true } : piece;
    const tokens = bigrams(piece.text);
    const inside = new Set(places.flatMap((place) => pairsIn(piece, place.at, place.end)));
    const edge = new Set(range(0, tokens.length).filter((pair) => !inside.has(pair) && places.some((place) => acrossEdge(piece.at + pair, place))));
    const kept = range(0, tokens.length).filter((pair) => !edge.has(pair));
    if (!(inside.size || edge.size) || !kept.length) return piece;
    const searched = kept.filter((pair) => !inside.has(pair)).map((pair) => tokens[pair]);
    return { ...piece, terms: [...new Set(kept.map((pair) => tokens[pair]))], searched: [...new Set(searched)], skipped: new Set([...inside, ...edge]), glossed: true };
  });
}

/** Whether a pair starting at this place of the query has one character inside a named term and the other outside. */
function acrossEdge(first, place) {
  const within = (at) => at >= place.at && at < place.end;
  return within(first) !== within(first + 1);
}

/** One piece: a run by its bigrams and as a phrase, and by its sound where a pair of it is
 *  nowhere; a word by its first form found anywhere, or, if it is letters, by its sound. What
 *  a named glossary term covers is found through the glossary only (lookedUp, findInGlossary). */
async function findPiece(piece, i, credit, entry, marks) {
  if (piece.terms) {
    const searched = piece.searched || piece.terms;
    const phrase = !piece.glossed && searched.length > 1 ? search(piece.phrase) : [];
    const each = await Promise.all(searched.map(search));
    each.forEach((hits, k) => hits.forEach((hit) => credit(hit, i, piece.terms.indexOf(searched[k]), true)));
    for (const hit of await phrase) entry(hit).exact[i] = true;
    if (!piece.glossed && piece.terms.length === 1) for (const hit of each[0]) entry(hit).exact[i] = true;
    const tokens = bigrams(piece.text);
    const found = new Map(searched.map((token, k) => [token, each[k].length > 0]));
    // A pair inside a glossary term is no typo where no case writes it (制冷剂 where the cases write 冷媒).
    const missing = new Set(range(0, tokens.length).filter((pair) => !piece.skipped?.has(pair) && !found.get(tokens[pair])));
    if (!misheard(missing, tokens.length)) return;
    for (const one of await homophoneSearches(piece, missing)) {
      for (const hit of one.hits) {
        for (const unit of one.pairs.map((pair) => piece.terms.indexOf(tokens[pair]))) if (unit >= 0) credit(hit, i, unit, false);
      }
      if (one.hits.length) marks.push(...one.marks);
    }
    return;
  }
  if (piece.glossed) return;
  const { hits, used } = await firstFound(piece.alternatives);
  for (const hit of hits) {
    credit(hit, i, 0, true);
    entry(hit).exact[i] = true;
  }
  if (hits.length && used !== piece.alternatives[0]) marks.push(used.replace(/"/g, "")); // e07 for E7
  // Read as pinyin or initials only what is no word of the index (brand, PLC and bingdu, if
  // a case writes it, are found as written).
  if (!hits.length && piece.letters && (PINYIN_SHAPE.test(piece.letters) || INITIALS.test(piece.letters))) {
    await findBySound(piece, i, credit, entry, marks);
  }
}

/** Whether the pairs of a run found nowhere look like a homophone typo: a wrong character
 *  breaks the two pairs it is in, or the one at an end of the run; two words typed without a
 *  space between them leave one pair inside the run (灌装阀滴漏: 阀滴), found nowhere too. */
function misheard(missing, pairs) {
  return [...missing].some((pair) => pair === 0 || pair === pairs - 1 || missing.has(pair + 1));
}

/** A word of letters read as pinyin, or as initials: whether anything was found so. */
async function findBySound(piece, i, credit, entry, marks) {
  let found = false;
  for (const one of await soundSearches(piece.letters)) {
    for (const hit of one.hits) {
      credit(hit, i, 0, false);
      entry(hit).exact[i] = true;
    }
    if (one.hits.length) marks.push(...one.marks);
    found ||= one.hits.length > 0;
  }
  return found;
}

/** Where the query names a glossary term (none without a glossary): each place, with its term and group. */
async function namedTerms(text) {
  if (!settings.glossary) return [];
  const vocabulary = await loadWords();
  return vocabulary ? glossaryPlaces(text, vocabulary) : [];
}

/** The glossary: a term of the query finds its group's word, which every page that holds any
 *  term of the group has, and its own word, which every page that holds the term itself has
 *  (generator/search/glossary.py): what it means, and what was typed. They count for the
 *  pieces it covers: a word wholly inside the term, a run's pairs inside it. */
async function findInGlossary(places, pieces, credit, marks) {
  await Promise.all(
    places.map(async (place) => {
      const [meant, typed] = await Promise.all([glossaryHits(place.group.word), glossaryHits(place.term.word)]);
      pieces.forEach((piece, i) => {
        const units = coveredUnits(piece, place.at, place.end);
        for (const unit of units) for (const hit of meant) credit(hit, i, unit, false);
        // a word the term is only a part of (PLC of PLC-200) is found as typed by its own lookup
        const whole = piece.terms || (place.at <= piece.at && place.end >= piece.end);
        if (whole) for (const unit of units) for (const hit of typed) credit(hit, i, unit, true);
      });
      if (meant.length) marks.push(...place.group.terms.map((term) => term.text));
    }),
  );
}

// What each query was also found by (the site's words, the glossary's terms): marked in excerpts.
const soundMarks = new Map();

/** The state's place: live cases by state, then other records, archived cases last. */
function stateRank(page) {
  if (page.state === undefined) return STATES.length - 1.5;
  return page.state;
}

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Matches ranked before their data is loaded; ties are then settled by reuse and date. */
function compareMatches(a, b) {
  return (
    (b.complete ?? 0) - (a.complete ?? 0) ||
    (b.coverage ?? 0) - (a.coverage ?? 0) ||
    (b.typed ?? 0) - (a.typed ?? 0) ||
    (b.phrases ?? 0) - (a.phrases ?? 0) ||
    (b.codePage ?? 0) - (a.codePage ?? 0) ||
    stateRank(a) - stateRank(b) ||
    (b.score ?? 0) - (a.score ?? 0)
  );
}

/** A case's reuse, then its date, as one number (more citations, then newer, is larger). */
function reuseAndDate(data) {
  const block = blocksOf(data).find((one) => one.name === "order");
  if (!block) return -1;
  const symbols = [...(settings.marks || "")];
  const order = [...block.words.join("")].map((symbol) => settings.order[symbols.indexOf(symbol)]).join("");
  const [cited, date] = order.split("-").map(Number);
  return cited * 1e8 + date;
}

// ---- excerpts: the field that matched, read back from its search copy --------------------

const CLOSING = new Set([...",.;:!?)]}%、。，；：！？）」』》"]);
const OPENING = new Set([..."([{「『《（"]);

/** The text a search copy was made from: generator/search/tokens.py's `decode`. */
export function decodeCopy(copy) {
  const pieces = [];
  let previous = "";
  for (const word of copy.split(/\s+/).filter(Boolean)) {
    const token = TOKEN.exec(word);
    if (token) {
      const first = decodeChar(token[1]);
      const second = decodeChar(token[2]);
      const last = pieces[pieces.length - 1];
      if (first === previous && last?.kind === "cjk") last.text += second;
      else pieces.push({ text: first + second, kind: "cjk" });
      previous = second;
      continue;
    }
    previous = "";
    const kind = /^[\u3400-\u9fff]+$/.test(word) ? "cjk" : /^[\p{L}\p{N}_]/u.test(word) ? "word" : "mark";
    pieces.push({ text: word, kind });
  }
  let text = pieces[0]?.text || "";
  for (let i = 1; i < pieces.length; i++) text += (spaced(pieces[i - 1], pieces[i]) ? " " : "") + pieces[i].text;
  return text;
}

function spaced(before, after) {
  if (after.kind === "mark" && CLOSING.has(after.text[0])) return false;
  if (before.kind === "mark" && OPENING.has(before.text[before.text.length - 1])) return false;
  const ascii = (s) => /^[\x00-\x7f]*$/.test(s);
  return !(before.kind === "mark" && !ascii(before.text)) && !(after.kind === "mark" && !ascii(after.text));
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ENDINGS = ["ing", "ed", "es", "s"];

/** What to mark for a query: each run as written and its bigrams; each word with any
 *  separators between its characters (hxvb220 marks HX-VB-220) and its endings (leak, leaking);
 *  and what the query was also found by (the site's words it sounds like, glossary terms, a
 *  code's other form). */
function markPattern(query) {
  const patterns = [];
  for (const piece of queryPieces(query)) {
    if (piece.terms) {
      patterns.push(escapeRegExp(piece.text));
      for (let i = 0; i + 1 < piece.text.length; i++) patterns.push(escapeRegExp(piece.text.slice(i, i + 2)));
    } else if (/^[\u3400-\u9fff]$/.test(piece.text)) {
      patterns.push(escapeRegExp(piece.text));
    } else {
      patterns.push(wordPattern(piece.text));
    }
  }
  for (const mark of soundMarks.get(query) || []) patterns.push(/[\u3400-\u9fff]/.test(mark) ? escapeRegExp(mark) : wordPattern(mark));
  patterns.sort((a, b) => b.length - a.length);
  return patterns.length ? new RegExp(patterns.join("|"), "giu") : null;
}

function wordPattern(text) {
  const word = text.toLowerCase().replace(/[\s'’._-]/g, "");
  // Pagefind stems English: calibrating finds calibrated, bearings finds bearing.
  const ending = ENDINGS.find((end) => word.endsWith(end) && word.length - end.length >= 4);
  const stem = [...(ending ? word.slice(0, -ending.length) : word)];
  return "(?<![\\p{L}\\p{N}])" + stem.map(escapeRegExp).join("[\\s'’._-]?") + "[\\p{L}\\p{N}]*";
}

/** A window of a field's text around its best match, escaped, with the matches marked. */
export function excerpt(text, query, length = EXCERPT.page) {
  const pattern = markPattern(query);
  const matches = pattern ? [...text.matchAll(pattern)].filter((m) => m[0]) : [];
  const first = matches.length ? matches.reduce((best, m) => (m[0].length > best[0].length ? m : best)).index : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
  const end = Math.min(text.length, start + length);
  let html = "";
  let at = start;
  for (const m of matches) {
    const from = Math.max(m.index, at);
    const to = Math.min(m.index + m[0].length, end);
    if (to <= from || from >= end) continue;
    html += escapeHtml(text.slice(at, from)) + `<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  html += escapeHtml(text.slice(at, end));
  return (start > 0 ? "…" : "") + html + (end < text.length ? "…" : "");
}

/** The blocks of a page's body, cut at their marks (generator/search/fields.py): each block's
 *  name and its words. */
function blocksOf(data) {
  const names = new Map([...(settings.marks || "")].map((symbol, i) => [settings.mark + symbol, settings.marked[i]]));
  const blocks = [];
  for (const word of (data.content || "").split(/\s+/).filter(Boolean)) {
    if (names.has(word)) blocks.push({ name: names.get(word), words: [] });
    else blocks[blocks.length - 1]?.words.push(word);
  }
  return blocks;
}

/** The text of each field of a page, read back from its search copy. */
export function fieldTexts(data) {
  return blocksOf(data)
    .filter((block) => block.name in FIELDS)
    .map((block) => ({ name: block.name, text: decodeCopy(block.words.join(" ")) }));
}

/** A result's title, read back from its title's block (Pagefind is given one with no word,
 *  so as not to index its words a second time), or the one it is given. */
function titleOf(data) {
  const given = (data.meta?.title || "").replace(/¶/g, "").trim();
  if (given && given !== settings.no_title) return given; // an alarm code's page: its block holds the code's forms
  const block = blocksOf(data).find((one) => one.name === "title");
  return block ? decodeCopy(block.words.join(" ")) : data.url;
}

/** The field of a page to show for a query: the one that holds the most of it, the weightier
 *  first (the title is shown anyway); the symptoms when none holds any of it. */
function excerptField(data, query) {
  const pattern = markPattern(query);
  let best = null;
  for (const field of fieldTexts(data)) {
    const held = pattern ? new Set([...field.text.matchAll(pattern)].map((m) => m[0].toLowerCase())).size : 0;
    const rank = [held, FIELDS[field.name].weight];
    if (!best || compareLists(rank, best.rank) > 0) best = { ...field, rank };
  }
  if (best && !best.rank[0]) return fieldTexts(data).find((field) => field.name === "symptoms") || best;
  return best;
}

function compareLists(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

// ---- showing results ----------------------------------------------------------------------

function kindOf(url) {
  const path = new URL(url, location.href).pathname.slice(siteRoot.pathname.length);
  return settings.kinds?.[path.split("/")[0]] || "";
}

function resultItem(data, entry, query, length) {
  const item = document.createElement("li");
  item.className = "kb-search-result";
  const state = entry?.state;
  if (state === STATES.length - 1) item.classList.add("kb-search-archived");
  const badges = [kindOf(data.url), state === undefined ? "" : STATES[state]]
    .filter(Boolean)
    .map((b) => `<span class="kb-search-badge">${escapeHtml(b)}</span>`)
    .join("");
  const title = titleOf(data);
  const titlePattern = markPattern(query);
  const titleHtml = titlePattern ? escapeHtml(title).replace(titlePattern, (m) => `<mark>${m}</mark>`) : escapeHtml(title);
  const productNames = (data.filters?.product || []).join(t.sep);
  const products = productNames ? `<span class="kb-search-products">${escapeHtml(productNames)}</span>` : "";
  const field = excerptField(data, query);
  const label = field && FIELDS[field.name].label ? `<span class="kb-search-field">${escapeHtml(FIELDS[field.name].label)}</span>` : "";
  const snippet = field ? `<span class="kb-search-snippet" data-field="${field.name}">${label}${excerpt(field.text, query, length)}</span>` : "";
  item.innerHTML =
    `<a href="${escapeHtml(data.url)}"><span class="kb-search-title">${titleHtml}</span>${badges}${products}${snippet}</a>`;
  return item;
}

async function showResults(list, entries, query, from, count, length) {
  const slice = entries.slice(from, from + count);
  const datas = await Promise.all(slice.map((entry) => entry.result.data()));
  const shown = slice.map((entry, i) => ({ entry, data: datas[i], order: reuseAndDate(datas[i]) }));
  if (query.trim()) markAsTyped(shown, query);
  // Stable: what ranked higher stays higher; only equal matches move.
  shown.sort(
    (a, b) =>
      (b.entry.complete ?? 0) - (a.entry.complete ?? 0) ||
      (b.entry.coverage ?? 0) - (a.entry.coverage ?? 0) ||
      (b.entry.typed ?? 0) - (a.entry.typed ?? 0) ||
      (b.entry.codePage ?? 0) - (a.entry.codePage ?? 0) ||
      (b.asTyped ?? 0) - (a.asTyped ?? 0) ||
      compareMatches(a.entry, b.entry) ||
      b.order - a.order ||
      byId(a.entry, b.entry),
  );
  shown.forEach(({ entry, data }) => list.append(resultItem(data, entry, query, length)));
  return from + slice.length;
}

/** Which of the loaded results hold the query exactly as typed (FM-12, not only FM12): they
 *  come first among those that hold as much of it. */
function markAsTyped(shown, query) {
  const typed = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  for (const item of shown) {
    const texts = [titleOf(item.data), ...fieldTexts(item.data).map((field) => field.text)];
    item.asTyped = texts.some((text) => text.toLowerCase().split(/\s+/).join(" ").includes(typed)) ? 1 : 0;
  }
}

// ---- the search log: a query and its result count, to the web server's access log -------

let logTimer = null;
let logged = "";

/** Ask for a tiny static file with the query in its URL, once typing has stopped, so that
 *  `kb search-report` can list what readers looked for and did not find. */
function logSearch(query, count) {
  if (!settings.log) return;
  clearTimeout(logTimer);
  const text = query.trim();
  // Personal data has no place in a server log: digits of a phone or ID number, an e-mail address.
  if (!text || text === logged || /\d{7}|@/.test(text)) return;
  logTimer = setTimeout(() => {
    logged = text;
    const url = new URL(settings.log, siteRoot);
    url.searchParams.set("q", text);
    url.searchParams.set("n", String(count));
    fetch(url, { cache: "no-store", keepalive: true }).catch(() => {});
  }, LOG_AFTER_MS);
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
    `<p class="kb-search-status" role="status"></p><p class="kb-search-offline" hidden></p><ol class="kb-search-results"></ol>` +
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
  } catch (error) {
    status.textContent = unavailable(error);
    return;
  }
  if (mine !== generation) return; // a newer query has started
  const fresh = document.createElement("ol");
  await showResults(fresh, entries, query, 0, MODAL_RESULTS, EXCERPT.modal);
  if (mine !== generation) return;
  list.replaceChildren(...fresh.children);
  list.firstElementChild?.classList.add("kb-search-selected");
  status.textContent = entries.length ? t.results(entries.length) : t.none;
  showScope(dialog.querySelector(".kb-search-offline"));
  logSearch(query, entries.length);
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

let facetsPromise = null;

/** For each filter value, the pages that have it, and a result object for every page. */
function facets() {
  facetsPromise ||= loadPagefind().then(async (pagefind) => {
    const available = await pagefind.filters();
    const sets = {};
    const results = new Map();
    for (const group of Object.keys(t.groups)) {
      sets[group] = {};
      for (const value of Object.keys(available[group] || {})) {
        const found = await pagefind.search(settings.every, { filters: { [group]: { any: [value] } } });
        sets[group][value] = new Set(found.results.map((result) => result.id));
        for (const result of found.results) results.set(result.id, result);
      }
    }
    return { sets, results };
  });
  return facetsPromise;
}

function passes(id, chosen, sets, except) {
  return Object.entries(chosen).every(
    ([group, values]) => group === except || !values.length || values.some((value) => sets[group][value]?.has(id)),
  );
}

/** The results of a query (or, without one, every page) narrowed by the chosen filters, and
 *  for each filter value how many of them it would leave (the other groups' choices applied). */
async function filteredResults(query, chosen) {
  const [{ sets, results }, states] = await Promise.all([facets(), caseStates()]);
  let entries;
  if (query.trim()) {
    entries = await rankedResults(query);
  } else {
    if (!Object.values(chosen).some((values) => values.length)) {
      const totals = Object.fromEntries(Object.entries(sets).map(([group, values]) => [group, Object.fromEntries(Object.entries(values).map(([value, ids]) => [value, ids.size]))]));
      return { entries: [], counts: totals };
    }
    // Without a query: by state, then the newest year first (the year filter), then on each
    // loaded page by reuse and date.
    const year = (id) => Math.max(0, ...Object.entries(sets.year || {}).filter(([, ids]) => ids.has(id)).map(([y]) => Number(y)));
    entries = [...results.values()].map((result) => ({ result, id: result.id, state: states.get(result.id) }));
    entries.forEach((entry) => (entry.year = year(entry.id)));
    entries.sort((a, b) => stateRank(a) - stateRank(b) || b.year - a.year || (a.id < b.id ? -1 : 1));
  }
  const counts = {};
  for (const [group, values] of Object.entries(sets)) {
    const pool = entries.filter((entry) => passes(entry.id, chosen, sets, group));
    counts[group] = Object.fromEntries(Object.entries(values).map(([value, ids]) => [value, pool.filter((e) => ids.has(e.id)).length]));
  }
  return { entries: entries.filter((entry) => passes(entry.id, chosen, sets, null)), counts };
}

async function setupSearchPage() {
  const root = document.getElementById("kb-search-page");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  const params = new URLSearchParams(location.search);
  root.innerHTML =
    `<div class="kb-search-bar">${SEARCH_ICON}<input type="search" autocomplete="off" placeholder="${escapeHtml(t.placeholder)}" ` +
    `aria-label="${escapeHtml(t.search)}"><button type="button" class="kb-search-toggle" aria-expanded="false">${escapeHtml(t.filters)}</button></div>` +
    `<div class="kb-search-layout"><form class="kb-search-filters"></form>` +
    `<div><p class="kb-search-status" role="status"></p><p class="kb-search-offline" hidden></p><ol class="kb-search-results"></ol>` +
    `<button type="button" class="md-button kb-search-more" hidden>${escapeHtml(t.more)}</button></div></div>`;
  const input = root.querySelector("input");
  const form = root.querySelector(".kb-search-filters");
  const toggle = root.querySelector(".kb-search-toggle");
  input.value = params.get("q") || "";
  toggle.addEventListener("click", () => {
    const open = root.classList.toggle("kb-search-filters-open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  let available;
  try {
    available = (await facets()).sets;
  } catch (error) {
    root.querySelector(".kb-search-status").textContent = unavailable(error);
    return;
  }
  showScope(root.querySelector(".kb-search-offline"));
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
          `${escapeHtml(value)} <span class="kb-search-count" data-count="">${available[group][value].size}</span></label>`)
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
  const chosen = {};
  for (const box of form.querySelectorAll("input:checked")) (chosen[box.name] ||= []).push(box.value);
  return chosen;
}

function showCounts(form, counts) {
  for (const label of form.querySelectorAll("label")) {
    const box = label.querySelector("input");
    const count = counts?.[box.name]?.[box.value];
    const shown = label.querySelector(".kb-search-count");
    if (count === undefined) continue;
    shown.textContent = String(count);
    label.classList.toggle("kb-search-empty", count === 0 && !box.checked);
  }
  const chosen = form.querySelectorAll("input:checked").length;
  const toggle = form.closest("#kb-search-page").querySelector(".kb-search-toggle");
  toggle.textContent = chosen ? `${t.filters} (${chosen})` : t.filters;
}

async function runPageSearch(root) {
  const mine = ++generation;
  const input = root.querySelector("input[type=search]");
  const form = root.querySelector(".kb-search-filters");
  const status = root.querySelector(".kb-search-status");
  const list = root.querySelector(".kb-search-results");
  const more = root.querySelector(".kb-search-more");
  const query = input.value;
  const chosen = chosenFilters(form);
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [group, values] of Object.entries(chosen)) values.forEach((v) => params.append(group, v));
  history.replaceState(history.state, "", `${location.pathname}${params.toString() ? "?" + params : ""}`);
  const { entries, counts } = await filteredResults(query, chosen);
  if (mine !== generation) return;
  const fresh = document.createElement("ol");
  let shown = await showResults(fresh, entries, query, 0, PAGE_RESULTS, EXCERPT.page);
  if (mine !== generation) return;
  list.replaceChildren(...fresh.children);
  showCounts(form, counts);
  const asked = query.trim() || Object.keys(chosen).length;
  status.textContent = entries.length ? t.results(entries.length) : asked ? t.none : "";
  showScope(root.querySelector(".kb-search-offline"));
  more.hidden = shown >= entries.length;
  more.onclick = async () => {
    shown = await showResults(list, entries, query, shown, PAGE_RESULTS, EXCERPT.page);
    more.hidden = shown >= entries.length;
  };
  // What the results on screen answer (tests wait for it).
  root.dataset.shown = query;
  root.dataset.filters = new URLSearchParams(Object.entries(chosen).flatMap(([g, vs]) => vs.map((v) => [g, v]))).toString();
  if (query.trim()) logSearch(query, entries.length);
}

// ---- start, and again after every instant navigation --------------------------------------

function onPage() {
  addHeaderButton();
  if (dialog?.open) dialog.close();
  setupSearchPage();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
/** The Pagefind searches a query makes (not those every query makes, for states and code
 *  pages): each loads the index chunks of its words. For the browser tests. */
async function lookupsOf(query) {
  searches.clear();
  await rankedResults(query);
  return [...searches.keys()];
}

window.kbSearch = {
  openSearch, rankedResults, queryPieces, decodeCopy, fieldTexts, excerpt, loadPagefind, loadWords, cutsOf, soundOf, titleInitialsOf, readingsOf,
  termWord, lookupsOf,
};
