"""Cross-message rules: the volume calculation and behaviour without history."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from validators.engine.pipeline import Options, validate
from validators.rules.registry import Level, RuleSet, all_rules
from validators.rules.tr._volume import PER_DAG, PER_MAAND, PER_WEEK, TOTAAL, allowed_volume, periods_touched

RULES = Path(__file__).parent.parent / "fixtures" / "rules"
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


def brute_force(
    volume: int, frequentie: str, begin: date, end: date, start: date | None, stop: date | None
) -> int:
    """Walk day by day, collecting the distinct allowance periods the day falls in."""
    periods = set()
    day = begin
    while day <= end:
        if (start is None or day >= start) and (stop is None or day <= stop):
            periods.add(
                {
                    PER_DAG: day,
                    PER_WEEK: day.isocalendar()[:2],
                    PER_MAAND: (day.year, day.month),
                    TOTAAL: "all",
                }[frequentie]
            )
        day += timedelta(days=1)
    return volume * len(periods)


@given(
    st.integers(0, 500),
    st.sampled_from([PER_DAG, PER_WEEK, PER_MAAND, TOTAAL]),
    days,
    st.integers(0, 120),
    st.one_of(st.none(), days),
    st.one_of(st.none(), days),
)
def test_allowed_volume_agrees_with_day_by_day_model(volume, frequentie, begin, length, start, stop):
    end = begin + timedelta(days=length)
    assert allowed_volume(volume, "04", frequentie, begin, end, start, stop, "04") == brute_force(
        volume, frequentie, begin, end, start, stop
    )


def test_periods_touched_examples():
    # 2026-09-01 is a Tuesday: September 2026 touches ISO weeks 36..40.
    assert periods_touched(date(2026, 9, 1), date(2026, 9, 30), PER_WEEK) == 5
    assert periods_touched(date(2026, 1, 31), date(2026, 2, 1), PER_MAAND) == 2
    assert periods_touched(date(2026, 2, 1), date(2026, 2, 28), PER_DAG) == 28


def test_unit_conversion_and_incomparable_units():
    assert allowed_volume(2, "04", PER_DAG, date(2026, 9, 1), date(2026, 9, 1), None, None, "01") == 120
    assert allowed_volume(2, "04", PER_DAG, date(2026, 9, 1), date(2026, 9, 1), None, None, "82") is None
    assert allowed_volume(2, "04", "9", date(2026, 9, 1), date(2026, 9, 1), None, None, "04") is None


def test_without_history_cross_rules_are_skipped_not_fired():
    bad = RULES / "TR338" / "bad.xml"
    options = Options(
        today=date(2026, 12, 1), ruleset=RuleSet(select=("TR338", "TR056")), schema_dir=_schema_dir()
    )
    report = validate(bad, options)
    assert report.valid, report.findings
    assert {s.code for s in report.skipped if s.reason.startswith("geen ")} == {"TR338", "TR056"}


def cross_codes() -> tuple[str, ...]:
    """The codes of every cross-message rule (their level, wherever their files live)."""
    return tuple(sorted(code for code, r in all_rules().items() if r.level is Level.CROSS))


def _schema_dir():
    from_env = os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR")
    if from_env:
        return from_env
    if (Path(__file__).parents[2] / "iwmo_ijw" / "schemas" / "ijw-3.2").is_dir():
        return None  # the project's own schemas
    from tests.conftest import reference_path

    return reference_path("ijw-3.2", "xsd")


def _cross_folders() -> list[Path]:
    return [f for f in sorted(RULES.glob("TR*")) if (f / "history").is_dir()]


# Bad cases that cannot fail alone: a change request naming another client's toewijzingen
# also names toewijzingen that are not current for this client.
COMPANIONS = {("TR304", "bad-jw317.xml"): {"TR350", "TR351"}}


def test_each_cross_fixture_trips_only_its_own_rule():
    """With every cross rule on, a good file is clean and a bad file fails only the rule it is for."""
    from validators.sources.history import History

    codes = cross_codes()
    schema_dir = _schema_dir()
    for folder in _cross_folders():
        history = History.from_paths(sorted((folder / "history").glob("*.xml")))
        for xml in sorted(folder.glob("*.xml")):
            report = validate(
                xml,
                Options(
                    today=date(2026, 12, 1),
                    ruleset=RuleSet(select=codes),
                    schema_dir=schema_dir,
                    history=history,
                ),
            )
            got = {f.code for f in report.findings}
            expected = set() if xml.name.startswith("good") else {folder.name}
            expected |= COMPANIONS.get((folder.name, xml.name), set())
            assert got == expected, f"{xml}: {report.findings}"


def test_credit_of_a_rejected_debit_is_refused(tmp_path):
    """TR323: a debit the gemeente rejected in its JW325 cannot be credited."""
    from tests.fixtures.make_cross_fixtures import LATER, jw323, jw325, prestatie
    from validators.sources.history import History

    (tmp_path / "01-JW323.xml").write_text(jw323(), encoding="utf-8")
    answer = tmp_path / "02-JW325.xml"
    credit = tmp_path / "credit.xml"
    credit.write_text(jw323(prestatie(ref="PRJ-0042C", vorig="PRJ-0042", dc="C"), **LATER), encoding="utf-8")
    options = dict(today=date(2026, 12, 1), ruleset=RuleSet(select=("TR323",)), schema_dir=_schema_dir())

    answer.write_text(jw325(retour="0200"), encoding="utf-8")
    accepted = validate(
        credit, Options(history=History.from_paths([tmp_path / "01-JW323.xml", answer]), **options)
    )
    assert accepted.findings == []

    answer.write_text(jw325(retour="8017"), encoding="utf-8")
    rejected = validate(
        credit, Options(history=History.from_paths([tmp_path / "01-JW323.xml", answer]), **options)
    )
    assert [f.code for f in rejected.findings] == ["TR323"]


def test_a_later_request_in_the_history_does_not_make_an_earlier_one_wrong():
    # A store holds every message, also those sent after the one being (re)validated.
    from validators.sources.history import History

    for code in ("TR347", "TR374"):
        folder = RULES / code
        history_files = sorted((folder / "history").glob("*.xml"))
        later = folder / "bad.xml"
        history = History.from_paths([*history_files, later])
        options = Options(
            today=date(2026, 12, 1),
            ruleset=RuleSet(select=(code,)),
            schema_dir=_schema_dir(),
            history=history,
        )
        first_request = next(p for p in history_files if "JW315" in p.name)
        assert code not in {f.code for f in validate(first_request, options).findings}
        assert code in {f.code for f in validate(later, options).findings}


def test_a_later_declaration_in_the_history_does_not_make_an_earlier_period_wrong():
    from validators.sources.history import History

    folder = RULES / "TR318"
    history_files = sorted((folder / "history").glob("*.xml"))
    # all sent on one day: September, October and November caught up at once
    history = History.from_paths([*history_files, folder / "good.xml"])
    options = Options(
        today=date(2026, 12, 1), ruleset=RuleSet(select=("TR318",)), schema_dir=_schema_dir(), history=history
    )
    for path in [*history_files, folder / "good.xml"]:
        assert validate(path, options).findings == [], path.name
    assert {f.code for f in validate(folder / "bad.xml", options).findings} == {"TR318"}


def test_start_and_stop_notices_are_judged_against_what_came_before_them():
    # Re-validating a stored notice: the later (bad) notice in the store must not count against it.
    from validators.sources.history import History

    for code in ("TR074", "TR326", "TR413", "TR415"):
        folder = RULES / code
        history_files = sorted((folder / "history").glob("*.xml"))
        history = History.from_paths([*history_files, folder / "bad.xml"])
        options = Options(
            today=date(2026, 12, 1),
            ruleset=RuleSet(select=(code,)),
            schema_dir=_schema_dir(),
            history=history,
        )
        for path in history_files:
            assert code not in {f.code for f in validate(path, options).findings}, (code, path.name)
        assert code in {f.code for f in validate(folder / "bad.xml", options).findings}, code
