"""External-source and registry rules: exact edge cases beyond the good/bad fixtures."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import FIXTURES
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet
from validators.rules.tr._tarief import hourly_amounts, round_half_up
from validators.sources.snapshot import RegistrySnapshot

RULES = FIXTURES / "rules"
TODAY = date(2026, 12, 1)


def registry_data() -> dict:
    return json.loads((RULES / "TR418" / "registry.json").read_text(encoding="utf-8"))


def run(xml: Path | bytes, code: str, registry: RegistrySnapshot | None = None):
    options = Options(
        today=TODAY,
        ruleset=RuleSet(select=(code,)),
        registry=registry,
        schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"),
    )
    report = validate(xml, options, name="test.xml")
    assert not [f for f in report.findings if f.code.startswith(("RS", "CS"))], report.findings
    return report


def edited(path: Path, **values: str) -> bytes:
    """The message with the first element of each local name set to a new text."""
    tree = etree.parse(str(path))
    for name, value in values.items():
        node = next(tree.getroot().iter(f"{{*}}{name}"))
        node.text = value
    return etree.tostring(tree)


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


# -- TR346: hourly tariff declared per minute ---------------------------------------------------


@given(uurtarief=st.integers(0, 50_000), minuten=st.integers(0, 100_000))
def test_an_honest_hourly_calculation_is_always_accepted(uurtarief, minuten):
    per_minuut = round_half_up(uurtarief, 60)
    assert round_half_up(uurtarief * minuten, 60) in hourly_amounts(per_minuut, minuten)


@pytest.mark.parametrize(
    ("n", "d", "expected"),
    [(1455, 1000, 1), (145, 100, 1), (150, 100, 2), (149, 100, 1), (5, 10, 1), (4, 10, 0)],
)
def test_round_half_up(n, d, expected):
    assert round_half_up(n, d) == expected


@pytest.mark.parametrize(
    ("bedrag", "fires"), [("951", False), ("952", False), ("949", False), ("948", True), ("956", True)]
)
def test_tr346_minutes_tolerate_only_what_an_hourly_tariff_can_produce(bedrag, fires):
    # 7 minutes at 1.36/min: hourly tariffs 81.30 .. 81.89 give 9.49 .. 9.55 (e.g. 81.50 -> 9.51)
    xml = edited(
        RULES / "TR346" / "good-minuten.xml",
        GeleverdVolume="7",
        Eenheid="01",
        ProductTarief="136",
        Bedrag=bedrag,
    )
    assert ("TR346" in codes(run(xml, "TR346"))) is fires


def test_tr346_hours_must_match_exactly():
    xml = edited(
        RULES / "TR346" / "good-minuten.xml",
        GeleverdVolume="7",
        Eenheid="04",
        ProductTarief="136",
        Bedrag="951",
    )
    [finding] = run(xml, "TR346").findings
    assert "951" in finding.text("en") and "952" in finding.text("en")


# -- TR378: gemeente list at the message's dates ------------------------------------------------


def gemeente_7003_until(until: str | None) -> RegistrySnapshot:
    data = registry_data()
    for row in data["gemeenten"]:
        if row["gemeentecode"] == "7003" and until:
            row["geldig_tot"] = until
    return RegistrySnapshot.from_dict(data)


def test_tr378_a_gemeente_ended_by_herindeling_is_accepted_for_toewijzingen_that_began_before():
    # toewijzing 260101 (JW301 base message) begins 2026-10-01, while 7003 still existed; the
    # declaration is dated 2026-11-04, after 7003 ended
    from validators.sources.history import History

    registry = gemeente_7003_until("2026-10-15")
    history = History.from_paths([FIXTURES / "messages" / "JW301.xml"])
    options = Options(
        today=TODAY,
        ruleset=RuleSet(select=("TR378",)),
        registry=registry,
        history=history,
        schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"),
    )
    assert codes(validate(RULES / "TR378" / "good.xml", options, name="test.xml")) == []
    # Without the toewijzing, the message's ProductPeriodes are no date the rule names.
    assert codes(run(RULES / "TR378" / "good.xml", "TR378", registry)) == ["TR378"]


def test_tr378_reads_only_the_dates_the_rule_names():
    # The JW301 base message: Dagtekening 2026-09-15, Ingangsdatum 2026-10-01, and a Contact whose
    # Periode begins 2026-07-01, while 7003 still existed; that Periode must not rescue the gemeente.
    message = FIXTURES / "messages" / "JW301.xml"
    assert codes(run(message, "TR378", gemeente_7003_until("2026-08-31"))) == ["TR378"]
    assert codes(run(message, "TR378", gemeente_7003_until("2026-10-01"))) == []  # on the Ingangsdatum


def test_tr378_a_gemeente_ended_before_every_date_is_rejected():
    [finding] = run(RULES / "TR378" / "good.xml", "TR378", gemeente_7003_until("2026-08-31")).findings
    said = finding.text("en")
    assert finding.code == "TR378" and "7003" in said and "dates of this message" in said


def test_tr378_unknown_code_says_so():
    xml = edited(RULES / "TR378" / "good.xml", Ontvanger="7999")
    [finding] = run(xml, "TR378", gemeente_7003_until(None)).findings
    assert "7999 is not in the CBS gemeente list" in finding.text("en")


# -- TR381: code under the right categorie -----------------------------------------------------


def test_tr381_names_the_categorie_the_code_belongs_to():
    xml = edited(RULES / "TR381" / "good.xml", ProductCategorie="44")
    [finding] = run(xml, "TR381", RegistrySnapshot.from_dict(registry_data())).findings
    assert "45N01" in finding.text("en") and "categorie 45" in finding.text("en")


def test_tr381_a_product_not_yet_in_the_list_is_rejected():
    data = registry_data()
    for row in data["national"]:
        row["geldig_van"] = "2027-01-01"
    report = run(RULES / "TR381" / "good.xml", "TR381", RegistrySnapshot.from_dict(data))
    assert codes(report) and set(codes(report)) == {"TR381"}


# -- TR418: contract tariffs --------------------------------------------------------------------


def test_tr418_without_a_contract_for_the_combination_says_nothing():
    data = registry_data()
    for row in data["tarieven"]:
        row["aanbieder"] = "12000999"  # a contract of another aanbieder proves nothing about this one
    bad = next((RULES / "TR418").glob("bad*.xml"))
    assert codes(run(bad, "TR418", RegistrySnapshot.from_dict(data))) == []


def test_tr418_contract_not_yet_valid_says_nothing():
    data = registry_data()
    for row in data["tarieven"]:
        row["geldig_van"] = "2027-01-01"
    bad = next((RULES / "TR418").glob("bad*.xml"))
    assert codes(run(bad, "TR418", RegistrySnapshot.from_dict(data))) == []


# -- a registry lacking data: skipped, not fired --------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "rules"),
    [
        ("gemeenten", {"TR378"}),
        ("tarieven", {"TR418"}),
        (("national", "municipal", "mappings"), {"TR381", "PC001", "PC002", "PC010"}),
    ],
)
def test_a_registry_without_a_kind_of_data_skips_its_rules(kind, rules):
    data = registry_data()
    for name in (kind,) if isinstance(kind, str) else kind:
        data[name] = []
    bad = next((RULES / "TR418").glob("bad*.xml"))
    options = Options(
        today=TODAY,
        registry=RegistrySnapshot.from_dict(data),
        ruleset=RuleSet(select=("TR378", "TR381", "TR418", "PC")),
        schema_dir=os.environ.get("PRODUCTCODES_TEST_SCHEMA_DIR"),
    )
    report = validate(bad, options)
    skipped = {entry.code for entry in report.skipped}
    assert rules <= skipped
    assert not rules & set(codes(report))


def test_the_cli_warns_once_per_kind_of_missing_data(monkeypatch, capsys):
    import validators.sources.snapshot_db
    from validators.cli.validate import registry_snapshot

    data = registry_data()
    data["national"], data["municipal"], data["mappings"], data["tarieven"] = [], [], [], []
    monkeypatch.setattr(
        validators.sources.snapshot_db, "load_snapshot", lambda app: RegistrySnapshot.from_dict(data)
    )
    registry_snapshot(object())
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("waarschuwing:")]
    assert len(warnings) == 2
    products = next(w for w in warnings if "productlijsten" in w)
    assert all(code in products for code in ("TR381", "PC001", "PC002", "PC010"))
    assert any("TR418" in w for w in warnings) and not any("TR378" in w for w in warnings)


@pytest.mark.parametrize(("tarief", "fires"), [("136", False), ("135", True), ("8150", True)])
def test_tr418_an_hourly_contract_declared_in_minutes_is_compared_per_minute(tarief, fires):
    # contract: 81.50 per hour (eenheid 04); per minute that is 1.3583 -> 1.36
    good = next((RULES / "TR418").glob("good*.xml"))
    xml = edited(good, GeleverdVolume="60", Eenheid="01", ProductTarief=tarief)
    report = run(xml, "TR418", RegistrySnapshot.from_dict(registry_data()))
    assert ("TR418" in codes(report)) is fires


def test_tr418_other_eenheden_than_the_contract_are_not_compared():
    good = next((RULES / "TR418").glob("good*.xml"))
    xml = edited(good, Eenheid="14", ProductTarief="1")
    assert codes(run(xml, "TR418", RegistrySnapshot.from_dict(registry_data()))) == []


# -- PC010: once per product, with the volume of all its lines ------------------------------------


def _second_line_like_the_first(path: Path, volume: str, eenheid: str = "01") -> bytes:
    tree = etree.parse(str(path))
    prestaties = [el for el in tree.getroot().iter("{*}Prestatie")]
    first, second = prestaties[0], prestaties[1]
    for name in ("ProductCategorie", "ProductCode", "Eenheid", "ProductTarief"):
        second.find(f"{{*}}{name}").text = first.find(f"{{*}}{name}").text
    second.find("{*}Eenheid").text = eenheid
    second.find("{*}GeleverdVolume").text = volume
    return etree.tostring(tree)


def _pc010(xml: bytes):
    data = json.loads((RULES / "PC010" / "registry.json").read_text(encoding="utf-8"))
    return [f for f in run(xml, "PC010", RegistrySnapshot.from_dict(data)).findings if f.code == "PC010"]


def test_pc010_speaks_once_per_product_with_the_volume_of_all_its_lines():
    # 1440 + 120 minutes under a factor 1/60 are 26 national hours, said once, on the first line
    [finding] = _pc010(_second_line_like_the_first(RULES / "PC010" / "bad.xml", "120"))
    assert finding.xpath.endswith("Prestatie[1]")
    assert "(2 lines)" in finding.text("en")
    assert "volume 1560 (eenheid 01) is 26 in national units" in finding.text("en")


def test_pc010_another_eenheid_is_another_sentence():
    findings = _pc010(_second_line_like_the_first(RULES / "PC010" / "bad.xml", "2", eenheid="04"))
    assert [f.xpath.rsplit("/", 1)[-1] for f in findings] == ["Prestatie[1]", "Prestatie[2]"]
    assert "volume 1440 (eenheid 01) is 24" in findings[0].text("en")
    # the factor applies as mapped
    assert "volume 2 (eenheid 04) is 1/30 in national units" in findings[1].text("en")
