"""Hypothesis strategies that build typed messages from the spec, so every facet is honoured."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import strategies as st

from iwmo_ijw.models import model_class
from iwmo_ijw.models.base import node_class
from iwmo_ijw.namespaces import MessageType
from iwmo_ijw.spec import Facets, SchemaSpec, StandardSpec, load_standard

# Plain characters keep generated text inside what both XML and every free-text pattern allow.
_ALPHABET = st.characters(codec="ascii", categories=("L", "N", "Zs", "P"))
# Patterns that only say "not blank": generate text and filter instead of from_regex.
_FREE_TEXT = {r".*[^\s].*", r"([.\s]*\S+[.\s]*)+"}


def _xsd_regex(pattern: str) -> re.Pattern:
    """XSD's \\s is only space, tab, CR and LF; Python's also matches other Unicode spaces."""
    out, in_class = [], False
    i = 0
    while i < len(pattern):
        two = pattern[i : i + 2]
        if two in (r"\s", r"\S"):
            chars = r" \t\n\r"
            if in_class:
                out.append(chars if two == r"\s" else r"\S")
            else:
                out.append(f"[{chars}]" if two == r"\s" else f"[^{chars}]")
            i += 2
            continue
        if two[:1] == "\\":
            out.append(two)
            i += 2
            continue
        in_class = (in_class or pattern[i] == "[") and pattern[i] != "]"
        out.append(pattern[i])
        i += 1
    return re.compile("".join(out))


def _string(facets: Facets) -> st.SearchStrategy[str]:
    if facets.enum:
        return st.sampled_from(facets.enum)
    low = facets.min_length or 1
    high = facets.max_length or 40
    patterns = [p for p in facets.patterns if p not in _FREE_TEXT]
    if patterns:
        base = st.from_regex(_xsd_regex(patterns[0]), fullmatch=True, alphabet=st.characters(codec="ascii"))
    else:
        base = st.text(_ALPHABET, min_size=low, max_size=high)
    checks = [_xsd_regex(p) for p in facets.patterns]
    return base.filter(
        lambda s: (
            low <= len(s) <= high
            and all(c.fullmatch(s) for c in checks)
            and s.strip(" ") == s
            and "  " not in s
        )
    )


def _facets_chain(
    spec: StandardSpec, schema: SchemaSpec, type_name: str, own: Facets
) -> tuple[str, list[Facets]]:
    chain = [own] if own else []
    while (simple := spec.simple_type(schema, type_name)) is not None:
        chain.append(simple.facets)
        type_name = simple.base
    return type_name, chain


def _merged(chain: list[Facets]) -> Facets:
    enum = next((f.enum for f in chain if f.enum), ())
    return Facets(
        patterns=tuple(p for f in chain for p in f.patterns),
        enum=enum,
        min_length=max((f.min_length for f in chain if f.min_length is not None), default=None),
        max_length=min((f.max_length for f in chain if f.max_length is not None), default=None),
        minimum=next((f.minimum for f in chain if f.minimum is not None), None),
        maximum=next((f.maximum for f in chain if f.maximum is not None), None),
    )


def simple_value(spec: StandardSpec, schema: SchemaSpec, type_name: str, own: Facets) -> st.SearchStrategy:
    builtin, chain = _facets_chain(spec, schema, type_name, own)
    facets = _merged(chain)
    if builtin == "integer":
        if facets.enum or facets.patterns:
            return _string(facets).map(int)
        low = int(facets.minimum) if facets.minimum is not None else -(10**6)
        high = int(facets.maximum) if facets.maximum is not None else 10**6
        return st.integers(low, high)
    if builtin == "date":
        return st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))
    if builtin == "time":
        return st.times().map(lambda t: t.replace(microsecond=0))
    return _string(facets)


class MessageStrategies:
    """Strategies for the typed model of every message type of one standard."""

    def __init__(self, standard: str) -> None:
        self.spec = load_standard(standard)

    def node(self, schema: SchemaSpec, type_name: str, cls_name: str, depth: int = 0) -> st.SearchStrategy:
        complex_type = self.spec.complex_type(schema, type_name)
        owner = schema if type_name in schema.complex else self.spec.basis
        cls = node_class(cls_name)
        by_element = {f.element: f for f in cls._FIELDS}
        fields = {}
        for element in complex_type.elements:
            field = by_element[element.name]
            if field.kind == "node":
                nested_owner = owner if element.type in owner.complex else self.spec.basis
                value = st.deferred(
                    lambda o=nested_owner, t=element.type, n=field.node, d=depth: self.node(o, t, n, d + 1)
                )
            else:
                value = simple_value(self.spec, owner, element.type, element.facets)
            high = 1 if element.max_occurs == 1 else (2 if depth < 3 else 1)
            if element.repeats:
                value = st.lists(
                    value,
                    min_size=max(element.min_occurs, 1 if depth >= 3 else element.min_occurs),
                    max_size=max(high, element.min_occurs),
                )
            elif element.optional:
                value = st.none() | value
            fields[field.attr] = value
        return st.builds(cls, **fields)

    def message(self, message_type: MessageType) -> st.SearchStrategy:
        schema = self.spec.message(message_type)
        cls = model_class(message_type)
        return self.node(schema, "Root", cls.__name__).map(lambda m: _with_standard(m, message_type))


def _with_standard(message, message_type: MessageType):
    message.standard = message_type.standard
    return message
