"""Links from a record page into the repository that keeps its file: edit it in the web
editor, read its history, report a problem with it (KCS: flag it or fix it, one click).

The repository is MkDocs' own `repo_url` and `edit_uri`. MkDocs points `edit_uri` at the
docs folder (`edit/main/kb/`); records live in the data folder, so the docs folder is
swapped for the record's own path in the repository.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from urllib.parse import quote, urljoin

PLACEHOLDERS = ("{id}", "{title}")
# Where a new issue is opened when report_url is not set, for the hosts that have one.
_ISSUE_FORMS = {
    "github.com": "/issues/new?title=%5B{id}%5D%20{title}",
    "gitlab.com": "/-/issues/new?issue%5Btitle%5D=%5B{id}%5D%20{title}",
}
_EDIT_SEGMENT = re.compile(r"(^|/)(-/)?edit/")
# A new file in the web editor, filled in by its query: GitHub's `new/<branch>/<folder>?filename=
# &value=`, GitLab's `-/new/<branch>/<folder>?file_name=&content=` (the field names of each).
_NEW_FILE_FIELDS = {"": ("filename", "value"), "-/": ("file_name", "content")}


@dataclass(frozen=True)
class RepositoryLinks:
    edit_base: str = ""  # + a path in the repository: its web editor
    history_base: str = ""  # + a path in the repository: its commits
    data_path: str | None = None  # the data folder in the repository (`data/`); None: unknown
    report_url: str = ""  # a new-issue URL or a mailto:, with {id} and {title}

    def located(self, data_path: str) -> RepositoryLinks:
        """The same links, for a data folder at this path in the repository (as git tells it)."""
        return replace(self, data_path=data_path)

    def edit(self, relative: str) -> str:
        return self._at(self.edit_base, relative)

    def history(self, relative: str) -> str:
        return self._at(self.history_base, relative)

    def new_file(self, folder: str) -> dict[str, str] | None:
        """Where the web editor opens a new file in `folder` of the data folder, with the names of
        the query fields that fill in its name and content; None without an editor that does."""
        found = _EDIT_SEGMENT.search(self.edit_base)
        if found is None or self.data_path is None:
            return None
        base = _EDIT_SEGMENT.sub(r"\1\2new/", self.edit_base, count=1)
        name, content = _NEW_FILE_FIELDS[found.group(2) or ""]
        url = base + quote(posixpath.join(self.data_path, folder), safe="/")
        return {"url": url, "name": name, "content": content}

    def report(self, record_id: str, title: str) -> str:
        """The report target with the record's id and title filled in, each URL-encoded."""
        url = self.report_url
        for placeholder, value in zip(PLACEHOLDERS, (record_id, title), strict=True):
            url = url.replace(placeholder, quote(value, safe=""))
        return url

    def _at(self, base: str, relative: str) -> str:
        if not base or self.data_path is None:
            return ""
        return base + quote(posixpath.join(self.data_path, relative), safe="/")


NO_LINKS = RepositoryLinks()


def repository_links(repo_url: str | None, edit_uri: str | None, docs_dir: str, data_path: str | None,
                     report_url: str | None = None) -> RepositoryLinks:  # fmt: skip
    """The links MkDocs' settings allow; without repo_url, only a configured report_url."""
    report = report_url or _default_report(repo_url)
    if not repo_url or not edit_uri:
        return RepositoryLinks(report_url=report)
    edit = urljoin(repo_url.rstrip("/") + "/", edit_uri).rstrip("/") + "/"
    # `docs/` is what MkDocs sets for GitHub and GitLab when edit_uri is not given.
    for docs in (docs_dir.strip("/") + "/", "docs/"):
        if edit.endswith("/" + docs):
            edit = edit[: -len(docs)]
            break
    # GitHub's and GitLab's history is the editor's URL with `commits` for `edit`; other hosts get none.
    history_base = _EDIT_SEGMENT.sub(r"\1\2commits/", edit, count=1) if _EDIT_SEGMENT.search(edit) else ""
    return RepositoryLinks(edit, history_base, data_path, report)


def _default_report(repo_url: str | None) -> str:
    if not repo_url:
        return ""
    for host, form in _ISSUE_FORMS.items():
        if f"//{host}/" in repo_url:
            return repo_url.rstrip("/") + form
    return ""
