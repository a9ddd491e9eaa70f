"""One source for eenheid, frequentie and the Omvang per uitvoeringsvariant: the project's code lists.

The validator's table (validators.variants, read by PC001/PC002) and the code lists once
disagreed on what frequentie 6 is called; these tests fail when any copy drifts again, from
each other, from the in-message rules CS338/CS343, or from the official lists and table.
"""

from __future__ import annotations

import json
import re

import pytest

from productcodes.codelists import (
    EENHEID,
    FREQUENTIE,
    OMVANG_PER_VARIANT,
    PER_DAG,
    PER_MAAND,
    PER_WEEK,
    TOTAAL,
    UITVOERINGSVARIANT,
    eenheid_naam,
    frequentie_naam,
)
from tests.conftest import reference_path


def test_the_validator_reads_the_code_lists_table_itself():
    import validators.variants as variants

    assert variants.ALLOWED is OMVANG_PER_VARIANT
    assert variants.eenheid_naam is eenheid_naam and variants.frequentie_naam is frequentie_naam


def test_the_table_uses_only_listed_codes():
    assert set(OMVANG_PER_VARIANT) == set(UITVOERINGSVARIANT)
    for allowed in OMVANG_PER_VARIANT.values():
        assert set(allowed) <= set(EENHEID)
        assert all(frequenties and frequenties <= set(FREQUENTIE) for frequenties in allowed.values())
    assert OMVANG_PER_VARIANT["taakgericht"] == {}  # paid per task: no Omvang per client


def test_names_in_findings_come_from_the_lists():
    assert frequentie_naam(TOTAAL) == f"6 ({FREQUENTIE['6']})"
    assert frequentie_naam(PER_DAG) == "1 (per dag)" and eenheid_naam("16") == "16 (dagdeel (4 uur))"
    assert frequentie_naam("3") == "3" and eenheid_naam(None) == "None"


def test_the_in_message_rules_forbid_per_dag_exactly_where_the_table_does():
    # CS338/CS343 (xslt level, retourcode 0001) and PC002 (registry warning) must never contradict:
    # an Omvang the table allows must not be rejected by the standard's own constraint.
    from validators.rules.cs._frequentie import ALLOWED, UNITS

    not_per_dag = {
        eenheid
        for allowed in OMVANG_PER_VARIANT.values()
        for eenheid, frequenties in allowed.items()
        if PER_DAG not in frequenties
    }
    assert not_per_dag == set(UNITS)
    for allowed in OMVANG_PER_VARIANT.values():
        for eenheid in set(allowed) & set(UNITS):
            assert allowed[eenheid] == set(ALLOWED)


def test_the_volume_rules_know_the_same_frequentie_codes():
    from validators.rules.tr import TR373, _volume

    assert (_volume.PER_DAG, _volume.PER_WEEK, _volume.PER_MAAND, _volume.TOTAAL) == (
        PER_DAG,
        PER_WEEK,
        PER_MAAND,
        TOTAAL,
    )
    assert TR373.TOTAAL == TOTAAL


@pytest.mark.parametrize(("lijst", "ours"), [("WMO757", FREQUENTIE), ("WJ756", EENHEID)])
def test_codes_and_meanings_are_the_official_ones(lijst, ours):
    official = json.loads(reference_path("ijw-3.2", "codelists", f"{lijst}.json").read_text())["codes"]
    meaning = {code: value[0] if isinstance(value, tuple) else value for code, value in ours.items()}
    assert {code: text.lower() for code, text in meaning.items()} == {
        code: text.lower() for code, text in official.items()
    }


def _official_table(text: str) -> dict[str, dict[str, set[str]]]:
    """The toewijzingsvarianten tables: variant -> eenheid -> frequenties, named as in the text."""
    abbreviations = dict(re.findall(r"^- (\w+)\[\d\] = (.+)$", text, flags=re.MULTILINE))
    table: dict[str, dict[str, set[str]]] = {}
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        variant = section.split()[0].lower().removesuffix("e")  # Inspanningsgerichte -> inspanningsgericht
        rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("|")]
        header = [cell.strip() for cell in rows[0]]
        eenheid_at, frequentie_at = header.index("Eenheid"), header.index("Frequentie")
        for row in rows[2:]:
            eenheid = re.search(r"\((\d\d)\)\s*$", row[eenheid_at].strip())
            if eenheid is None:
                continue  # no Omvang in this kind of toewijzing
            name = re.sub(r"\[\d\]$", "", row[frequentie_at].strip())
            named = abbreviations.get(name, f"per {name.lower()}")
            table.setdefault(variant, {}).setdefault(eenheid.group(1), set()).add(named)
    return table


def test_the_table_is_the_official_one():
    text = reference_path("data", "ijw32", "toewijzingsvarianten_inspanning-output.md").read_text()
    official = _official_table(text)
    assert set(official) == {"inspanningsgericht", "outputgericht"}
    ours = {
        variant: {eenheid: {FREQUENTIE[f] for f in frequenties} for eenheid, frequenties in allowed.items()}
        for variant, allowed in OMVANG_PER_VARIANT.items()
        if allowed
    }
    assert ours == official
