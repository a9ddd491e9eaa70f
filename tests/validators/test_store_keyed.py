"""Keyed loading from the message store gives the verdicts of the whole history (issue 15.2).

`validate --store` loads only the records a message's keys reach. Every rule that reads the
history must still conclude as it would with every stored message read from the files: each
rule fixture with a history, and each lifecycle scenario, is validated both ways, with
unrelated messages (another fixture's history, the same messages between other parties) in
the store, and the findings compared.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import tests.validators.test_lifecycle as lifecycle_scenarios
from productcodes.db import make_engine, session_scope
from productcodes.migrate import upgrade
from tests.validators.test_cross_rules import _schema_dir
from tests.validators.test_history_verdicts import _other_parties
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet, all_rules
from validators.sources.history import History
from validators.sources.store import build_history, complete_from, ingest

RULES = Path(__file__).parents[1] / "fixtures" / "rules"
FOLDERS = sorted(f for f in RULES.iterdir() if (f / "history").is_dir())
HISTORY_RULES = tuple(sorted(code for code, r in all_rules().items() if "history" in r.needs))
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory) -> Path:
    """A migrated SQLite store, copied for each test: migrating once keeps the many cases quick."""
    path = tmp_path_factory.mktemp("template") / "store.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def _new_store(template: Path, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "store.sqlite"
    shutil.copy(template, target)
    return f"sqlite:///{target}"


def _fill(url: str, files: list[Path], *, refusals: bool = False) -> list[Path]:
    """Ingest `files` in order; gives those stored (a copy of an earlier one is kept once). The
    lifecycle scenarios invent retourcodes the XSD refuses (`refusals`): the store cannot hold those."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            result = ingest(session, [str(f) for f in files], batch=7)  # batches end mid-list
    finally:
        engine.dispose()
    assert refusals or not result.refused, result.refused
    return [Path(name) for name in result.stored]


def _findings(xml: Path, history) -> list[tuple]:
    options = Options(
        today=TODAY, ruleset=RuleSet(select=HISTORY_RULES), schema_dir=_schema_dir(), history=history
    )
    report = validate(xml, options)
    return sorted((f.code, f.xpath or "", f.message, str(f.severity)) for f in report.findings) + sorted(
        map(str, report.skipped)
    )


def _assert_same(url: str, stored: list[Path], messages: list[Path]) -> int:
    """Each message against the whole history and against the keyed store; gives how many findings."""
    full = History.from_paths(stored)
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            since = complete_from(session)
        if since is not None:  # the store vouches for itself from its first message: so does the whole
            full.declare_complete("store", since)
        keyed = build_history(engine)
        total = 0
        for xml in messages:
            expected = _findings(xml, full)
            assert _findings(xml, keyed) == expected, xml
            total += len(expected)
    finally:
        engine.dispose()
    return total


def _shadows(files: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path in files:
        copy = folder / f"other-{path.parent.parent.name}-{path.name}"
        copy.write_bytes(_other_parties(path.read_bytes()))
        out.append(copy)
    return out


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_each_fixture_judged_alike_by_the_keyed_store_and_the_whole_history(folder, empty_store, tmp_path):
    own = sorted((folder / "history").glob("*.xml"))
    neighbour = FOLDERS[(FOLDERS.index(folder) + 1) % len(FOLDERS)]
    noise = sorted((neighbour / "history").glob("*.xml"))
    url = _new_store(empty_store, tmp_path)
    stored = _fill(url, [*noise, *own, *_shadows(own, tmp_path / "other")])
    # The fixture's own messages, and the stored ones again (judged by what came before each).
    _assert_same(url, stored, [*sorted(folder.glob("*.xml")), *own])


@pytest.mark.parametrize("store_kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_one_store_of_every_fixture_history(store_kind, empty_store, tmp_path, request):
    """Every fixture's history in one store: many messages share numbers and parties."""
    if store_kind == "sqlite":
        url = _new_store(empty_store, tmp_path)
    else:
        url = request.getfixturevalue("pg_url")
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
    files = [f for folder in FOLDERS for f in sorted((folder / "history").glob("*.xml"))]
    stored = _fill(url, files)
    messages = [f for folder in FOLDERS for f in sorted(folder.glob("*.xml"))]
    assert _assert_same(url, stored, messages) > 0  # a comparison of empty reports would prove nothing


LIFECYCLE_SCENARIOS = sorted(
    name
    for name in dir(lifecycle_scenarios)
    if name.startswith("test_") and "tmp_path" in getattr(lifecycle_scenarios, name).__code__.co_varnames
)


@pytest.mark.parametrize("scenario", LIFECYCLE_SCENARIOS)
def test_lifecycle_scenarios_judged_alike(scenario, empty_store, tmp_path, monkeypatch):
    """Rejections by retour and answer messages: each scenario's history, stored, gives its verdicts."""
    original = lifecycle_scenarios.codes
    runs = []

    def both(tmp, history, message, select, *, only_selected=False):
        expected = original(tmp, history, message, select, only_selected=only_selected)
        run = tmp / f"keyed{len(runs)}"
        (run / "history").mkdir(parents=True)
        files = []
        for i, text in enumerate(history):
            path = run / "history" / f"{i:02d}.xml"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        message_path = run / "message.xml"
        message_path.write_text(message, encoding="utf-8")
        url = _new_store(empty_store, run)
        stored = _fill(url, files, refusals=True)
        if stored == files:  # the scenario's history exactly (a repeated message would be stored once)
            _assert_same(url, stored, [message_path])
        runs.append(stored == files)
        return expected

    monkeypatch.setattr(lifecycle_scenarios, "codes", both)
    getattr(lifecycle_scenarios, scenario)(tmp_path)
    assert any(runs), "no scenario run compared"


# -- random histories: the chains between records, beyond what the fixtures show ---------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fixtures.lifecycle_messages import jw325_geheel, jw325_volledig, retour  # noqa: E402
from tests.fixtures.make_cross_fixtures import (  # noqa: E402
    jw301,
    jw305,
    jw307,
    jw315,
    jw319,
    jw323,
    jw325,
    prestatie,
)

NUMMERS = st.sampled_from(["80451", "80452"])
REFS = st.sampled_from(["PRJ-0042", "PRJ-0043", "PRJ-0044"])
# Identificatie and DeclaratieNummer drawn apart: a message under test often names neither of an
# earlier declaration, which its lines and answers then reach only through the records' own keys.
DECLARATIES = st.tuples(
    st.sampled_from(["DCL2026-0917", "DCL2026-1017", "DCL2026-1117"]),
    st.sampled_from(["SEP2026A", "OKT2026A"]),
)
LINES = st.builds(
    prestatie,
    ref=REFS,
    vorig=st.none() | REFS,
    nummer=NUMMERS,
    dc=st.sampled_from(["D", "C"]),
)


@st.composite
def _messages(draw):
    kind = draw(
        st.sampled_from(["301", "305", "307", "315", "319", "323", "325", "geheel", "volledig", "retour"])
    )
    n = draw(st.integers(0, 9))
    if kind == "301":
        return jw301(
            ident=f"TW2026-01{n}", nummer=draw(NUMMERS), reden=draw(st.sampled_from([None, "13", "01"]))
        )
    if kind == "305":
        return jw305(nummer=draw(NUMMERS), ident=f"ST2026-000{n}")
    if kind == "307":
        return jw307(nummer=draw(NUMMERS), ident=f"SP2026-000{n}")
    if kind == "315":
        return jw315(referentie=draw(st.sampled_from(["AVR-2026-7", "AVR-2026-8"])))
    if kind == "319":
        return jw319(
            referentie=draw(st.sampled_from(["AVR-2026-7", "AVR-2026-8"])),
            antwoord=draw(st.sampled_from("12")),
        )
    ident, nummer = draw(DECLARATIES)
    if kind == "323":
        return jw323(
            *draw(
                st.lists(LINES, min_size=1, max_size=3, unique_by=lambda p: p.split("ReferentieNummer>")[1])
            ),
            ident=ident,
            nummer=nummer,
        )
    if kind == "325":
        return jw325(
            ref=draw(REFS), retour=draw(st.sampled_from(["0200", "8001", "9389"])), nummer=nummer, ident=ident
        )
    if kind == "geheel":
        return jw325_geheel("8214", nummer=nummer, ident=ident)
    if kind == "volledig":
        return jw325_volledig(nummer=nummer, ident=ident)
    heen = draw(st.sampled_from([jw301(nummer="80451"), jw305(), jw307(), jw315()]))
    return retour(heen, item_code=draw(st.sampled_from(["0200", "8001"])))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(_messages(), min_size=1, max_size=9), message=_messages())
def test_random_histories_judged_alike(history, message, empty_store, tmp_path_factory):
    """Histories drawn from a few numbers, so lines, answers, credits, retours and requests meet."""
    run = tmp_path_factory.mktemp("random")
    files = []
    for i, text in enumerate(history):
        path = run / f"{i:02d}.xml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    under_test = run / "message.xml"
    under_test.write_text(message, encoding="utf-8")
    url = _new_store(empty_store, run / "store")
    stored = _fill(url, files, refusals=True)
    _assert_same(url, stored, [under_test, *stored])


@pytest.mark.parametrize("code", ["TR322", "TR369", "TR389", "TR385", "TR063"])
def test_streamed_in_chunks_judged_alike(code, empty_store, tmp_path):
    """Streamed a Client per chunk: each chunk loads its own keys, what rules conclude at the end of
    the stream asks a History of every chunk's keys; the verdicts stay those of the whole history."""
    from validators.engine.stream import validate_stream

    folder = RULES / code
    own = sorted((folder / "history").glob("*.xml"))
    url = _new_store(empty_store, tmp_path)
    stored = _fill(url, [*_shadows(own, tmp_path / "other"), *own])
    full = History.from_paths(stored)
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            full.declare_complete("store", complete_from(session))
        keyed = build_history(engine)
        codes = set()
        for xml in sorted(folder.glob("*.xml")):
            found = []
            for history in (full, keyed):
                options = Options(
                    today=TODAY,
                    ruleset=RuleSet(select=HISTORY_RULES),
                    schema_dir=_schema_dir(),
                    history=history,
                )
                report = validate_stream(xml, options, budget=(1, 1))
                found.append(sorted((f.code, f.xpath or "", f.message) for f in report.findings))
            assert found[0] == found[1], xml
            codes.update(c for c, *_ in found[0])
        assert code in codes  # the bad case is caught streamed too: the comparison is not of empty reports
    finally:
        engine.dispose()
