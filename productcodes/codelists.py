"""The standard's code lists the registry works with, as the project records them.

Values and their meanings are facts of the iJw standard (JZ020 productcategorie, WJ756
eenheid, WMO757 frequentie); the uitvoeringsvarianten are the three ways a product can be
assigned and paid, and OMVANG_PER_VARIANT says which eenheid and frequentie each allows. The
initial data migration seeded the registry's tables with these lists; the validator's rules
(PC001, PC002, through validators.variants) read the table and the names from here, so there is
one source for both.
"""

from __future__ import annotations

from fractions import Fraction

PRODUCTCATEGORIE: dict[str, str] = {
    "31": "(2015) zonder verblijf: wijk- of buurtteam",
    "32": "(2015) zonder verblijf: ambulant op locatie van de aanbieder",
    "33": "(2015) zonder verblijf: daghulp op locatie van de aanbieder",
    "34": "(2015) zonder verblijf: in het netwerk van de jeugdige",
    "35": "(2015) met verblijf: pleegzorg",
    "36": "(2015) met verblijf: gezinsgericht",
    "37": "(2015) met verblijf: gesloten plaatsing",
    "38": "(2015) met verblijf: overig residentieel",
    "40": "Persoonlijke verzorging",
    "41": "Dagbehandeling",
    "42": "Vervoerdiensten",
    "43": "Jeugdhulp verblijf (inclusief behandeling)",
    "44": "Jeugdhulp verblijf (exclusief behandeling)",
    "45": "Jeugdhulp ambulant",
    "46": "Jeugdhulp crisis",
    "47": "Jeugdreclassering",
    "48": "Jeugdbescherming",
    "49": "Activiteiten in preventief justitieel kader",
    "50": "Maatwerkarrangementen jeugd",
    "51": "Generalistische basis-ggz",
    "52": "Specialistische ggz",
    "53": "Kindergeneeskunde",
    "54": "Jeugd-ggz",
    "55": "Landelijk ingekochte zorg",
}
HISTORISCHE_CATEGORIEEN = frozenset(str(n) for n in range(31, 39))

# code -> (meaning, length in minutes for time units)
EENHEID: dict[str, tuple[str, int | None]] = {
    "01": ("minuut", 1),
    "04": ("uur", 60),
    "14": ("etmaal", 24 * 60),
    "16": ("dagdeel (4 uur)", 4 * 60),
    "82": ("stuks (output)", None),
    "83": ("euro's", None),
    "84": ("stuks (inspanning)", None),
}
# An etmaal is a day of stay, not 24 hours of care: it converts to nothing but itself.
CONVERTIBLE_TIME_UNITS = frozenset({"01", "04", "16"})

PER_DAG, PER_WEEK, PER_MAAND, TOTAAL = "1", "2", "4", "6"
FREQUENTIE: dict[str, str] = {
    PER_DAG: "per dag",
    PER_WEEK: "per week",
    PER_MAAND: "per maand",
    TOTAAL: "totaal binnen geldigheidsduur toewijzing",
}

UITVOERINGSVARIANT: dict[str, str] = {
    "inspanningsgericht": "volume in tijd of stuks per periode; wat geleverd is, wordt gedeclareerd",
    "outputgericht": "een resultaat of traject per periode, zonder urenverantwoording",
    "taakgericht": "een budget of lump sum voor een taak; geen volume per cliënt",
}

# The Omvang a product of each uitvoeringsvariant may be assigned in: eenheid -> the frequenties allowed
# with it (the standard's table of toewijzingsvarianten). Days are no measure for dagdelen, etmalen,
# stuks (inspanning) or euro's; taakgericht work is paid per task or lump sum, so it has no client-level
# Omvang at all.
_ELKE = frozenset({PER_DAG, PER_WEEK, PER_MAAND, TOTAAL})
_NIET_PER_DAG = frozenset({PER_WEEK, PER_MAAND, TOTAAL})
OMVANG_PER_VARIANT: dict[str, dict[str, frozenset[str]]] = {
    "inspanningsgericht": {
        "01": _ELKE,
        "04": _ELKE,
        "16": _NIET_PER_DAG,
        "14": _NIET_PER_DAG,
        "84": _NIET_PER_DAG,
    },
    "outputgericht": {
        "82": _ELKE,
        "83": _NIET_PER_DAG,
    },
    "taakgericht": {},
}


def eenheid_naam(code: str | None) -> str:
    """ "16" -> "16 (dagdeel (4 uur))": the code with its meaning, or the code alone when unknown."""
    return f"{code} ({EENHEID[code][0]})" if code in EENHEID else str(code)


def frequentie_naam(code: str | None) -> str:
    """ "2" -> "2 (per week)": the code with its meaning, or the code alone when unknown."""
    return f"{code} ({FREQUENTIE[code]})" if code in FREQUENTIE else str(code)


def conversion_factor(van: str | None, naar: str | None) -> Fraction | None:
    """Factor that turns a volume in unit `van` into unit `naar`: 1 for equal units,
    1/60 for minuut -> uur, 4 for dagdeel -> uur; None when the units do not convert."""
    if van == naar:
        return Fraction(1)
    if van in CONVERTIBLE_TIME_UNITS and naar in CONVERTIBLE_TIME_UNITS:
        return Fraction(EENHEID[van][1], EENHEID[naar][1])
    return None


# A decimal factor must be exact: 0.25 is 1/4, but 0.016667 is a rounded 1/60 that would make 60 minutes
# 1.00002 hours. Decimals that need a denominator beyond this are taken as rounded.
EXACT_DENOMINATOR = 1000


def parse_factor(text: str) -> Fraction:
    """ "1/60", "0.25", "4" or "0,25" as an exact fraction; ValueError when it is not a positive number or
    a rounded decimal (with a hint to the fraction it stands for)."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{text!r} is not a number (e.g. 0.25 or 1/60)") from None
    if value <= 0:
        raise ValueError(f"factor {text!r} must be greater than 0")
    if "/" not in cleaned and value.denominator > EXACT_DENOMINATOR:
        near = value.limit_denominator(EXACT_DENOMINATOR)
        raise ValueError(
            f"factor {text!r} is een afgeronde decimaal, geen exacte factor; schrijf een breuk, "
            f"bijv. {format_number(near)}"
        )
    return value


def format_number(value: Fraction) -> str:
    """4 -> "4", 1/60 -> "1/60": the exact form people can check."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
