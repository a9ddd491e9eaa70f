"""A deterministic synthetic landscape of municipal product lists (SYNTHETIC data).

Fictional gemeenten (codes 7001 and up, outside the CBS range) in fictional jeugdregio's
buy in jointly: a region shares one list, in its own numbering scheme and wording, and
its gemeenten add local products. Units vary (minutes, hours, dagdelen, etmalen, stuks,
euro's), descriptions are near-duplicates with abbreviations and typos, ~10% of codes
were renumbered on 1 January 2026, two pairs of gemeenten merged on that day, and some
codes are maatwerk that maps to nothing. The intended national product of every code is
kept in memory (`Landscape.truth`) so the suggestion algorithm can be measured.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from productcodes.codelists import conversion_factor, format_number
from productcodes.demo.national import national_products
from productcodes.records import GemeenteRow, MappingRow, MunicipalProductRow, NationalProductRow, TariefRow

OLD_LIST_FROM, OLD_LIST_UNTIL = date(2024, 1, 1), date(2025, 12, 31)
NEW_LIST_FROM = date(2026, 1, 1)

# How municipal lists phrase each national product (own wording, deliberately uneven).
PHRASES: dict[str, tuple[str, ...]] = {
    "40N01": (
        "Persoonlijke verzorging",
        "PV jeugd",
        "Persoonlijke verzorging thuis",
        "Verzorging persoonlijk",
    ),
    "40N02": ("Persoonlijke verzorging arrangement", "PV traject per maand"),
    "41N01": ("Dagbehandeling", "Dagbehandeling regulier groep", "Dagbehandeling (basis)", "Dagbehandelng"),
    "41N02": ("Dagbehandeling specialistisch", "Dagbehandeling spec.", "Specialistische dagbehandeling"),
    "41N03": ("Dagbehandeling arrangement", "Dagbehandeling traject per maand"),
    "42N01": ("Vervoer dagbehandeling", "Vervoer per rit", "Vervoer naar dagbesteding jeugd"),
    "42N02": ("Vervoerskosten", "Vervoer vergoeding kilometers"),
    "43N01": ("Verblijf met behandeling", "Residentieel met behandeling", "Behandelgroep verblijf"),
    "43N02": ("Verblijf intensief met behandeling", "Intensieve behandelgroep", "Residentieel intensief"),
    "43N03": ("Gesloten jeugdhulp", "JeugdzorgPlus gesloten verblijf", "Gesloten plaatsing"),
    "43N10": ("Gezinshuis intensief", "Gezinshuis plus behandeling", "Behandelgezinshuis"),
    "43N20": ("Pleegzorg specialistisch", "Behandelpleegzorg", "Pleegzorg spec. met behandeling"),
    "44N01": ("Logeren", "Logeeropvang jeugd", "Verblijf logeren weekend"),
    "44N02": ("Kamertraining", "Begeleid wonen jongeren", "Kamertraining 16+"),
    "44N10": ("Gezinshuis", "Gezinshuis regulier", "Gezinshuiszorg", "Gezinshuis basis", "Gezinhuis"),
    "44N11": ("Gezinshuis weekend", "Gezinshuis deeltijd"),
    "44N20": (
        "Pleegzorg",
        "Pleegzorg regulier",
        "Bestandspleegzorg",
        "Pleegzorg bestand",
        "Plegzorg regulier",
    ),
    "44N21": ("Netwerkpleegzorg", "Pleegzorg netwerk", "Netwerk pleegzorg regulier"),
    "44N22": ("Deeltijdpleegzorg", "Weekendpleegzorg", "Pleegzorg deeltijd"),
    "44N23": ("Pleegzorg 18+", "Verlengde pleegzorg", "Pleegzorg na 18"),
    "45N01": (
        "Ambulante begeleiding individueel",
        "Individuele begeleiding ambulant",
        "Begeleiding ind. (ambulant)",
        "Ambulante begeleiding",
        "Individuele begeleiding jeugd",
        "Ambulante begeleiding indiv",
    ),
    "45N02": (
        "Ambulante begeleiding groep",
        "Groepsbegeleiding ambulant",
        "Begeleiding groep",
        "Groepsbegeleiding",
    ),
    "45N03": (
        "Ambulante behandeling individueel",
        "Individuele behandeling",
        "Behandeling ind. ambulant",
        "Ambulante behandeling",
    ),
    "45N04": (
        "Ambulante behandeling specialistisch",
        "Specialistische behandeling ambulant",
        "Behandeling spec.",
    ),
    "45N05": ("Gezinsbehandeling", "Systeemtherapie gezin", "Gezinsbehandeling systeemgericht"),
    "45N06": ("Diagnostiek", "Diagnostisch onderzoek", "Diagnostiek jeugd"),
    "45N07": ("Ambulant arrangement licht", "Traject ambulant licht", "Ambulant licht per maand"),
    "45N08": ("Ambulant arrangement intensief", "Traject ambulant intensief", "Ambulant zwaar"),
    "45N09": ("Dyslexie", "Dyslexiezorg", "EED dyslexie behandeling"),
    "45N10": ("Begeleiding pleeggezin", "Ondersteuning gezinshuisouders", "Pleeggezinbegeleiding"),
    "46N01": ("Crisisinterventie", "Crisis ambulant", "Spoedhulp ambulant"),
    "46N02": ("Crisisopvang", "Crisisplaatsing verblijf", "Crisis verblijf"),
    "46N10": ("Crisis gezinshuis", "Gezinshuis crisisplek"),
    "46N20": ("Crisispleegzorg", "Pleegzorg crisis"),
    "47N01": ("Jeugdreclassering", "JR toezicht", "Jeugdreclassering begeleiding"),
    "47N02": ("Jeugdreclassering ITB", "Gedragsinterventie JR"),
    "48N01": ("Ondertoezichtstelling", "OTS", "Uitvoering OTS"),
    "48N02": ("Voogdij", "Voogdijmaatregel"),
    "49N01": ("Preventief justitieel", "Halt-achtig programma", "Preventie justitieel kader"),
    "50N01": ("Maatwerkarrangement jeugd", "Arrangement maatwerk", "Maatwerk jeugdhulp"),
    "50N02": ("Lokaal team jeugd", "Wijkteam jeugdhulp budget", "Lokale toegang jeugd taak"),
    "50N03": (
        "Integraal arrangement verblijf",
        "Arrangement verblijf en behandeling",
        "Integraal pakket verblijf",
    ),
    "54N01": ("Jeugd-ggz basis", "Basis ggz jeugd", "GGZ basis traject"),
    "54N02": ("Jeugd-ggz specialistisch", "Specialistische ggz jeugd", "GGZ spec. behandeling"),
    "54N03": ("GGZ diagnostiek", "Diagnostiek ggz jeugd"),
    "54N04": ("GGZ intensief", "Intensieve ggz behandeling"),
}
MAATWERK = (
    "Maatwerk",
    "Maatwerkarrangement",
    "Individueel arrangement",
    "Pilot wijkaanpak",
    "Overbruggingszorg",
    "Zorg op maat regio",
    "Innovatiebudget jeugd",
)
# Units a municipal list may use for a national product's units, with a weight each.
UNIT_CHOICES = {
    "04": ("04", "04", "01", "16"),
    "01": ("01", "04"),
    "16": ("16", "04"),
    "14": ("14",),
    "82": ("82",),
    "83": ("83",),
    "84": ("84",),
}
REGION_NAMES = (
    "Noorderkwartier",
    "Waterland-Oost",
    "Heuvelrug Zuid",
    "Kempenland",
    "Veenkoloniën",
    "Delta West",
    "IJsselvallei",
    "Land van Maas",
    "Duinstreek",
    "Groene Hart Noord",
    "Rivierenland Oost",
    "Zuiderzeekust",
    "Peelrand",
)
SYLLABLES = (
    "berg",
    "dam",
    "veen",
    "hoven",
    "drecht",
    "wijk",
    "horst",
    "lo",
    "oord",
    "sloot",
    "meer",
    "rade",
    "zand",
    "broek",
    "kerk",
    "dijk",
)
PREFIXES = (
    "Nieuw",
    "Oud",
    "Groot",
    "Klein",
    "Hoog",
    "Laag",
    "West",
    "Oost",
    "Noord",
    "Zuid",
    "Sint ",
    "Ter ",
)
ROOTS = (
    "Aal",
    "Bree",
    "Cap",
    "Dal",
    "Elst",
    "Fries",
    "Gaas",
    "Hem",
    "Ilp",
    "Jut",
    "Kolk",
    "Lem",
    "Mols",
    "Nes",
    "Olde",
    "Pols",
    "Ruw",
    "Sted",
    "Tjon",
    "Ulm",
    "Vree",
    "Wad",
    "Yp",
    "Zwe",
)
AANBIEDERS = ("12000001", "12000002", "12000003", "12000004")


@dataclass
class Landscape:
    """The generated municipal landscape, with the national code each municipal code truly means."""

    gemeenten: list[GemeenteRow] = field(default_factory=list)
    municipal: list[MunicipalProductRow] = field(default_factory=list)
    mappings: list[MappingRow] = field(default_factory=list)
    tarieven: list[TariefRow] = field(default_factory=list)
    truth: dict[tuple[str, str, str, date], str | None] = field(default_factory=dict)  # key -> national code

    @staticmethod
    def key(row: MunicipalProductRow) -> tuple[str, str, str, date]:
        """The key `truth` knows a municipal product by: gemeente, categorie, code and start date."""
        return row.gemeentecode, row.productcategorie, row.productcode, row.geldig_van


@dataclass
class _Region:
    name: str
    scheme: str
    letters: str
    gemeenten: list[GemeenteRow] = field(default_factory=list)
    items: list[tuple[str | None, str, str, str, str | None]] = field(
        default_factory=list
    )  # true, cat, descr, unit, variant


def _name(rnd: random.Random, used: set[str]) -> str:
    while True:
        name = rnd.choice(ROOTS) + rnd.choice(SYLLABLES)
        if rnd.random() < 0.25:
            name = f"{rnd.choice(PREFIXES).strip()} {name}"
        if name not in used:
            used.add(name)
            return name


class _Codes:
    """One region's numbering scheme; never produces a national (N) or JZ21-like (A/B) code."""

    def __init__(self, scheme: str, letters: str, rnd: random.Random) -> None:
        self.scheme, self.letters, self.rnd, self.seen, self.counter = scheme, letters, rnd, set(), 0

    def next(self, categorie: str) -> str:
        while True:
            self.counter += 1
            n = self.counter
            code = {
                "cat-letter": f"{categorie}{self.letters[n % len(self.letters)]}{n % 100:02d}",
                "letter-digits": f"{self.letters[0]}{self.rnd.randint(1000, 9999)}",
                "three-letters": f"{self.letters[:3]}{n % 100:02d}",
                "numeric": f"{self.rnd.randint(10000, 99999)}",
            }[self.scheme]
            if code not in self.seen:
                self.seen.add(code)
                return code


def _variant_of(product: NationalProductRow) -> str | None:
    return product.uitvoeringsvariant


def _regions(rnd: random.Random, national: list[NationalProductRow]) -> list[_Region]:
    schemes = ("cat-letter", "letter-digits", "three-letters", "numeric")
    letter_pool = "CDEFGHJKLMPRSTVWXYZ"
    regions, used_names, code = [], set(), 7001
    for i, name in enumerate(REGION_NAMES):
        letters = "".join(rnd.sample(letter_pool, 4))
        region = _Region(name, schemes[i % len(schemes)], letters)
        for _ in range(rnd.randint(7, 11)):
            region.gemeenten.append(GemeenteRow(f"{code:04d}", _name(rnd, used_names), name))
            code += 1
        regions.append(region)
        chosen = [p for p in national if rnd.random() < 0.55]
        for product in chosen:
            for _ in range(1 if rnd.random() < 0.8 else 2):  # some lists split a product (age groups, levels)
                phrase = rnd.choice(PHRASES[product.code])
                if rnd.random() < 0.15:
                    phrase += rnd.choice((" 0-12 jr", " 12-18 jr", " (nieuw)", " regio"))
                unit = rnd.choice(UNIT_CHOICES[product.eenheden[0]])
                variant = _variant_of(product) if rnd.random() < 0.9 else None
                region.items.append((product.code, product.productcategorie, phrase, unit, variant))
        for _ in range(rnd.randint(2, 4)):
            region.items.append(
                (None, "50", f"{rnd.choice(MAATWERK)} {name}", rnd.choice(("83", "82")), "taakgericht")
            )
    return regions


# Shared rows before renumbering, local additions and gaps; those add about 9%, so this
# keeps every seed near 4,000 municipal codes.
SHARED_ROWS = (3620, 3700)


def _fit_size(rnd: random.Random, regions: list[_Region]) -> None:
    """Trim or split region lists until the landscape has a realistic size; most seeds are
    already in range and then draw nothing, so their output does not depend on this."""

    def rows() -> int:
        return sum(len(r.items) * len(r.gemeenten) for r in regions)

    while rows() > SHARED_ROWS[1]:
        largest = max(regions, key=lambda r: len(r.items) * len(r.gemeenten))
        largest.items.pop(rnd.randrange(len(largest.items)))
    while rows() < SHARED_ROWS[0]:
        region = rnd.choice(regions)
        true, categorie, _, unit, variant = rnd.choice([i for i in region.items if i[0] is not None])
        region.items.append(
            (
                true,
                categorie,
                rnd.choice(PHRASES[true]) + rnd.choice((" 0-12 jr", " 12-18 jr")),
                unit,
                variant,
            )
        )


def _merge_two(
    rnd: random.Random, region: _Region, next_code: int, used: set[str]
) -> tuple[list[GemeenteRow], int]:
    """Two gemeenten of the region merge on 1 January 2026 into a new one."""
    a, b = region.gemeenten[0], region.gemeenten[1]
    ended = [
        GemeenteRow(a.gemeentecode, a.naam, a.jeugdregio, None, OLD_LIST_UNTIL),
        GemeenteRow(b.gemeentecode, b.naam, b.jeugdregio, None, OLD_LIST_UNTIL),
    ]
    new = GemeenteRow(f"{next_code:04d}", _name(rnd, used), region.name, NEW_LIST_FROM, None)
    region.gemeenten[:2] = ended
    region.gemeenten.append(new)
    return ended + [new], next_code + 1


def landscape(seed: int = 2026) -> Landscape:
    """A reproducible landscape of municipal codes, mappings and tariffs (same seed, same data)."""
    rnd = random.Random(seed)
    national = national_products()
    regions = _regions(rnd, national)
    _fit_size(rnd, regions)
    result = Landscape()
    next_code = 7001 + sum(len(r.gemeenten) for r in regions)
    used = {g.naam for r in regions for g in r.gemeenten}
    for region in regions[:2]:
        _, next_code = _merge_two(rnd, region, next_code, used)
    for region in regions:
        codes = _Codes(region.scheme, region.letters, rnd)
        shared = [(item, codes.next(item[1])) for item in region.items]
        renumbered = {i: codes.next(item[1]) for i, (item, _) in enumerate(shared) if rnd.random() < 0.1}
        for gemeente in region.gemeenten:
            result.gemeenten.append(gemeente)
            _gemeente_list(rnd, result, gemeente, shared, renumbered, codes, national)
    _mappings_and_tarieven(rnd, result, national)
    return result


def _gemeente_list(
    rnd,
    result: Landscape,
    gemeente: GemeenteRow,
    shared,
    renumbered,
    codes: _Codes,
    national: list[NationalProductRow],
) -> None:
    first = gemeente.geldig_van or OLD_LIST_FROM
    last = gemeente.geldig_tot
    for i, ((true, categorie, omschrijving, unit, variant), code) in enumerate(shared):
        if rnd.random() < 0.04:
            continue  # this gemeente did not buy that product
        if i in renumbered and first < NEW_LIST_FROM:
            _add(result, gemeente, categorie, code, omschrijving, variant, unit, first, OLD_LIST_UNTIL, true)
            if last is None:
                _add(
                    result,
                    gemeente,
                    categorie,
                    renumbered[i],
                    omschrijving,
                    variant,
                    unit,
                    NEW_LIST_FROM,
                    None,
                    true,
                )
        else:
            _add(
                result,
                gemeente,
                categorie,
                renumbered.get(i, code) if first >= NEW_LIST_FROM else code,
                omschrijving,
                variant,
                unit,
                first,
                last,
                true,
            )
    for _ in range(rnd.choice((0, 0, 1, 2))):  # local additions
        product = rnd.choice(national)
        phrase = rnd.choice(PHRASES.get(product.code, (product.naam,))) + " " + gemeente.naam
        _add(
            result,
            gemeente,
            product.productcategorie,
            codes.next(product.productcategorie),
            phrase,
            product.uitvoeringsvariant,
            product.eenheden[0],
            first,
            last,
            product.code,
        )


def _add(
    result: Landscape, gemeente: GemeenteRow, categorie, code, omschrijving, variant, unit, van, tot, true
):
    row = MunicipalProductRow(gemeente.gemeentecode, categorie, code, omschrijving, variant, unit, van, tot)
    result.municipal.append(row)
    result.truth[Landscape.key(row)] = true


def _mappings_and_tarieven(rnd: random.Random, result: Landscape, national: list[NationalProductRow]) -> None:
    """What a standardisation team would already have done by hand: the first region's big
    products, approved; and contract tariffs of a few aanbieders in that region."""
    by_code = {p.code: p for p in national}
    first_region = result.gemeenten[0].jeugdregio
    gemeenten = {g.gemeentecode for g in result.gemeenten if g.jeugdregio == first_region}
    for row in result.municipal:
        true = result.truth[Landscape.key(row)]
        if row.gemeentecode not in gemeenten or true is None or row.geldig_tot is not None:
            continue
        target = by_code[true]
        factor = conversion_factor(row.eenheid, target.eenheden[0])
        if factor is None or (row.eenheid not in target.eenheden and factor == 1):
            continue
        if true in ("44N10", "44N20", "44N21", "45N01"):
            result.mappings.append(
                MappingRow(
                    row.gemeentecode,
                    row.productcategorie,
                    row.productcode,
                    true,
                    max(row.geldig_van, NEW_LIST_FROM),
                    factor=None if row.eenheid in target.eenheden else factor,
                    status="approved",
                    toelichting="vastgesteld door regionaal inkoopteam (synthetisch)",
                )
            )
        if rnd.random() < 0.3:
            for aanbieder in AANBIEDERS[: rnd.randint(1, 3)]:
                tarief = {"14": 14500, "04": 8200, "01": 137, "16": 29000}.get(row.eenheid or "", 125000)
                result.tarieven.append(
                    TariefRow(
                        aanbieder,
                        row.gemeentecode,
                        row.productcategorie,
                        row.productcode,
                        tarief * (100 + rnd.randint(-5, 5)) // 100,
                        row.eenheid or "82",
                        max(row.geldig_van, NEW_LIST_FROM),
                        None,
                    )
                )


def factor_text(factor: Fraction | None) -> str:
    """A mapping factor as the CSV files write it; empty when there is none."""
    return "" if factor is None else format_number(factor)
