"""`kb build`: validate, render, `mkdocs build --strict` aside, check, then swap the site in.

A failed build at any stage leaves the previously built site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.build.guard import (
    OLD_PREFIX,
    BuildBusy,
    aside_prefix,
    one_build_at_a_time,
    os_error_message,
    real_site_dir,
    remove_leftovers,
)
from generator.build.plugin import KnowledgeBasePlugin
from generator.build.prepare import Prepared, prepare
from generator.check.links import Problem, check_site

PLUGIN_NAME = "servicekb"
Say = Callable[[str], None]


@dataclass
class BuildSettings:
    config_file: Path
    data_dir: Path | None = None
    language: str | None = None
    today: dt.date | None = None
    site_dir: Path | None = None
    check_external: bool = False
    cache_dir: Path | None = None
    max_mentees: int | None = None


@dataclass
class BuildResult:
    prepared: Prepared | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str = ""
    site_dir: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for `kb build` and benchmarks

    @property
    def ok(self) -> bool:
        return not self.error and not self.problems and self.prepared is not None and self.prepared.ok


@contextmanager
def environment(settings: BuildSettings) -> Iterator[None]:
    """The plugin's options come from mkdocs.yml, which reads them from these variables."""
    values = {
        "KB_DATA": _relative_to_config(settings.data_dir, settings.config_file),
        "KB_LANGUAGE": settings.language,
        "KB_TODAY": settings.today.isoformat() if settings.today else None,
        "KB_CACHE": str(settings.cache_dir) if settings.cache_dir else None,
        "KB_MAX_MENTEES": str(settings.max_mentees) if settings.max_mentees else None,
        # Same records, same bytes: MkDocs dates the sitemap from this.
        "SOURCE_DATE_EPOCH": str(int(time.mktime(settings.today.timetuple()))) if settings.today else None,
        "NO_MKDOCS_2_WARNING": "1",
    }
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update({key: value for key, value in values.items() if value is not None})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _relative_to_config(path: Path | None, config_file: Path) -> str | None:
    """mkdocs.yml resolves folders from its own directory; the user typed them from theirs."""
    if path is None:
        return None
    if path.is_absolute() or config_file.resolve().parent == Path.cwd().resolve():
        return str(path)
    return str(path.resolve())


def build(settings: BuildSettings, say: Say, show_progress: bool = True) -> BuildResult:
    started = time.monotonic()
    result = BuildResult()
    with environment(settings):
        # configuration: mkdocs.yml and the plugin's options
        try:
            config = load_config(str(settings.config_file), strict=True)
        except MkDocsException as error:
            result.error = f"{settings.config_file}: {error}"
            return result
        plugin = config.plugins.get(PLUGIN_NAME)
        if not isinstance(plugin, KnowledgeBasePlugin):
            result.error = f"{settings.config_file} does not enable the `{PLUGIN_NAME}` plugin"
            return result
        plugin.root = settings.config_file.resolve().parent  # on_config, which sets it, runs later
        target = real_site_dir(settings.site_dir or Path(config.site_dir))
        result.site_dir = settings.site_dir or Path(config.site_dir)
        try:
            with one_build_at_a_time([plugin.cache_dir, target], say):
                remove_leftovers(target)
                _prepare_and_build(config, plugin, result, target, settings, say, show_progress)
        except BuildBusy as error:
            result.error = str(error)
        except OSError as error:
            result.error = os_error_message(error)
    result.pages = len(result.prepared.pages or []) if result.prepared else 0
    result.seconds = time.monotonic() - started
    return result


def _prepare_and_build(
    config,
    plugin: KnowledgeBasePlugin,
    result: BuildResult,
    target: Path,
    settings: BuildSettings,
    say: Say,
    show_progress: bool,
) -> None:
    # validate and render the records into the page cache
    say(f"Checking records in {plugin.config.data_dir}/ ...")
    stage = time.monotonic()
    result.prepared = prepare(
        plugin.root / plugin.config.data_dir,
        plugin.config.language,
        config.site_name,
        plugin.cache_dir,
        settings.today,
        plugin.config.data_dir,
        show_progress,
        plugin.config.max_mentees,
        links=plugin.repository_links(config),
    )
    result.stages["validate and render"] = time.monotonic() - stage
    if not result.prepared.ok:
        return
    # build the site aside, check it, and only then swap it in
    say(f"Rendered {len(result.prepared.pages or [])} pages; building the site ...")
    built = _build_aside(config, plugin, result, target, settings, say)
    if built is not None:
        _swap_in(built, target)


def _build_aside(
    config, plugin: KnowledgeBasePlugin, result: BuildResult, target: Path, settings: BuildSettings, say: Say
) -> Path | None:
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix=aside_prefix(target), dir=target.parent))
    try:
        aside.chmod(0o755)  # mkdtemp makes it private; a web server must read the site
        if _build_and_check(config, plugin, result, aside, settings, say):
            return aside
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)
    return None


def _build_and_check(
    config, plugin: KnowledgeBasePlugin, result: BuildResult, aside: Path, settings: BuildSettings, say: Say
) -> bool:
    config.site_dir = str(aside)
    plugin.prepared = result.prepared
    plugin.defer_search_index = True  # Pagefind indexes while the links are checked
    try:
        with _quiet_mkdocs():
            config.plugins.on_startup(command="build", dirty=False)
            try:
                stage = time.monotonic()
                mkdocs_build(config)
                result.stages["mkdocs build"] = time.monotonic() - stage
                say("Checking links, anchors and images while the search index is built ...")
                base_path = urlsplit(config.site_url).path if config.site_url else "/"
                stage = time.monotonic()
                result.problems = check_site(aside, external=settings.check_external, base_path=base_path)
                result.stages["link check"] = time.monotonic() - stage
            finally:
                plugin.finish_search_index()
                result.stages["link check and search index"] = time.monotonic() - stage
                config.plugins.on_shutdown()
    except MkDocsException as error:
        result.error = f"mkdocs build failed: {error}"
        return False
    return not result.problems


def _swap_in(built: Path, target: Path) -> None:
    """Replace the old site with the new one in two renames, so a reader never sees half a site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}{OLD_PREFIX}{os.getpid()}")
        os.replace(target, old)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    """MkDocs' INFO lines are noise here; its warnings and errors still show."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # the strict-mode counter needs to see warnings
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
