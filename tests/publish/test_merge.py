"""`kb build --shard I/N` and `kb build --merge`: parts built apart make the one-piece site."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.messages import text
from generator.publish.merge import PART_FILE
from generator.publish.site import BuildRequest, build, merge_parts
from generator.settings import LANGUAGES, Part
from tests.conftest import REPO, TESTS
from tests.publish.conftest import TODAY, build_site
from tests.publish.test_build import tree_digest

SECOND_ORG = TESTS / "data" / "second-org"
SEARCH_SHARD_PAGES = 40  # the second organisation's 107 indexed pages in three search shards


def build_part(data_dir, folder, cache, part: Part, today=TODAY):
    request = BuildRequest(REPO / "mkdocs.yml", data_dir, None, today, folder, cache_dir=cache, part=part)
    return build(request, lambda line: None)


def merge(folders, site):
    return merge_parts(BuildRequest(REPO / "mkdocs.yml", site_dir=site), folders, lambda line: None)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    folders = []
    for number in (1, 2, 3):
        built = build_part(SECOND_ORG, root / f"part-{number}", root / f"cache-{number}", Part(number, 3))
        assert built.ok, (built.error, built.problems)
        folders.append(root / f"part-{number}")
    return folders


def test_three_merged_parts_are_byte_for_byte_the_build_in_one_piece(parts, tmp_path):
    whole = build_site(SECOND_ORG, tmp_path / "whole", tmp_path / "cache", shard_pages=SEARCH_SHARD_PAGES)
    assert whole.ok and len(whole.search.shards) == 3
    merged = merge(parts, tmp_path / "merged")
    assert merged.ok, (merged.error, merged.problems)
    assert tree_digest(tmp_path / "merged") == tree_digest(tmp_path / "whole")


def test_a_part_writes_only_its_own_record_pages_and_says_which(parts):
    owned = [set(json.loads((folder / PART_FILE).read_text(encoding="utf-8"))["pages"]) for folder in parts]
    assert all(owned) and not (owned[0] & owned[1] or owned[1] & owned[2] or owned[0] & owned[2])
    others = [owned[1] | owned[2], owned[0] | owned[2], owned[0] | owned[1]]
    for folder, own, foreign in zip(parts, owned, others, strict=True):
        assert all((folder / page).is_file() for page in own)
        assert not any((folder / page).exists() for page in foreign), "another part's page"
        assert (folder / "index.html").is_file() and (folder / "cases/index.html").is_file(), "shared pages"
    case_pages = {f"cases/{path.stem}/index.html" for path in SECOND_ORG.glob("cases/**/*.yml")}
    assert case_pages <= owned[0] | owned[1] | owned[2], "every case page is some part's"


def test_merging_refuses_parts_that_do_not_make_one_site(parts, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")

    def refused(folders, words: str) -> None:
        result = merge(folders, site)
        assert not result.ok and words in result.error, result.error
        assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"

    refused(parts[:2], "缺少第 3/3 部分")
    refused([parts[0], parts[0], parts[1], parts[2]], "第 1/3 部分给了不止一次")
    refused([parts[0], tmp_path], "不是构建的一部分")
    other_day = build_part(
        SECOND_ORG, tmp_path / "other", tmp_path / "other-cache", Part(2, 3), today=TODAY.replace(day=29)
    )
    assert other_day.ok
    refused([parts[0], tmp_path / "other", parts[2]], "来自不同的记录")  # --today is in the data digest
    lacking = tmp_path / "lacking"
    shutil.copytree(parts[1], lacking)
    own = json.loads((lacking / PART_FILE).read_text(encoding="utf-8"))["pages"]
    (lacking / own[0]).unlink()
    refused([parts[0], lacking, parts[2]], own[0])


def test_the_command_line_builds_parts_and_merges_them(tmp_path):
    def kb(*args: str):
        return CliRunner().invoke(main, ["build", "-f", str(REPO / "mkdocs.yml"), "--language", "en", *args])

    data = TESTS / "data" / "minimal"
    common = ["--data", str(data), "--today", TODAY.isoformat()]
    for number in (1, 2):
        folder, cache = tmp_path / f"p{number}", tmp_path / f"c{number}"
        ran = kb(*common, "--shard", f"{number}/2", "-d", str(folder), "--cache-dir", str(cache))
        assert ran.exit_code == 0, ran.output
        assert f"Built part {number}/2" in ran.output and "links are checked at the merge" in ran.output
    merged = kb("--merge", str(tmp_path / "p1"), str(tmp_path / "p2"), "-d", str(tmp_path / "site"))
    assert merged.exit_code == 0 and "Merged 2 parts" in merged.output, merged.output
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "site" / PART_FILE).exists()

    # Usage errors are told before the options are read, in the language of the command line.
    def says(output: str, key: str, **args) -> bool:
        return any(text(key, **args).render(language) in output for language in LANGUAGES)

    for wrong in ("0/2", "3/2", "2", "a/b"):
        ran = kb(*common, "--shard", wrong)
        assert ran.exit_code == 2 and says(ran.output, "build-shard-invalid", value=wrong), ran.output
    assert says(kb("--merge").output, "merge-needs-parts")
    assert says(kb("--merge", "--shard", "1/2", str(tmp_path / "p1")).output, "merge-shard-and-merge")
    assert says(kb(str(tmp_path / "p1")).output, "merge-parts-without-merge", folders=str(tmp_path / "p1"))
    missing = kb("--merge", str(tmp_path / "p1"), "-d", str(tmp_path / "site"))
    assert missing.exit_code == 1 and "Part 2/2 is missing" in missing.output
