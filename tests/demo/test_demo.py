"""The synthetic landscape, the national set and the suggestion algorithm."""

from __future__ import annotations

import json
import re
from fractions import Fraction

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from productcodes.cli import cli
from productcodes.codelists import EENHEID, conversion_factor
from productcodes.demo import generate, landscape, national_products
from productcodes.demo.national import BEGRIPPEN
from productcodes.suggest import suggest
from tests.conftest import reference_path

LAND = landscape()
NATIONAL = national_products()


def test_generation_is_deterministic(tmp_path):
    a, b = generate(tmp_path / "a"), generate(tmp_path / "b")
    for name in ("gemeenten", "begrippen", "national", "municipal", "mappings", "tarieven"):
        assert getattr(a, name).read_bytes() == getattr(b, name).read_bytes(), name


def test_size_and_variety():
    codes = LAND.municipal
    assert 3900 <= len(codes) <= 4300
    assert len({g.jeugdregio for g in LAND.gemeenten}) >= 10 and len(LAND.gemeenten) >= 100
    assert {m.eenheid for m in codes} == set(EENHEID)
    schemes = {re.sub(r"[A-Z]", "L", re.sub(r"\d", "9", m.productcode)) for m in codes}
    assert {"99L99", "L9999", "LLL99", "99999"} <= schemes
    renumbered = {m.omschrijving for m in codes if m.geldig_tot and m.geldig_tot.isoformat() == "2025-12-31"}
    assert renumbered & {m.omschrijving for m in codes if m.geldig_van.isoformat() == "2026-01-01"}
    merged = [g for g in LAND.gemeenten if g.geldig_van and g.geldig_van.isoformat() == "2026-01-01"]
    assert len(merged) == 2 and sum(1 for g in LAND.gemeenten if g.geldig_tot) == 4


def test_codes_fit_the_message_and_never_take_a_national_code():
    national = {p.code for p in NATIONAL}
    assert all(len(m.productcode) <= 5 and m.productcode.isalnum() for m in LAND.municipal)
    assert not national & {m.productcode for m in LAND.municipal}
    assert 40 <= len(NATIONAL) <= 80 and 20 <= len(BEGRIPPEN) <= 40
    gezinshuis_pleeg = [p for p in NATIONAL if {"gezinshuiszorg", "pleegzorg"} & set(p.begrippen)]
    assert len(gezinshuis_pleeg) >= 10 and all(p.eenheden in (("14",), ("04",)) for p in gezinshuis_pleeg)


def test_national_codes_do_not_collide_with_jz21():
    path = reference_path("data", "jz21", "jeugdwet_jz21_productcodes.json")
    jz21 = {p["productcode"] for p in json.loads(path.read_text(encoding="utf-8"))["products"]}
    assert not jz21 & {p.code for p in NATIONAL}
    assert not jz21 & {m.productcode for m in LAND.municipal}


def test_gemeentecodes_are_not_real_cbs_codes():
    path = reference_path("ijw-3.2", "codelists", "CBS_GEMEENTE.json")
    real = set(json.loads(path.read_text(encoding="utf-8"))["codes"])
    assert not real & {g.gemeentecode for g in LAND.gemeenten}


def test_suggest_accuracy_against_the_recorded_truth():
    found = suggest(LAND.municipal, NATIONAL)
    right = lambda s: LAND.truth[LAND.key(s.municipal)] == s.nationale_code  # noqa: E731
    confident = [s for s in found if s.confidence >= 0.8]
    assert len(found) >= 0.9 * len(LAND.municipal)
    assert sum(map(right, found)) / len(found) >= 0.88  # measured 0.91
    assert sum(map(right, confident)) / len(confident) >= 0.98  # measured 0.99
    assert len(confident) >= 0.5 * len(LAND.municipal)


def test_suggest_never_proposes_an_impossible_unit():
    by_code = {p.code: p for p in NATIONAL}
    for s in suggest(LAND.municipal, NATIONAL):
        units = by_code[s.nationale_code].eenheden
        unit = s.municipal.eenheid
        assert unit in units or (s.factor is not None and any(conversion_factor(unit, u) == s.factor for u in units))
        assert s.municipal.productcategorie == by_code[s.nationale_code].productcategorie


@given(st.sampled_from(sorted(EENHEID)), st.sampled_from(sorted(EENHEID)), st.integers(1, 10_000))
def test_conversion_factors_are_exact_and_invertible(a, b, volume):
    forward, back = conversion_factor(a, b), conversion_factor(b, a)
    assert (forward is None) == (back is None)
    if forward is not None:
        assert isinstance(forward, Fraction) and forward * back == 1
        minutes = {"01": 1, "04": 60, "16": 240}
        if a != b:
            assert volume * minutes[a] == volume * forward * minutes[b]


def test_demo_command_builds_and_reports(tmp_path):
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'demo.sqlite'}", "demo", "--out",
                                      str(tmp_path / "files")])
    assert result.exit_code == 0, result.output
    assert "Reduction on 2026-06-01" in result.output and "Per jeugdregio" in result.output
    mapped = re.search(r"mapped \(approved\)\s+(\d+)\s+([\d.]+)%", result.output)
    assert mapped and float(mapped.group(2)) > 50
