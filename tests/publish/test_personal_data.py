"""Personal data in any form and field stops the build; nothing of it reaches any built file."""

from __future__ import annotations

import gzip

from click.testing import CliRunner

from generator.cli import main
from generator.search.packs import read_pack
from tests.conftest import REPO, write
from tests.publish.conftest import build_site
from tests.publish.test_build import tree_digest

CASE = "cases/2026/20260412-hx200-pressure-drop.yml"
FORMS = {
    "13598765432": "tags: [13598765432]",  # a bare YAML number
    "１３９１２３４５６７８": "aka: [客户电话１３９１２３４５６７８]",  # full-width digits
    "0086 137 1234 5678": "customer: 某厂 0086 137 1234 5678",
    "li.ming at example dot com": "cause: |\n  联系 li.ming at example dot com 确认",
}


def every_built_text(site) -> str:
    texts = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix != ".pack":
            texts.append(readable(path.read_bytes()))
    for manifest in site.glob("packs/*.json"):  # an offline pack's archive, every file of it
        if manifest.name != "index.json":
            texts += [readable(data) for data in read_pack(site, manifest.stem).values()]
    return "\n".join(texts)


def readable(raw: bytes) -> str:
    if raw[:2] == b"\x1f\x8b":  # Pagefind's index files and the packs' files are gzip-compressed
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="ignore")


def test_personal_data_stops_the_build_and_reaches_no_file(minimal_site, tmp_path, monkeypatch):
    data_dir, site = minimal_site
    before = tree_digest(site)
    text = (data_dir / CASE).read_text(encoding="utf-8")
    text = text.replace("tags: [压力]", FORMS["13598765432"]).replace(
        "aka: [掉压, 压力上不去]", FORMS["１３９１２３４５６７８"]
    )
    text = text.replace("customer: 某食品厂", FORMS["0086 137 1234 5678"])
    text = text.replace("cause: |\n  比例溢流阀先导阀芯磨损。", FORMS["li.ming at example dot com"])
    write(data_dir, CASE, text)
    result = build_site(data_dir, site, tmp_path / "cache2")
    assert not result.ok
    assert sorted(d.code for d in result.prepared.report.errors) == ["KB601", "KB601", "KB601", "KB603"]
    assert tree_digest(site) == before
    built = every_built_text(site)
    for written in FORMS:
        assert written not in built

    monkeypatch.chdir(REPO)
    printed = CliRunner().invoke(main, ["build", "--data", str(data_dir), "-d", str(site), "--today", "2026-11-28"])
    assert printed.exit_code == 1
    for written in ("13598765432", "１３９１２３４５６７８", "1371234", "li.ming"):
        assert written not in printed.output, "reports mask what they found"


def test_a_reserved_id_in_the_taxonomy_is_refused(minimal_site, tmp_path):
    data_dir, site = minimal_site
    taxonomy = (data_dir / "taxonomy.yml").read_text(encoding="utf-8")
    write(data_dir, "taxonomy.yml", taxonomy.replace("id: hx-200", "id: index", 1))
    result = build_site(data_dir, site, tmp_path / "cache2")
    assert not result.ok and "KB307" in {d.code for d in result.prepared.report.errors}
