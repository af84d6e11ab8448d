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


def test_diagram_is_self_contained_svg_with_escaped_titles_and_step_links():
    p = path([{"id": "a", "title": "<script>x</script>安全"}, {"id": "b", "title": "B", "requires": ["a"]}])
    svg = str(path_diagram(p, "图"))
    tree = LexborHTMLParser(svg)
    assert not tree.css("script")
    assert len(tree.css("rect")) == 2 and len(tree.css("path.kb-edge")) == 1
    assert {a.attributes["href"] for a in tree.css("a")} == {"#step-a", "#step-b"}
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
