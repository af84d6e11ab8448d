"""Hand-written pages (kb/) in the site's language.

kb/ holds the Chinese pages; kb/en/ holds English versions at the same paths
(kb/en/guide/writing-cases.md is the English kb/guide/writing-cases.md). An English site
serves each English version at the Chinese page's URL, so the nav and every link stay the
same; a page without an English version stays as it is. kb/en/ itself is never published.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

TRANSLATIONS = "en/"


def in_language(files: Files, language: str) -> Files:
    """The hand-written pages of the site's language; the other language's copies removed."""
    translations = {file.src_uri.removeprefix(TRANSLATIONS): file for file in files if _is_translation(file)}
    for file in list(files):
        if _is_translation(file):
            files.remove(file)
        elif language == "en" and file.src_uri in translations:
            file.abs_src_path = translations[file.src_uri].abs_src_path
    return files


def _is_translation(file) -> bool:
    return file.src_uri.startswith(TRANSLATIONS) and not file.generated_by
