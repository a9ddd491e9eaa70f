"""Rules that rejected what the standard allows: each allowed case next to its violation twin."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.lifecycle_messages import retour
from tests.fixtures.make_cross_fixtures import jw301, jw305, jw315, jw323, jw325, prestatie
from tests.validators.test_lifecycle import codes
from validators.rules.checks import same_product
from validators.rules.tr._volume import allowed_volume, output_weeks

BASE = Path(__file__).parent.parent / "fixtures" / "messages"
WMO_BERICHTCODE = {"436": "414", "490": "484", "438": "418", "446": "444", "491": "485"}


def wmo(text: str) -> str:
    """The same story as an iWmo message (namespaces and BerichtCode; the rest is shared)."""
    text = text.replace("/ijw/3_2/jw", "/iwmo/3_2/wmo").replace(
        "/ijw/3_2/basisschema/", "/iwmo/3_2/basisschema/"
    )
    for ijw, iwmo in WMO_BERICHTCODE.items():
        text = text.replace(f"<b:BerichtCode>{ijw}<", f"<b:BerichtCode>{iwmo}<")
    return text


def omvang(text: str, volume: int, eenheid: str) -> str:
    return text.replace("<c:Volume>20<", f"<c:Volume>{volume}<").replace(
        "<c:Eenheid>04<", f"<c:Eenheid>{eenheid}<"
    )


def line(volume: int, eenheid: str = "04", **kwargs) -> str:
    return (
        prestatie(**kwargs)
        .replace("<b:GeleverdVolume>12<", f"<b:GeleverdVolume>{volume}<")
        .replace("<b:Eenheid>04<", f"<b:Eenheid>{eenheid}<")
    )


# -- TR321: IV077 ---------------------------------------------------------------------


def test_iv077_output_weeks_are_sundays_plus_the_last_partial_week():
    from datetime import date as d

    # IV077's example: 11-10-2022 (a Tuesday) to 31-12-2022 (a Saturday), 300 euro per week.
    start, stop = d(2022, 10, 11), d(2022, 12, 31)
    months = [
        (d(2022, 10, 1), d(2022, 10, 31)),
        (d(2022, 11, 1), d(2022, 11, 30)),
        (d(2022, 12, 1), d(2022, 12, 31)),
    ]
    assert [allowed_volume(300, "83", "2", a, b, start, stop, "83") for a, b in months] == [900, 1200, 1500]
    assert output_weeks(start, stop, stop) == 12
    # The inspanningsgerichte example (3 uur per week to 28-12-2022) keeps counting week numbers.
    assert [allowed_volume(3, "04", "2", a, b, start, d(2022, 12, 28), "04") for a, b in months] == [
        12,
        15,
        15,
    ]


def test_tr321_output_toewijzing_counts_sundays(tmp_path):
    # 1 stuk per week from Tuesday 2026-09-01 to Thursday 2026-12-31.
    history = [omvang(jw301(), 1, "82")]
    # September holds 4 Sundays (ISO weeks would allow 5).
    assert codes(tmp_path, history, jw323(line(4, "82")), ("TR321",)) == set()
    assert codes(tmp_path, history, jw323(line(5, "82")), ("TR321",)) == {"TR321"}
    # December: 4 Sundays, plus the week after the last one (the toewijzing ends on a Thursday).
    december = dict(begin="2026-12-01", eind="2026-12-31")
    assert codes(tmp_path, history, jw323(line(5, "82", **december)), ("TR321",)) == set()
    assert codes(tmp_path, history, jw323(line(6, "82", **december)), ("TR321",)) == {"TR321"}


def test_tr321_iwmo_huishoudelijke_hulp_up_to_six_weeks(tmp_path):
    # 3 uur per week of categorie 01; September touches 5 ISO weeks (15 uur), iWmo allows 6x (18).
    toewijzing = omvang(jw301(categorie="01"), 3, "04")
    declared = lambda v: jw323(line(v, categorie="01"))  # noqa: E731
    select = ("TR321",)
    assert codes(tmp_path, [wmo(toewijzing)], wmo(declared(18)), select, only_selected=True) == set()
    assert codes(tmp_path, [wmo(toewijzing)], wmo(declared(19)), select, only_selected=True) == {"TR321"}
    # Another iWmo categorie has no such exception (iJw has no categorie 01 at all).
    other = omvang(jw301(categorie="02"), 3, "04")
    assert codes(
        tmp_path, [wmo(other)], wmo(jw323(line(18, categorie="02"))), select, only_selected=True
    ) == {"TR321"}


# -- TR302, TR361, TR386, TR410: iWmo categorie 11-14 -----------------------------------


def _two_toewijzingen(first: str, second: str | None, *, second_nummer="80452") -> str:
    text = jw301(categorie=first)
    start, end = "      <b:ToegewezenProduct>", "      </b:ToegewezenProduct>\n"
    product = text[text.index(start) : text.index(end) + len(end)].replace(">80451<", f">{second_nummer}<")
    if second is None:
        begin, einde = product.index("        <b:Product>"), product.index("        </b:Product>\n")
        product = product[:begin] + product[einde + len("        </b:Product>\n") :]  # no Product at all
    else:
        product = product.replace(f"<c:Categorie>{first}<", f"<c:Categorie>{second}<")
    at = text.index(end) + len(end)
    return text[:at] + product + text[at:]


def test_tr302_iwmo_categories_11_to_14_may_overlap(tmp_path):
    select = ("TR302",)
    assert codes(tmp_path, [], wmo(_two_toewijzingen("11", "11")), select, only_selected=True) == set()
    assert codes(tmp_path, [], wmo(_two_toewijzingen("12", None)), select, only_selected=True) == set()
    # Twins: another iWmo categorie, and no categorie beside one outside 11-14 (iJw has no categorie 11).
    assert codes(tmp_path, [], wmo(_two_toewijzingen("02", "02")), select, only_selected=True) == {"TR302"}
    assert codes(tmp_path, [], wmo(_two_toewijzingen("02", None)), select, only_selected=True) == {"TR302"}


def test_same_product_follows_the_iwmo_texts_of_tr361_tr386_tr410():
    assert same_product("11", "11A", "11", "11A") and not same_product("11", "11A", "11", "11A", iwmo=True)
    assert not same_product("13", None, "14", None, iwmo=True)
    assert not same_product(None, None, "12", None, iwmo=True)
    assert same_product(None, None, None, None, iwmo=True)  # two without categorie still clash
    assert same_product(None, None, "01", None, iwmo=True)
    assert same_product("01", None, "01", None, iwmo=True)
    assert not same_product("11", None, "01", None, iwmo=True)  # different categorieen never clashed


# -- TR371, CS089, TR358 --------------------------------------------------------------


def test_tr371_finds_the_declaration_not_another_message_type(tmp_path):
    # A start notice of the aanbieder with the same Identificatie and Dagtekening, another XsdVersie.
    start = (
        jw305(ident="DCL2026-0917")
        .replace("<c:Dagtekening>2026-09-02<", "<c:Dagtekening>2026-10-05<")
        .replace("<c:BerichtXsdVersie>1.0.0<", "<c:BerichtXsdVersie>1.0.2<")
    )
    assert codes(tmp_path, [start, jw323()], jw325(), ("TR371",)) == set()
    other_versie = jw325().replace(
        """<b:XsdVersieDeclaratie>
      <c:BasisschemaXsdVersie>1.0.0</c:BasisschemaXsdVersie>
      <c:BerichtXsdVersie>1.0.0<""",
        """<b:XsdVersieDeclaratie>
      <c:BasisschemaXsdVersie>1.0.0</c:BasisschemaXsdVersie>
      <c:BerichtXsdVersie>1.0.2<""",
    )
    assert codes(tmp_path, [start, jw323()], other_versie, ("TR371",)) == {"TR371"}


def test_cs089_accepts_a_lower_case_postcode(tmp_path):
    assert codes(tmp_path, [], jw301().replace(">1234AB<", ">1234ab<"), ("CS089",)) == set()
    assert codes(tmp_path, [], jw301().replace(">1234AB<", ">0234ab<"), ("CS089",)) == {"CS089"}


def test_tr358_reads_a_plus_sign(tmp_path):
    plus = jw323().replace("<c:TotaalBedrag>31200<", "<c:TotaalBedrag>+31200<")
    assert codes(tmp_path, [], plus, ("TR358",), only_selected=True) == set()
    assert codes(tmp_path, [], plus.replace("+31200", "+31201"), ("TR358",), only_selected=True) == {"TR358"}


# -- TR373, TR379 ----------------------------------------------------------------------


def _base(name: str) -> str:
    return (BASE / name).read_text(encoding="utf-8")


def test_tr373_a_change_away_from_totaal_starts_on_the_ingangsdatum(tmp_path):
    toewijzingen = _base("JW301.xml")
    at = toewijzingen.index("<ToewijzingNummer>260101<")
    frequentie = toewijzingen.index("<b:Frequentie>2<", at)
    totaal = (
        toewijzingen[:frequentie] + "<b:Frequentie>6<" + toewijzingen[frequentie + len("<b:Frequentie>2<") :]
    )
    request = _base("JW317.xml")  # asks 8 uur per week for 260101 from 2026-12-01
    assert codes(tmp_path, [totaal], request, ("TR373",)) == {"TR373"}
    from_start = request.replace(
        "<GewensteIngangsdatum>2026-12-01</GewensteIngangsdatum>\n          <Einddatum>2027-03-31<",
        "<GewensteIngangsdatum>2026-10-01</GewensteIngangsdatum>\n          <Einddatum>2027-03-31<",
    )
    assert codes(tmp_path, [totaal], from_start, ("TR373",)) == set()
    assert (
        codes(tmp_path, [toewijzingen], request, ("TR373",)) == set()
    )  # a weekly toewijzing may change later


def test_tr379_only_the_first_toewijzing_repeats_the_referentie(tmp_path):
    def honour(ident: str, dag: str) -> str:
        return (
            jw301(ident=ident)
            .replace(
                "<b:Product>",
                "<b:ReferentieAanbieder>AVR-2026-7</b:ReferentieAanbieder>\n        <b:Product>",
            )
            .replace("<b:Toewijzingsdatum>2026-08-25<", f"<b:Toewijzingsdatum>{dag}<")
        )

    first = honour("TW2026-0101", "2026-08-25")
    later = honour("TW2026-0102", "2026-09-10")
    assert codes(tmp_path, [jw315()], first, ("TR379",)) == set()
    assert codes(tmp_path, [jw315(), first], later, ("TR379",)) == {"TR379"}
    without = jw301(ident="TW2026-0102").replace(
        "<b:Toewijzingsdatum>2026-08-25<", "<b:Toewijzingsdatum>2026-09-10<"
    )
    assert codes(tmp_path, [jw315(), first], without, ("TR379",)) == set()
    # A first toewijzing the aanbieder's JW302 rejected was not received: the resent one is the first.
    assert codes(tmp_path, [jw315(), first, retour(first, item_code="9332")], later, ("TR379",)) == set()
    assert codes(tmp_path, [jw315(), first, retour(first)], later, ("TR379",)) == {"TR379"}


# -- TR341: aspecifieke toewijzing ---------------------------------------------------------


def test_tr341_aspecific_toewijzing_follows_the_contract(tmp_path):
    aspecifiek = jw301(code=None)
    assert codes(tmp_path, [aspecifiek], jw323(line(12, "14")), ("TR341",)) == set()
    assert codes(tmp_path, [jw301()], jw323(line(12, "14")), ("TR341",)) == {"TR341"}
