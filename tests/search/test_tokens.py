"""The search copy: what the index holds of a text, and reading it back."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from generator.search.tokens import (
    TOKEN_END,
    TOKEN_PREFIX,
    bigrams,
    decode,
    encode_char,
    html_search_copy,
    model_variants,
    search_copy,
    search_copy_of,
)


def test_chinese_runs_become_their_bigrams_in_order():
    copy = search_copy("压力上不去")
    tokens = copy.split()
    assert len(tokens) == 4 and all(token.startswith(TOKEN_PREFIX) and len(token) == 9 for token in tokens)
    assert tokens[1] == TOKEN_PREFIX + encode_char("力") + encode_char("上") + TOKEN_END
    # Any substring of two or more characters is a run of whole, consecutive tokens.
    assert " ".join(search_copy("力上不").split()) in copy


def test_words_codes_and_marks_are_kept_as_written_and_apart_from_the_chinese():
    copy = search_copy("HMI偶发报警E-201，更换 QM-FV-220（v2.3.1）后 SP_ORI_OFFSET=180")
    words = copy.split()
    for kept in ["HMI", "E-201", "QM-FV-220", "v2.3.1", "SP_ORI_OFFSET", "=", "180", "，", "（", "）"]:
        assert kept in words, kept


def test_full_width_letters_and_digits_meet_their_half_width_forms():
    assert search_copy("ＡＬ－１０２１ 报警").split()[0] == "AL-1021"
    assert search_copy("ＰＬＣ") == "PLC"


def test_a_single_character_stays_as_it_is():
    assert search_copy("3 个 阀") == "3 个 阀"


def test_short_texts_are_kept_apart_so_a_phrase_does_not_run_across_two():
    assert search_copy_of("滴液", "拉丝") == search_copy("滴液") + " ; " + search_copy("拉丝")


def test_a_copy_reads_back_into_its_text():
    text = "停机泄压，拆下全部 24 个阀芯，用专用拔销器取出阀杆；更换原厂件 QM-FV-220（每阀 1 套）。"
    assert decode(search_copy(text)) == text
    assert decode(search_copy("HMI 偶发报警 E-201 灌装阀关闭超时")) == "HMI 偶发报警 E-201 灌装阀关闭超时"


def test_html_of_a_hand_written_page_is_copied_as_its_text():
    copy = html_search_copy('<h2 id="x">写案例<a class="headerlink" href="#x">¶</a></h2><p>现象 &amp; 原因</p>')
    assert decode(html.unescape(copy)) == "写案例 现象 & 原因"


def test_the_copy_of_a_page_is_html_again():
    """Text that shows markup (`<script>` in a code example) must not become markup in the copy."""
    copy = html_search_copy("<pre><code>&lt;script&gt;alert(1)&lt;/script&gt; &lt;id&gt;</code></pre>")
    assert "<" not in copy and "&lt; script &gt;" in copy


chinese = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=30)


@given(st.lists(chinese, min_size=1, max_size=5))
def test_any_chinese_text_reads_back_but_for_its_spaces(runs):
    text = "，".join(runs)
    assert decode(search_copy(text)) == text


def test_every_chinese_character_has_three_symbols_and_reads_back():
    for char in ("\u3400", "一", "压", "\u9fff"):
        token = bigrams(char + char)[0]
        assert len(token) == 9 and decode(token) == char + char


def test_a_model_code_glued_to_a_number_is_also_kept_alone():
    """130ST-M10015 (frame size, series, rating): `ST-M10015` as typed finds nothing in its parts."""
    assert model_variants("伺服电机 130ST-M10015，24V 电源", "3RT2026-1BB40 接触器") == ["ST-M10015", "RT2026-1BB40"]
    assert model_variants("2018 款，12V-DC，v2.3.1，2x4 板，5S 管理") == []
