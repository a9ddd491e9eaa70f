"""Namespace-blind navigation and report paths.

Rules address elements by their local names ("ProductPeriode/Begindatum"): the message
namespace and the basisschema namespace alternate down a path, and rules are shared
between iJw and iWmo, so the namespace would only get in the way.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from lxml import etree


@lru_cache(maxsize=1024)
def _wild(path: str) -> str:
    return "/".join(step if step in (".", "..") else f"{{*}}{step}" for step in path.split("/"))


@lru_cache(maxsize=1024)
def _steps(path: str) -> tuple[str, ...] | None:
    if "." in path or "[" in path or "*" in path:
        return None  # ElementPath syntax beyond plain child steps
    return tuple(f"{{*}}{step}" for step in path.split("/"))


def find(el: etree._Element, path: str) -> etree._Element | None:
    """The first element at a slash-separated path of local names below el (any namespace), or None."""
    steps = _steps(path)
    if steps is None:
        return el.find(_wild(path))
    # Rules call this millions of times on big declarations; lxml matches the {*} tags in C.
    for step in steps:
        el = next(el.iterchildren(step), None)
        if el is None:
            return None
    return el


def findall(el: etree._Element, path: str) -> list[etree._Element]:
    """Every element at a path of local names below el (any namespace)."""
    return el.findall(_wild(path))


def iter_local(el: etree._Element, name: str):
    """Every descendant (and el itself) with this local name, in document order."""
    return el.iter(f"{{*}}{name}")


def text(el: etree._Element | None, path: str | None = None) -> str | None:
    """Stripped text of el (or of el/path); None when absent, "" when empty."""
    node = el if path is None or el is None else find(el, path)
    if node is None:
        return None
    return (node.text or "").strip()


def date_of(el: etree._Element | None, path: str | None = None) -> date | None:
    """An xs:date value, or None when absent or not a date (the XSD reports that)."""
    return as_date(text(el, path))


def int_of(el: etree._Element | None, path: str | None = None) -> int | None:
    """The whole number at el (or el/path); None when absent, empty or not a number."""
    return as_int(text(el, path))


def decimal_of(el: etree._Element | None, path: str | None = None) -> Decimal | None:
    """The decimal at el (or el/path); None when absent, empty or not a number."""
    return as_decimal(text(el, path))


# The same readers for a stripped text already in hand (a column, a record): None when the
# text is absent, empty or not of the type.
def as_date(value: str | None) -> date | None:
    """A text starting with an ISO date (YYYY-MM-DD) as a date; None when empty or not a date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def as_int(value: str | None) -> int | None:
    """A text as a whole number; None when empty or not a number."""
    try:
        return int(value) if value else None
    except ValueError:
        return None


def as_decimal(value: str | None) -> Decimal | None:
    """A text as a Decimal; None when empty or not a number."""
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


def local(el: etree._Element) -> str:
    """The element's local name, without its namespace."""
    tag = el.tag
    if isinstance(tag, str):
        # A finding's path takes a local name per step: splitting the tag saves a QName object.
        return tag.rpartition("}")[2]
    return etree.QName(el).localname


class Positions:
    """Positions of elements among their same-named siblings, and the paths of ancestors.

    A large parent (a Clienten of 25,000 Clients) is indexed once: scanning its children per
    path would cost 250 million steps for 10,000 findings. Below the nearest large parent (or
    known ancestor) the steps are counted by lxml in C (`getelementpath`, which writes a
    position where siblings share the name, as the report paths do): a finding costs one call
    there, not a Python walk over the siblings of every step. The paths of large parents and
    of their children are kept, so the findings under one Client share its steps.
    """

    LARGE = 32  # children from which a parent is indexed

    def __init__(self) -> None:
        self._by_parent: dict[etree._Element, tuple[dict[etree._Element, int], dict[str, int]]] = {}
        self._paths: dict[etree._Element, str] = {}

    def step(self, node: etree._Element, parent: etree._Element) -> str:
        """`node`'s step below `parent`: its local name, with a position where siblings share it."""
        if not self._indexed(parent):
            return _small_step(node, local(node))
        index, counts = self._by_parent[parent]
        name = local(node)
        return f"{name}[{index[node]}]" if counts[node.tag] > 1 else name

    def _indexed(self, parent: etree._Element) -> bool:
        """Whether `parent`'s children are numbered from an index (made here when it is large)."""
        if parent in self._by_parent:
            return True
        if len(parent) < self.LARGE:
            return False
        index: dict[etree._Element, int] = {}
        counts: dict[str, int] = {}
        for child in parent:
            counts[child.tag] = index[child] = counts.get(child.tag, 0) + 1
        self._by_parent[parent] = (index, counts)
        return True

    def path(self, el: etree._Element) -> str:
        """The report path of `el`; the paths of large parents and their children are kept."""
        paths = self._paths
        known = paths.get(el)
        if known is not None:
            return known
        top = el
        while True:  # up to the nearest known ancestor, large parent or the root
            parent = top.getparent()
            if parent is None:
                head = paths[top] = "/" + local(top)
                break
            if self._indexed(parent):
                head = paths.get(top)
                if head is None:
                    above = paths.get(parent)
                    if above is None:
                        above = paths[parent] = self.path(parent)
                    head = paths[top] = f"{above}/{self.step(top, parent)}"
                break
            head = paths.get(parent)
            if head is not None:
                top = parent
                break
            top = parent
        return head if top is el else f"{head}/{_below(top, el)}"


_NAMESPACE = re.compile(r"\{[^}]*\}")


def _below(ancestor: etree._Element, el: etree._Element) -> str:
    # The steps from `ancestor` down to `el` with local names; no parent on the way is large.
    return _NAMESPACE.sub("", etree.ElementTree(ancestor).getelementpath(el))


def _small_step(node: etree._Element, name: str) -> str:
    # Walking a few siblings beats an iterator with a tag matcher, whose set-up costs more.
    tag, before, sibling = node.tag, 0, node.getprevious()
    while sibling is not None:
        before += sibling.tag == tag
        sibling = sibling.getprevious()
    if before:
        return f"{name}[{before + 1}]"
    sibling = node.getnext()
    while sibling is not None:
        if sibling.tag == tag:
            return f"{name}[1]"
        sibling = sibling.getnext()
    return name


def path_of(el: etree._Element, positions: Positions | None = None) -> str:
    """Report path with local names: /Bericht/Client[2]/Prestaties/Prestatie[3]/IngediendBedrag.

    A position is written only where siblings share the name, as people read it. Pass one
    `Positions` for many paths in the same tree.
    """
    return (positions or Positions()).path(el)
