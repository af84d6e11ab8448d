from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from generator.render.diagram import layers, path_diagram
from generator.shapes import TrainingPath


def path(steps):
    return TrainingPath.model_validate({"id": "p", "title": "P", "steps": steps})


def test_columns_follow_the_longest_chain_of_prerequisites():
    p = path(
        [
            {"id": "a", "title": "A"},
            {"id": "b", "title": "B", "requires": ["a"]},
            {"id": "c", "title": "C", "requires": ["a", "b"]},
            {"id": "d", "title": "D"},
        ]
    )
    assert layers(p) == {"a": 0, "b": 1, "c": 2, "d": 0}


def test_diagram_is_self_contained_svg_with_escaped_titles_and_no_controls():
    p = path([{"id": "a", "title": "<script>x</script>安全"}, {"id": "b", "title": "B", "requires": ["a"]}])
    svg = str(path_diagram(p, "图"))
    tree = LexborHTMLParser(svg)
    assert not tree.css("script")
    for layout in ("wide", "tall"):
        drawing = tree.css_first(f"svg.kb-diagram-{layout}")
        assert drawing.attributes["role"] == "img"
        assert len(drawing.css("rect")) == 2 and len(drawing.css("path.kb-edge")) == 1
    assert not tree.css("a"), "a picture holds no links (the step list has them)"
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_tall_layout_puts_layers_in_rows_that_fit_a_phone():
    p = path(
        [
            {"id": "a", "title": "现场作业安全与上锁挂牌"},
            {"id": "b", "title": "液压系统基础", "requires": ["a"]},
            {"id": "c", "title": "空压站日常排故", "requires": ["a"]},
            {"id": "d", "title": "加工中心主轴、刀库与回零", "requires": ["a"]},
            {"id": "e", "title": "独立完成一次现场服务", "requires": ["b", "c", "d"]},
        ]
    )
    tall = LexborHTMLParser(str(path_diagram(p, "图"))).css_first("svg.kb-diagram-tall")
    assert int(tall.attributes["width"]) <= 350, "three steps side by side fit a 390 px phone"
    tops = [float(rect.attributes["y"]) for rect in tall.css("rect")]
    assert tops[0] < tops[1] == tops[2] == tops[3] < tops[4], "each layer is a row below the one it needs"
