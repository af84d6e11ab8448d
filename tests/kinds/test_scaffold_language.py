"""The file `kb new <kind>` writes speaks the site's language in its comments: every comment
line of every kind's template, written in both languages, holds no sentence of the other one.

The detector is plain. A comment is what follows `#` on a line, the editor's schema line
aside. In an English file no comment holds a CJK character (full-width punctuation
included). In a Chinese file every comment that has words has Chinese ones, and no English
word outside what a Chinese text writes as a name (values in backticks, paths, ids: the
same test as for every Chinese message, tests.conftest.english_words); the key of a
commented-out field (`# customer: …`) is YAML, not words.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import SCAFFOLD_KINDS
from generator.kinds.kind import Option, RecordKind
from generator.scaffold import new_record
from tests.conftest import REPO, english_words

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
WORDS = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
SCHEMA_LINE = "# yaml-language-server: $schema="
COMMENTED_FIELD = re.compile(r"^ ?[a-z_]+:")


def comments(text: str) -> list[str]:
    """What follows `#` on each line after the schema line: a line's own comment, or one
    after a value (the test's values hold no `#`)."""
    lines = text.splitlines()
    assert lines[0].startswith(SCHEMA_LINE)
    found = []
    for line in lines[1:]:
        if line.lstrip().startswith("#"):
            found.append(COMMENTED_FIELD.sub("", line.lstrip()[1:], count=1))
        elif " # " in line:
            found.append(line.split(" # ", 1)[1])
    return found


def english_in_chinese(comment: str) -> bool:
    return bool(WORDS.search(comment)) and (not CJK.search(comment) or bool(english_words(comment)))


def value(option: Option) -> object:
    """A value each option takes, the same in both languages."""
    if option.value == "date":
        return dt.date(2026, 11, 20)
    if option.value == "level":
        return 3
    if option.value == "hours":
        return 2.0
    if option.value == "number":
        return 60.0
    if option.value == "choice":
        return option.choices[0]
    return "hx-200"


def written(kind: RecordKind, language: str) -> str:
    assert kind.scaffold is not None
    values = {option.dest: value(option) for option in kind.scaffold.options}
    record = new_record(kind.name, **values, record_id=f"new-{kind.name}", language=language)
    return record.text(Path("data") / kind.folder / f"{record.record_id}.yml", Path("schemas"))


def test_the_detector_tells_the_languages_apart():
    assert english_in_chinese("candidate, contributor, publisher or coach")
    assert english_in_chinese("技能 id：等级 1-4（1 learning，2 works with help）")
    assert not english_in_chinese("`candidate`、`contributor`、`publisher` 或 `coach`")
    assert not english_in_chinese(" |   （案例离开 `wip` 后必填）产品版本")
    assert not english_in_chinese(" 4") and not english_in_chinese(" []")
    assert CJK.search("某食品厂") and CJK.search("（") and not CJK.search("a food factory (anonymised)")
    assert comments(f"{SCHEMA_LINE}x\nstate: wip  # a b\n# customer: c d\nskills: []\n") == ["a b", " c d"]


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS, ids=lambda kind: kind.name)
def test_every_comment_of_a_new_record_is_in_the_language_asked_for(kind):
    chinese, english = comments(written(kind, "zh")), comments(written(kind, "en"))
    assert chinese and len(chinese) == len(english)  # the same lines, in two languages
    assert [comment for comment in english if CJK.search(comment)] == []
    assert [comment for comment in chinese if english_in_chinese(comment)] == []
    assert any(CJK.search(comment) for comment in chinese)


def test_the_body_is_the_same_but_for_the_comments():
    for kind in SCAFFOLD_KINDS:
        chinese, english = written(kind, "zh").splitlines(), written(kind, "en").splitlines()
        assert [line.split("#")[0] for line in chinese] == [line.split("#")[0] for line in english], kind.name


def run_new(data, tmp_path, *language: str):
    arguments = ["new", "path", "--title", "新员工入门", "--data", str(data), "--schemas", str(tmp_path / "schemas")]
    result = CliRunner().invoke(main, [*arguments, *language])
    assert result.exit_code == 0, result.output
    path = data / "paths" / "xin-yuan-gong-ru-men.yml"
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return result.output, comments(text)


def test_kb_new_writes_the_sites_language_chinese_by_default(data, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # its mkdocs.yml: the servicekb plugin's language is KB_LANGUAGE, else Chinese
    monkeypatch.delenv("KB_LANGUAGE", raising=False)
    said, chinese = run_new(data, tmp_path)
    assert "检查通过" in said and chinese and not [c for c in chinese if english_in_chinese(c)]
    assert any(CJK.search(comment) for comment in chinese)
    said, english = run_new(data, tmp_path, "--language", "en")
    assert "it validates" in said and english and not [c for c in english if CJK.search(c)]
    monkeypatch.setenv("KB_LANGUAGE", "en")  # the English setting
    said, setting = run_new(data, tmp_path)
    assert "it validates" in said and setting == english
