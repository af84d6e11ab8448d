"""Reading the searches back from web server access logs."""

from __future__ import annotations

import gzip
import shutil

from generator.search.report import MAX_LINE_BYTES, Search, read_log, report_for, search_in, searches_in
from tests.conftest import TESTS

LOGS = TESTS / "data" / "access-logs"


def test_both_log_formats_give_the_logged_searches_and_nothing_else():
    nginx = list(searches_in((LOGS / "nginx-combined.log").read_text(encoding="utf-8").splitlines()))
    apache = list(searches_in((LOGS / "apache-common.log").read_text(encoding="utf-8").splitlines()))
    assert nginx[0] == Search("油冷机", 0) and nginx[2] == Search("E-203", 3)
    assert Search("伺服 刹车 SV-660N", 1) in nginx  # a + in the query string is a space
    assert len(nginx) == 7  # a page request, a POST and a line in no format are left out
    assert apache[1] == Search("贴标机 打褶", 2)  # a site under /kb/, a user name, no size
    assert Search("磁力扭矩头", 0) in apache  # the server had no such file: still a search


def test_queries_are_counted_together_however_they_were_typed():
    report = report_for([LOGS / "nginx-combined.log", LOGS / "apache-common.log"])
    missed = {query: (count, results) for query, count, results in report.missed(few=2)}
    assert missed["油冷机"] == (3, 0)
    assert missed["ＰＬＣ 通讯"] == (2, 0)  # and `plc 通讯`: full width and case do not matter
    assert "plc 通讯" not in missed
    assert missed["伺服 刹车 SV-660N"] == (1, 1) and missed["贴标机 打褶"] == (1, 2)
    assert "E-203" not in missed  # three results
    assert [query for query, _, _ in report.missed(few=0)][:2] == ["油冷机", "ＰＬＣ 通讯"]


def test_a_query_with_personal_data_is_never_listed():
    report = report_for([LOGS / "nginx-combined.log", LOGS / "apache-common.log"])
    listed = " ".join(query for query, _, _ in report.missed(few=100, top=100))
    assert "13912345678" not in listed and "李工" not in listed and "@" not in listed
    assert report.personal == 2


def test_a_rotated_compressed_log_is_read_too(tmp_path):
    packed = tmp_path / "access.log.1.gz"
    with (LOGS / "apache-common.log").open("rb") as source, gzip.open(packed, "wb") as target:
        shutil.copyfileobj(source, target)
    assert report_for([packed]).missed(few=0)[0] == ("油冷机", 1, 0)


def line_with(query: str, results: str) -> str:
    return f'10.0.0.1 - - [02/Dec/2026:08:01:12 +0800] "GET /assets/kb-search-log.txt?q={query}&n={results} HTTP/1.1" 200 0'


def test_only_a_plain_count_of_a_few_ascii_digits_makes_a_search():
    assert search_in(line_with("abc", "0")) == Search("abc", 0)
    assert search_in(line_with("abc", "999999")) == Search("abc", 999999)
    for results in ("%C2%B2", "%EF%BC%95", "²", "５", "1" * 5000, "-1", "1234567", "1.0", ""):
        assert search_in(line_with("abc", results)) is None, results


def test_a_query_that_is_not_utf8_is_no_search():
    # `138%FF12345678` would reach the page as `138�12345678`, a phone number to any reader.
    assert search_in(line_with("138%FF12345678", "0")) is None
    assert search_in(line_with("%E6%B2%B9", "0")) == Search("油", 0)


def test_a_line_too_long_to_be_a_search_is_read_through_and_passed_over(tmp_path):
    log = tmp_path / "access.log"
    log.write_bytes(b"x" * (MAX_LINE_BYTES * 3) + b"\n" + line_with("abc", "0").encode() + b"\n")
    lines = list(read_log(log))
    assert lines[0] is None and search_in(lines[1]) == Search("abc", 0) and len(lines) == 2
