"""Schema errors as findings named by their catalogue code (RS/CS), else code XSD.

Only called for messages lxml already rejected, so the cost here never touches valid files.
libxml2's error log names the facet, the element path and the line; the declarative table in
`validators/rules/rs/` (with three CS rules in `cs/`) says which (message, path, facet) combination
is which RS/CS rule.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from iwmo_ijw.parsing import ParsedMessage
from validators.findings import Finding, Severity
from validators.reporting.texts.libxml2 import place_of

_FACET = re.compile(r"\[facet '(?P<facet>\w+)'\]")
_LIMIT = re.compile(r"'(?P<limit>[^']*)'\.?\s*$")
_PREFIX = re.compile(r"(?<=/)[\w.-]+:")
_INDEX = re.compile(r"\[\d+\]")


def schema_findings(message: ParsedMessage, error_log: Any, options: Any) -> list[Finding]:
    """The schema errors of a message lxml rejected, each as a finding under its RS/CS code (else XSD)."""
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for entry in error_log:
        finding = _finding(message, entry)
        # libxml2 may report two facets of one value; one finding per code and element is enough.
        key = (finding.code, finding.xpath, finding.line)
        if key not in seen:
            seen.add(key)
            findings.append(finding)
    return findings


def _finding(message: ParsedMessage, entry: Any) -> Finding:
    xpath = _PREFIX.sub("", entry.path) if entry.path else None
    facet_match = _FACET.search(entry.message)
    facet = facet_match["facet"] if facet_match else None
    element = _element_at(message, entry.line, xpath)
    local = xpath.rsplit("/", 1)[-1].split("[")[0] if xpath else "element"
    code, explain = _code_for(message, xpath, facet, _limit(entry.message, facet))
    text = _describe(local, element, entry.message, explain)
    key, values = _catalogue_entry(code, local, element, explain, text)
    values += (("waar", place_of(xpath)),)
    return Finding(
        code=code,
        severity=Severity.ERROR,
        retourcode=None,  # a schema failure rejects the whole message; there is no retour line for it
        message=f"{text} ({code})" if code != "XSD" else text,
        xpath=xpath,
        line=entry.line or None,
        file=message.source,
        message_type=message.message_type.code,
        key=key,
        values=values,
    )


def _catalogue_entry(
    code: str, local: str, element: etree._Element | None, explain: str | None, text: str
) -> tuple[str, tuple]:
    """The finding's sentence in the catalogue (validators.reporting.texts): a named constraint with the
    value, else libxml2's own detail inside a sentence that names the element."""
    value = (element.text or "") if element is not None and len(element) == 0 else None
    if explain is not None and value is not None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        if local == "Bsn":
            from validators.reporting.texts import Bsn

            shown = Bsn(shown)
        return f"{code}.schema", (
            ("element", local),
            ("value", shown),
            ("constraint", code),
            ("explain", explain),
        )
    return "XSD.libxml2", (("element", local), ("detail", text))


def _limit(text: str, facet: str | None) -> str | None:
    if facet is None or facet in ("pattern", "enumeration"):
        return None
    found = _LIMIT.search(text)
    return found["limit"] if found else None


def _code_for(
    message: ParsedMessage, xpath: str | None, facet: str | None, limit: str | None
) -> tuple[str, str | None]:
    if facet is None:
        return "XSD", None
    from validators.rules.registry import all_rules
    from validators.rules.rs._schema_rule import CONSTRAINTS

    all_rules()  # make sure the xsd rule modules are imported
    mt = message.message_type
    number = "JW" + mt.code[-3:]  # the catalogue names iJw codes; iWmo messages share the number
    plain = _INDEX.sub("", xpath or "")
    candidates = [c for c in CONSTRAINTS.values() if facet in c.facets and mt.standard.name in c.standards]
    on_path = [c for c in candidates if c.covers(number, mt.is_retour, plain)]
    # A path can carry two constraints with the same facet kind (length and digits): the limit decides.
    exact = [c for c in on_path if c.limit is None or limit is None or c.limit == limit]
    if exact or on_path:
        chosen = (exact or on_path)[0]
        return chosen.code, chosen.explain
    unattached = [c for c in candidates if not c.paths and limit is not None and c.limit == limit]
    if unattached:
        return unattached[0].code, unattached[0].explain
    return "XSD", None


def _element_at(message: ParsedMessage, line: int | None, xpath: str | None) -> etree._Element | None:
    if not line or not xpath:
        return None
    name = xpath.rsplit("/", 1)[-1].split("[")[0]
    for el in message.root.iter():
        if el.sourceline == line and isinstance(el.tag, str) and etree.QName(el).localname == name:
            return el
    return None


def _describe(local: str, element: etree._Element | None, raw: str, explain: str | None) -> str:
    value = (element.text or "") if element is not None and len(element) == 0 else None
    if explain is not None and value is not None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"{local} {shown!r} does not conform: the schema requires {explain}"
    # libxml2's own wording, minus the namespace noise, for everything the table does not name.
    return re.sub(r"\{(?:https?|urn):[^}]*\}", "", raw)  # namespaces only: a code list is in braces too
