"""Whole cycles: what was rejected counts as not sent, and its violation twin is still caught.

Each scenario runs a message against a history that ends with an answer. The same history
with an accepting answer (or without the correction) is the twin: the rule still fires there,
so a rule switched off would fail these tests too.
"""

from __future__ import annotations

import itertools
from datetime import date

import validators.rules  # noqa: F401  (registers the rules)
from tests.fixtures.lifecycle_messages import jw325_geheel, jw325_header_only, jw325_volledig, retour
from tests.fixtures.make_cross_fixtures import (
    LATER,
    LATER_P,
    jw301,
    jw305,
    jw307,
    jw315,
    jw323,
    jw325,
    prestatie,
    volume,
)
from tests.validators.test_cross_rules import _schema_dir
from validators.engine.pipeline import Options, validate
from validators.rules.registry import RuleSet
from validators.sources.history import History

_runs = itertools.count()

# The September declaration sent again after its rejection: a new number, identificatie and lines.
RESUBMIT = dict(ident="DCL2026-0920", nummer="SEP2026B", maand="09", dagtekening="2026-10-15")


def codes(
    tmp_path, history: list[str], message: str, select: tuple[str, ...], *, only_selected=False
) -> set[str]:
    """The codes of the findings on `message` with `history` (oldest first) and rules `select`."""
    folder = tmp_path / f"run{next(_runs)}"
    (folder / "history").mkdir(parents=True)
    for i, text in enumerate(history):
        (folder / "history" / f"{i:02d}.xml").write_text(text, encoding="utf-8")
    path = folder / "message.xml"
    path.write_text(message, encoding="utf-8")
    report = validate(
        path,
        Options(
            today=date(2026, 12, 1),
            ruleset=RuleSet(select=select),
            schema_dir=_schema_dir(),
            history=History.from_paths(sorted((folder / "history").glob("*.xml"))),
        ),
    )
    found = {f.code for f in report.findings}
    return {c for c in found if c.startswith(select)} if only_selected else found


# -- declare, answer with a rejection, resubmit -----------------------------------------


def test_resubmission_after_a_declaration_rejected_as_a_whole(tmp_path):
    again = jw323(prestatie(ref="PRJ-0042R"), **RESUBMIT)
    rules = ("TR389", "TR318")
    for rejection in (jw325_geheel("8214"), jw325_header_only("0001")):
        assert codes(tmp_path, [jw323(), rejection], again, rules) == set(), rejection
    # Twin: the September declaration was granted, so declaring it again is a repeat.
    assert codes(tmp_path, [jw323(), jw325_volledig()], again, rules) == {"TR389", "TR318"}


def test_a_header_only_answer_is_linked_by_declaratie_identificatie(tmp_path):
    again = jw323(prestatie(ref="PRJ-0042R"), **RESUBMIT)
    # The 0001 answers another declaration of the aanbieder: September still stands.
    other = jw325_header_only("0001", ident="DCL2026-0999")
    assert codes(tmp_path, [jw323(), other], again, ("TR389",)) == {"TR389"}


def test_lines_under_a_rejected_client_were_not_judged_and_do_not_stand(tmp_path):
    answer = jw325(retour="0233").replace(
        """        <b:RetourCodes>
          <b:RetourCode>0200</b:RetourCode>
        </b:RetourCodes>
      </b:Client>""",
        """        <b:RetourCodes>
          <b:RetourCode>8022</b:RetourCode>
        </b:RetourCodes>
      </b:Client>""",
    )
    again = jw323(prestatie(ref="PRJ-0042R"), **RESUBMIT)
    assert codes(tmp_path, [jw323(), answer], again, ("TR389",)) == set()
    assert codes(tmp_path, [jw323(), jw325(retour="0233")], again, ("TR389",)) == set()  # 0233: not processed
    assert codes(tmp_path, [jw323(), jw325(retour="0200")], again, ("TR389",)) == {"TR389"}


def test_a_credit_retried_after_its_rejection(tmp_path):
    credit = jw323(prestatie(ref="PRJ-0042C", vorig="PRJ-0042", dc="C"), **LATER)
    retry = jw323(
        prestatie(ref="PRJ-0042K", vorig="PRJ-0042", dc="C"),
        ident="DCL2026-1120",
        nummer="NOV2026B",
        maand="11",
        dagtekening="2026-11-20",
    )
    rejected = jw325(ref="PRJ-0042C", retour="8017", nummer="OKT2026A", ident="DCL2026-1017")
    granted = jw325_volledig(nummer="OKT2026A", ident="DCL2026-1017")
    assert codes(tmp_path, [jw323(), jw325_volledig(), credit, rejected], retry, ("TR390",)) == set()
    assert codes(tmp_path, [jw323(), jw325_volledig(), credit, granted], retry, ("TR390",)) == {"TR390"}


def test_deleting_a_toewijzing_whose_declaration_was_rejected(tmp_path):
    withdraw = jw301(ident="TW2026-0102", reden="13", eind="2026-10-31")
    for rejection in (jw325_geheel("8214"), jw325_header_only("0001")):
        assert codes(tmp_path, [jw301(), jw323(), rejection], withdraw, ("TR385",)) == set()
    assert codes(tmp_path, [jw301(), jw323(), jw325()], withdraw, ("TR385",)) == {"TR385"}


def test_totals_leave_rejected_declarations_out(tmp_path):
    toewijzing = jw301(eind="2026-10-31")  # 20 uur per week, 9 ISO weeks: 180 uur in all
    october = jw323(prestatie(**LATER_P).replace("<b:GeleverdVolume>12<", "<b:GeleverdVolume>150<"), **LATER)
    september = jw323(volume(100))
    assert codes(tmp_path, [toewijzing, september, jw325_geheel()], october, ("TR322",)) == set()
    assert codes(tmp_path, [toewijzing, september, jw325_volledig()], october, ("TR322",)) == {"TR322"}
    budget = jw301(code=None, budget=50000)
    second = jw323(prestatie(**LATER_P), **LATER)
    assert codes(tmp_path, [budget, jw323(), jw325_header_only()], second, ("TR369",)) == set()
    assert codes(tmp_path, [budget, jw323(), jw325_volledig()], second, ("TR369",)) == {"TR369"}


def test_the_standard_fully_granted_answer_passes_tr342(tmp_path):
    assert codes(tmp_path, [jw323()], jw325_volledig(), ("TR342",)) == set()
    # Twins: 8001 with less granted than submitted, and a real rejection granting something.
    assert codes(tmp_path, [jw323()], jw325_volledig(bedrag=30000), ("TR342",)) == {"TR342"}
    rejected_but_granted = jw325_geheel("8214").replace(
        """<b:TotaalToegekendBedrag>
      <c:TotaalBedrag>0</c:TotaalBedrag>""",
        """<b:TotaalToegekendBedrag>
      <c:TotaalBedrag>31200</c:TotaalBedrag>""",
    )
    assert codes(tmp_path, [jw323()], rejected_but_granted, ("TR342",)) == {"TR342"}


# -- start, retour with a rejection, correct ------------------------------------------


def test_a_start_sent_again_after_its_retour_rejected_it(tmp_path):
    again = jw305(ident="ST2026-0002")
    moved = jw305(ident="ST2026-0002", begin="2026-09-08")
    rules = ("TR074", "TR326")
    for rejection in (
        retour(jw305(), item_code="9019"),
        retour(jw305(), client_code="9304", item_code="0233"),
        retour(jw305(), header_code="0001"),
    ):
        assert codes(tmp_path, [jw301(), jw305(), rejection], again, rules) == set()
        assert codes(tmp_path, [jw301(), jw305(), rejection], moved, rules) == set()
    accepted = retour(jw305())
    assert codes(tmp_path, [jw301(), jw305(), accepted], again, rules) == {"TR074"}
    assert codes(tmp_path, [jw301(), jw305(), accepted], moved, rules) == {"TR326"}


def _two(first: str, second: str) -> str:
    """A JW305/JW307 with the StartProduct/StopProduct of `first` followed by that of `second`."""
    item = "StartProduct" if "jw305" in first else "StopProduct"
    start, end = f"      <b:{item}>", f"      </b:{item}>\n"
    product = second[second.index(start) : second.index(end) + len(end)]
    at = first.index(end) + len(end)
    return first[:at] + product + first[at:]


def test_iv008_key_correction_of_a_start_in_one_message(tmp_path):
    """Begindatum is part of the key: deletion and new start travel together (IV008 advises it)."""
    correction = _two(jw305(ident="ST2026-0002", status="3"), jw305(ident="ST2026-0002", begin="2026-09-08"))
    rules = ("TR326", "TR074", "TR063", "TR101")
    assert codes(tmp_path, [jw301(), jw305()], correction, rules) == set()
    # Twin: the new start without deleting the old one.
    assert codes(tmp_path, [jw301(), jw305()], jw305(ident="ST2026-0002", begin="2026-09-08"), rules) == {
        "TR326"
    }


def test_iv008_non_key_correction_of_a_start(tmp_path):
    """ToewijzingIngangsdatum is no part of the key: the new start needs a message of its own."""
    changed = jw305(ident="ST2026-0003").replace(
        "<b:ToewijzingIngangsdatum>2026-09-01<", "<b:ToewijzingIngangsdatum>2026-08-01<"
    )
    in_one = _two(jw305(ident="ST2026-0002", status="3"), changed)
    rules = ("TR326", "TR074", "TR063", "TR101")
    assert codes(tmp_path, [jw301(), jw305()], in_one, rules) == {"TR101"}
    assert (
        codes(tmp_path, [jw301(), jw305(), jw305(ident="ST2026-0002", status="3")], changed, rules) == set()
    )
    assert codes(tmp_path, [jw301(), jw305()], changed, rules) == {"TR074"}


def test_iv008_corrections_of_a_stop(tmp_path):
    history = [jw301(), jw305(), jw307()]  # stopped on 2026-10-31 (reden 02)
    new_end = jw307(ident="SP2026-0003", eind="2026-10-15")
    rules = ("TR413", "TR414", "TR415", "TR063", "TR101", "TR074")
    # Einddatum is no part of the key: in one message the pair is the same class twice.
    assert codes(tmp_path, history, _two(jw307(ident="SP2026-0002", status="3"), new_end), rules) == {"TR101"}
    # In two messages it is the standard's way.
    assert codes(tmp_path, [*history, jw307(ident="SP2026-0002", status="3")], new_end, rules) == set()
    # Twin: a new stop while the old one stands.
    assert codes(tmp_path, history, new_end, rules) == {"TR414", "TR415"}
    # A Begindatum correction is a key correction: both may stand in one message.
    moved = _two(jw307(ident="SP2026-0002", status="3"), jw307(ident="SP2026-0002", begin="2026-09-08"))
    assert "TR101" not in codes(tmp_path, history, moved, rules)


def test_a_stop_sent_again_after_its_retour_rejected_it(tmp_path):
    history = [jw301(), jw305(), jw307()]
    new_end = jw307(ident="SP2026-0003", eind="2026-10-15")
    rules = ("TR414", "TR415", "TR074")
    assert codes(tmp_path, [*history, retour(jw307(), item_code="9382")], new_end, rules) == set()
    assert codes(tmp_path, [*history, retour(jw307())], new_end, rules) == {"TR414", "TR415"}


# -- request, retour, new request ------------------------------------------------------


def test_a_new_request_after_the_retour_rejected_the_first(tmp_path):
    first = jw315()
    new = (
        jw315(referentie="AVR-2026-8")
        .replace("VZ2026-0007", "VZ2026-0008")
        .replace("<c:Dagtekening>2026-08-10<", "<c:Dagtekening>2026-08-20<")
    )
    assert codes(tmp_path, [first, retour(first, item_code="9374")], new, ("TR374",)) == set()
    assert codes(tmp_path, [first, retour(first, header_code="0001")], new, ("TR374",)) == set()
    assert codes(tmp_path, [first, retour(first)], new, ("TR374",)) == {"TR374"}


# -- debit, shortening, credit -------------------------------------------------------


def test_a_credit_after_a_retroactive_shortening(tmp_path):
    """The debit of September was judged by the toewijzing to 2026-12-31; the gemeente then ends it on
    2026-09-20, and the aanbieder credits the whole September line and declares 1..20 again."""
    shortened = jw301(ident="TW2026-0102", eind="2026-09-20", reden="01").replace(
        "<b:Toewijzingsdatum>2026-08-25<", "<b:Toewijzingsdatum>2026-10-20<"
    )
    history = [jw301(), jw323(volume(100)), jw325_volledig(), shortened]
    credit = (
        volume(100)
        .replace("<c:ReferentieNummer>PRJ-0042<", "<c:ReferentieNummer>PRJ-0042C<")
        .replace(
            "</c:ReferentieNummer>",
            "</c:ReferentieNummer>\n              <c:VorigReferentieNummer>PRJ-0042"
            "</c:VorigReferentieNummer>",
            1,
        )
        .replace("<c:DebetCredit>D<", "<c:DebetCredit>C<")
    )
    redebit = prestatie(ref="PRJ-0042N", vorig="PRJ-0042C", eind="2026-09-20")
    rules = ("TR308", "TR321")
    assert codes(tmp_path, history, jw323(credit, redebit, **LATER), rules) == set()
    # Twin: a debit of the full September against the shortened toewijzing is still too long.
    late_debit = prestatie(ref="PRJ-0044")
    assert codes(tmp_path, history, jw323(late_debit, **LATER), rules) == {"TR308"}


def test_the_number_of_a_declaration_rejected_as_a_whole_is_free_again(tmp_path):
    same_number = jw323(prestatie(ref="PRJ-0042R"), **{**RESUBMIT, "nummer": "SEP2026A"})
    assert codes(tmp_path, [jw323(), jw325_geheel("8214")], same_number, ("TR333",)) == set()
    assert codes(tmp_path, [jw323(), jw325_volledig()], same_number, ("TR333",)) == {"TR333"}
    # A duplicate rejected with 9333 frees nothing: the first declaration with the number stands.
    duplicate = jw323(prestatie(ref="PRJ-0042D"), ident="DCL2026-0918", dagtekening="2026-10-06")
    rejected = (
        jw325_geheel("9333")
        .replace("<c:Identificatie>DCL2026-0917<", "<c:Identificatie>DCL2026-0918<")
        .replace(
            "<c:Dagtekening>2026-10-05</c:Dagtekening>\n    </b:DeclaratieIdentificatie>",
            "<c:Dagtekening>2026-10-06</c:Dagtekening>\n    </b:DeclaratieIdentificatie>",
        )
    )
    history = [jw323(), jw325_volledig(), duplicate, rejected]
    assert codes(tmp_path, history, same_number, ("TR333",)) == {"TR333"}
    assert codes(tmp_path, history, jw323(prestatie(ref="PRJ-0042R"), **RESUBMIT), ("TR389",)) == {"TR389"}


def test_rejections_after_the_message_do_not_change_its_verdict(tmp_path):
    """Re-validating a stored message: what was rejected after it arrived does not count for it."""
    again = jw323(prestatie(ref="PRJ-0042R"), **RESUBMIT)
    later_rejection = jw325_geheel("8214")  # arrives after the resubmission: September stood when it came
    assert codes(tmp_path, [jw323(), again, later_rejection], again, ("TR389",)) == {"TR389"}
    assert codes(tmp_path, [jw323(), later_rejection, again], again, ("TR389",)) == set()
    first = jw305()
    assert codes(
        tmp_path,
        [jw301(), first, jw305(ident="ST2026-0002"), retour(first, item_code="9019")],
        jw305(ident="ST2026-0002"),
        ("TR074",),
    ) == {"TR074"}
