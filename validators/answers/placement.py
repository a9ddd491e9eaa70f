"""Which class of the answer a finding belongs to, by the element positions of its location.

A finding's location (/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Volume) is read
as steps of element name and position and followed down the message model (retour messages) or
the lxml tree (JW325); the deepest node on that way that can carry RetourCodes in the answer is
the class the finding rejects. Nothing is
matched back as text, so a value element, an omitted [1] or a class without RetourCodes in
between all land where the standard wants them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from lxml import etree

from iwmo_ijw.models import Node
from validators.findings import Finding

_STEP = re.compile(r"(?P<name>[^/\[\]@]+)(?:\[(?P<position>\d+)\])?")

Codes = dict[Hashable, list[str]]  # the answered class (its id, or the element) -> retourcodes in order


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


class Tree:
    """The same walk over the lxml tree, for answers that must not model a whole declaration.

    Children are indexed by name once per parent, so a thousand findings under a Clienten of
    25,000 Clients do not scan it a thousand times.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._children: dict[etree._Element, dict[str, list[etree._Element]]] = {}

    def child(self, parent: etree._Element, name: str, position: int) -> etree._Element | None:
        """The `position`-th (from 1) child of `parent` named `name`, or None when there are fewer."""
        named = self._children.get(parent)
        if named is None:
            named = self._children[parent] = {}
            for el in parent:
                if isinstance(el.tag, str):
                    named.setdefault(etree.QName(el).localname, []).append(el)
        same = named.get(name, [])
        return same[position - 1] if position <= len(same) else None

    def descend(self, xpath: str | None) -> list[etree._Element]:
        """The elements on the way down to `xpath`, root first, as far as they exist."""
        way = [self.root]
        for name, position in steps(xpath or ""):
            el = self.child(way[-1], name, position)
            if el is None:
                break
            way.append(el)
        return way


def place(
    findings: Iterable[Finding],
    way: Callable[[str | None], list[Any]],
    is_class: Callable[[Any], bool],
    fallback: Any,
    key: Callable[[Any], Hashable] = id,
) -> dict[Hashable, list[str]]:
    """Retourcodes per answer class: each finding on the deepest class on its way down.

    `way` gives the nodes (or elements) down a finding's location, `is_class` tells the ones
    that carry RetourCodes in the answer; a finding located above all of them (or nowhere)
    rejects `fallback`, the Header. Codes are keyed by `key(class)`.
    """
    codes: dict[Hashable, list[str]] = {}
    for finding in findings:
        if not finding.retourcode:
            continue
        anchor = next((n for n in reversed(way(finding.xpath)) if is_class(n)), fallback)
        bucket = codes.setdefault(key(anchor), [])
        if finding.retourcode not in bucket:
            bucket.append(finding.retourcode)
    return codes
