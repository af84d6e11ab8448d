"""What each reader finds on the pages made for them, read from the built demo site and
checked against the YAML records: the new hire's next step, planned sessions, the case
index, the honour roll, one date format."""

from __future__ import annotations

import re
import shutil
import struct
import zlib

import yaml
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import TESTS, TODAY
from tests.publish.conftest import build_site
from tests.test_manager_pages import page, records

SECOND_ORG = TESTS / "data" / "second-org"


def test_path_page_names_each_enrolled_persons_next_step_session_and_mentor(demo_build):
    path = next(p for p in records("paths") if p["id"] == "new-field-engineer")
    html = page(demo_build, "paths/new-field-engineer")
    headers = [th.text(strip=True) for th in html.css(".kb-progress thead th")][1:]
    assert headers == [f"{n}. {step['title']}" for n, step in enumerate(path["steps"], 1)]
    boxes = {box.css_first(".kb-person").text(strip=True): box for box in html.css(".kb-next-step")}
    lin = boxes["林晓雨"]
    assert "加工中心主轴、刀库与回零" in lin.css_first(".kb-next-step-title").text()
    session = next(s for s in records("sessions") if s["id"] == "2026-12-cnc-alarm-diagnosis")
    assert session["date"] > TODAY and "lin-xiaoyu" in session["attendees"]
    assert session["title"] in lin.text() and "2026年12月17日" in lin.text(), "the planned session she is enrolled in"
    pair = next(m for m in records("mentoring") if m["mentee"] == "lin-xiaoyu" and m["status"] == "active")
    mentor = next(p["name"] for p in records("people") if p["id"] == pair["mentor"])
    assert mentor in lin.text()


def test_person_page_shows_the_same_next_step(demo_build):
    html = page(demo_build, "people/lin-xiaoyu")
    assert "加工中心主轴、刀库与回零" in html.css_first(".kb-next-step").text()


def test_planned_sessions_are_shown_as_planned_never_as_attended(demo_build):
    sessions = {s["title"]: s for s in records("sessions")}
    checked = 0
    for person in records("people"):
        html = page(demo_build, f"people/{person['id']}")
        tables = {}
        for heading in html.css("article h3"):
            table = heading.next
            while table is not None and table.tag not in ("div", "p", "h3", "h2"):
                table = table.next
            tables[heading.text(strip=True)] = table
        attended = tables.get("参加的培训")
        for link in attended.css("td a[href*='sessions/']") if attended and attended.tag == "div" else []:
            assert sessions[link.text(strip=True)]["date"] <= TODAY, (person["id"], link.text())
        planned = tables.get("已报名的培训（未举行）")
        for link in planned.css("td a[href*='sessions/']") if planned is not None else []:
            assert sessions[link.text(strip=True)]["date"] > TODAY
            checked += 1
    assert checked, "someone in the demo is enrolled in a planned session"


def test_dates_have_one_format(demo_build):
    iso = re.compile(r"(?<![\w/-])20[0-9]{2}-[01][0-9]-[0-3][0-9](?![\w/-])")
    for html in demo_build.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        tree = page(demo_build, html.parent.relative_to(demo_build).as_posix()) if html.name == "index.html" else None
        if tree is None:
            continue
        article = tree.css_first("article")
        for hidden in article.css(".kb-search-data, code, pre"):
            hidden.decompose()
        found = iso.findall(article.text())
        assert not found, (html, found[:3])


def png(width: int, height: int) -> bytes:
    """A small valid PNG (one grey colour), written without an imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_honour_roll_shows_a_picture_of_each_recipient_and_the_citation_as_markdown(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SECOND_ORG, data)
    awards = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / "awards").glob("*.yml"))]
    with_photo, with_page_instead = awards[0]["recipients"][0], awards[-1]["recipients"][0]
    (data / "attachments/people").mkdir(parents=True)
    (data / f"attachments/people/{with_photo}.png").write_bytes(png(8, 8))
    (data / f"attachments/people/{with_page_instead}.png").write_text("<html><script></script>", encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(data, site, tmp_path / "cache").ok
    assert (site / f"attachments/people/{with_photo}.png").read_bytes() == png(8, 8)
    assert not (site / f"attachments/people/{with_page_instead}.png").exists(), "not an image: not published"
    roll = page(site, "honours")
    cards = roll.css("article.kb-honour")
    assert len(cards) == len(awards)
    for card in cards:
        for item in card.css(".kb-honour-people li"):
            picture = item.css_first("img.kb-avatar, svg.kb-avatar-initials")
            assert picture is not None
            if picture.tag == "img":
                assert picture.attributes["src"].endswith(f"attachments/people/{with_photo}.png")
    assert roll.css(f"img.kb-avatar[src$='{with_photo}.png']")
    assert not roll.css(f"img.kb-avatar[src$='{with_page_instead}.png']")
    person = page(site, f"people/{with_photo}")
    assert person.css_first("aside.kb-panel img.kb-avatar") is not None
    assert not re.search(r"\b20[0-9]{2}-(H[12]|Q[1-4]|[01][0-9])\b", roll.css_first("article").text()), (
        "periods in words"
    )


def test_citations_keep_their_lists_and_evidence_links(demo_build):
    roll = page(demo_build, "honours")
    listed = [award for award in records("awards") if "\n- " in award["citation"]]
    assert listed, "the demo has citations written as lists"
    assert roll.css(".kb-honour-citation ul li")
    evidence = {c for award in records("awards") for c in award.get("evidence", [])}
    linked = {a.attributes["href"].rstrip("/").rsplit("/", 1)[-1] for a in roll.css(".kb-honour-evidence a")}
    assert evidence <= linked


def test_initials_avatar_colours_are_deterministic_and_readable():
    from generator.render.avatars import PALETTE, colour_of, initials_avatar

    assert colour_of("zhang-wei") == colour_of("zhang-wei")
    assert len({colour_of(f"p{n}") for n in range(200)}) == len(PALETTE)
    for colour in PALETTE:
        assert contrast("#ffffff", colour) >= 4.5, colour
    svg = str(initials_avatar("x", "<b>林晓雨</b>", 48))
    assert "<b>" not in svg and "&gt;" in svg, "a name is text in the drawing, never markup"


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_cases_index_lists_every_state_validated_first_with_counters_that_link(demo_build):
    html = page(demo_build, "cases")
    states = ["validated", "not-validated", "wip", "archived"]
    sections = [h2.attributes["id"] for h2 in html.css("article h2[id^='state-']")]
    assert sections == [f"state-{state}" for state in states]
    counters = {a.attributes["href"]: int(a.css_first("strong").text()) for a in html.css("nav.kb-state-filter a")}
    for state in states:
        expected = sum(1 for c in records("cases") if c["state"] == state)
        assert counters[f"#state-{state}"] == expected and expected
    wip = html.css_first("#state-wip").next
    while wip.tag != "div":
        wip = wip.next
    titles = {c["title"] for c in records("cases") if c["state"] == "wip"}
    assert {a.text(strip=True) for a in wip.css("a.kb-case-link")} == titles


def test_tags_page_lists_every_tag_with_its_cases_and_case_tags_link_to_it(demo_build):
    html = page(demo_build, "tags")
    by_tag: dict[str, set[str]] = {}
    for case in records("cases"):
        for tag in case.get("tags", []):
            by_tag.setdefault(str(tag), set()).add(case["title"])
    sections = {}
    for heading in html.css("article h2[id^='tag-']"):
        listing = heading.next
        while listing.tag != "ul":
            listing = listing.next
        sections[heading.text(strip=True)] = {a.text(strip=True) for a in listing.css("a.kb-case-link")}
    assert sections == by_tag
    case = next(c for c in records("cases") if c.get("tags"))
    link = page(demo_build, f"cases/{case['id']}").css_first("aside.kb-panel a.kb-tag")
    anchor = link.attributes["href"].split("#")[1]
    assert html.css_first(f"h2#{anchor}").text(strip=True) == str(case["tags"][0])


def test_home_and_404_pages_have_a_search_box_in_the_sites_language(demo_build):
    form = page(demo_build, "").css_first("form.kb-home-search")
    assert form.attributes["action"] == "search/" and form.css_first("input[name=q]") is not None
    not_found = LexborHTMLParser((demo_build / "404.html").read_text(encoding="utf-8"))
    assert not_found.css_first("article h1").text() == "找不到这个页面"
    assert not_found.css_first("form.kb-home-search").attributes["action"].endswith("search/")
