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
    from validators.answers import respond
    from validators.engine import pipeline as engine

    assert validators.Options is engine.Options
    assert validators.Report is findings.Report and validators.Finding is findings.Finding
    assert validators.NoAnswer is respond.NoAnswer and validators.Answered is respond.Answered
    assert set(validators.__all__) == {
        "validate",
        "answer",
        "Options",
        "Report",
        "Finding",
        "Answered",
        "NoAnswer",
    }


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


def test_stream_option_reads_a_path_a_chunk_at_a_time_with_the_same_verdict(monkeypatch):
    import validators.engine.stream as stream

    used = []
    real = stream.validate_stream
    monkeypatch.setattr(stream, "validate_stream", lambda *a, **k: used.append(a[0]) or real(*a, **k))
    whole = validators.validate([BAD], validators.Options(today=date(2026, 12, 1), stream=False))
    streamed = validators.validate([BAD], validators.Options(today=date(2026, 12, 1), stream=True))
    assert used == [BAD]
    codes = [[f.code for f in r.files[0].findings] for r in (streamed, whole)]
    assert codes[0] == codes[1] and "TR346" in codes[0]


def test_answer_gives_the_answer_message_and_its_verdict():
    answered = validators.answer(
        BAD,
        validators.Options(today=date(2026, 12, 1)),
        identificatie="ANTW-1",
        dagtekening=date(2026, 12, 1),
    )
    assert answered.code == "JW325" and not answered.report.valid
    # TR358 (the totals) is an in-message error: the Header alone, with the general code
    assert b"ANTW-1" in answered.data and b"<RetourCode>0001</RetourCode>" in answered.data


def test_no_answer_for_unreadable_content_says_why():
    import pytest

    with pytest.raises(validators.NoAnswer) as caught:
        validators.answer(("kapot.xml", b"<Bericht"), identificatie="X", dagtekening=date(2026, 12, 1))
    assert str(caught.value)
