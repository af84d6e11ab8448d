"""What the capture page (/capture/, assets/kb-capture.js) needs to write a new case on a phone,
offline, exactly as `kb new case` writes it and checked as `kb validate` checks it, written into
the site as assets/kb-capture.json.

Nothing here is a second copy of a rule: the id's pinyin table (generator/pinyin.py), the
words an id leaves out (generator/slug.py), the layout of the file (generator/scaffold.py),
the required fields (generator/shapes.py), the personal-data patterns
(generator/privacy.py) and the messages (the catalogue) are each handed over from
the one place that defines them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic.fields import FieldInfo

from generator import codes, scaffold, slug
from generator.kinds.case import NEW_CASE_COMMENTS
from generator.messages import words
from generator.model import Dataset
from generator.pinyin import readings
from generator.privacy import browser_patterns
from generator.render.labels import taxonomy_name
from generator.schema import MODELINE, schema_file_name
from generator.settings import Settings
from generator.shapes import CASE_STATE_REQUIRES, Case

NEW_STATE = "wip"
# The catalogue's words the page shows, with the codes of `kb validate`.
MESSAGE_KEYS = (
    "shape-missing-field",
    "privacy-in-value",
    "privacy-field",
    "privacy-in-path",
    "privacy-mobile",
    "privacy-id-card",
    "privacy-email",
)
SHOWN_CODES = (codes.MISSING_FIELD, codes.MOBILE_NUMBER, codes.ID_CARD_NUMBER, codes.EMAIL_ADDRESS)


def required_fields() -> list[str]:
    """The fields a new case (state `wip`) must have, as the record shape says."""
    fields: dict[str, FieldInfo] = Case.model_fields
    always = [name for name, info in fields.items() if info.is_required()]
    return always + [name for name in CASE_STATE_REQUIRES.get(NEW_STATE, ()) if name not in always]


def schema_line(settings: Settings, root: Path) -> str:
    """The editor schema line `kb new case` (run at the repository's root) writes into a case
    under data/cases/<year>/: every year's folder is as deep."""
    folder = settings.data_dir / "cases" / "2000"
    schema = root / "schemas" / schema_file_name("case")
    return MODELINE.format(Path(os.path.relpath(schema, folder)).as_posix())


def id_rules() -> dict:
    """How scaffold.case_id makes a case's id, for the page to make the same."""
    return {
        "drop": slug.javascript_pattern(slug.WORDS_TO_DROP),
        "english": slug.javascript_pattern(slug.ENGLISH_FILLERS),
        "length": slug.NEW_ID_LENGTH,
        "product": scaffold.PRODUCT_IN_ID,
        "spaces": scaffold.SPACES,
        "line_break": scaffold.LINE_BREAK,
        "codes": scaffold.CODE_SEPARATORS,
        "photos": scaffold.PHOTO_SEPARATORS,
    }


def capture_data(data: Dataset, settings: Settings, root: Path) -> bytes:
    """assets/kb-capture.json for this site: the same bytes for the same records and settings."""
    language = settings.language
    people = [pid for pid in data.sorted_people() if not data.is_alumnus(pid)]
    repository = data.links.new_file("")
    told = {
        "language": language,
        "products": [{"id": pid, "name": taxonomy_name(product, language)} for pid, product in data.products.items()],
        "people": [
            {"id": pid, "name": data.person_name(pid), "joined": data.people[pid].joined.isoformat()} for pid in people
        ],
        "required": required_fields(),
        "missing_code": codes.MISSING_FIELD.code,
        "state": NEW_STATE,
        "schema_line": schema_line(settings, root),
        "folder": data.links.data_path or settings.data_dir.name + "/",  # the data folder, as the repository has it
        "editor": repository,
        "id": id_rules(),
        "privacy": browser_patterns(),
        "messages": {key: words(key, language) for key in MESSAGE_KEYS},
        "comments": {key: words(key, language) for key in NEW_CASE_COMMENTS},
        "codes": {code.code: code.in_language(language).title for code in SHOWN_CODES},
        "pinyin": readings().as_json(),
    }
    return json.dumps(told, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
