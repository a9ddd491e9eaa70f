"""Proposing a national product for each unmapped municipal code. It never approves.

A candidate must share the productcategorie, fit the uitvoeringsvariant (when the municipal
list states one) and have a unit the municipal unit equals or converts to (minuut, uur and
dagdeel convert; etmaal, stuks and euro's only to themselves). Among the candidates the
description decides: normalised words (abbreviations expanded, stop words dropped, simple
Dutch stemming) compared as sets and as strings. The confidence combines the evidence;
the reason says what it rests on, so a reviewer can judge it quickly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from fractions import Fraction

from productcodes.codelists import conversion_factor, format_number
from productcodes.records import MunicipalProductRow, NationalProductRow, Suggestion

STOP_WORDS = frozenset(
    "de het een en van voor met in op per bij naar zonder jeugd jeugdhulp regio nieuw".split()
)
ABBREVIATIONS = {
    "ind": "individueel",
    "indiv": "individueel",
    "spec": "specialistisch",
    "pv": "persoonlijke verzorging",
    "ots": "ondertoezichtstelling",
    "jr": "jeugdreclassering",
    "begl": "begeleiding",
    "beh": "behandeling",
    "eed": "dyslexie",
}
SYNONYMS = {
    "individuele": "individueel",
    "groepsbegeleiding": "groep begeleiding",
    "behandelgroep": "behandeling verblijf",
    "residentieel": "verblijf",
    "specialistische": "specialistisch",
    "intensieve": "intensief",
    "zwaar": "intensief",
    "arrangement": "traject",
    "ambulante": "ambulant",
    "gezinhuis": "gezinshuis",
    "plegzorg": "pleegzorg",
    "dagbehandelng": "dagbehandeling",
    "weekend": "deeltijd",
    "crisisplaatsing": "crisis",
    "crisisopvang": "crisis verblijf",
    "gezinshuiszorg": "gezinshuis",
    "systeemtherapie": "gezinsbehandeling",
    "logeeropvang": "logeren",
    "ondersteuning": "begeleiding",
    "pleeggezin": "pleegzorg",
    "itb": "gedragsinterventie",
    "wijkteam": "lokaal team",
    "budget": "taakgericht",
    "lokale": "lokaal",
    "taak": "taakgericht",
    # "basis" is the ordinary level, but also what tells basis-ggz from the other ggz products
    "basis": "basis regulier",
    # compounds split into the words the national names use
    "netwerkpleegzorg": "netwerk pleegzorg",
    "bestandspleegzorg": "bestand pleegzorg",
    "deeltijdpleegzorg": "deeltijd pleegzorg",
    "weekendpleegzorg": "deeltijd pleegzorg",
    "crisispleegzorg": "crisis pleegzorg",
    "behandelpleegzorg": "pleegzorg behandeling specialistisch",
    "behandelgezinshuis": "gezinshuis behandeling intensief",
    "pleeggezinbegeleiding": "pleegzorg begeleiding",
    "gezinshuisouders": "gezinshuis begeleiding",
    "dyslexiezorg": "dyslexie zorg",
}
# Age limits are written many ways; past 18 they all mean the continued product.
AFTER_18 = re.compile(r"\b(?:na|vanaf|boven)\s*18\b|\b18\s*(?:\+|plus\b)")
# An age band ("0-12 jr") only splits a product; its "jr" is not jeugdreclassering.
AGE_BAND = re.compile(r"\b\d+\s*-\s*\d+\s*(?:jr|jaar)\b")
# A description without a level word means the ordinary product, as lists use it.
LEVEL_WORDS = frozenset(
    {
        "intensief",
        "specialistisch",
        "gesloten",
        "licht",
        "crisis",
        "deeltijd",
        "verlengde",
        "regulier",
        "groep",
        "gedragsinterventie",
        "bestand",
        "netwerk",
    }
)
MIN_SIMILARITY = 0.15
# Words every description may get; sharing only these says nothing about the care.
GENERIC = frozenset({"regulier"})


def _stem(word: str) -> str:
    for suffix in ("en", "e"):
        if len(word) > 5 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> frozenset[str]:
    """The meaningful words of a product description: lower case, abbreviations and synonyms resolved."""
    text = AFTER_18.sub(" verlengde ", AGE_BAND.sub(" ", text.lower()))
    words = re.findall(r"[a-zà-ÿ0-9+]+", text)
    out: set[str] = set()
    for word in words:
        word = ABBREVIATIONS.get(word, word)
        word = SYNONYMS.get(word, word)
        for part in word.split():
            if part not in STOP_WORDS and not part.isdigit():
                out.add(_stem(part))
    if out and not out & {_stem(w) for w in LEVEL_WORDS}:
        out.add("regulier")
    return frozenset(out)


def _share_a_word(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two descriptions have a meaningful word in common; a shared start of five
    letters counts, because lists write diagnostisch/diagnostiek, voogdij/voogdijmaatregel."""
    starts = {word[:5] for word in a - GENERIC if len(word) >= 5}
    return bool((a & b) - GENERIC) or any(word[:5] in starts for word in b - GENERIC if len(word) >= 5)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two descriptions' words are, from 0 to 1: word overlap and near-equal words."""
    if not a or not b:
        return 0.0
    jaccard = len(a & b) / len(a | b)
    # Words that are near-equal count too (typos, compounds): a string ratio on sorted words.
    ratio = SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio()
    return 0.6 * jaccard + 0.4 * ratio


@dataclass(frozen=True)
class _Candidate:
    product: NationalProductRow
    words: frozenset[str]


UnitFit = tuple[float, Fraction | None, str]  # score, factor, explanation
Answer = tuple[str, float, str, Fraction | None]  # nationale_code, confidence, reason, factor


def _unit_fit(municipal_unit: str | None, product: NationalProductRow) -> UnitFit | None:
    """(score, factor, explanation) or None when the unit cannot fit the product."""
    if not product.eenheden or municipal_unit is None:
        return 0.5, None, "unit not stated"
    if municipal_unit in product.eenheden:
        return 1.0, None, f"same unit {municipal_unit}"
    for target in product.eenheden:
        factor = conversion_factor(municipal_unit, target)
        if factor is not None:
            return 0.8, factor, f"unit {municipal_unit}->{target} factor {format_number(factor)}"
    return None


def _valid(product: NationalProductRow, on: date | None) -> bool:
    if on is None:
        return True
    return (product.geldig_van is None or product.geldig_van <= on) and (
        product.geldig_tot is None or on <= product.geldig_tot
    )


def suggest(
    municipal: Sequence[MunicipalProductRow],
    national: Sequence[NationalProductRow],
    *,
    on: date | None = None,
) -> list[Suggestion]:
    """The best national product for each municipal code that has a compatible one."""
    by_categorie: dict[str, list[_Candidate]] = defaultdict(list)
    for product in national:
        if _valid(product, on):
            by_categorie[product.productcategorie].append(_Candidate(product, tokens(product.naam)))
    # Gemeenten of a region share wording, so many rows ask the same question: answer it once.
    decided: dict[tuple, Answer | None] = {}
    out = []
    for row in municipal:
        question = (row.productcategorie, row.uitvoeringsvariant, row.eenheid, row.omschrijving)
        if question not in decided:
            decided[question] = _best(row, by_categorie.get(row.productcategorie, ()))
        answer = decided[question]
        if answer is not None:
            out.append(Suggestion(row, *answer))
    return out


def _best(row: MunicipalProductRow, candidates: Sequence[_Candidate]) -> Answer | None:
    """The best compatible candidate, if any."""
    words = tokens(row.omschrijving)
    ranked = []
    for candidate in candidates:
        product = candidate.product
        variants = (row.uitvoeringsvariant, product.uitvoeringsvariant)
        if all(variants) and variants[0] != variants[1]:
            continue
        unit = _unit_fit(row.eenheid, product)
        if unit is None:
            continue
        sim = similarity(words, candidate.words)
        ranked.append((sim, unit, product, candidate.words))
    if not ranked:
        return None
    ranked.sort(key=lambda item: (item[0], item[1][0]), reverse=True)
    sim, (unit_score, factor, unit_reason), product, product_words = ranked[0]
    if sim < MIN_SIMILARITY and len(ranked) > 1:
        return None  # several fit and the words say nothing: leave it to a person
    if not _share_a_word(words, product_words):
        return None  # only categorie and unit agree: that is how maatwerk looks, not a match
    margin = sim - ranked[1][0] if len(ranked) > 1 else sim
    confidence = min(1.0, 0.25 + 0.45 * sim + 0.15 * unit_score + 0.15 * min(1.0, margin * 4))
    variant = f"variant {row.uitvoeringsvariant}" if row.uitvoeringsvariant else "variant not stated"
    reason = (
        f"same categorie {row.productcategorie}, {variant}, {unit_reason}, description similarity "
        f"{sim:.2f} to {product.naam!r}"
        + (
            f" (next best {ranked[1][2].code} at {ranked[1][0]:.2f})"
            if len(ranked) > 1
            else " (only candidate)"
        )
    )
    return product.code, round(confidence, 3), reason, factor
