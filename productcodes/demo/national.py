"""LPJ — the Landelijke Productenset Jeugd as this project designs it (synthetic, for the demo).

See docs/national-set.md for the reasoning. Codes are the JZ020 productcategorie, the
letter N (which the Standaardproductcodelijst does not use in that place, so no LPJ code
can be mistaken for a JZ21 code) and a two-digit number; within a categorie the tens
group the kind of care (0x general, 1x gezinshuiszorg, 2x pleegzorg).
"""

from __future__ import annotations

from datetime import date

from productcodes.records import BegripRow, NationalProductRow

LIST_NAME = "LPJ"
LIST_DESCRIPTION = "Landelijke Productenset Jeugd (synthetic national set of the productcodes demo)"
SOURCE = "productcodes national set (synthetic)"
VALID_FROM = date(2026, 1, 1)

# (term, definition in the project's own words)
BEGRIPPEN: tuple[tuple[str, str], ...] = (
    (
        "jeugdige",
        "Een persoon jonger dan 18 jaar, of tot 23 jaar wanneer hulp na het 18e jaar wordt voortgezet.",
    ),
    ("gezin", "De jeugdige met de ouders of opvoeders bij wie hij of zij opgroeit."),
    ("ambulant", "Hulp waarbij de jeugdige thuis blijft wonen en de hulp op afspraak krijgt."),
    ("begeleiding", "Hulp die de jeugdige of het gezin helpt het dagelijks leven zelf vorm te geven."),
    (
        "behandeling",
        "Hulp gericht op herstel of vermindering van een probleem of stoornis, volgens een plan.",
    ),
    ("diagnostiek", "Onderzoek dat vaststelt wat er speelt en welke hulp nodig is."),
    ("dagdeel", "Een aaneengesloten blok van vier uur hulp op één dag (eenheid 16)."),
    (
        "etmaal",
        "Een kalenderdag waarop de jeugdige verblijft; telt als één eenheid 14, ongeacht het aantal uren.",
    ),
    ("verblijf", "Hulp waarbij de jeugdige dag en nacht buiten het eigen huis woont."),
    (
        "perspectief",
        "Het doel van een plaatsing: terug naar huis, opgroeien in het pleeg- of gezinshuis, "
        "of zelfstandigheid.",
    ),
    (
        "crisisplaatsing",
        "Een plaatsing die direct ingaat omdat de veiligheid van de jeugdige dat vraagt; kort en met"
        " een besluit over vervolg binnen vier weken.",
    ),
    (
        "gezinshuis",
        "Een woning waarin gezinshuisouders beroepsmatig jeugdigen opvoeden die niet thuis kunnen wonen,"
        " naast eventuele eigen kinderen.",
    ),
    (
        "gezinshuisouder",
        "Een professionele opvoeder die met de eigen leefsituatie een gezinshuis vormt en"
        " daarvoor door een aanbieder wordt ondersteund.",
    ),
    (
        "gezinshuiszorg",
        "Verblijf van een jeugdige in een gezinshuis, met de begeleiding van gezinshuisouder en"
        " aanbieder; per etmaal toegewezen en gedeclareerd.",
    ),
    (
        "pleegzorg",
        "Verblijf van een jeugdige in het gezin van pleegouders, met begeleiding door een"
        " pleegzorgaanbieder; per etmaal toegewezen en gedeclareerd.",
    ),
    ("pleegouder", "Een vrijwillige opvoeder bij wie een jeugdige via een pleegzorgaanbieder woont."),
    (
        "bestandspleegzorg",
        "Pleegzorg bij pleegouders die de jeugdige niet kenden en via de aanbieder zijn geworven.",
    ),
    ("netwerkpleegzorg", "Pleegzorg bij familie of bekenden van de jeugdige."),
    ("deeltijdpleegzorg", "Pleegzorg voor een deel van de week of in vakanties, naast het wonen thuis."),
    ("verlengde pleegzorg", "Voortzetting van pleegzorg na het 18e jaar, tot uiterlijk 21 jaar."),
    ("intensief", "Met meer uren begeleiding of behandeling dan regulier, vanwege zwaardere problematiek."),
    ("specialistisch", "Uitgevoerd of aangestuurd door een geregistreerde (GZ-)professional."),
    ("traject", "Een afgesproken geheel van hulp met een doel, betaald als één product per periode."),
    ("maatwerk", "Hulp die niet in een standaardproduct past en per jeugdige wordt afgesproken."),
    ("jeugdbescherming", "Uitvoering van een kinderbeschermingsmaatregel die de rechter heeft opgelegd."),
    (
        "jeugdreclassering",
        "Begeleiding van een jeugdige die met justitie in aanraking kwam, in opdracht van de rechter"
        " of het Openbaar Ministerie.",
    ),
)

_H_NETWERK = "zonder verblijf: in het netwerk van de jeugdige"
_H_AMBULANT = "zonder verblijf: ambulant"
_H_DAG = "zonder verblijf: daghulp"
_H_PLEEG = "met verblijf: pleegzorg"
_H_GEZIN = "met verblijf: gezinsgericht"
_H_VERBLIJF = "met verblijf: overig"
_H_GESLOTEN = "met verblijf: gesloten plaatsing"
_H_JUSTITIE = "gedwongen kader"

# code, naam, categorie, variant, eenheden, hulpvorm, begrippen
_PRODUCTS: tuple[tuple, ...] = (
    ("40N01", "Persoonlijke verzorging", "40", "inspanningsgericht", ("04", "01"), _H_NETWERK, ("jeugdige",)),
    ("40N02", "Persoonlijke verzorging traject", "40", "outputgericht", ("82",), _H_NETWERK, ("traject",)),
    (
        "41N01",
        "Dagbehandeling regulier",
        "41",
        "inspanningsgericht",
        ("16",),
        _H_DAG,
        ("behandeling", "dagdeel"),
    ),
    (
        "41N02",
        "Dagbehandeling specialistisch",
        "41",
        "inspanningsgericht",
        ("16",),
        _H_DAG,
        ("behandeling", "dagdeel", "specialistisch"),
    ),
    ("41N03", "Dagbehandeling traject", "41", "outputgericht", ("82",), _H_DAG, ("behandeling", "traject")),
    ("42N01", "Vervoer naar dagbehandeling per rit", "42", "inspanningsgericht", ("84",), _H_DAG, ()),
    ("42N02", "Vervoer vergoeding", "42", "outputgericht", ("83",), _H_DAG, ()),
    (
        "43N01",
        "Verblijf met behandeling regulier",
        "43",
        "inspanningsgericht",
        ("14",),
        _H_VERBLIJF,
        ("verblijf", "behandeling", "etmaal"),
    ),
    (
        "43N02",
        "Verblijf met behandeling intensief",
        "43",
        "inspanningsgericht",
        ("14",),
        _H_VERBLIJF,
        ("verblijf", "behandeling", "intensief", "etmaal"),
    ),
    (
        "43N03",
        "Gesloten verblijf met behandeling",
        "43",
        "inspanningsgericht",
        ("14",),
        _H_GESLOTEN,
        ("verblijf", "behandeling", "etmaal"),
    ),
    (
        "43N10",
        "Gezinshuis intensief met behandeling",
        "43",
        "inspanningsgericht",
        ("14",),
        _H_GEZIN,
        (
            "gezinshuis",
            "gezinshuisouder",
            "gezinshuiszorg",
            "intensief",
            "behandeling",
            "etmaal",
            "perspectief",
        ),
    ),
    (
        "43N20",
        "Pleegzorg specialistisch met behandeling",
        "43",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("pleegzorg", "pleegouder", "specialistisch", "behandeling", "etmaal", "perspectief"),
    ),
    (
        "44N01",
        "Verblijf zonder behandeling logeren",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_VERBLIJF,
        ("verblijf", "etmaal"),
    ),
    (
        "44N02",
        "Kamertraining begeleid wonen",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_VERBLIJF,
        ("verblijf", "begeleiding", "etmaal", "perspectief"),
    ),
    (
        "44N10",
        "Gezinshuis regulier",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_GEZIN,
        ("gezinshuis", "gezinshuisouder", "gezinshuiszorg", "etmaal", "perspectief"),
    ),
    (
        "44N11",
        "Gezinshuis deeltijd weekend",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_GEZIN,
        ("gezinshuis", "gezinshuisouder", "gezinshuiszorg", "etmaal"),
    ),
    (
        "44N20",
        "Bestandspleegzorg regulier",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("pleegzorg", "bestandspleegzorg", "pleegouder", "etmaal", "perspectief"),
    ),
    (
        "44N21",
        "Netwerkpleegzorg regulier",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("pleegzorg", "netwerkpleegzorg", "pleegouder", "etmaal", "perspectief"),
    ),
    (
        "44N22",
        "Deeltijdpleegzorg weekend en vakantie",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("pleegzorg", "deeltijdpleegzorg", "pleegouder", "etmaal"),
    ),
    (
        "44N23",
        "Verlengde pleegzorg 18 plus",
        "44",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("pleegzorg", "verlengde pleegzorg", "pleegouder", "etmaal"),
    ),
    (
        "45N01",
        "Ambulante begeleiding individueel",
        "45",
        "inspanningsgericht",
        ("04", "01"),
        _H_AMBULANT,
        ("ambulant", "begeleiding"),
    ),
    (
        "45N02",
        "Ambulante begeleiding groep",
        "45",
        "inspanningsgericht",
        ("04", "16"),
        _H_AMBULANT,
        ("ambulant", "begeleiding"),
    ),
    (
        "45N03",
        "Ambulante behandeling individueel",
        "45",
        "inspanningsgericht",
        ("04", "01"),
        _H_AMBULANT,
        ("ambulant", "behandeling"),
    ),
    (
        "45N04",
        "Ambulante behandeling specialistisch",
        "45",
        "inspanningsgericht",
        ("04", "01"),
        _H_AMBULANT,
        ("ambulant", "behandeling", "specialistisch"),
    ),
    (
        "45N05",
        "Gezinsbehandeling systeemgericht",
        "45",
        "inspanningsgericht",
        ("04",),
        _H_AMBULANT,
        ("gezin", "behandeling"),
    ),
    ("45N06", "Diagnostiek ambulant", "45", "outputgericht", ("82",), _H_AMBULANT, ("diagnostiek",)),
    ("45N07", "Ambulant traject licht", "45", "outputgericht", ("82",), _H_AMBULANT, ("ambulant", "traject")),
    (
        "45N08",
        "Ambulant traject intensief",
        "45",
        "outputgericht",
        ("82",),
        _H_AMBULANT,
        ("ambulant", "traject", "intensief"),
    ),
    (
        "45N09",
        "Dyslexiezorg traject",
        "45",
        "outputgericht",
        ("82",),
        _H_AMBULANT,
        ("traject", "diagnostiek"),
    ),
    (
        "45N10",
        "Begeleiding pleeggezin en gezinshuis ambulant",
        "45",
        "inspanningsgericht",
        ("04",),
        _H_AMBULANT,
        ("pleegzorg", "gezinshuis", "begeleiding"),
    ),
    (
        "46N01",
        "Crisisinterventie ambulant",
        "46",
        "inspanningsgericht",
        ("04",),
        _H_AMBULANT,
        ("crisisplaatsing", "ambulant"),
    ),
    (
        "46N02",
        "Crisisopvang verblijf",
        "46",
        "inspanningsgericht",
        ("14",),
        _H_VERBLIJF,
        ("crisisplaatsing", "verblijf", "etmaal"),
    ),
    (
        "46N10",
        "Crisisplaatsing gezinshuis",
        "46",
        "inspanningsgericht",
        ("14",),
        _H_GEZIN,
        ("crisisplaatsing", "gezinshuis", "gezinshuiszorg", "etmaal"),
    ),
    (
        "46N20",
        "Crisispleegzorg",
        "46",
        "inspanningsgericht",
        ("14",),
        _H_PLEEG,
        ("crisisplaatsing", "pleegzorg", "pleegouder", "etmaal"),
    ),
    (
        "47N01",
        "Jeugdreclassering toezicht",
        "47",
        "outputgericht",
        ("82",),
        _H_JUSTITIE,
        ("jeugdreclassering",),
    ),
    (
        "47N02",
        "Jeugdreclassering gedragsinterventie",
        "47",
        "outputgericht",
        ("82",),
        _H_JUSTITIE,
        ("jeugdreclassering",),
    ),
    ("48N01", "Ondertoezichtstelling", "48", "outputgericht", ("82",), _H_JUSTITIE, ("jeugdbescherming",)),
    ("48N02", "Voogdij", "48", "outputgericht", ("82",), _H_JUSTITIE, ("jeugdbescherming",)),
    ("49N01", "Preventief justitieel programma", "49", "outputgericht", ("82",), _H_JUSTITIE, ("traject",)),
    ("50N01", "Maatwerkarrangement jeugd", "50", "taakgericht", ("83",), None, ("maatwerk",)),
    ("50N02", "Lokaal team jeugdhulp taakgericht", "50", "taakgericht", ("83",), None, ("maatwerk",)),
    (
        "50N03",
        "Integraal arrangement verblijf en behandeling",
        "50",
        "outputgericht",
        ("82",),
        _H_VERBLIJF,
        ("verblijf", "behandeling", "traject"),
    ),
    (
        "54N01",
        "Jeugd-ggz basis behandeling traject",
        "54",
        "outputgericht",
        ("82",),
        _H_AMBULANT,
        ("behandeling", "traject"),
    ),
    (
        "54N02",
        "Jeugd-ggz specialistische behandeling",
        "54",
        "inspanningsgericht",
        ("01", "04"),
        _H_AMBULANT,
        ("behandeling", "specialistisch"),
    ),
    ("54N03", "Jeugd-ggz diagnostiek", "54", "outputgericht", ("82",), _H_AMBULANT, ("diagnostiek",)),
    (
        "54N04",
        "Jeugd-ggz intensieve behandeling",
        "54",
        "inspanningsgericht",
        ("04",),
        _H_AMBULANT,
        ("behandeling", "intensief"),
    ),
)


def begrippen() -> list[BegripRow]:
    """The demo's begrippen, valid from the demo's start date."""
    return [BegripRow(term, definitie, SOURCE, VALID_FROM) for term, definitie in BEGRIPPEN]


def national_products() -> list[NationalProductRow]:
    """The demo's national product list."""
    return [
        NationalProductRow(
            code=code,
            naam=naam,
            productcategorie=cat,
            uitvoeringsvariant=variant,
            eenheden=eenheden,
            hulpvorm=hulpvorm,
            begrippen=terms,
            geldig_van=VALID_FROM,
        )
        for code, naam, cat, variant, eenheden, hulpvorm, terms in _PRODUCTS
    ]
