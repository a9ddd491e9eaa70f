"""The base messages are valid: official XSD, the project's own XSD and every in-message rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from iwmo_ijw.namespaces import MESSAGE_TYPES, message_type
from iwmo_ijw.parsing import load
from iwmo_ijw.schemas import load_schema
from tests.conftest import FIXTURES, reference_path
from validators.engine.pipeline import Options, validate
from validators.rules.checks import elfproef

MESSAGES = FIXTURES / "messages"
IJW_CODES = sorted(code for code, mt in MESSAGE_TYPES.items() if code.startswith("JW"))


def _base(code: str) -> Path:
    path = MESSAGES / f"{code}.xml"
    assert path.is_file(), f"base message {path} is missing"
    return path


def test_one_base_message_per_ijw_message_type():
    assert sorted(p.stem for p in MESSAGES.glob("*.xml")) == IJW_CODES


@pytest.mark.parametrize("code", IJW_CODES)
def test_detected_as_its_own_type(code):
    assert load(_base(code)).message_type.code == code


@pytest.mark.parametrize("code", IJW_CODES)
def test_valid_against_official_xsd(code):
    schema = etree.XMLSchema(etree.parse(str(reference_path("ijw-3.2", "xsd", f"{code}.xsd"))))
    document = etree.parse(str(_base(code)))
    assert schema.validate(document), str(schema.error_log)


@pytest.mark.parametrize("code", IJW_CODES)
def test_valid_against_project_xsd(code):
    schema = load_schema(message_type(code))
    document = etree.parse(str(_base(code)))
    assert schema.validate(document), str(schema.error_log)


@pytest.mark.parametrize("code", IJW_CODES)
def test_passes_every_in_message_rule(code):
    report = validate(_base(code), Options(today=dt.date(2026, 12, 1)))
    assert report.findings == [], [f"{f.code} {f.xpath}: {f.message}" for f in report.findings]
    # Only rules that need data from outside the message may be skipped.
    assert all("history" in s.reason or "registry" in s.reason for s in report.skipped), report.skipped


@pytest.mark.parametrize("code", IJW_CODES)
def test_bsns_are_fictional_and_pass_the_elfproef(code):
    bsns = [el.text for el in etree.parse(str(_base(code))).iter("{*}Bsn")]
    for bsn in bsns:
        assert elfproef(bsn), bsn
        # The reference examples use 9999xxxxx; ours must not look like copies of them.
        assert not bsn.startswith("9999"), bsn
