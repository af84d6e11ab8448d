"""The import graph of `generator` against its layers (generator/layers.py): every module in
a layer, no import from a lower layer to a higher one, no import circle. Imports made only
for type checking are left out: they are not run.
"""

from __future__ import annotations

import grimp
import pytest

from generator.layers import LAYERS, layer_of


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("generator", exclude_type_checking_imports=True, cache_dir=None)


def modules_in_no_layer(graph: grimp.ImportGraph) -> list[str]:
    return sorted(module for module in graph.modules if layer_of(module) is None)


def upward_imports(graph: grimp.ImportGraph) -> list[str]:
    """Each import from a lower layer to a higher one, with where it is written."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            low, high = layer_of(importer), layer_of(imported)
            if low is not None and high is not None and high > low:
                found.append(
                    f"{importer} ({LAYERS[low][0]}) imports {imported} ({LAYERS[high][0]}){_where(graph, importer, imported)}"
                )
    return found


def _where(graph: grimp.ImportGraph, importer: str, imported: str) -> str:
    details = graph.get_import_details(importer=importer, imported=imported)
    return f" on line {details[0]['line_number']}: {details[0]['line_contents']}" if details else ""


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """One circle of imports through each group of modules that import each other, shortest first."""
    found = []
    for group in _strongly_connected(graph):
        start = group[0]
        back = [m for m in graph.find_modules_that_directly_import(start) if m in group]
        chains = [graph.find_shortest_chain(importer=start, imported=m) for m in back]
        shortest = min((chain for chain in chains if chain), key=len)
        found.append([*shortest, start])
    return found


def _strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's algorithm without recursion: the groups of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, following = work[-1]
            step = next(following, None)
            if step is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif step not in index:
                index[step] = low[step] = len(index)
                stack.append(step)
                on_stack.add(step)
                work.append((step, iter(sorted(graph.find_modules_directly_imported_by(step)))))
            elif step in on_stack:
                low[module] = min(low[module], index[step])
    return groups


def test_every_module_is_in_a_layer(graph):
    assert modules_in_no_layer(graph) == []


def test_no_import_runs_from_a_lower_layer_to_a_higher_one(graph):
    found = upward_imports(graph)
    assert not found, "imports against the layers of generator/layers.py:\n" + "\n".join(found)


def test_no_import_circles(graph):
    found = circles(graph)
    assert not found, "import circles:\n" + "\n".join(" -> ".join(circle) for circle in found)


def test_the_most_exact_pattern_decides_a_layer():
    names = [name for name, _ in LAYERS]
    assert names[layer_of("generator.load.text")] == "foundation"
    assert names[layer_of("generator.load.files")] == "load"
    assert names[layer_of("generator.load")] == "load"
    assert names[layer_of("generator.kinds")] == "kinds"
    assert layer_of("generator_other.load") is None
    assert layer_of("somewhere.else") is None


def test_the_checks_find_what_they_look_for():
    """A graph with an upward import, a circle and a module in no layer, as the checks see it."""
    made = grimp.ImportGraph()
    for module in ("generator.load.files", "generator.cli.build", "generator.model", "generator.metrics", "x.y"):
        made.add_module(module)
    made.add_import(
        importer="generator.load.files", imported="generator.cli.build", line_number=3, line_contents="import up"
    )
    made.add_import(importer="generator.model", imported="generator.metrics", line_number=1, line_contents="a")
    made.add_import(importer="generator.metrics", imported="generator.model", line_number=2, line_contents="b")
    assert modules_in_no_layer(made) == ["x.y"]
    assert upward_imports(made) == [
        "generator.load.files (load) imports generator.cli.build (cli) on line 3: import up"
    ]
    assert circles(made) == [["generator.metrics", "generator.model", "generator.metrics"]]
