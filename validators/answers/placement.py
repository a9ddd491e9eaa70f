"""Which class of the answer a finding belongs to, by the element positions of its location.

A finding's location (/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Volume) is read
as steps of element name and position and followed down the message model; the deepest node on
that way that can carry RetourCodes in the answer is the class the finding rejects. Nothing is
matched back as text, so a value element, an omitted [1] or a class without RetourCodes in
between all land where the standard wants them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iwmo_ijw.models import Node
from validators.findings import Finding

_STEP = re.compile(r"(?P<name>[^/\[\]@]+)(?:\[(?P<position>\d+)\])?")

Codes = dict[int, list[str]]  # id(model node) -> retourcodes in the order found


def steps(xpath: str) -> list[tuple[str, int]]:
    """(element name, 1-based position among same-named siblings) per step below the root."""
    parts = [p for p in xpath.split("/") if p]
    out = []
    for part in parts[1:]:
        match = _STEP.fullmatch(part)
        if match is None:
            break
        out.append((match["name"], int(match["position"] or 1)))
    return out


def descend(root: Node, xpath: str | None) -> list[Node]:
    """The model nodes on the way down to `xpath`, root first, as far as the path names nodes."""
    way = [root]
    for name, position in steps(xpath or ""):
        node = way[-1]
        spec = next((s for s in node._FIELDS if s.element == name and s.kind == "node"), None)
        if spec is None:
            break
        value = getattr(node, spec.attr)
        if isinstance(value, list):
            value = value[position - 1] if position <= len(value) else None
        if value is None:
            break
        way.append(value)
    return way


def place(findings: Iterable[Finding], root: Node, classes: set[int], fallback: Node) -> Codes:
    """Retourcodes per answer class: each finding on the deepest class of its location.

    `classes` holds the ids of the nodes that carry RetourCodes in the answer; a finding
    located above all of them (or nowhere) rejects `fallback`, the Header.
    """
    codes: Codes = {}
    for finding in findings:
        if not finding.retourcode:
            continue
        anchor = next((n for n in reversed(descend(root, finding.xpath)) if id(n) in classes), fallback)
        bucket = codes.setdefault(id(anchor), [])
        if finding.retourcode not in bucket:
            bucket.append(finding.retourcode)
    return codes
