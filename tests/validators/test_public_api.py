"""The public API of validators/: one entrance that gives the engine's reports, paths or bytes alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import validators
from validators.engine.pipeline import validate as validate_one

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "rules" / "TR346" / "bad.xml"
GOOD = ROOT / "tests" / "fixtures" / "messages" / "JW323.xml"


def test_the_public_names_are_the_engines():
    from validators import findings
    from validators.engine import pipeline as engine

    assert validators.Options is engine.Options
    assert validators.Report is findings.Report and validators.Finding is findings.Finding
    assert set(validators.__all__) == {"validate", "Options", "Report", "Finding"}


def test_validate_gives_one_file_report_per_item_in_order():
    options = validators.Options(today=date(2026, 12, 1))
    report = validators.validate([BAD, ("in-geheugen.xml", GOOD.read_bytes()), str(BAD)], options)
    assert [f.file for f in report.files] == [str(BAD), "in-geheugen.xml", str(BAD)]
    assert [f.valid for f in report.files] == [False, True, False]
    assert report.files[0].as_dict() == validate_one(BAD, options).as_dict()
    assert isinstance(report.files[0].findings[0], validators.Finding)


def test_bad_bytes_become_a_finding_not_an_exception():
    report = validators.validate([("kapot.xml", b"<Bericht")])
    assert not report.valid and report.files[0].findings[0].code in ("XML", "XSD")
