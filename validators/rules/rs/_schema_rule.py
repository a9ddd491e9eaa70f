"""Declarative XSD-level rules: which schema facet on which element paths means which RS/CS code.

These rules never run as functions: the XSD enforces them. Their registration gives the rule
table a row (code, description, messages) and gives `validators.engine.schema` the facts to
name a schema error by its catalogue code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from validators.rules.registry import Level, rule

# Facets libxml2 may report for one catalogue constraint: a "maximum value" is often written
# as totalDigits in the XSD, a fixed-digit rule as a pattern or a length.
FACETS: dict[str, frozenset[str]] = {
    "min-value": frozenset({"minInclusive", "minExclusive"}),
    "max-value": frozenset({"maxInclusive", "maxExclusive", "totalDigits"}),
    "max-length": frozenset({"maxLength", "length"}),
    "min-length": frozenset({"minLength", "length"}),
    "digits": frozenset({"pattern", "length", "minLength", "maxLength"}),
    "pattern": frozenset({"pattern", "enumeration", "minLength", "length"}),
}


@dataclass(frozen=True, slots=True)
class SchemaConstraint:
    code: str
    kind: str  # a key of FACETS
    limit: str | None  # the facet value when the catalogue gives one ("12" for maxLength 12)
    paths: dict[str, tuple[str, ...]]  # message code ("JW323", "retour") -> element path suffixes
    explain: str  # what the value should have been, for the finding message
    standards: tuple[str, ...] = ("iJw", "iWmo")

    @property
    def facets(self) -> frozenset[str]:
        return FACETS[self.kind]

    def covers(self, message: str, is_retour: bool, path: str) -> bool:
        suffixes = self.paths.get(message, ()) + (self.paths.get("retour", ()) if is_retour else ())
        return any(path == s or path.endswith("/" + s) for s in suffixes)


CONSTRAINTS: dict[str, SchemaConstraint] = {}


def schema_rule(
    code: str,
    kind: str,
    limit: str | None,
    explain: str,
    paths: dict[str, Iterable[str]],
    standards: tuple[str, ...] = ("iJw", "iWmo"),
) -> SchemaConstraint:
    """Register an XSD-level rule: the facet kind, its limit and the element paths it guards."""
    if kind not in FACETS:
        raise ValueError(f"{code}: unknown facet kind {kind!r}")
    constraint = SchemaConstraint(
        code, kind, limit, {m: tuple(p) for m, p in paths.items()}, explain, standards
    )
    CONSTRAINTS[code] = constraint
    messages = _messages(constraint.paths)

    def enforced_by_schema(ctx, node) -> Iterator:
        return iter(())

    enforced_by_schema.__doc__ = f"The element must hold {explain} (checked by the XSD)."
    enforced_by_schema.__name__ = code.lower()
    rule(code, retourcode=None, messages=messages, level=Level.XSD, target="Bericht", standards=standards)(
        enforced_by_schema
    )
    return constraint


def _messages(paths: dict[str, tuple[str, ...]]) -> list[str]:
    """The iJw message codes a constraint covers; a constraint on no element covers them all."""
    from iwmo_ijw.namespaces import MESSAGE_TYPES

    ijw = [code for code in MESSAGE_TYPES if code.startswith("JW")]
    if not paths:
        return ijw
    retour = [code for code in ijw if MESSAGE_TYPES[code].is_retour] if "retour" in paths else []
    return sorted({m for m in paths if m != "retour"} | set(retour))
