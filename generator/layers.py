"""The layers of the generator, lowest first: a module imports only from its own layer and
the layers below it, and no import goes round in a circle. tests/test_layers.py holds the
import graph to this (type-checking imports aside), and every module must be in a layer.

A pattern names a module (`generator.records`) or every module under a package
(`generator.load.*`, the package itself included). Where patterns of two layers match, the
most exact wins: `generator.load.text` is foundation although the rest of `generator.load`
is loading.

The one path of a record: discover and load (load) -> its shape and the checks (validate)
-> the Dataset (model) -> pages (render) -> the page cache, the search index, exports
(outputs) -> MkDocs and the link check (publish), with the command line on top.
docs/architecture.md draws it.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        # words, codes and pure text helpers that every layer uses; no record kind known yet
        "foundation",
        (
            "generator",
            "generator.layers",
            "generator.language",
            "generator.constants",
            "generator.page_labels",
            "generator.messages",
            "generator.catalogue.*",
            "generator.codes",
            "generator.diagnostics",
            "generator.columns",
            "generator.inert",
            "generator.printable",
            "generator.privacy",
            "generator.markdown",
            "generator.pinyin",
            "generator.slug",
            "generator.periods",
            "generator.figure_definitions",
            "generator.progress",
            "generator.repository",
            "generator.learning",
            "generator.record_text",
            "generator.demo_words",
            "generator.load.text",
            "generator.search.tokens",
            "generator.search.canonical",
            "generator.search.pinyin",
            "generator.search.glossary",
            "generator.search.vocabulary",
            "generator.tickets",
            "generator.tickets.columns",
        ),
    ),
    (
        # what record shapes are made of (Shape, Id, Ref, Day, Markdown ...) and the search's
        # field vocabulary
        "vocabulary",
        ("generator.vocabulary", "generator.search", "generator.search.fields"),
    ),
    (
        # one module per kind of record, and the one table of them
        "kinds",
        ("generator.kinds.*",),
    ),
    (
        # discovering and reading files, and the settings of a run
        "load",
        (
            "generator.shapes",
            "generator.load.*",
            "generator.tickets.read",
            "generator.settings",
            "generator.search.shards",
            "generator.history",
            "generator.learning.movement",
        ),
    ),
    (
        # the records of a run, their shapes and every check on them
        "validate",
        (
            "generator.records",
            "generator.names",
            "generator.anchors",
            "generator.schema",
            "generator.search.similar",
            "generator.search.alarms",
            "generator.tickets.parsed",
            "generator.tickets.parse",
            "generator.tickets.checks",
            "generator.validate.*",
        ),
    ),
    (
        # the Dataset: valid records with every back-link, and the figures made of it
        "model",
        (
            "generator.model",
            "generator.metrics",
            "generator.figures",
            "generator.tickets.ticket",
            "generator.tickets.figures",
        ),
    ),
    (
        # pages from the Dataset (no I/O), and the record reference
        "render",
        (
            "generator.render.*",
            "generator.reference",
            "generator.reference_terms",
            "generator.tickets.reference",
            "generator.honours",
            "generator.digest",
        ),
    ),
    (
        # the page cache and the one pipeline, and what is made beside pages: the search
        # index, exports, imports, new records, the demo data, the phone's offline parts
        "outputs",
        (
            "generator.page_cache",
            "generator.pipeline",
            "generator.report",
            "generator.search.index",
            "generator.search.packs",
            "generator.search.kept_packs",
            "generator.search.files",
            "generator.search.client",
            "generator.search.report",
            "generator.learning.feedback",
            "generator.opensearch.*",
            "generator.sheets.*",
            "generator.scaffold",
            "generator.glossary_candidates",
            "generator.synthetic",
            "generator.synthetic_tickets",
            "generator.offline.*",
            "generator.check.*",
        ),
    ),
    (
        # MkDocs: the plugin, kb build and kb serve
        "publish",
        ("generator.publish.*", "generator.handwritten", "generator.theme_markup"),
    ),
    (
        # the kb command
        "cli",
        ("generator.cli.*", "generator.__main__"),
    ),
)


def layer_of(module: str) -> int | None:
    """The index in LAYERS of the layer a module belongs to, or None when no pattern names it."""
    best: tuple[int, int] | None = None  # (how exact the pattern is, layer)
    for index, (_name, patterns) in enumerate(LAYERS):
        for pattern in patterns:
            exactness = _exactness(pattern, module)
            if exactness is not None and (best is None or exactness > best[0]):
                best = (exactness, index)
    return best[1] if best else None


def _exactness(pattern: str, module: str) -> int | None:
    if pattern == module:
        return 2 * len(pattern) + 1  # an exact name beats a package pattern of the same length
    if pattern.endswith(".*"):
        package = pattern[:-2]
        if module == package or module.startswith(package + "."):
            return 2 * len(package)
    return None
