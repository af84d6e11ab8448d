// The capture page (/capture/): a new case written down on the phone, offline, as the very file
// `kb new case` writes (generator/scaffold.py: state `wip`, the same id, the same layout),
// checked as `kb validate` checks it (its required fields and its personal-data patterns), kept
// as a draft on the phone, and handed on: copied, downloaded, shared, or opened in the
// repository's web editor.
//
// Every rule comes from assets/kb-capture.json (generator/offline/capture.py), drawn from the
// Python that defines it; what is here are the steps that apply them, written as the Python
// ones are. tests/browser/test_capture.py holds the two to the same ids, files and findings.

import { personalData } from "./kb-privacy.js";

const LABELS = {
  zh: {
    copied: "已复制：粘贴到数据仓库里的新文件中。",
    notCopied: "不能自动复制：请长按上面的文字，全选后复制。",
    downloaded: (name) => `已下载 ${name}。`,
    shared: "已交给分享。",
    draftSaved: (time) => `草稿已保存在这台手机上（${time}）。`,
    untitled: "（还没有标题）",
    open: "打开",
    remove: "删除",
    missing: "没有网络，现场记录所需的数据还没有保存到这台手机上：有网络时打开一次本页即可。",
  },
  en: {
    copied: "Copied: paste it into a new file in the records repository.",
    notCopied: "Could not copy: select the text above and copy it.",
    downloaded: (name) => `Downloaded ${name}.`,
    shared: "Handed to the share sheet.",
    draftSaved: (time) => `Draft kept on this phone (${time}).`,
    untitled: "(no title yet)",
    open: "Open",
    remove: "Delete",
    missing: "No network, and the capture page's data is not on this phone yet: open this page once while online.",
  },
};

const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
const t = LABELS[language];
const materialConfig = JSON.parse(document.getElementById("__config")?.textContent || "{}");
const siteRoot = new URL((materialConfig.base || ".").replace(/\/?$/, "/"), location.href);
const DRAFTS = "kb-capture-drafts";
const AUTHOR = "kb-capture-author";
// The record's fields the form fills; `id` and `state` the page sets itself.
const FORM_FIELDS = { title: "title", products: "product", authors: "author", solved_on: "solved_on", symptoms: "symptoms" };

let rules = null;

/** assets/kb-capture.json, with its tables and patterns made ready. */
export function loadRules() {
  rules ||= fetch(new URL("assets/kb-capture.json", siteRoot))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(prepared);
  return rules;
}

function prepared(told) {
  const characters = new Map();
  for (const [reading, written] of Object.entries(told.pinyin.characters)) for (const character of written) characters.set(character, reading);
  const phrases = new Map(Object.entries(told.pinyin.phrases).map(([phrase, read]) => [phrase, read.split(" ")]));
  return {
    ...told,
    characters,
    phrases,
    drop: new RegExp(told.id.drop.source, told.id.drop.flags),
    english: new RegExp(told.id.english.source, told.id.english.flags),
    spaces: new RegExp(told.id.spaces, "g"),
    lineBreak: new RegExp(told.id.line_break),
    codeSeparators: new RegExp(told.id.codes),
    photoSeparators: new RegExp(told.id.photos),
  };
}

// ---- the id: generator/scaffold.py case_id, generator/slug.py title_slug, generator/pinyin.py

/** Pinyin syllables of the text's Chinese, each run of other characters kept as one word. */
export function pinyinWords(r, text) {
  const words = [];
  let other = "";
  let index = 0;
  while (index < text.length) {
    if (!r.characters.has(text[index])) {
      other += text[index];
      index += 1;
      continue;
    }
    if (other) {
      words.push(other);
      other = "";
    }
    const read = phraseAt(r, text, index);
    words.push(...read);
    index += read.length;
  }
  if (other) words.push(other);
  return words;
}

function phraseAt(r, text, index) {
  for (let length = Math.min(r.pinyin.longest, text.length - index); length > 1; length--) {
    const found = r.phrases.get(text.slice(index, index + length));
    if (found) return found;
  }
  return [r.characters.get(text[index])];
}

function cutAtWord(slug, length) {
  if (slug.length <= length) return slug;
  const head = slug.slice(0, length + 1);
  return head.includes("-") ? head.slice(0, head.lastIndexOf("-")) : slug.slice(0, length);
}

function readSlug(r, text, length) {
  const slug = pinyinWords(r, text).join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return cutAtWord(slug, length);
}

function titleSlug(r, text, length) {
  let meaningful = text.replace(r.drop, (...found) => found[found.length - 1].kept || " ");
  meaningful = meaningful.replace(r.english, " ");
  return readSlug(r, meaningful, length) || readSlug(r, text, length);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function caseId(r, day, title, product) {
  const prefix = `${day.replaceAll("-", "")}-${product.replaceAll("-", "").slice(0, r.id.product)}`;
  const productInTitle = new RegExp(product.split("-").map(escapeRegExp).join("-?"), "giu");
  const words = titleSlug(r, title.replace(productInTitle, " "), r.id.length - prefix.length - 1);
  return words ? `${prefix}-${words}` : prefix;
}

// ---- the file: generator/scaffold.py new_case ---------------------------------------------

const quoted = (text) => JSON.stringify(text);
const trimSpaces = (text) => text.replace(/^ +| +$/g, "");

function oneLine(r, text) {
  return trimSpaces(text.replace(r.spaces, " "));
}

function block(r, text) {
  const lines = text.split(r.lineBreak).map((line) => line.replace(/[ \t]+$/, ""));
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  const header = lines.length && lines[0].startsWith(" ") ? "|2" : "|";
  return header + "\n" + lines.map((line) => (line ? `  ${line}\n` : "\n")).join("");
}

function wordsIn(text, separators) {
  return text.split(separators).filter((word) => trimSpaces(word));
}

/** The case the form describes: {id, year, yaml, fields}, `fields` being the values as written. */
export function newCase(r, form) {
  const title = oneLine(r, form.title);
  const id = caseId(r, form.solved_on, title, form.product);
  const codes = wordsIn(form.codes, r.codeSeparators);
  const photos = wordsIn(form.photos, r.photoSeparators);
  const fixed = block(r, form.resolution);
  const said = r.comments; // the comments `kb new case` writes, in the site's language
  const fixedLines =
    fixed === "|\n" ? `# resolution: |    ${said["new-case-resolution"]}\n` : `resolution: ${fixed}`;
  const body =
    `id: ${id}\n` +
    `title: ${quoted(title)}\n` +
    `state: ${r.state}  # ${said["new-case-state"]}\n` +
    `products: [${form.product}]\n` +
    "skills: []\n" +
    `tags: [${codes.map(quoted).join(", ")}]\n` +
    `aka: []  # ${said["new-case-aka"]}\n` +
    `symptoms: ${block(r, form.symptoms)}` +
    `# environment: |   ${said["new-case-environment"]}\n` +
    "# cause: |\n" +
    fixedLines +
    `authors: [${form.author}]\n` +
    `solved_on: ${form.solved_on}\n` +
    "# hours_to_resolve: 4\n" +
    `# customer: ${said["new-case-customer"]}\n` +
    "# related: []\n" +
    photoLines(id, photos, said["new-case-photos"]);
  const fields = { title, symptoms: form.symptoms, resolution: form.resolution, codes, photos };
  return { id, year: form.solved_on.slice(0, 4), yaml: `${r.schema_line}\n${body}`, fields };
}

function photoLines(id, photos, note) {
  if (!photos.length) return "";
  const folder = `cases/${id}`;
  const named = photos.map((photo) => quoted(`${folder}/${trimSpaces(photo)}`)).join(", ");
  return `# attachments: [${named}]\n#   ${note.replace("{folder}", folder)}\n`;
}

// ---- the checks: the required fields and the personal data of `kb validate` ----------------

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

/** Every problem of the case: [{code, message, field}] in the words of `kb validate`. */
export function problems(r, form, made) {
  const found = [];
  // A field is missing when the file would hold nothing for it: a title of spaces, symptoms of blank lines.
  const written = { ...form, title: made.fields.title, symptoms: block(r, form.symptoms) === "|\n" ? "" : form.symptoms };
  for (const name of r.required) {
    const input = FORM_FIELDS[name];
    if (input && !written[input]) {
      found.push({ code: r.missing_code, field: input, message: fill(r.messages["shape-missing-field"], { field: name, see: "" }) });
    }
  }
  const texts = [["title", made.fields.title], ["symptoms", made.fields.symptoms], ["resolution", made.fields.resolution]];
  made.fields.codes.forEach((code, index) => texts.push([`tags[${index}]`, code]));
  made.fields.photos.forEach((photo, index) => texts.push([`attachments[${index}]`, photo]));
  for (const [field, text] of texts) {
    for (const item of personalData(text, r.privacy)) {
      const where = fill(r.messages["privacy-field"], { field });
      const what = fill(r.messages[`privacy-${item.kind}`], { masked: item.masked });
      found.push({ code: item.code, field: formField(field), message: fill(r.messages["privacy-in-value"], { where, what }) });
    }
  }
  // The file's path, as `kb validate` reads it: the hyphens of an id join words.
  const path = `cases/${made.year}/${made.id}.yml`.replace(/[-_]/g, " ");
  for (const item of personalData(path, r.privacy)) {
    const what = fill(r.messages[`privacy-${item.kind}`], { masked: item.masked });
    found.push({ code: item.code, field: "title", message: fill(r.messages["privacy-in-path"], { what }) });
  }
  return found;
}

/** Where the repository's web editor opens a new file with the case filled in (GitHub's
 *  `new/<branch>/<folder>?filename=&value=`, GitLab's `-/new/…?file_name=&content=`). */
export function editorLink(editor, made) {
  const target = new URL(`${editor.url}cases/${made.year}`);
  target.searchParams.set(editor.name, `${made.id}.yml`);
  target.searchParams.set(editor.content, made.yaml);
  return target.href;
}

function formField(field) {
  if (field.startsWith("tags")) return "codes";
  if (field.startsWith("attachments")) return "photos";
  return field;
}

// ---- the page --------------------------------------------------------------------------------

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function formValues(formElement) {
  const value = (name) => formElement.elements[name].value;
  const names = ["title", "product", "author", "solved_on", "symptoms", "resolution", "codes", "photos"];
  return Object.fromEntries(names.map((name) => [name, value(name)]));
}

function readDrafts() {
  try {
    return JSON.parse(localStorage.getItem(DRAFTS) || "[]");
  } catch {
    return [];
  }
}

function writeDrafts(drafts) {
  localStorage.setItem(DRAFTS, JSON.stringify(drafts));
}

class CapturePage {
  constructor(root, r) {
    this.r = r;
    this.form = root;
    this.result = document.querySelector(".kb-capture-result");
    this.draftsBox = document.querySelector(".kb-capture-drafts");
    this.draft = null; // the key of the draft being written
    this.made = null;
    this.timer = null;
  }

  start() {
    this.form.hidden = this.result.hidden = this.draftsBox.hidden = false;
    this.form.elements.solved_on.value ||= today();
    this.form.elements.author.value = localStorage.getItem(AUTHOR) || "";
    this.form.addEventListener("input", () => this.changed());
    this.form.addEventListener("change", () => this.changed());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    const on = (selector, handler) => this.result.querySelector(selector).addEventListener("click", handler);
    on(".kb-capture-copy", () => this.copy());
    on(".kb-capture-download", () => this.download());
    on(".kb-capture-share", () => this.share());
    on(".kb-capture-new", () => this.startNew());
    // The file is copied too: an editor that leaves its content empty (GitLab's, at times) takes a paste.
    on(".kb-capture-editor", () => this.copy());
    this.result.querySelector(".kb-capture-share").hidden = !navigator.share;
    this.showDrafts();
    this.update();
  }

  changed() {
    this.update();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.keepDraft(), 400);
  }

  update() {
    const form = formValues(this.form);
    this.made = newCase(this.r, form);
    this.problems = problems(this.r, form, this.made);
    this.result.querySelector(".kb-capture-yaml code").textContent = this.made.yaml;
    const folder = `${this.r.folder}cases/${this.made.year}/`;
    this.result.querySelector(".kb-capture-path").textContent = `${folder}${this.made.id}.yml`;
    const next = this.result.querySelector(".kb-capture-next");
    next.textContent = next.dataset.template.replace("{folder}", folder);
    this.showProblems();
    this.showEditorLink();
  }

  showProblems() {
    const box = this.result.querySelector(".kb-capture-problems");
    const list = document.createElement("ul");
    for (const problem of this.problems) {
      const item = document.createElement("li");
      item.dataset.code = problem.code;
      item.textContent = `${problem.code} ${problem.message.replaceAll("`", "")}`;
      list.append(item);
    }
    box.replaceChildren(...(this.problems.length ? [list] : []));
    for (const element of this.form.elements) {
      const wrong = this.problems.some((problem) => problem.field === element.name);
      if (wrong) element.setAttribute("aria-invalid", "true");
      else element.removeAttribute("aria-invalid");
    }
    for (const button of this.result.querySelectorAll(".kb-capture-actions button")) button.disabled = this.problems.length > 0;
  }

  showEditorLink() {
    const link = this.result.querySelector(".kb-capture-editor");
    const editor = this.r.editor;
    link.hidden = !editor || this.problems.length > 0;
    if (!editor) return;
    link.href = editorLink(editor, this.made);
    link.target = "_blank";
    link.rel = "noopener";
  }

  say(text) {
    this.result.querySelector(".kb-capture-said").textContent = text;
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.made.yaml);
      this.say(t.copied);
    } catch {
      this.say(t.notCopied);
    }
  }

  download() {
    const name = `${this.made.id}.yml`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([this.made.yaml], { type: "text/yaml" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.say(t.downloaded(name));
  }

  async share() {
    const file = new File([this.made.yaml], `${this.made.id}.yml`, { type: "text/plain" });
    const shared = navigator.canShare?.({ files: [file] }) ? { files: [file], title: file.name } : { title: file.name, text: this.made.yaml };
    try {
      await navigator.share(shared);
      this.say(t.shared);
    } catch {
      // the reader closed the share sheet
    }
  }

  keepDraft() {
    const form = formValues(this.form);
    localStorage.setItem(AUTHOR, form.author);
    const drafts = readDrafts();
    this.draft ||= `draft-${Date.now()}`;
    const saved = new Date().toISOString();
    const draft = { key: this.draft, saved, form };
    const at = drafts.findIndex((other) => other.key === this.draft);
    if (at >= 0) drafts[at] = draft;
    else drafts.unshift(draft);
    writeDrafts(drafts);
    this.say(t.draftSaved(new Date(saved).toLocaleTimeString(language === "zh" ? "zh-CN" : "en-GB")));
    this.showDrafts();
  }

  startNew() {
    this.draft = null;
    for (const name of ["title", "symptoms", "resolution", "codes", "photos", "product"]) this.form.elements[name].value = "";
    this.form.elements.solved_on.value = today();
    this.say("");
    this.update();
    this.form.elements.title.focus();
  }

  open(draft) {
    this.draft = draft.key;
    for (const [name, value] of Object.entries(draft.form)) if (this.form.elements[name]) this.form.elements[name].value = value;
    this.update();
    this.form.elements.title.focus();
  }

  showDrafts() {
    const drafts = readDrafts();
    const list = this.draftsBox.querySelector(".kb-capture-draft-list");
    this.draftsBox.querySelector(".kb-capture-no-drafts").hidden = drafts.length > 0;
    list.replaceChildren(
      ...drafts.map((draft) => {
        const item = document.createElement("li");
        const name = document.createElement("span");
        name.textContent = `${oneLine(this.r, draft.form.title) || t.untitled} · ${new Date(draft.saved).toLocaleString(language === "zh" ? "zh-CN" : "en-GB")}`;
        const open = document.createElement("button");
        open.type = "button";
        open.className = "md-button kb-capture-open";
        open.textContent = t.open;
        open.addEventListener("click", () => this.open(draft));
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "md-button kb-capture-remove";
        remove.textContent = t.remove;
        remove.addEventListener("click", () => {
          writeDrafts(readDrafts().filter((other) => other.key !== draft.key));
          if (this.draft === draft.key) this.draft = null;
          this.showDrafts();
        });
        item.append(name, " ", open, " ", remove);
        return item;
      }),
    );
  }
}

async function setUp() {
  const root = document.getElementById("kb-capture");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  let r;
  try {
    r = await loadRules();
  } catch {
    rules = null;
    const note = document.createElement("p");
    note.textContent = t.missing;
    root.before(note);
    return;
  }
  new CapturePage(root, r).start();
}

if (window.document$) window.document$.subscribe(setUp);
else setUp();
window.kbCapture = { loadRules, caseId, newCase, problems, pinyinWords, personalData, editorLink };
