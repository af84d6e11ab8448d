"""Index-time expansion of text into search tokens that Pagefind matches exactly.

Pagefind segments Chinese into words, so a query that is part of a longer word
(力上 in 压力上不去) or that its segmenter splits differently finds nothing. Every
run of Chinese characters is therefore also indexed as overlapping character
bigrams, each written as one ASCII word that no segmenter splits (`qqz` + 4 letters
per character). Alarm codes are also indexed without their separators
(`AL-1021` -> `qqcal1021`), so `AL1021`, `al 1021` and `AL-1021` meet. The `qq`
prefixes keep the tokens apart from real words, so results can leave them out.

The query side (assets/kb-search.js) applies the same functions; a test keeps
the two in step.
"""

from __future__ import annotations

import re
from functools import cache

CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
ALARM_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,4})[-_ ]?([0-9]{2,5})(?![0-9])")
BIGRAM_PREFIX = "qqz"
CODE_PREFIX = "qqc"
TOKEN = re.compile(r"\bqq[zc][a-z0-9]+\b")


@cache  # a few thousand distinct characters, millions of occurrences
def encode_char(char: str) -> str:
    """Four lower-case letters for one character (base 26 of its code point)."""
    number = ord(char)
    letters = []
    for _ in range(4):
        number, digit = divmod(number, 26)
        letters.append(chr(97 + digit))
    return "".join(reversed(letters))


def bigrams(text: str) -> list[str]:
    tokens = []
    for run in CJK_RUN.findall(text):
        tokens += [BIGRAM_PREFIX + encode_char(run[i]) + encode_char(run[i + 1]) for i in range(len(run) - 1)]
    return tokens


def alarm_codes(text: str) -> list[str]:
    return [CODE_PREFIX + (letters + digits).lower() for letters, digits in ALARM_CODE.findall(text)]


def search_tokens(*texts: str) -> str:
    """The distinct tokens of some texts, space-separated in a stable order."""
    found: dict[str, None] = {}
    for text in texts:
        for token in bigrams(text) + alarm_codes(text):
            found[token] = None
    return " ".join(sorted(found))
