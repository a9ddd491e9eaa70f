"""History: compact records from earlier messages, looked up by key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iwmo_ijw.parsing import MessageError, load
from validators.sources.history import History, Toewijzing

RULES = Path(__file__).parent.parent / "fixtures" / "rules"


def _toewijzing(nummer: str, datum: date, tijd: str, code: str) -> Toewijzing:
    return Toewijzing(
        nummer,
        "999911120",
        "54",
        code,
        date(2026, 9, 1),
        None,
        10,
        "04",
        "2",
        None,
        None,
        datum,
        tijd,
        None,
        "0599",
        "12340007",
    )


def test_reads_toewijzing_from_file():
    h = History.from_paths([RULES / "TR338" / "history"])
    t = h.toewijzing("80451")
    assert t is not None
    assert (t.bsn, t.categorie, t.code, t.volume, t.eenheid, t.frequentie) == (
        "999911120",
        "54",
        "54001",
        20,
        "04",
        "2",
    )
    assert (t.afzender, t.ontvanger) == ("0599", "12340007")
    assert h.toewijzingen_for("999911120") == [t]
    assert h.has_relation("0599", "12340007") and not h.has_relation("0600", "12340007")
    assert h.toewijzing("80999") is None


def test_reads_declaratie_and_bericht_identificatie():
    h = History.from_paths(sorted((RULES / "TR314" / "history").glob("*.xml")))
    [p] = h.prestaties_by_referentie("PRJ-0042")
    assert (p.toewijzing_nummer, p.volume, p.debet_credit, p.declaratie_nummer) == (
        "80451",
        12,
        "D",
        "SEP2026A",
    )
    assert h.declaratie("SEP2026A").referenties == ("PRJ-0042",)
    assert h.seen_bericht("12340007", "DCL2026-0917", date(2026, 10, 5))
    assert not h.seen_bericht("12340007", "DCL2026-0917", date(2026, 10, 6))
    assert not h.seen_bericht("99999999", "DCL2026-0917")


def test_latest_toewijzing_version_counts_and_earlier_are_kept():
    h = History()
    h.add_toewijzing(_toewijzing("1", date(2026, 9, 2), "09:00:00", "late"))
    h.add_toewijzing(_toewijzing("1", date(2026, 9, 1), "23:00:00", "early"))
    h.add_toewijzing(_toewijzing("1", date(2026, 9, 2), "08:00:00", "middle"))
    assert h.toewijzing("1").code == "late"
    assert [t.code for t in h.toewijzing_versions("1")] == ["early", "middle", "late"]
    assert h.toewijzing("1", on=date(2026, 9, 1)).code == "early"


def test_from_messages_equals_from_paths():
    files = sorted((RULES / "TR323" / "history").glob("*.xml"))
    a = History.from_paths(files)
    b = History.from_messages(load(f) for f in files)
    assert a.berichten == b.berichten
    assert a.prestaties_by_referentie("PRJ-0042") == b.prestaties_by_referentie("PRJ-0042")


def test_bad_history_file_names_the_file(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<Bericht><unclosed></Bericht>")
    with pytest.raises(MessageError, match="broken.xml"):
        History.from_paths([tmp_path])


def test_missing_history_file_is_a_clear_error(tmp_path):
    with pytest.raises(MessageError, match="missing.xml"):
        History.from_paths([tmp_path / "missing.xml"])


def test_reads_start_stop_and_verzoek_antwoorden():
    h = History.from_paths([RULES / "TR071" / "history", RULES / "TR360" / "history"])
    start, stop = h.start_stops["80451"]
    assert (start.berichtcode, stop.berichtcode) == ("JW305", "JW307")
    assert stop.start_key == start.start_key and stop.reden_beeindiging == "02"
    assert [a.antwoord for a in h.verzoek_antwoorden["AVR-2026-7"]] == ["2"]
    assert h.has_verzoeken_from("12340007")


def test_large_history_stays_indexed():
    h = History()
    for n in range(20_000):
        h.add_toewijzing(_toewijzing(str(n), date(2026, 9, 1), "10:00:00", "54001"))
    assert h.toewijzing("19999").nummer == "19999"
    assert len(h.toewijzingen_for("999911120")) == 20_000
