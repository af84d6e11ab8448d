"""`kb build`: validate, render, `mkdocs build --strict` aside, check, then swap the site in.

A failed build at any stage leaves the previously built site exactly as it was. `build`
reads in the order it happens, as MkDocs' own mkdocs/commands/build.py does: configuration,
records, the build's inputs handed to the plugin, MkDocs' build, the link check beside the
search index, the part's page list (`--shard`), the swap.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.check.links import Problem, check_site
from generator.language import decide_language
from generator.messages import Listing, Text, text
from generator.pipeline import Prepared, prepare
from generator.printable import printable
from generator.publish.guard import (
    BuildBusy,
    new_aside,
    one_build_at_a_time,
    os_error_message,
    real_site_dir,
    remove_leftovers,
    swap_in,
)
from generator.publish.inputs import BuildInputs, SearchStep
from generator.publish.merge import MergeProblem, MergeResult, data_digest, merge, read_parts, write_part_file
from generator.publish.mkdocs_adapter import mkdocs_build
from generator.publish.plugin import KnowledgeBasePlugin
from generator.search.index import IndexResult
from generator.settings import Part, Settings

PLUGIN_NAME = "servicekb"
Say = Callable[[str], None]


@dataclass(frozen=True)
class BuildRequest:
    """What `kb build` or `kb serve` was asked for; what is not given comes from mkdocs.yml."""

    config_file: Path
    data_dir: Path | None = None
    language: str | None = None
    today: dt.date | None = None
    site_dir: Path | None = None
    check_external: bool = False
    cache_dir: Path | None = None
    max_mentees: int | None = None
    skip: frozenset[str] = frozenset()
    show_progress: bool = False
    search_shard_pages: int | None = None
    part: Part | None = None  # `kb build --shard I/N`: one part of the build (generator/publish/merge.py)


@dataclass
class BuildResult:
    prepared: Prepared | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    site_dir: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for `kb build` and benchmarks
    language: str = field(kw_only=True)  # of the site, for what `kb build` prints about it
    search: IndexResult | None = None  # the search index's shards and Pagefind runs
    part_pages: int = 0  # of a part (`--shard`): the record pages it wrote
    worker_peaks_mb: list[float] = field(default_factory=list)  # each page worker's peak memory

    def statistics(self) -> dict:
        """Times and each process's peak memory (`kb build --stats`, benchmarks/run.py)."""
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        runs = self.search.runs if self.search else []
        pack_runs = self.search.pack_runs if self.search else []
        return {
            "seconds": round(self.seconds, 2),
            "pages": self.pages,
            "part_pages": self.part_pages,  # of a part (`--shard`): the record pages it wrote
            "stages": {name: round(seconds, 2) for name, seconds in self.stages.items()},
            "peak_mb": {
                "kb build": round(own),
                "page workers": [round(peak) for peak in self.worker_peaks_mb],
                "pagefind": [
                    {"pages": run.pages, "seconds": round(run.seconds, 1), "peak_mb": round(run.peak_mb)}
                    for run in runs
                ],
                "pagefind for packs": [
                    {"pages": run.pages, "seconds": round(run.seconds, 1), "peak_mb": round(run.peak_mb)}
                    for run in pack_runs
                ],
                "largest child": round(children),
            },
            "packs": [
                {"product": pack["product"], "pages": pack["pages"], "bytes": pack["bytes"], "size": pack["size"]}
                for pack in (self.search.packs if self.search else [])
            ],
        }

    @property
    def ok(self) -> bool:
        return not self.error and not self.problems and self.prepared is not None and self.prepared.ok


class ConfigProblem(Exception):
    """mkdocs.yml cannot be built from: what is wrong, said in a language when it is shown."""

    def __init__(self, words: Text) -> None:
        super().__init__(words)
        self.words = words

    def said(self, language: str) -> str:
        return self.words.render(language)


@dataclass
class SiteConfig:
    """mkdocs.yml loaded, with the plugin in it and the Settings of this run (a part of a
    `--shard` build has a page cache of its own)."""

    config: Any
    plugin: KnowledgeBasePlugin
    settings: Settings
    site_dir: Path


def load_site_config(request: BuildRequest) -> SiteConfig:
    """mkdocs.yml with the request's choices laid over the plugin's options."""
    shown = printable(str(request.config_file))
    with mkdocs_config_problems() as problems:
        try:
            config = load_config(str(request.config_file), strict=True)
        except MkDocsException as error:
            said = problems or [" ".join(str(error).split())]  # what it logged, else its one error
            raise ConfigProblem(text("config-refused", file=shown, problems=Listing(tuple(said)))) from None
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, KnowledgeBasePlugin):
        raise ConfigProblem(text("config-no-plugin", file=shown))
    root = request.config_file.resolve().parent
    base = plugin.settings_from_options(config, root, request.language)
    settings = base.with_(
        data_dir=request.data_dir.resolve() if request.data_dir else base.data_dir,
        shown_root=str(request.data_dir).rstrip("/") if request.data_dir else base.shown_root,
        today=request.today or base.today,
        cache_dir=request.cache_dir.resolve() if request.cache_dir else base.cache_dir,
        max_mentees=request.max_mentees or base.max_mentees,
        skip=request.skip,
        show_progress=request.show_progress,
        search_shard_pages=request.search_shard_pages or base.search_shard_pages,
    )
    site_dir = Path(request.site_dir or root / config.site_dir)
    if request.part is not None:
        # Parts built side by side on one machine each have a folder and a page cache of their own.
        suffix = f"-part-{request.part.number}-of-{request.part.count}"
        site_dir = request.site_dir or site_dir.with_name(site_dir.name + suffix)
        cache_dir = request.cache_dir or settings.cache_dir.with_name(settings.cache_dir.name + suffix)
        # the records are checked by the first part and the result kept for the others
        settings = settings.with_(cache_dir=cache_dir.resolve(), share_validation=True)
    return SiteConfig(config, plugin, settings, Path(site_dir))


@contextmanager
def mkdocs_config_problems() -> Iterator[list[str]]:
    """What MkDocs logs while it reads a configuration (`Config value 'plugins': …`), kept to be
    said in one line of the site's language rather than printed in its own."""
    problems: list[str] = []
    handler = _Kept(problems)
    logger = logging.getLogger("mkdocs.config")
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


class _Kept(logging.Handler):
    def __init__(self, kept: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append(printable(" ".join(record.getMessage().split())))


@contextmanager
def mkdocs_command(config: Any) -> Iterator[None]:
    """MkDocs' startup and shutdown events around a build, as its `build` command sends them."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        yield
    finally:
        config.plugins.on_shutdown()


@contextmanager
def reproducible_dates(today: dt.date) -> Iterator[None]:
    """Same records, same bytes: MkDocs dates the sitemap from SOURCE_DATE_EPOCH."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(time.mktime(today.timetuple())))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build(request: BuildRequest, say: Say) -> BuildResult:
    """The whole of `kb build`, in the order it happens."""
    started = time.monotonic()
    result = BuildResult(language=decide_language(request.language, request.config_file))
    # configuration: mkdocs.yml, the plugin's options and the request
    try:
        site = load_site_config(request)
    except ConfigProblem as error:
        result.error = error.said(result.language)
        return result
    result.site_dir, result.language = site.site_dir, site.settings.language

    def tell(key: str, **args) -> None:
        say(text(key, **args).render(site.settings.language))

    target = real_site_dir(site.site_dir)
    try:
        language = site.settings.language
        with (
            one_build_at_a_time([site.settings.cache_dir, target], say, language),
            reproducible_dates(site.settings.today),
        ):
            remove_leftovers(target)
            # validate and render the records into the page cache
            tell("build-checking", folder=site.settings.shown)
            stage = time.monotonic()
            result.prepared = prepare(site.settings)
            result.stages["validate and render"] = time.monotonic() - stage
            if result.prepared.ok:
                # build the site aside, check it, and only then swap it in
                tell("build-rendered", pages=len(result.prepared.pages))
                built = _build_aside(site, result, target, request, say)
                if built is not None:
                    swap_in(built, target)
    except BuildBusy as error:
        result.error = str(error)
    except OSError as error:
        result.error = os_error_message(error, site.settings.language)
    result.pages = len(result.prepared.pages) if result.prepared else 0
    result.seconds = time.monotonic() - started
    return result


def merge_parts(request: BuildRequest, folders: list[Path], say: Say) -> MergeResult:
    """`kb build --merge`: the parts in `folders` into the site folder, links checked."""
    result = MergeResult(language=decide_language(request.language, request.config_file))
    try:
        site = load_site_config(request)
    except ConfigProblem as error:
        result.error = error.said(result.language)
        return result
    language = result.language = site.settings.language
    try:
        parts = read_parts(folders)
        base_path = urlsplit(site.config.site_url).path if site.config.site_url else "/"
        return merge(parts, site.site_dir, base_path, say, language)
    except MergeProblem as problem:
        (words,) = problem.args
        result.error = words.render(language)
    except BuildBusy as error:
        result.error = str(error)
    except OSError as error:
        result.error = os_error_message(error, language)
    return result


def _build_aside(site: SiteConfig, result: BuildResult, target: Path, request: BuildRequest, say: Say) -> Path | None:
    aside = new_aside(target)
    try:
        if _build_and_check(site, result, aside, request, say):
            return aside
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)
    return None


def _build_and_check(site: SiteConfig, result: BuildResult, aside: Path, request: BuildRequest, say: Say) -> bool:
    config, plugin, prepared = site.config, site.plugin, result.prepared
    assert prepared is not None
    config.site_dir = str(aside)
    try:
        with quiet_mkdocs(site.settings.language), mkdocs_command(config):
            stage = time.monotonic()
            try:
                # inputs: handed to the plugin once; Pagefind will index while the links are checked
                plugin.take(BuildInputs(site.settings, prepared, SearchStep.START, part=request.part, html_cache=True))
                # build: MkDocs, strict, every page into the folder aside
                mkdocs_build(config)
                result.stages["mkdocs build"] = time.monotonic() - stage
                # check: every link, anchor and image (a part's links point into the other
                # parts: `kb build --merge` checks them)
                stage = time.monotonic()
                if request.part is None:
                    say(text("build-checking-links").render(site.settings.language))
                    base_path = urlsplit(config.site_url).path if config.site_url else "/"
                    result.problems = check_site(
                        aside, request.check_external, base_path, kept=site.settings.links_cache_file
                    )
                    result.stages["link check"] = time.monotonic() - stage
            finally:
                # search: the index started at the end of the build, waited for even when it failed
                result.search = plugin.finish_search_index()
                result.worker_peaks_mb = plugin.worker_peaks_mb
                result.stages["link check and search index"] = time.monotonic() - stage
        # a part: the list of its own pages, which `kb build --merge` reads
        if request.part is not None:
            assert prepared.dataset is not None
            data = data_digest(site.settings, prepared.dataset.history)
            write_part_file(aside, request.part, plugin.part_pages, data, plugin.pack_plans)
            result.part_pages = len(plugin.part_pages)
    except MkDocsException as error:
        result.error = text("build-mkdocs-failed", error=str(error)).render(site.settings.language)
        return False
    return not result.problems


@contextmanager
def quiet_mkdocs(language: str) -> Iterator[None]:
    """MkDocs' INFO lines are noise here; its warnings and errors still show, in a line of the
    site's language that quotes MkDocs' own words."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(_InLanguage(language))
    handler.setLevel(logging.WARNING)
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # the strict-mode counter needs to see warnings
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)


class _InLanguage(logging.Formatter):
    """A line MkDocs logs, as `WARNING - …` says it in English."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format(self, record: logging.LogRecord) -> str:
        key = "build-mkdocs-error" if record.levelno >= logging.ERROR else "build-mkdocs-warning"
        message = printable(record.getMessage(), newlines=True)
        return text(key, message=message).render(self.language)
