"""libxml2's schema errors in plain Dutch: the common shapes, recognised by pattern.

libxml2 words its errors in English and in XSD terms. These patterns cover the kinds of error a
message meets in practice (an element in the wrong place or missing, a value of the wrong type,
too long, too short, not in a code list, out of range); anything else keeps libxml2's own text
inside a Dutch sentence, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_V = r"'(?P<value>[^']*)'"
_OPT = r"(?: '(?P<value>[^']*)')?"  # libxml2 leaves out a value it does not echo


def _val(m: re.Match[str]) -> str:
    return f"waarde '{m['value']}'" if m["value"] is not None else "de waarde"


def _names(text: str) -> str:
    """ "( A, B )" or "one of ( A, B )" -> "A of B"."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " of " + parts[-1]


_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"This element is not expected\. Expected is (?:one of )?\( (?P<names>[^)]*) \)"),
        lambda m: f"staat hier niet op zijn plaats; op deze plek wordt {_names(m['names'])} verwacht",
    ),
    (
        re.compile(r"This element is not expected\."),
        lambda m: "hoort hier niet (geen element meer verwacht op deze plek)",
    ),
    (
        re.compile(r"Missing child element\(s\)\. Expected is (?:one of )?\( (?P<names>[^)]*) \)"),
        lambda m: f"mist een verplicht onderdeel: {_names(m['names'])}",
    ),
    (
        re.compile(
            rf"{_V} is not a valid value of the (?:local )?(?:atomic|list|union) type"
            rf"(?: '?(?:\{{[^}}]*\}})?(?P<type>[^'.]*)'?)?"
        ),
        lambda m: (
            f"waarde '{m['value']}' is geen geldige waarde voor "
            + (f"type {m['type']}" if m["type"] else "dit element")
        ),
    ),
    (
        re.compile(
            rf"\[facet 'maxLength'\] The value{_OPT} has a length of '(?P<n>\d+)'; this exceeds the "
            r"allowed maximum length of '(?P<max>\d+)'"
        ),
        lambda m: f"{_val(m)} is {m['n']} tekens lang; hoogstens {m['max']} toegestaan",
    ),
    (
        re.compile(
            rf"\[facet 'minLength'\] The value{_OPT} has a length of '(?P<n>\d+)'; this underruns the "
            r"allowed minimum length of '(?P<min>\d+)'"
        ),
        lambda m: f"{_val(m)} is {m['n']} tekens lang; minstens {m['min']} nodig",
    ),
    (
        re.compile(
            rf"\[facet 'length'\] The value{_OPT} has a length of '(?P<n>\d+)'; this differs from the "
            r"allowed length of '(?P<len>\d+)'"
        ),
        lambda m: f"{_val(m)} is {m['n']} tekens lang; precies {m['len']} vereist",
    ),
    (
        re.compile(rf"\[facet 'pattern'\] The value{_OPT} is not accepted by the pattern '(?P<pattern>.*)'"),
        lambda m: f"{_val(m)} heeft niet de voorgeschreven vorm ({m['pattern']})",
    ),
    (
        re.compile(
            rf"\[facet 'enumeration'\] The value{_OPT} is not an element of the set "
            rf"\{{(?P<set>[^}}]*)\}}"
        ),
        lambda m: f"{_val(m)} staat niet in de codelijst; toegestaan: {m['set'].replace(chr(39), '')}",
    ),
    (
        re.compile(
            rf"\[facet '(?:maxInclusive|maxExclusive)'\] The value{_OPT} is greater than the maximum "
            r"value allowed \('(?P<max>[^']*)'\)"
        ),
        lambda m: f"{_val(m)} is groter dan het toegestane maximum {m['max']}",
    ),
    (
        re.compile(
            rf"\[facet '(?:minInclusive|minExclusive)'\] The value{_OPT} is less than the minimum value "
            r"allowed \('(?P<min>[^']*)'\)"
        ),
        lambda m: f"{_val(m)} is kleiner dan het toegestane minimum {m['min']}",
    ),
    (
        re.compile(
            rf"\[facet 'totalDigits'\] The value{_OPT} has more digits than are allowed "
            rf"\('(?P<max>\d+)'\)"
        ),
        lambda m: f"{_val(m)} heeft meer dan {m['max']} cijfers",
    ),
    (
        re.compile(
            rf"\[facet 'fractionDigits'\] The value{_OPT} has more fractional digits than are allowed "
            r"\('(?P<max>\d+)'\)"
        ),
        lambda m: f"{_val(m)} heeft meer dan {m['max']} cijfers achter de komma",
    ),
    (
        re.compile(r"Character content other than whitespace is not allowed"),
        lambda m: "mag alleen elementen bevatten, geen tekst",
    ),
    (
        re.compile(r"Element content is not allowed, because the content type is a simple type"),
        lambda m: "mag alleen een waarde bevatten, geen elementen",
    ),
    (
        re.compile(r"No matching global declaration available for the validation root"),
        lambda m: "is geen begin van een bericht dat het schema kent",
    ),
    (
        re.compile(r"The attribute '(?P<attr>[^']*)' is not allowed"),
        lambda m: f"mag geen attribuut {m['attr']} hebben",
    ),
    (
        re.compile(r"The attribute '(?P<attr>[^']*)' is required but missing"),
        lambda m: f"mist het verplichte attribuut {m['attr']}",
    ),
]


_STEP = re.compile(r"(?:^|/)(?:[\w.-]+:)?(?P<name>[\w.-]+)\[(?P<n>\d+)\]")


def place_of(xpath: str | None) -> str:
    """Where in the message, as a reader counts: "/Bericht/Client[4]/Prestaties/Prestatie[2]/Bsn" ->
    "Client 4, Prestatie 2: " (empty when no repeated element is on the path)."""
    steps = [f"{m['name']} {m['n']}" for m in _STEP.finditer(xpath or "")]
    return ", ".join(steps) + ": " if steps else ""


def in_dutch(detail: str) -> str | None:
    """The Dutch explanation of one libxml2 schema error, or None for a shape not covered."""
    for pattern, say in _SHAPES:
        found = pattern.search(detail)
        if found:
            return say(found)
    return None
