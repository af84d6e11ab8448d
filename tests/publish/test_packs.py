"""Offline packs: what each product's pack holds, its archive and manifest as the built site has
them, a search bundle of its own pages only, the same bytes for the same records, and a content
hash that changes with what the pack holds and only then."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.model import build_dataset
from generator.offline.packs import plan_packs
from generator.search.packs import page_parts, read_pack, without_search_block
from tests.conftest import check, copy_minimal, write
from tests.publish.conftest import build_site

GUIDE = ["guide/writing-cases/", "guide/adding-records/"]


def manifest(site: Path, product: str) -> dict:
    return json.loads((site / "packs" / f"{product}.json").read_text(encoding="utf-8"))


def unpacked(site: Path, product: str) -> dict[str, bytes]:
    """Each file of a pack as the phone serves it, read from the archive by the manifest."""
    told = manifest(site, product)
    assert (site / told["archive"]).stat().st_size == told["bytes"]
    files = read_pack(site, product)
    assert [entry["url"] for entry in told["entries"]] == list(files)
    for entry in told["entries"]:
        assert len(files[entry["url"]]) == entry["size"], entry["url"]
    return files


def fragment_urls(files: dict[str, bytes]) -> set[str]:
    """The pages a pack's search bundle answers with: the URL in each of its page data files."""
    urls = set()
    for url, data in files.items():
        if url.endswith(".pf_fragment"):
            raw = gzip.decompress(data)
            urls.add(json.loads(raw[len(b"pagefind_dcd") :])["url"])
    return urls


def test_a_pack_holds_its_product_page_its_cases_the_guides_and_the_search_page(data):
    dataset = build_dataset(check(data).context)
    plans = {plan.product: plan for plan in plan_packs(dataset, "zh", GUIDE, {})}
    assert set(plans) == {"hx-200", "vmc-850"}
    assert plans["hx-200"].pages == (
        "products/hx-200/",
        "search/",
        "guide/adding-records/",
        "guide/writing-cases/",
        "cases/20260412-hx200-pressure-drop/",
    )
    assert plans["hx-200"].name == "HX-200 液压站"
    assert plan_packs(dataset, "en", GUIDE, {})[0].name == "HX-200 hydraulic power unit"


def test_code_pages_and_the_codes_index_join_the_pack_of_their_product(data):
    dataset = build_dataset(check(data).context)
    code_pages = {"hx-200": ["codes/e203/", "codes/al-1021/"]}
    hx200, vmc850 = plan_packs(dataset, "zh", GUIDE, code_pages)
    assert "codes/" in hx200.pages and "codes/al-1021/" in hx200.pages and "codes/e203/" in hx200.pages
    assert not any(page.startswith("codes/") for page in vmc850.pages)


def test_the_built_site_has_each_pack_archive_and_manifest(minimal_site):
    _, site = minimal_site
    listed = json.loads((site / "packs" / "index.json").read_text(encoding="utf-8"))["packs"]
    assert [pack["product"] for pack in listed] == ["hx-200", "vmc-850"]
    for pack in listed:
        files = unpacked(site, pack["product"])
        assert pack["size"] == sum(len(data) for data in files.values())
        assert pack["hash"] in json.dumps(manifest(site, pack["product"]))
        # every page and file as the site serves it, byte for byte; a page without the hidden copy
        # of its text that only the indexer reads
        for url, data in files.items():
            if url.endswith("/"):
                on_site = (site / url / "index.html").read_text(encoding="utf-8")
                assert "data-pagefind-body" not in data.decode("utf-8")
                assert data.decode("utf-8") == without_search_block(on_site), url
            elif not url.startswith("packs/"):
                assert data == (site / url).read_bytes(), url
    hx200 = unpacked(site, "hx-200")
    case_page = (site / "cases" / "20260412-hx200-pressure-drop" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in case_page and "<h1" in hx200["cases/20260412-hx200-pressure-drop/"].decode()
    assert "attachments/valve.png" in hx200  # the image the case shows
    assert "packs/hx-200/pagefind/pagefind.js" in hx200
    assert not any("pagefind-ui" in url for url in hx200)  # Pagefind's own interfaces are not needed


def test_a_page_is_stored_in_three_parts_that_make_it_whole():
    page = b"<html><nav>menu</nav><article class=x><h1>t</h1></article><footer/></html>"
    assert page_parts(page) == (b"<html><nav>menu</nav>", b"<article class=x><h1>t</h1>", b"</article><footer/></html>")
    assert page_parts(b"<p>no article</p>") == (b"<p>no article</p>", b"", b"")


def test_a_page_in_a_pack_is_the_page_without_its_hidden_search_copy():
    page = '<h1>x</h1><div class="kb-search-data" data-pagefind-body hidden><div>copy</div><span>q</span></div><p>after</p>'
    assert without_search_block(page) == "<h1>x</h1><p>after</p>"
    assert without_search_block("<p>no copy</p>") == "<p>no copy</p>"


def test_a_packs_search_bundle_answers_for_its_own_pages_only(minimal_site):
    _, site = minimal_site
    hx200 = fragment_urls(unpacked(site, "hx-200"))
    assert "/cases/20260412-hx200-pressure-drop/" in hx200
    assert "/guide/writing-cases/" in hx200
    assert "/cases/20260501-vmc850-spindle-alarm/" not in hx200
    assert "/cases/20260501-vmc850-spindle-alarm/" in fragment_urls(unpacked(site, "vmc-850"))


def test_packs_are_the_same_bytes_for_the_same_records_and_change_with_their_own_cases(tmp_path):
    data = copy_minimal(tmp_path / "data")
    first = tmp_path / "first"
    assert build_site(data, first, tmp_path / "cache-1").ok
    again = tmp_path / "again"
    assert build_site(data, again, tmp_path / "cache-2").ok
    for path in sorted((first / "packs").iterdir()):
        assert path.read_bytes() == (again / "packs" / path.name).read_bytes(), path.name
    case = next(data.glob("cases/**/20260501-vmc850-spindle-alarm.yml"))
    # its symptoms show on its own page only (its title shows on the other case's page too; its
    # alarm code on the codes index, which every product's pack holds)
    write(data, str(case.relative_to(data)), case.read_text(encoding="utf-8").replace("开机报警", "一开机就报警"))
    changed = tmp_path / "changed"
    assert build_site(data, changed, tmp_path / "cache-1").ok
    assert manifest(changed, "vmc-850")["hash"] != manifest(first, "vmc-850")["hash"]
    assert manifest(changed, "hx-200")["hash"] == manifest(first, "hx-200")["hash"]


def test_a_kept_pack_is_taken_while_its_pages_and_files_are_the_same_and_gives_a_clean_builds_bytes(tmp_path):
    data = copy_minimal(tmp_path / "data")
    kept = tmp_path / "cache-packs" / "written"  # the packs' bundle cache, beside the page cache
    assert build_site(data, tmp_path / "first", tmp_path / "cache").ok
    before = {folder.name: (folder / "pack.json").stat().st_mtime_ns for folder in kept.iterdir()}
    assert len(before) == len(manifest_list(tmp_path / "first"))
    case = next(data.glob("cases/**/20260501-vmc850-spindle-alarm.yml"))
    write(data, str(case.relative_to(data)), case.read_text(encoding="utf-8").replace("开机报警", "一开机就报警"))
    assert build_site(data, tmp_path / "edited", tmp_path / "cache").ok
    after = {folder.name: (folder / "pack.json").stat().st_mtime_ns for folder in kept.iterdir()}
    # the edited product's pack is written and kept anew, the other taken as it was
    assert len(after) == len(before) and len(set(after) - set(before)) == 1
    assert all(after[key] == before[key] for key in set(after) & set(before))
    assert build_site(data, tmp_path / "clean", tmp_path / "clean-cache").ok
    assert packs_bytes(tmp_path / "edited") == packs_bytes(tmp_path / "clean")


def test_a_kept_pack_is_written_again_when_a_file_it_holds_changed(tmp_path):
    data = copy_minimal(tmp_path / "data")
    assert build_site(data, tmp_path / "first", tmp_path / "cache").ok
    holding = [
        entry["product"]
        for entry in manifest_list(tmp_path / "first")
        if "attachments/valve.png" in unpacked(tmp_path / "first", entry["product"])
    ]
    assert holding, "a pack holds the picture"
    picture = data / "attachments" / "valve.png"
    picture.write_bytes(picture.read_bytes() + b"\0")  # the page that shows it reads the same
    assert build_site(data, tmp_path / "changed", tmp_path / "cache").ok
    for product in holding:
        assert unpacked(tmp_path / "changed", product)["attachments/valve.png"] == picture.read_bytes()
    assert build_site(data, tmp_path / "clean", tmp_path / "clean-cache").ok
    assert packs_bytes(tmp_path / "changed") == packs_bytes(tmp_path / "clean")


def manifest_list(site: Path) -> list[dict]:
    return json.loads((site / "packs" / "index.json").read_text(encoding="utf-8"))["packs"]


def packs_bytes(site: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((site / "packs").iterdir()) if path.is_file()}
