"""Shared fixtures: the sample report, its annotation, the JSON Schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "reports" / "xingxian-plenum-2025.md"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    import duben

    return duben.annotate(sample_text)


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((resources.files("duben") / "schema" / "document-1.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate(schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)

    def check(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


@pytest.fixture(scope="session")
def mini_glossary():
    from duben.glossary import Glossary, load_glossary

    return Glossary(load_glossary(FIXTURES / "mini.toml"))
