"""Answer messages built by `respond` pass the official XSD as well as the project's."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from iwmo_ijw.models import to_xml
from iwmo_ijw.parsing import load
from iwmo_ijw.schemas import load_schema
from iwmo_ijw.xpath import path_of
from tests.conftest import FIXTURES, reference_path
from validators.findings import FileReport, Finding, Severity
from validators.respond import answer

HEEN = ("JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW323")


@pytest.mark.parametrize("code", HEEN)
@pytest.mark.parametrize("rejected", [False, True], ids=["accepted", "rejected"])
def test_answer_passes_both_schemas(code: str, rejected: bool):
    official_dir = reference_path("ijw-3.2", "xsd")
    parsed = load(FIXTURES / "messages" / f"{code}.xml")
    findings = []
    if rejected:
        # Reject the deepest class that can carry a retourcode: the first leaf's parent.
        leaf = next(el for el in parsed.root.iter() if isinstance(el.tag, str) and len(el) == 0
                    and "Header" not in path_of(el))
        findings.append(Finding("TEST", Severity.ERROR, "8001", "test", xpath=path_of(leaf)))
    result = answer(parsed, FileReport(file=code, findings=findings), identificatie="ANT-1",
                    dagtekening=dt.date(2026, 11, 25))
    document = etree.fromstring(to_xml(result.message))
    for schema in (load_schema(result.message.message_type, official_dir), load_schema(result.message.message_type)):
        assert schema.validate(document), schema.error_log.last_error
    if rejected:
        assert result.placed, "the retourcode must land somewhere"
