"""The contract of generator/publish/mkdocs_adapter.py with MkDocs: the private functions and
undocumented attributes it relies on still have the parameters it passes and do what it
expects. A failure here after an MkDocs upgrade names the adapter: check it against the new
MkDocs before moving the pin in pyproject.toml."""

from __future__ import annotations

import importlib
import inspect
import logging
import re
import tomllib
import wsgiref.simple_server
from pathlib import Path

import mkdocs
import pytest
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from tests.conftest import REPO

ADAPTER = "generator/publish/mkdocs_adapter.py"
# What the adapter calls, with the parameters it passes, in the order it passes them.
RELIED_ON = {
    ("mkdocs.commands.build", "build"): ["config"],
    ("mkdocs.commands.build", "_populate_page"): ["page", "config", "files"],
    ("mkdocs.commands.build", "_build_page"): ["page", "config", "doc_files", "nav", "env"],
    ("mkdocs.livereload", "LiveReloadServer.__init__"): ["self", "builder", "host", "port", "root"],
    ("mkdocs.livereload", "LiveReloadServer._inject_js_into_html"): ["self", "content", "epoch"],
    ("mkdocs.livereload", "LiveReloadServer.serve_request"): ["self", "environ", "start_response"],
    ("mkdocs.livereload", "LiveReloadServer.watch"): ["self", "path"],
    ("mkdocs.structure.toc", "get_toc"): ["toc_tokens"],
    ("mkdocs.structure.pages", "Page.__init__"): ["self", "title", "file", "config"],
    ("mkdocs.structure.pages", "Page.render"): ["self", "config", "files"],
    ("material.plugins.tags.plugin", "TagsPlugin.on_page_markdown"): ["self", "markdown", "page", "config"],
}


def broken(what: str, why: str) -> str:
    return f"{ADAPTER} relies on {what}, and MkDocs {mkdocs.__version__} {why}: check the adapter against it"


def found(module: str, name: str):
    try:
        thing = importlib.import_module(module)
    except ImportError:
        pytest.fail(broken(module, "has no such module"))
    for part in name.split("."):
        thing = getattr(thing, part, None)
        if thing is None:
            pytest.fail(broken(f"{module}.{name}", "has no such name"))
    return thing


@pytest.mark.parametrize(("module", "name"), list(RELIED_ON))
def test_what_the_adapter_calls_takes_the_parameters_it_passes(module, name):
    expected = RELIED_ON[module, name]
    parameters = list(inspect.signature(found(module, name)).parameters)
    assert parameters[: len(expected)] == expected, broken(
        f"{module}.{name}({', '.join(expected)}, …)", f"has {name}({', '.join(parameters)})"
    )


def test_the_request_handler_is_a_wsgi_request_handler():
    handler = found("mkdocs.livereload", "_Handler")
    assert issubclass(handler, wsgiref.simple_server.WSGIRequestHandler), broken(
        "mkdocs.livereload._Handler, a WSGIRequestHandler", "has another kind of class"
    )


def test_the_pin_is_the_minor_version_the_adapter_was_checked_with():
    from generator.publish.mkdocs_adapter import CHECKED_WITH

    major, minor = (int(number) for number in CHECKED_WITH.split("."))
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [line.replace(" ", "") for line in project["dependencies"] if re.match(r"mkdocs\b(?!-)", line)]
    assert pins == [f"mkdocs>={major}.{minor},<{major}.{minor + 1}"], f"{ADAPTER}: CHECKED_WITH and pyproject.toml"
    assert mkdocs.__version__.split(".")[:2] == [str(major), str(minor)], broken(
        f"MkDocs {CHECKED_WITH}", "is installed instead"
    )


# --- behaviour: a page built again with the adapter is MkDocs' own page -------------------------


class Keep(BasePlugin):
    """Keeps what MkDocs worked out in a build, as the servicekb plugin does in on_env."""

    site = None

    def on_env(self, env, config, files):
        from generator.publish.mkdocs_adapter import BuiltSite

        Keep.site = BuiltSite(config, files, None, env)
        return env

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav


def project(folder: Path) -> Path:
    """A small MkDocs project in `folder`: two pages, one linking to the other's anchor."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nSee [the part](other.md#the-part).\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## The part\n\nWords.\n", encoding="utf-8")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(
        "site_name: Contract\ntheme:\n  name: mkdocs\nmarkdown_extensions:\n  - toc\n", encoding="utf-8"
    )
    return config_file


def built(config_file: Path, site_dir: Path):
    """A full build with MkDocs' own build function, and what it worked out."""
    from generator.publish.mkdocs_adapter import mkdocs_build

    config = load_config(str(config_file), site_dir=str(site_dir))
    keep = Keep()
    config.plugins["keep"] = keep
    mkdocs_build(config)
    site = Keep.site
    site.nav = keep.nav
    return site


@pytest.fixture
def quiet_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the pages' build date, fixed


def page_of(site, src_uri: str):
    return site.files.get_file_from_path(src_uri).page


def test_a_page_read_and_written_again_is_the_page_of_a_full_build(tmp_path, quiet_dates):
    from generator.publish.mkdocs_adapter import read_page, write_page

    config_file = project(tmp_path)
    site = built(config_file, tmp_path / "site")
    written = tmp_path / "site/other/index.html"
    # an edit, read and written again into the site of the last build ...
    (tmp_path / "docs/other.md").write_text("# Other\n\n## The part\n\nOther words.\n", encoding="utf-8")
    page = page_of(site, "other.md")
    read_page(site, page)
    write_page(site, page, site.documentation_pages())
    # ... is what a full build of the edited files writes
    fresh = built(config_file, tmp_path / "fresh")
    assert fresh is not site
    expected = (tmp_path / "fresh/other/index.html").read_bytes()
    assert b"Other words." in expected
    assert written.read_bytes() == expected, f"{ADAPTER}: read_page and write_page no longer give MkDocs' page"


def test_a_converted_page_gives_its_anchors_and_contents_as_rendering_would(tmp_path, quiet_dates, caplog):
    from generator.publish.mkdocs_adapter import give_converted

    site = built(project(tmp_path), tmp_path / "site")
    home, other = page_of(site, "index.md"), page_of(site, "other.md")
    tokens = [
        {"level": 2, "id": "the-part", "name": "The part", "html": "The part", "data-toc-label": "", "children": []}
    ]
    give_converted(other, tokens, {"the-part"})
    assert [item.url for item in other.toc] == ["#the-part"]
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        home.validate_anchor_links(files=site.files, log_level=logging.WARNING)
    assert not caplog.records, f"{ADAPTER}: MkDocs' anchor check does not read Page.present_anchor_ids"
    give_converted(other, [], set())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        home.validate_anchor_links(files=site.files, log_level=logging.WARNING)
    assert any("the-part" in record.getMessage() for record in caplog.records), (
        f"{ADAPTER}: MkDocs' anchor check does not read Page.present_anchor_ids"
    )


# --- pages kept out of MkDocs' loop and written by the adapter --------------------------------


class Outside(BasePlugin):
    """Keeps other.md out of MkDocs' loop and writes it at the end of the build with the
    adapter, as the servicekb plugin does with the record pages (generator/publish/page_writer.py)."""

    def __init__(self, convert=lambda markdown: None, tagged=None) -> None:
        super().__init__()
        self.convert, self.tagged = convert, tagged or {}

    def on_files(self, files, config):
        from generator.publish.mkdocs_adapter import keep_out_of_loop

        keep_out_of_loop(files.get_file_from_path("other.md"))
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    @event_priority(110)
    def _tags(self, env, config, files):
        from generator.publish.mkdocs_adapter import list_tags

        list_tags(config, files, self.tagged, self.convert)

    def _keep(self, env, config, files):
        from generator.publish.mkdocs_adapter import BuiltSite

        self.site = BuiltSite(config, files, self.nav, env)

    on_env = CombinedEvent(_tags, _keep)

    def on_template_context(self, context, template_name, config):
        from generator.publish.mkdocs_adapter import sitemap_files

        if template_name == "sitemap.xml":
            context["pages"] = sitemap_files(config, self.site.files, {"other.md"})
        return context

    def on_post_build(self, config):
        from generator.publish.mkdocs_adapter import write_outside_loop

        other = self.site.files.get_file_from_path("other.md")
        write_outside_loop(self.site, other, self.site.documentation_pages(), self.convert)


def outside_the_nav(folder: Path) -> Path:
    """The small project, other.md left out of its navigation as the record pages are."""
    config_file = project(folder)
    config_file.write_text(config_file.read_text(encoding="utf-8") + "nav:\n  - index.md\n", encoding="utf-8")
    return config_file


def build_with(config_file: Path, site_dir: Path, *plugins, **options) -> None:
    """A full build with MkDocs' own build function and the plugins given."""
    from generator.publish.mkdocs_adapter import mkdocs_build

    config = load_config(str(config_file), site_dir=str(site_dir), **options)
    for number, plugin in enumerate(plugins):
        config.plugins[f"contract-{number}"] = plugin
    mkdocs_build(config)


def test_a_page_kept_out_of_the_loop_is_neither_read_nor_written_and_links_to_it_still_resolve(tmp_path, caplog):
    from generator.publish.mkdocs_adapter import keep_out_of_loop

    class Kept(BasePlugin):
        def on_files(self, files, config):
            keep_out_of_loop(files.get_file_from_path("other.md"))
            return files

        def on_page_markdown(self, markdown, page, config, files):
            assert page.file.src_uri != "other.md", f"{ADAPTER}: MkDocs reads a page kept out of its loop"
            return markdown

    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_with(outside_the_nav(tmp_path), tmp_path / "site", Kept(), strict=True)
    assert not (tmp_path / "site/other/index.html").exists(), f"{ADAPTER}: MkDocs writes a page kept out of its loop"
    assert 'href="other/#the-part"' in (tmp_path / "site/index.html").read_text(encoding="utf-8"), ADAPTER
    assert not caplog.records, f"{ADAPTER}: a link to a page kept out of the loop is a warning: {caplog.records}"


def test_a_page_written_outside_the_loop_is_the_page_the_loop_writes(tmp_path, quiet_dates):
    config_file = outside_the_nav(tmp_path)
    build_with(config_file, tmp_path / "loop")
    build_with(config_file, tmp_path / "outside", Outside())
    for page in ("index.html", "other/index.html", "sitemap.xml"):
        expected = (tmp_path / "loop" / page).read_bytes()
        assert (tmp_path / "outside" / page).read_bytes() == expected, f"{ADAPTER}: {page} differs"


def test_a_page_written_outside_the_loop_is_converted_as_it_is_told(tmp_path, quiet_dates):
    from generator.publish.fastpage import FastPage

    token = {"level": 2, "id": "made", "name": "Made", "html": "Made", "data-toc-label": "", "children": []}
    converted = FastPage('<h2 id="made">Made</h2>\n<p>made here</p>', [token], None)
    build_with(outside_the_nav(tmp_path), tmp_path / "site", Outside(convert=lambda markdown: converted))
    written = (tmp_path / "site/other/index.html").read_text(encoding="utf-8")
    assert "<p>made here</p>" in written and "Words." not in written, f"{ADAPTER}: Page.render is not the conversion"
    assert 'href="#made"' in written, f"{ADAPTER}: the table of contents is not the converted page's"


def test_the_tags_and_the_sitemap_of_a_page_kept_out_of_the_loop_are_those_of_the_loop(tmp_path, quiet_dates):
    config_file = outside_the_nav(tmp_path)
    text = config_file.read_text(encoding="utf-8").replace("name: mkdocs", "name: material")
    config_file.write_text(text + "site_url: https://example.com/contract/\nplugins:\n  - tags\n", encoding="utf-8")
    (tmp_path / "docs/other.md").write_text(
        '---\ntitle: "Other &amp; more"\ntags: ["b", "a"]\n---\n\n# Other\n\n## The part\n\nWords.\n', encoding="utf-8"
    )
    build_with(config_file, tmp_path / "loop")
    tagged = {"other.md": ("Other &amp; more", ["b", "a"])}
    build_with(config_file, tmp_path / "outside", Outside(tagged=tagged))
    for page in ("tags.json", "sitemap.xml", "other/index.html", "index.html"):
        expected = (tmp_path / "loop" / page).read_bytes()
        assert (tmp_path / "outside" / page).read_bytes() == expected, f"{ADAPTER}: {page} differs"
    assert b"contract/other/" in (tmp_path / "outside/sitemap.xml").read_bytes()
    assert b'"a", "b"' in (tmp_path / "outside/tags.json").read_bytes()
    assert b'class="md-tag' in (tmp_path / "outside/other/index.html").read_bytes()


# --- the live-reload server ------------------------------------------------------------------


class Watcher:
    """A file watcher that notes what it is given."""

    def __init__(self) -> None:
        self.scheduled: list[str] = []

    def schedule(self, handler, path, recursive=False, **options):
        self.scheduled.append(path)
        return path


def test_the_server_takes_its_watcher_and_hands_every_page_to_served_html(tmp_path):
    from generator.publish.mkdocs_adapter import PageServer

    class Marking(PageServer):
        def served_html(self, content: bytes) -> bytes:
            return content.replace(b"</body>", b"<p>marked</p></body>")

    (tmp_path / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    watcher = Watcher()
    server = Marking(watcher, builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        assert watcher.scheduled == [str(tmp_path)], f"{ADAPTER}: LiveReloadServer no longer watches with `observer`"
        assert server.get_app() == server.serve_request, f"{ADAPTER}: serve_request is not the WSGI application"
        started = []
        environ = {"PATH_INFO": "/index.html", "REQUEST_METHOD": "GET", "QUERY_STRING": ""}
        body = b"".join(server.serve_request(environ, lambda status, headers: started.append(status)))
    finally:
        server.server_close()
    assert started == ["200 OK"]
    assert b"<p>marked</p>" in body and b"livereload" in body, f"{ADAPTER}: pages no longer pass _inject_js_into_html"


class StartedWatcher(Watcher):
    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def join(self) -> None:
        pass


def test_the_server_says_where_it_serves_what_it_watches_and_each_request_as_kb_serve_reads_it(tmp_path, caplog):
    import threading
    import urllib.error
    import urllib.request

    from generator.publish.mkdocs_adapter import (
        REQUEST_LINE,
        SERVER_LOGGER,
        SERVING,
        WATCHING,
        PageServer,
        RequestHandler,
        server_says,
    )

    (tmp_path / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    server = PageServer(StartedWatcher(), builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    caplog.set_level(logging.DEBUG, logger=SERVER_LOGGER)
    serving = threading.Thread(target=server.serve, daemon=True)
    serving.start()
    try:
        for _ in range(100):
            if any(server_says(record).startswith(SERVING) for record in caplog.records):
                break
            serving.join(0.05)
        port = server.socket.getsockname()[1]
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no/such/page/", timeout=10)
    finally:
        server.shutdown(wait=True)
    said = [(record.name, record.levelno, server_says(record)) for record in caplog.records]
    assert (SERVER_LOGGER, logging.INFO, f"{SERVING}http://127.0.0.1:0/") in said, f"{ADAPTER}: {said}"
    assert any(level == logging.INFO and line.startswith(WATCHING) for _, level, line in said), f"{ADAPTER}: {said}"
    request = f'{REQUEST_LINE}GET /no/such/page/ HTTP/1.1" code 404'
    assert (SERVER_LOGGER, logging.WARNING, request) in said, f"{ADAPTER}: {said}"
    assert RequestHandler.log_request.__module__ == "mkdocs.livereload", f"{ADAPTER}: request lines are MkDocs' own"
