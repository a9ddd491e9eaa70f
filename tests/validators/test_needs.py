"""The one resolver of what a rule needs (validators.engine.needs): which rules run, why others are
skipped, and which kinds of data the registry lacks, the same for imported and unimported rules."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from tests.conftest import FIXTURES
from validators.engine.needs import (
    HISTORY,
    KINDS,
    REGISTRY,
    VOCABULARY,
    available,
    reason,
    registry_gaps,
    registry_warnings,
    wants,
)
from validators.engine.pipeline import Options, validate
from validators.rules.registry import Level, all_rules, rule
from validators.sources.snapshot import RegistrySnapshot

NO_HISTORY = "geen eerdere berichten (--history of --store)"
NO_REGISTRY = "geen register (--registry)"


def snapshot(*, without: tuple[str, ...] = ()) -> RegistrySnapshot:
    data = json.loads((FIXTURES / "rules" / "TR418" / "registry.json").read_text(encoding="utf-8"))
    for name in without:
        data[name] = []
    return RegistrySnapshot.from_dict(data)


NO_PRODUCTS = ("national", "municipal", "mappings")


def test_every_declared_need_is_in_the_vocabulary():
    needs = {need for r in all_rules().values() for need in r.needs}
    assert needs and needs <= VOCABULARY
    assert {f"registry:{kind}" for kind in KINDS} <= needs, "each kind of registry data gates some rule"


def test_an_unknown_need_is_refused_when_the_rule_is_declared():
    with pytest.raises(RuntimeError, match="unknown need"):
        rule(
            "ZZ990", retourcode=None, messages=("JW301",), level=Level.REGISTRY, needs=("registry:contracts",)
        )(lambda ctx, node: ())


def test_what_a_validation_has():
    assert available(None, None) == frozenset()
    assert available(object(), None) == {HISTORY}
    # A registry that cannot tell what it holds is taken to hold everything.
    assert available(None, object()) == {REGISTRY, *(f"registry:{k}" for k in KINDS)}
    assert available(None, snapshot(without=("tarieven",))) == {
        REGISTRY,
        "registry:gemeenten",
        "registry:producten",
    }


@pytest.mark.parametrize(
    ("needs", "have", "expected"),
    [
        ((), frozenset(), None),
        (("history",), frozenset({HISTORY}), None),
        (("history",), frozenset(), NO_HISTORY),
        (("registry",), frozenset({HISTORY}), NO_REGISTRY),
        # Without any registry the rule lacks the registry, not one kind of its data.
        (("registry:producten",), frozenset(), NO_REGISTRY),
        (("history", "registry:tarieven"), frozenset(), f"{NO_HISTORY} en {NO_REGISTRY}"),
        (("registry:producten",), frozenset({REGISTRY}), "het register heeft geen producten"),
        (("registry:producten",), frozenset({REGISTRY, "registry:producten"}), None),
    ],
)
def test_a_rule_runs_or_is_skipped_with_the_reason(needs, have, expected):
    assert reason(needs, have) == expected


def test_wants_counts_a_kind_of_registry_data_as_the_registry():
    assert wants(("registry:gemeenten",), REGISTRY) and not wants(("registry:gemeenten",), HISTORY)
    assert wants(("history",), HISTORY) and not wants((), REGISTRY)


def test_registry_gaps_name_the_rules_per_kind_of_data_in_order():
    assert registry_gaps(snapshot()) == {}
    gaps = registry_gaps(snapshot(without=(*NO_PRODUCTS, "tarieven", "gemeenten")))
    assert list(gaps) == ["gemeenten", "producten", "tarieven"]
    assert gaps["producten"] == ("PC001", "PC002", "PC010", "TR381")
    assert gaps["gemeenten"] == ("TR378",) and gaps["tarieven"] == ("TR418",)
    assert registry_warnings(snapshot(without=("tarieven",))) == [
        "waarschuwing: het register heeft geen tarieven: TR418 niet gecontroleerd"
    ]


def test_a_registry_without_products_skips_their_rules_with_the_reason():
    bad = FIXTURES / "rules" / "PC001" / "bad.xml"
    report = validate(bad, Options(today=date(2026, 12, 1), registry=snapshot(without=NO_PRODUCTS)))
    reasons = {s.code: s.reason for s in report.skipped}
    assert reasons["PC001"] == "het register heeft geen producten"
    assert "PC001" not in {f.code for f in report.findings}
    assert "TR378" not in reasons  # the gemeenten are there


# The reason of a rule left unimported (the index carries its needs) is that of an imported one.
AGREEMENT = """
import json, sys
from datetime import date
from validators.engine.pipeline import Options, validate
from validators.sources.snapshot import RegistrySnapshot
data = json.load(open({registry!r}, encoding="utf-8"))
data["national"] = data["municipal"] = data["mappings"] = []
options = Options(today=date(2026, 12, 1), registry=RegistrySnapshot.from_dict(data))
def skipped():
    return sorted(map(str, validate({bad!r}, options).skipped))
lazy = skipped()
imported = "validators.rules.pc.PC001" in sys.modules
from validators.rules.registry import all_rules
all_rules()
print(json.dumps({{"lazy": lazy, "imported": imported, "same": lazy == skipped()}}))
"""


def test_unimported_rules_are_skipped_as_imported_ones():
    probe = AGREEMENT.format(
        registry=str(FIXTURES / "rules" / "TR418" / "registry.json"),
        bad=str(FIXTURES / "rules" / "PC001" / "bad.xml"),
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert not result["imported"], "a rule that can only be skipped is not imported"
    assert any(s.startswith("PC001") and "het register heeft geen producten" in s for s in result["lazy"])
    assert result["same"]
