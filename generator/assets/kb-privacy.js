// Personal data, found as `kb validate` finds it (generator/validate/privacy.py), for the capture
// page: a draft with a customer's phone number, ID-card number or e-mail address is refused on
// the phone, with the same code (KB601, KB602, KB603).
//
// The patterns and lists are not written here: generator/offline/capture.py hands over the
// Python detector's own (assets/kb-capture.json, `privacy`). What is here is the few steps
// around them, in the detector's order: normalise the text (full-width forms, dashes, invisible
// characters), match each pattern, keep an ID number only with a province, a real birth date
// and the checksum, and an address only where it ends in a believable top-level domain.
// tests/browser/test_capture.py holds the two detectors to the same findings on many samples.

/** Personal data in a text: [{start, end, code, kind, masked}], offsets into `text`. */
export function personalData(text, rules) {
  const compiled = compile(rules);
  const { normal, starts, ends } = normalised(text, compiled.invisible);
  const found = [
    ...mobileNumbers(normal, compiled),
    ...idCardNumbers(normal, compiled),
    ...(mayHoldAddress(normal) ? emailAddresses(normal, compiled) : []),
  ];
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  return found.map((item) => ({ ...item, start: starts[item.start], end: ends[item.end - 1] }));
}

const compiledRules = new WeakMap();

function compile(rules) {
  if (!compiledRules.has(rules)) {
    const pattern = (source) => new RegExp(source, "gdu");
    compiledRules.set(rules, {
      ...rules,
      mobile: pattern(rules.mobile),
      idCard: pattern(rules.id_card),
      oldIdCard: pattern(rules.old_id_card),
      email: pattern(rules.email),
      dotSplit: new RegExp(rules.dot_split, "u"),
      invisible: new Set(rules.invisible),
      knownTlds: new Set(rules.known_tlds),
      notAddressEndings: new Set(rules.not_address_endings),
      provinces: new Set(rules.provinces),
    });
  }
  return compiledRules.get(rules);
}

// ---- normalising ---------------------------------------------------------------------------

const DASH = /^\p{Pd}$/u;

/** The text as the patterns read it, and for each of its code units where the character of
 *  `text` it came from starts and ends. */
function normalised(text, invisible) {
  let normal = "";
  const starts = [];
  const ends = [];
  let index = 0;
  for (const character of text) {
    let form;
    if (invisible.has(character)) form = "";
    else if (character === "\u2212" || DASH.test(character)) form = "-";
    else form = character.normalize("NFKC");
    normal += form;
    for (let i = 0; i < form.length; i++) {
      starts.push(index);
      ends.push(index + character.length);
    }
    index += character.length;
  }
  return { normal, starts, ends };
}

function mayHoldAddress(text) {
  const lowered = text.toLowerCase();
  return text.includes("@") || lowered.includes("dot") || /at[ \t\u3000]*[\])>}】〕］）｝＞]/.test(lowered);
}

// ---- the patterns --------------------------------------------------------------------------

function mobileNumbers(text, rules) {
  const found = [];
  for (const match of text.matchAll(rules.mobile)) {
    const digits = match[0].replace(/[^0-9]/g, "").slice(-11);
    found.push(finding(match.index, match.index + match[0].length, rules.codes.mobile, "mobile", masked(digits)));
  }
  return found;
}

function idCardNumbers(text, rules) {
  const found = [];
  const taken = [];
  for (const pattern of [rules.idCard, rules.oldIdCard]) {
    for (const [start, end] of matches(pattern, text, (match) => idNumberEnd(match, rules))) {
      if (taken.some(([otherStart, otherEnd]) => start < otherEnd && otherStart < end)) continue;
      taken.push([start, end]);
      const number = text.slice(start, end).replace(/[^0-9Xx]/g, "").toUpperCase();
      found.push(finding(start, end, rules.codes.id_card, "id-card", masked(number)));
    }
  }
  return found;
}

function emailAddresses(text, rules) {
  return matches(rules.email, text, (match) => emailEnd(match, rules)).map(([start, end]) =>
    finding(start, end, rules.codes.email, "email", maskedAddress(text.slice(start, end))),
  );
}

function finding(start, end, code, kind, shown) {
  return { start, end, code, kind, masked: shown };
}

/** [start, end] of each match that `endOf` accepts; a refused match is tried again one character on. */
function matches(pattern, text, endOf) {
  const found = [];
  let position = 0;
  for (;;) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return found;
    const end = endOf(match);
    if (end === null) {
      position = match.index + 1;
    } else {
      found.push([match.index, end]);
      position = end;
    }
  }
}

// ---- ID-card numbers -----------------------------------------------------------------------

function idNumberEnd(match, rules) {
  const number = match[0].replace(/[^0-9Xx]/g, "");
  return isIdentityNumber(number, rules) ? match.index + match[0].length : null;
}

function isIdentityNumber(number, rules) {
  if (number.length === 18) {
    return rules.provinces.has(Number(number.slice(0, 2))) && isDate(number.slice(6, 14)) && checksumHolds(number, rules);
  }
  if (number.length === 15) return rules.provinces.has(Number(number.slice(0, 2))) && isDate("19" + number.slice(6, 12));
  return false;
}

function checksumHolds(number, rules) {
  let total = 0;
  for (let i = 0; i < 17; i++) total += Number(number[i]) * rules.id_weights[i];
  return rules.id_check_digits[total % 11] === number[17].toUpperCase();
}

function isDate(yyyymmdd) {
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// ---- e-mail addresses ----------------------------------------------------------------------

const separator = (text) => ({
  plain: text === "@" || text === ".",
  spelled: !text.includes("@") && !text.includes("."),
  bracketed: !text.includes("@") && !text.includes(".") && /[[(<{【〔]/.test(text),
});

/** Where the address a match starts ends: the longest run of labels that ends in a believable
 *  top-level domain; null when there is none. */
function emailEnd(match, rules) {
  const at = separator(match.groups.at);
  const parts = match.groups.domain.split(rules.dotSplit);
  const domainStart = match.indices.groups.domain[0];
  for (let last = parts.length - 1; last > 1; last -= 2) {
    const dots = [];
    for (let i = 1; i < last; i += 2) dots.push(separator(parts[i]));
    const length = topLevelDomainLength(parts[last], at, dots, rules);
    if (length) return domainStart + parts.slice(0, last).join("").length + length;
  }
  return null;
}

function topLevelDomainLength(label, at, dots, rules) {
  const separators = [at, ...dots];
  if (at.spelled && !at.bracketed && dots.every((dot) => dot.plain)) return 0;
  const chinese = rules.chinese_tlds.find((tld) => label.startsWith(tld));
  if (chinese) return chinese.length;
  if (!/^[A-Za-z]+$/.test(label) || rules.notAddressEndings.has(label.toLowerCase())) return 0;
  if (separators.every((one) => one.plain)) return label.length >= 2 ? label.length : 0;
  if (separators.every((one) => one.plain || one.bracketed) && label.length >= 2 && label.length <= 6) return label.length;
  return rules.knownTlds.has(label.toLowerCase()) ? label.length : 0;
}

// ---- masks: enough to find it, not the data itself -----------------------------------------

function masked(number) {
  const characters = [...number];
  return characters.length > 6 ? characters.slice(0, 3).join("") + "…" + characters.slice(-2).join("") : "…";
}

function maskedAddress(address) {
  const characters = [...address];
  return characters[0] + "…@…" + characters.slice(-2).join("");
}
