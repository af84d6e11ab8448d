"""`kb build --merge` against hostile parts: each part folder is untrusted.

The parts of the minimal data are built once for the module; each attack works on a copy of
them, beside a previous site, a folder outside holding a secret, and a payload an attacker
would like written somewhere. Every test looks at what the merge wrote: not one file
anywhere under the test's folder changes on a refusal (so nothing is written outside the
site, the previous site stays, the parts stay), and the secret is nowhere in the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.history import NO_HISTORY, FileHistory, History
from generator.messages import text
from generator.publish.merge import PART_FILE, SiteWriter, data_digest
from generator.publish.parts import (
    MANIFEST_LIMIT,
    PART_FILE_LIMIT,
    MergeProblem,
    shared_digest,
    shared_files,
    walk_part,
)
from generator.publish.site import BuildRequest, build, merge_parts
from generator.settings import Part, Settings
from tests.conftest import REPO, copy_minimal
from tests.publish.conftest import TODAY

SECRET = "SECRET-of-the-build-machine-6f1c2a"
PREVIOUS = "the previous site"
CHANGED_TITLE = "主轴报警无法复位（另一家公司的记录）"


def build_part(data_dir: Path, folder: Path, cache: Path, part: Part) -> None:
    request = BuildRequest(REPO / "mkdocs.yml", data_dir, None, TODAY, folder, cache_dir=cache, part=part)
    built = build(request, lambda line: None)
    assert built.ok, (built.error, built.problems)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """part-1 and part-2 of the minimal data, and other-2: part 2 of a copy with one title changed."""
    root = tmp_path_factory.mktemp("hostile-parts")
    data = copy_minimal(root / "data")
    for number in (1, 2):
        build_part(data, root / f"part-{number}", root / f"cache-{number}", Part(number, 2))
    other = copy_minimal(root / "other-data")
    case = other / "cases/2026/20260501-vmc850-spindle-alarm.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("主轴报警无法复位", CHANGED_TITLE), encoding="utf-8")
    build_part(other, root / "other-2", root / "other-cache", Part(2, 2))
    return root


@dataclass
class Arena:
    """One attack's folder: copies of the parts, a previous site, a secret outside."""

    root: Path
    parts: list[Path]
    other: Path  # part 2 built from other records
    site: Path
    secret: Path

    def merge(self, folders: list[Path] | None = None):
        request = BuildRequest(REPO / "mkdocs.yml", site_dir=self.site)
        return merge_parts(request, folders or self.parts, lambda line: None)

    def described(self, part: Path) -> dict:
        return json.loads((part / PART_FILE).read_text(encoding="utf-8"))

    def describe(self, part: Path, described: dict) -> None:
        (part / PART_FILE).write_text(json.dumps(described, ensure_ascii=False, indent=1), encoding="utf-8")

    def refused(self, expected: str, folders: list[Path] | None = None) -> None:
        """The merge refuses with exactly this line, and nothing under the arena changes."""
        before = snapshot(self.root)
        result = self.merge(folders)
        assert not result.ok and result.error == expected, result.error
        assert snapshot(self.root) == before, "the merge wrote something"
        assert (self.site / "index.html").read_text(encoding="utf-8") == PREVIOUS
        assert not any(SECRET.encode() in path.read_bytes() for path in self.site.rglob("*") if path.is_file())


@pytest.fixture
def arena(built, tmp_path) -> Arena:
    # The site two levels down and the parts one: a `..` that climbs out of the new site's
    # folder lands in the test's folder, where snapshot() sees it.
    parts = []
    for name in ("part-1", "part-2", "other-2"):
        shutil.copytree(built / name, tmp_path / "parts" / name, symlinks=True)
        parts.append(tmp_path / "parts" / name)
    site = tmp_path / "www" / "public" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return Arena(tmp_path, parts[:2], parts[2], site, secret)


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root, links not followed: what it is and its content or target."""
    found = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                found[str(path)] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                found[str(path)] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                found[str(path)] = ("folder" if stat.S_ISDIR(mode) else "other",)
    return found


def says(key: str, **args) -> str:
    return text(key, **args).render("zh")  # mkdocs.yml's language


def own_page(arena: Arena, part: Path) -> str:
    return arena.described(part)["pages"][0]


# the parts as built ---------------------------------------------------------------


def test_the_parts_as_built_merge(arena):
    result = arena.merge()
    assert result.ok, (result.error, result.problems)
    assert (arena.site / "index.html").read_text(encoding="utf-8") != PREVIOUS
    described = [arena.described(part) for part in arena.parts]
    assert described[0]["data"] == described[1]["data"], "one data set, one digest"
    assert arena.described(arena.other)["data"] != described[0]["data"]
    assert all((arena.site / page).is_file() for one in described for page in one["pages"])


# links and paths out of the part --------------------------------------------------


def test_a_dotdot_page_path_through_a_symlinked_folder_writes_nothing_outside(arena):
    # The page path climbs out of the part through a link to a folder elsewhere, where the
    # attacker's payload waits; the same path climbs out of the new site's folder.
    deep = arena.root / "outside" / "x" / "y"
    deep.mkdir(parents=True)
    (arena.root / "payload.html").write_text("<script>pwned()</script>", encoding="utf-8")
    part = arena.parts[1]
    (part / "evil").symlink_to(deep, target_is_directory=True)
    described = arena.described(part)
    described["pages"].append("evil/../../../payload.html")
    arena.describe(part, described)
    arena.refused(says("merge-part-link", folder=part, path="evil"))
    assert not (arena.root / "www" / "payload.html").exists()


@pytest.mark.parametrize(
    "page",
    [
        "../../outside/secret.txt",  # through real folders: out of the part, and out of the new site
        "cases/../../../outside/secret.txt",
        "/etc/passwd",
        "cases\\..\\..\\secret.txt",
        "cases/x\0.html",
        "cases//index.html",
        "./index.html",
        "cases/",
        "",
    ],
)
def test_a_page_path_that_is_not_plain_is_refused(arena, page):
    part = arena.parts[1]
    described = arena.described(part)
    described["pages"].append(page)
    arena.describe(part, described)
    arena.refused(says("merge-page-path-invalid", folder=part, page=page))


def test_a_page_replaced_by_a_link_to_a_secret_is_refused(arena):
    part = arena.parts[1]
    page = own_page(arena, part)
    (part / page).unlink()
    (part / page).symlink_to(arena.secret)
    arena.refused(says("merge-part-link", folder=part, path=page))


@pytest.mark.parametrize("which", ["file", "folder"])
def test_an_extra_link_under_assets_is_refused(arena, which):
    part = arena.parts[0]  # the part whose shared files the merge takes
    target = arena.secret if which == "file" else arena.secret.parent
    (part / "assets" / "notes").symlink_to(target, target_is_directory=which == "folder")
    arena.refused(says("merge-part-link", folder=part, path="assets/notes"))


def test_a_fifo_in_a_part_is_refused(arena):
    # Reading a FIFO would wait for a writer for ever; a device could be a disk.
    part = arena.parts[0]
    os.mkfifo(part / "assets" / "pipe")
    arena.refused(says("merge-part-not-a-file", folder=part, path="assets/pipe"))


def test_a_name_that_is_not_utf8_is_refused(arena):
    part = arena.parts[0]
    with open(os.fsencode(part / "assets") + b"/caf\xe9.js", "wb") as file:
        file.write(b"1")
    arena.refused(says("merge-part-bad-name", folder=part, path="assets/caf\udce9.js"))


# digests -------------------------------------------------------------------------


def test_a_forged_shared_digest_is_refused(arena):
    # The first part's shared files are the site's: its index page defaced, its digest left
    # as the other part's, which the merge used to take as written.
    part = arena.parts[0]
    (part / "index.html").write_text("DEFACED", encoding="utf-8")
    arena.refused(says("merge-shared-forged", folder=part, file=PART_FILE))
    assert not any(b"DEFACED" in path.read_bytes() for path in arena.site.rglob("*") if path.is_file())


def test_shared_files_that_differ_are_refused_even_with_a_true_digest(arena):
    part = arena.parts[1]
    (part / "index.html").write_text("DEFACED", encoding="utf-8")
    described = arena.described(part)
    described["shared"] = shared_digest(walk_part(part), set(described["pages"]))
    arena.describe(part, described)
    arena.refused(says("merge-different-builds", folder=part, first=arena.parts[0]))


def test_a_part_from_other_records_is_refused(arena):
    first = arena.parts[0]
    arena.refused(says("merge-different-data", folder=arena.other, first=first), [first, arena.other])
    # with the digests of the true part 2 written into it, its own files still tell
    described = arena.described(arena.other)
    described["data"] = arena.described(first)["data"]
    described["shared"] = arena.described(arena.parts[1])["shared"]
    arena.describe(arena.other, described)
    arena.refused(says("merge-shared-forged", folder=arena.other, file=PART_FILE), [first, arena.other])
    assert CHANGED_TITLE not in "".join(p.read_text("utf-8", "replace") for p in arena.site.rglob("*") if p.is_file())


def test_the_data_digest_is_the_same_for_the_same_data_anywhere(tmp_path):
    def digest(data: Path, **changes) -> str:
        return data_digest(Settings(**{"data_dir": data, "today": TODAY, **changes}), NO_HISTORY)

    here, there = copy_minimal(tmp_path / "a" / "data"), copy_minimal(tmp_path / "b" / "elsewhere")
    assert digest(here) == digest(there), "absolute paths are not in it"
    assert digest(here, cache_dir=tmp_path / "cache", show_progress=True) == digest(here)
    assert digest(here, language="en") != digest(here)
    assert digest(here, today=TODAY.replace(day=1)) != digest(here)
    history = History("data/", {"cases/2026/x.yml": FileHistory(TODAY, "张伟", TODAY, "\udcff", 2)})
    assert data_digest(Settings(data_dir=here, today=TODAY), history) != digest(here), "the history is in it"
    (there / "attachments" / "valve.png").write_bytes(b"\x89PNG other")
    assert digest(here) != digest(there), "attachments are in it"


# one part replacing another's page ----------------------------------------------------


def test_a_part_may_not_supply_another_parts_page(arena):
    first, second = arena.parts
    page = own_page(arena, first)  # part 1's page, written by part 2 too
    (second / page).parent.mkdir(parents=True, exist_ok=True)
    (second / page).write_text("DEFACED", encoding="utf-8")
    described = arena.described(second)
    described["pages"].append(page)
    described["shared"] = shared_digest(walk_part(second), set(described["pages"]))
    arena.describe(second, described)
    arena.refused(says("merge-page-not-owned", folder=second, page=page, part="2/2"))


def test_a_part_may_not_claim_a_shared_file_as_its_page(arena):
    # A shared file that the hash gives to part 2, claimed by part 2 as its own page and
    # defaced, with a true digest of part 2's files: it would replace the first part's file.
    first, second = arena.parts
    claimed = next(
        path for path in shared_files(walk_part(second), set(arena.described(second)["pages"])) if Part(2, 2).owns(path)
    )
    (second / claimed).write_text("DEFACED", encoding="utf-8")
    described = arena.described(second)
    described["pages"] = sorted([*described["pages"], claimed])
    described["shared"] = shared_digest(walk_part(second), set(described["pages"]))
    arena.describe(second, described)
    arena.refused(says("merge-page-also-shared", folder=second, page=claimed, first=first))


@pytest.mark.parametrize("page", ["kb-part.json", "pagefind/shards.json", "pagefind"])
def test_a_part_may_not_claim_what_the_merge_writes(arena, page):
    part = arena.parts[1]
    described = arena.described(part)
    described["pages"].append(page)
    arena.describe(part, described)
    arena.refused(says("merge-page-reserved", folder=part, page=page))


# the search shards ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../../outside", "..", "/etc", "0123456789abcdef/..", "0123456789ABCDEF", "0123"])
def test_a_shard_name_that_is_not_a_content_hash_is_refused(arena, name):
    part = arena.parts[1]
    manifest = part / "pagefind" / "shards.json"
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    listed["shards"][0]["name"] = name
    manifest.write_text(json.dumps(listed), encoding="utf-8")
    arena.refused(says("merge-shard-name-invalid", folder=part, name=name))


def test_a_shard_folder_that_is_missing_or_a_link_is_refused(arena):
    part = arena.parts[1]
    name = json.loads((part / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"][0]["name"]
    shutil.rmtree(part / "pagefind" / name)
    arena.refused(says("merge-shard-folder-missing", folder=part, name=name))
    (part / "pagefind" / name).symlink_to(arena.secret.parent, target_is_directory=True)
    arena.refused(says("merge-part-link", folder=part, path=f"pagefind/{name}"))


def test_a_shard_listed_by_two_parts_is_refused(arena):
    first, second = arena.parts
    name = json.loads((first / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"][0]["name"]
    shutil.copytree(first / "pagefind" / name, second / "pagefind" / name)
    manifest = second / "pagefind" / "shards.json"
    listed = json.loads(manifest.read_text(encoding="utf-8"))
    listed["shards"].append({"name": name, "pages": 1})
    manifest.write_text(json.dumps(listed), encoding="utf-8")
    arena.refused(says("merge-shard-twice", name=name, folder=second, other=first))


@pytest.mark.parametrize(
    "listed",
    [
        "{",
        "[" * 100_000 + "]" * 100_000,
        '{"shards": {}}',
        '{"shards": [{"name": "0123456789abcdef"}]}',
        '{"shards": [{"name": "0123456789abcdef", "pages": true}]}',
        '{"shards": [{"name": "0123456789abcdef", "pages": 1, "url": "https://attacker.example/"}]}',
        '{"shards": [{"name": "0123456789abcdef", "pages": 1' + "0" * 5000 + "}]}",
    ],
)
def test_a_malformed_shard_list_is_one_line(arena, listed):
    part = arena.parts[1]
    (part / "pagefind" / "shards.json").write_text(listed, encoding="utf-8")
    arena.refused(says("merge-manifest-invalid", folder=part))


# kb-part.json and the limits --------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"part": True}, "part"),
        ({"part": "1"}, "part"),
        ({"of": 10**9}, "of"),
        ({"part": 3}, "part"),
        ({"shared": "../x"}, "shared"),
        ({"data": None}, "data"),
        ({"pages": "cases/x/index.html"}, "pages"),
        ({"pages": [1]}, "pages"),
    ],
)
def test_a_field_of_kb_part_json_that_the_build_does_not_write_is_refused(arena, change, field):
    part = arena.parts[1]
    arena.describe(part, {**arena.described(part), **change})
    arena.refused(says("merge-part-field-invalid", folder=part, file=PART_FILE, field=field))


@pytest.mark.parametrize("written", ["", "{", "[]", "[" * 100_000 + "]" * 100_000, '{"part": 1' + "0" * 5000 + "}"])
def test_a_malformed_kb_part_json_is_one_line(arena, written):
    part = arena.parts[1]
    (part / PART_FILE).write_text(written, encoding="utf-8")
    arena.refused(says("merge-not-a-part", folder=part, file=PART_FILE))


@pytest.mark.parametrize(("path", "limit"), [(PART_FILE, PART_FILE_LIMIT), ("pagefind/shards.json", MANIFEST_LIMIT)])
def test_a_file_past_its_limit_is_refused(arena, path, limit):
    part = arena.parts[1]
    with (part / path).open("r+b") as file:
        file.truncate(limit + 1)  # what the build wrote, then zeros: sparse, quick
    arena.refused(says("merge-file-too-large", folder=part, path=path, limit=f"{limit // (1024 * 1024)} MiB"))


def test_the_command_line_says_one_line_and_exits_1(arena):
    part = arena.parts[1]
    page = own_page(arena, part)
    (part / page).unlink()
    (part / page).symlink_to(arena.secret)
    before = snapshot(arena.root)
    args = ["build", "-f", str(REPO / "mkdocs.yml"), "--language", "en", "--merge", *map(str, arena.parts)]
    ran = CliRunner().invoke(main, [*args, "-d", str(arena.site)])
    assert ran.exit_code == 1 and "Traceback" not in ran.output
    expected = text("merge-part-link", folder=part, path=page).render("en")
    assert ran.output.strip().splitlines() == ["Error: " + expected], ran.output
    assert snapshot(arena.root) == before


# belt and braces: where the merge writes, and a part changed under it --------------------


def test_the_writer_keeps_every_file_inside_the_new_site(tmp_path):
    aside, outside = tmp_path / "aside", tmp_path / "outside"
    aside.mkdir()
    outside.mkdir()
    (aside / "cases").symlink_to(outside, target_is_directory=True)
    writer = SiteWriter(aside)
    for relative in ("cases/x/index.html", "../outside/x.html", "/tmp/x.html"):
        with pytest.raises(MergeProblem) as refused:
            writer.folder_of(relative)
        (words,) = refused.value.args
        assert words.key == "merge-outside-site", relative
    assert list(outside.iterdir()) == [], "no folder made outside"
    assert writer.folder_of("assets/x.js") == Path(os.path.realpath(aside)) / "assets"


def test_a_file_swapped_after_the_walk_is_not_read(tmp_path):
    part = tmp_path / "part"
    part.mkdir()
    (part / "index.html").write_text("walked", encoding="utf-8")
    tree = walk_part(part)
    os.link(part / "index.html", tmp_path / "kept")  # its inode stays taken: no new file gets its number
    (part / "index.html").unlink()
    (part / "index.html").symlink_to(tmp_path / "secret")
    (tmp_path / "secret").write_text(SECRET, encoding="utf-8")
    with pytest.raises(MergeProblem) as refused:
        tree.read("index.html", 100)
    assert refused.value.args[0].key == "merge-part-changed"
    (part / "other.html").write_text("another file", encoding="utf-8")
    os.replace(part / "other.html", part / "index.html")
    with pytest.raises(MergeProblem):
        tree.digest("index.html")
