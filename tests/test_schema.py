from __future__ import annotations

import json

import jsonschema
import pytest

from generator.kinds import EXAMPLES
from generator.load.strict_yaml import parse_document
from generator.schema import schema_for, schema_texts, write_schemas
from generator.shapes import SHAPES
from tests.conftest import MINIMAL, REPO

KIND_FILES = {
    "person": "people/zhang-wei.yml",
    "case": "cases/2026/20260412-hx200-pressure-drop.yml",
    "mentoring": "mentoring/zhang-wei-chen-hao-2026.yml",
    "session": "sessions/2026-03-hydraulics-basics.yml",
    "path": "paths/new-field-engineer.yml",
    "award": "awards/2026-skills-contest-first.yml",
    "taxonomy": "taxonomy.yml",
}


def as_editor_sees(path):
    # The YAML language server reads dates as text (YAML 1.2); so do the schemas.
    data = parse_document(path.read_text(encoding="utf-8"), str(path)).data
    return json.loads(json.dumps(data, default=str))


def example_as_editor_sees(kind):
    """A kind the minimal folder has no record of (a goal, a commendation): its reference example."""
    data = parse_document(EXAMPLES[kind], f"{kind}.yml").data
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_valid_records_pass_their_schema(kind):
    record = as_editor_sees(MINIMAL / KIND_FILES[kind]) if kind in KIND_FILES else example_as_editor_sees(kind)
    jsonschema.validate(record, schema_for(kind))


def test_schema_flags_unknown_fields_and_state_requirements():
    case = as_editor_sees(MINIMAL / KIND_FILES["case"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**case, "validatd_by": "x"}, schema_for("case"))
    without_validator = {k: v for k, v in case.items() if k != "validated_by"}
    with pytest.raises(jsonschema.ValidationError, match="validated_by"):
        jsonschema.validate(without_validator, schema_for("case"))
    jsonschema.validate({**without_validator, "state": "not-validated"}, schema_for("case"))


def test_committed_schemas_are_up_to_date():
    for name, text in schema_texts().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, f"run `kb schema` ({name})"


def test_write_touches_only_changed_files(tmp_path):
    assert len(write_schemas(tmp_path)) == len(SHAPES)
    assert write_schemas(tmp_path) == []
