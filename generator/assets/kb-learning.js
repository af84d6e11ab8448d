// Learning from the cases, in the reader's browser.
//
// Practice sets (generator/render/practice.py): each question's answer is checked here, when
// the reader chooses, and its answer and case are shown. The progress is kept in this
// browser's localStorage only (under STORE: the case id -> the choice and whether it was
// right), for the reader to pick up where they left off. It is never sent: nothing here asks
// the network for anything on a practice page, and no score is published anywhere.
//
// The reader's verdict on a case (templates/_case_verdict.md.j2): "did this solve your
// problem?". Only on a site that logs readers' signals (`search_log: true`: the search
// settings then name the search log), the answer is a request for FEEDBACK, an empty file of
// the site, with the case, yes or no and, after no, the reader's optional remark in its
// address: it lands in the web server's access log, where `kb feedback-report` reads it. A
// remark with seven digits in a row or an `@` (a phone number, an e-mail address) is not
// sent; the reader is asked to take it out. A "no" is sent when the reader sends the remark,
// or leaves the page without it.
//
// The words are the page's own (data attributes, from the site's catalogue).

const STORE = "kb-practice";
const FEEDBACK = "assets/kb-feedback.txt"; // generator/learning/feedback.py: FEEDBACK_LOG
const PERSONAL = /\d{7}|@/;
const LONGEST_REMARK = 200;
const LETTERS = "ABCDEFGH";

const materialConfig = JSON.parse(document.getElementById("__config")?.textContent || "{}");
// The 404 page has the base "/" (a root-relative site): "//" would be no URL at all.
const siteRoot = new URL((materialConfig.base || ".").replace(/\/?$/, "/"), location.href);
const settings = JSON.parse(document.getElementById("kb-search-settings")?.textContent || "{}");

// ---- practice --------------------------------------------------------------------------

function loadProgress() {
  try {
    const kept = JSON.parse(localStorage.getItem(STORE) || "{}");
    return kept && typeof kept === "object" ? kept : {};
  } catch {
    return {};
  }
}

function saveProgress(progress) {
  try {
    localStorage.setItem(STORE, JSON.stringify(progress));
  } catch {
    // storage full or refused (a private window): the page still checks answers
  }
}

/** A question answered: the choice marked right or wrong, the verdict said, the answer shown. */
function showAnswer(box, question, choice, earlier) {
  const answer = Number(question.dataset.answer);
  const labels = [...question.querySelectorAll(".kb-choice")];
  labels.forEach((label, index) => {
    label.classList.toggle("kb-choice-right", index === answer);
    label.classList.toggle("kb-choice-wrong", index === choice && choice !== answer);
    label.querySelector("input").checked = index === choice;
  });
  const said = choice === answer ? box.dataset.right : box.dataset.wrong.replace("{letter}", LETTERS[answer]);
  question.querySelector(".kb-question-result").textContent = earlier ? `${said} ${box.dataset.earlier}` : said;
  question.classList.add("kb-answered");
  question.querySelector(".kb-question-answer").open = true;
}

function clearAnswer(question) {
  for (const label of question.querySelectorAll(".kb-choice")) {
    label.classList.remove("kb-choice-right", "kb-choice-wrong");
    label.querySelector("input").checked = false;
  }
  question.querySelector(".kb-question-result").textContent = "";
  question.classList.remove("kb-answered");
  question.querySelector(".kb-question-answer").open = false;
}

function showProgress(box, questions) {
  const progress = loadProgress();
  const answered = questions.filter((q) => progress[q.dataset.kbQuestion]);
  const right = answered.filter((q) => progress[q.dataset.kbQuestion].right);
  box.querySelector(".kb-practice-progress").textContent = box.dataset.progress
    .replace("{answered}", answered.length)
    .replace("{total}", questions.length)
    .replace("{right}", right.length);
}

function setUpPractice() {
  const box = document.querySelector("[data-kb-practice]");
  if (!box || box.dataset.ready) return;
  box.dataset.ready = "1";
  box.hidden = false;
  const questions = [...document.querySelectorAll("[data-kb-question]")];
  const kept = loadProgress();
  for (const question of questions) {
    const id = question.dataset.kbQuestion;
    const count = question.querySelectorAll(".kb-choice").length;
    const earlier = kept[id];
    if (earlier && Number.isInteger(earlier.choice) && earlier.choice >= 0 && earlier.choice < count) {
      showAnswer(box, question, earlier.choice, true);
    }
    question.addEventListener("change", (event) => {
      if (!(event.target instanceof HTMLInputElement)) return;
      const choice = Number(event.target.value);
      const progress = loadProgress();
      progress[id] = { choice, right: choice === Number(question.dataset.answer) };
      saveProgress(progress);
      showAnswer(box, question, choice, false);
      showProgress(box, questions);
    });
  }
  box.querySelector(".kb-practice-reset").addEventListener("click", () => {
    const progress = loadProgress();
    for (const question of questions) {
      delete progress[question.dataset.kbQuestion];
      clearAnswer(question);
    }
    saveProgress(progress);
    showProgress(box, questions);
  });
  showProgress(box, questions);
}

// ---- the reader's verdict on a case --------------------------------------------------------

let leaveVerdict = () => {};

function sendVerdict(caseId, verdict, remark) {
  const url = new URL(FEEDBACK, siteRoot);
  url.searchParams.set("case", caseId);
  url.searchParams.set("v", verdict);
  if (remark) url.searchParams.set("r", remark);
  fetch(url, { cache: "no-store", keepalive: true }).catch(() => {});
}

function setUpVerdict() {
  leaveVerdict(); // a "no" left without its remark on the page before (instant navigation)
  leaveVerdict = () => {};
  const section = document.querySelector("[data-kb-verdict]");
  if (!section || section.dataset.ready || !settings.log) return;
  section.dataset.ready = "1";
  section.hidden = false;
  const caseId = section.dataset.kbVerdict;
  const form = section.querySelector(".kb-verdict-remark");
  const status = section.querySelector(".kb-verdict-status");
  const buttons = section.querySelector(".kb-verdict-buttons");
  let pending = false;
  const send = (verdict, remark) => {
    pending = false;
    sendVerdict(caseId, verdict, remark);
    buttons.hidden = true;
    form.hidden = true;
    status.textContent = section.dataset.sent;
  };
  leaveVerdict = () => pending && send("no", "");
  section.querySelector('[data-verdict="yes"]').addEventListener("click", () => send("yes", ""));
  section.querySelector('[data-verdict="no"]').addEventListener("click", () => {
    pending = true;
    buttons.hidden = true;
    form.hidden = false;
    form.querySelector("input").focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const remark = form.querySelector("input").value.split(/\s+/).join(" ").trim().slice(0, LONGEST_REMARK);
    if (PERSONAL.test(remark.normalize("NFKC"))) {
      status.textContent = section.dataset.personal;
      return;
    }
    send("no", remark);
  });
}

window.addEventListener("pagehide", () => leaveVerdict());

function onPage() {
  setUpPractice();
  setUpVerdict();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
