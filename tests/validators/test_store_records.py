"""The message store as a database of records (issue 15.2): ingest extracts, old stores migrate.

Each test runs on SQLite and on PostgreSQL (db_url). What a message's records are is the
loaders' business (tests/validators/test_store_keyed.py compares the verdicts); here: that
they are written once, found by their keys, extracted for messages stored before 0007, that
an interrupted reindex resumes, and that a damaged stored message is a clear error.
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from iwmo_ijw.parsing import load
from iwmo_ijw.xpath import date_of
from iwmo_ijw.xpath import text as xpath_text
from productcodes.cli import cli
from productcodes.db import make_engine, session_scope
from productcodes.migrate import upgrade
from productcodes.store_models import OntvangenBericht, OpslagPartij, OpslagRecord, OpslagSleutel
from tests.conftest import FIXTURES
from validators.sources.store import StoredMessageError, complete_from, ingest, reindex
from validators.sources.store.codec import decode

CASE = FIXTURES / "rules" / "TR304"  # the bad case fails only with its history
HISTORY = sorted((CASE / "history").glob("*.xml"))
# Another case's history: only its files that are not copies of the ones above (a copy is stored once).
NOISE = [
    p
    for p in sorted((FIXTURES / "rules" / "TR385" / "history").glob("*.xml"))
    if all(p.read_bytes() != h.read_bytes() for h in HISTORY)
]


def run(db_url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db_url, *args])


def _counts(engine) -> tuple[int, int, int, int]:
    with session_scope(engine) as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table))
            for table in (OntvangenBericht, OpslagRecord, OpslagSleutel, OpslagPartij)
        )


def _records(engine) -> list:
    with session_scope(engine) as session:
        rows = session.execute(
            select(OpslagRecord.bericht_id, OpslagRecord.soort, OpslagRecord.inhoud).order_by(
                OpslagRecord.bericht_id, OpslagRecord.volgnummer
            )
        )
        return [decode(soort, inhoud, bericht_id) for bericht_id, soort, inhoud in rows]


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def test_ingest_extracts_records_and_their_keys_once(engine):
    with session_scope(engine) as session:
        result = ingest(session, [str(p) for p in [*NOISE, *HISTORY]])
    assert len(result.stored) == len(NOISE) + len(HISTORY)
    berichten, records, keys, parties = _counts(engine)
    assert berichten == len(result.stored) and records > berichten and keys > records and parties > 0
    found = _records(engine)
    kinds = {type(r).__name__ for r in found}
    assert {"Toewijzing", "Prestatie", "Declaratie", "DeclaratieAntwoord", "LifecycleFact"} <= kinds
    assert [r.seq for r in found] == sorted(r.seq for r in found)  # arrival order: the message's row id
    with session_scope(engine) as session:
        nummer = session.scalars(
            select(OpslagSleutel.bericht_id).where(OpslagSleutel.waarde == "PRJ-0042").distinct()
        ).all()
    assert nummer  # a ReferentieNummer of the TR385 declaration finds its records

    # The same messages again: all duplicates, nothing written twice.
    with session_scope(engine) as session:
        again = ingest(session, [str(p) for p in [*NOISE, *HISTORY]])
    assert not again.stored and len(again.duplicates) == len(result.stored)
    assert _counts(engine) == (berichten, records, keys, parties)


def _store_as_before_0007(db_url: str, files) -> None:
    """A store made by the version before the records: migrated to 0006, its rows written as that
    version wrote them (the message and its header columns only)."""
    engine = make_engine(db_url)
    upgrade(engine, "0006_answer_sequence")
    with engine.begin() as connection:
        for path in files:
            data = path.read_bytes()
            header = load(path).root.find("{*}Header")
            connection.execute(
                text(
                    "INSERT INTO ontvangen_bericht (berichttype, afzender, ontvanger, identificatie, "
                    "dagtekening, bestand, sha256, ontvangen_op, inhoud) VALUES (:t, :a, :o, :i, :d, :b, :s, "
                    ":n, :c)"
                ),
                dict(
                    t=load(path).message_type.code,
                    a=xpath_text(header, "Afzender"),
                    o=xpath_text(header, "Ontvanger"),
                    i=xpath_text(header, "BerichtIdentificatie/Identificatie"),
                    d=date_of(header, "BerichtIdentificatie/Dagtekening"),
                    b=str(path),
                    s=hashlib.sha256(data).hexdigest(),
                    n=datetime.now(UTC),
                    c=zlib.compress(data),
                ),
            )
    engine.dispose()


def test_an_old_store_migrates_and_is_extracted_when_validating(db_url, tmp_path):
    _store_as_before_0007(db_url, HISTORY)
    assert run(db_url, "db", "upgrade").exit_code == 0
    engine = make_engine(db_url)
    try:
        assert _counts(engine)[:2] == (len(HISTORY), 0)  # the messages are there, their records not yet
        assert f"{len(HISTORY)} message(s) without records yet" in run(db_url, "store", "list").stdout
        bad = next(CASE.glob("bad*.xml"))
        result = run(db_url, "validate", "--select", "TR304", "--today", "2026-12-01", "--store", str(bad))
        assert result.exit_code == 1 and "TR304" in result.stdout, result.output
        assert "zonder opgeslagen gegevens" in result.stderr and "store reindex" in result.stderr
        assert _counts(engine)[1] > 0
        # Extracted: the next validation says nothing about it.
        result = run(db_url, "validate", "--select", "TR304", "--today", "2026-12-01", "--store", str(bad))
        assert "zonder opgeslagen gegevens" not in result.stderr
    finally:
        engine.dispose()


def test_an_interrupted_reindex_resumes_and_ends_as_a_fresh_ingest(db_url, tmp_path):
    files = [*NOISE, *HISTORY]
    _store_as_before_0007(db_url, files)
    engine = make_engine(db_url)
    try:
        upgrade(engine)

        class Interrupted(Exception):
            pass

        def stop_after_first_batch(done, total):
            assert done < total
            raise Interrupted

        with pytest.raises(Interrupted):
            reindex(engine, stop_after_first_batch, batch=2)
        with session_scope(engine) as session:
            extracted = session.scalar(
                select(func.count())
                .select_from(OntvangenBericht)
                .where(OntvangenBericht.uitgepakt.is_not(None))
            )
        assert extracted == 2  # the first batch was kept
        seen = []
        assert reindex(engine, lambda done, total: seen.append((done, total)), batch=2) == len(files) - 2
        assert seen[-1] == (len(files) - 2, len(files) - 2)
        assert reindex(engine) == 0  # nothing left
        resumed = [(type(r).__name__, r) for r in _records(engine)]
        counts = _counts(engine)
    finally:
        engine.dispose()

    fresh_url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    fresh = make_engine(fresh_url)
    try:
        upgrade(fresh)
        with session_scope(fresh) as session:
            ingest(session, [str(p) for p in files])
        assert [(type(r).__name__, r) for r in _records(fresh)] == resumed
        assert _counts(fresh) == counts
    finally:
        fresh.dispose()


def test_reindex_again_rebuilds_the_same_records(engine, db_url):
    with session_scope(engine) as session:
        ingest(session, [str(p) for p in [*NOISE, *HISTORY]])
    before = (_records(engine), _counts(engine))
    result = run(db_url, "store", "reindex", "--opnieuw", "--no-progress")
    assert result.exit_code == 0 and f"{len(NOISE) + len(HISTORY)} bericht(en) uitgepakt" in result.stdout
    assert (_records(engine), _counts(engine)) == before


def test_a_damaged_stored_message_is_a_clear_error_and_stays_stored(engine, db_url):
    with session_scope(engine) as session:
        ingest(session, [str(p) for p in HISTORY])
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE ontvangen_bericht SET inhoud = :x, uitgepakt = NULL"), {"x": b"kapot"}
        )
    with pytest.raises(StoredMessageError, match="beschadigd"):
        reindex(engine)
    result = run(db_url, "store", "reindex", "--no-progress")
    assert result.exit_code == 2 and "beschadigd" in result.output and "Traceback" not in result.output
    assert _counts(engine)[0] == len(HISTORY)


def test_a_damaged_record_is_a_clear_error(engine, db_url):
    with session_scope(engine) as session:
        ingest(session, [str(p) for p in HISTORY])
    with engine.begin() as connection:
        connection.execute(text("UPDATE opslag_record SET inhoud = 'niet json'"))
    bad = next(CASE.glob("bad*.xml"))
    result = run(db_url, "validate", "--select", "TR304", "--today", "2026-12-01", "--store", str(bad))
    assert result.exit_code == 2 and "reindex --opnieuw" in result.output and "Traceback" not in result.output
    assert run(db_url, "store", "reindex", "--opnieuw", "--no-progress").exit_code == 0
    result = run(db_url, "validate", "--select", "TR304", "--today", "2026-12-01", "--store", str(bad))
    assert result.exit_code == 1 and "TR304" in result.stdout


def _inbox(tmp_path, folders):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for folder in folders:
        for xml in sorted(folder.glob("*.xml")):
            (inbox / f"{folder.name}-{xml.name}").write_bytes(xml.read_bytes())
    return inbox


BATCH_CASES = [FIXTURES / "rules" / code for code in ("TR304", "TR323", "TR385", "TR389", "TR374", "TR063")]


def _batch_codes(engine, db_url, tmp_path, **how) -> dict[str, list]:
    from tests.validators.test_store_keyed import HISTORY_RULES
    from validators.engine.batch import BatchSettings, run_batch

    with session_scope(engine) as session:
        ingest(session, [str(p) for f in BATCH_CASES for p in sorted((f / "history").glob("*.xml"))])
    settings = BatchSettings(
        today=datetime(2026, 12, 1).date(), select=HISTORY_RULES, db_url=db_url, use_store=True
    )
    result = run_batch([_inbox(tmp_path, BATCH_CASES)], tmp_path / "out", settings, **how)
    return {Path(o.file).name: sorted(code for code, _, _ in o.codes) for o in result.outcomes}


def _whole_history_codes(engine, tmp_path) -> dict[str, list]:
    from tests.validators.test_store_keyed import HISTORY_RULES
    from validators.engine.pipeline import Options, validate
    from validators.rules.registry import RuleSet
    from validators.sources.history import History

    files = [p for f in BATCH_CASES for p in sorted((f / "history").glob("*.xml"))]
    history = History.from_paths(files)
    with session_scope(engine) as session:
        history.declare_complete("store", complete_from(session))
    options = Options(
        today=datetime(2026, 12, 1).date(), ruleset=RuleSet(select=HISTORY_RULES), history=history
    )
    return {
        xml.name: sorted(f.code for f in validate(xml, options).findings)
        for xml in sorted((tmp_path / "inbox").glob("*.xml"))
    }


def test_batch_workers_load_by_key_as_validate_does(engine, db_url, tmp_path):
    found = _batch_codes(engine, db_url, tmp_path, workers=2)
    assert found == _whole_history_codes(engine, tmp_path)
    assert any(found.values())


@pytest.mark.slow
def test_dask_workers_open_the_store_by_url(engine, db_url, tmp_path):
    found = _batch_codes(engine, db_url, tmp_path, executor="dask", scheduler="local:2")
    assert found == _whole_history_codes(engine, tmp_path)
    assert any(found.values())
