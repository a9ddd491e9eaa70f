"""Namespace-blind navigation and report paths.

Rules address elements by their local names ("ProductPeriode/Begindatum"): the message
namespace and the basisschema namespace alternate down a path, and rules are shared
between iJw and iWmo, so the namespace would only get in the way.
"""

from __future__ import annotations

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
    return el.findall(_wild(path))


def iter_local(el: etree._Element, name: str):
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
    return as_int(text(el, path))


def decimal_of(el: etree._Element | None, path: str | None = None) -> Decimal | None:
    return as_decimal(text(el, path))


# The same readers for a stripped text already in hand (a column, a record): None when the
# text is absent, empty or not of the type.
def as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def as_int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def as_decimal(value: str | None) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


def local(el: etree._Element) -> str:
    tag = el.tag
    if isinstance(tag, str):
        # A finding's path takes a local name per step: splitting the tag saves a QName object.
        return tag.rpartition("}")[2]
    return etree.QName(el).localname


class Positions:
    """Positions of elements among their same-named siblings, and the paths of ancestors.

    A large parent (a Clienten of 25,000 Clients) is indexed once: scanning its children per
    path would cost 250 million steps for 10,000 findings. A small parent (a Prestatie's
    dozen children) is not: counting a few siblings in C costs less than indexing every child
    of every parent that holds a finding. Ancestors' paths are kept, so the findings under
    one Client share its steps and a finding costs the steps below its nearest known ancestor.
    """

    LARGE = 32  # children from which a parent is indexed

    def __init__(self) -> None:
        self._by_parent: dict[etree._Element, tuple[dict[etree._Element, int], dict[str, int]]] = {}
        self._paths: dict[etree._Element, str] = {}

    def step(self, node: etree._Element, parent: etree._Element) -> str:
        name = local(node)
        known = self._by_parent.get(parent)
        if known is None:
            if len(parent) < self.LARGE:
                return _small_step(node, name)
            index: dict[etree._Element, int] = {}
            counts: dict[str, int] = {}
            for child in parent:
                counts[child.tag] = index[child] = counts.get(child.tag, 0) + 1
            known = self._by_parent[parent] = (index, counts)
        index, counts = known
        return f"{name}[{index[node]}]" if counts[node.tag] > 1 else name

    def path(self, el: etree._Element) -> str:
        """The report path of `el`; the paths of its ancestors are kept for the next call."""
        steps = []
        node = el
        prefix = ""
        while node is not None:
            known = self._paths.get(node) if node is not el else None
            if known is not None:
                prefix = known
                break
            parent = node.getparent()
            steps.append((node, self.step(node, parent) if parent is not None else local(node)))
            node = parent
        path = prefix
        for i in range(len(steps) - 1, -1, -1):
            node, step = steps[i]
            path = f"{path}/{step}"
            if i >= 2:  # the element itself is rarely asked again; its ancestors are, by its siblings
                self._paths[node] = path
        return path


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
