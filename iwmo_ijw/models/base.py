"""Runtime of the typed message models: reading an lxml tree into them and writing them back.

The dataclasses in `iwmo_ijw.models.messages` are generated from the spec; each carries
`_FIELDS`, the element order and kinds the schema prescribes, so one generic reader and
one generic writer serve all 28 message types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from iwmo_ijw.namespaces import IJW, MESSAGE_TYPES, MessageType, Standard
from iwmo_ijw.xpath import Positions, path_of


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one element of a complex type maps onto an attribute of its generated class."""

    attr: str  # Python attribute, snake_case
    element: str  # element name in the standard
    kind: str  # "node", "str", "int", "date" or "time"
    node: str | None = None  # class name for kind "node"
    repeats: bool = False
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Location:
    """Where a node or value was read from: its XPath and, when known, its source line."""

    xpath: str
    line: int | None


class ModelError(ValueError):
    """A tree that does not fit the model, or a model that cannot be written."""


@dataclass(kw_only=True)
class Node:
    """Base of every generated class: one complex-type element, with where it was read from."""

    _FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()
    _BASIS: ClassVar[bool] = False  # elements of basisschema types live in the basis namespace

    location: Location | None = field(default=None, compare=False, repr=False)
    value_locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)


@dataclass(kw_only=True)
class Message(Node):
    """A whole message (the Bericht element). iJw and iWmo share one class per number."""

    _NUMBER: ClassVar[str] = ""
    standard: Standard = field(default=IJW, compare=False)

    @property
    def message_type(self) -> MessageType:
        """The concrete message type, from the class's number and the message's standard."""
        return MESSAGE_TYPES[f"{self.standard.prefix}{self._NUMBER}"]


_CLASSES: dict[str, type[Node]] = {}


def register(cls: type[Node]) -> type[Node]:
    """Class decorator of the generated module: makes `cls` findable by name for `node_class`."""
    _CLASSES[cls.__name__] = cls
    return cls


def node_class(name: str) -> type[Node]:
    """The registered class of that name (FieldSpec.node names classes, not objects)."""
    return _CLASSES[name]


# --- reading -------------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _value(kind: str, el: etree._Element) -> Any:
    raw = el.text or ""
    try:
        if kind == "int":
            return int(raw)
        if kind == "date":
            return dt.date.fromisoformat(raw.strip())
        if kind == "time":
            return dt.time.fromisoformat(raw.strip())
    except ValueError as exc:
        raise ModelError(f"{path_of(el)}: {raw!r} is not a valid {kind}") from exc
    return raw


def read_node(
    cls: type[Node], el: etree._Element, *, positions: Positions | None = None, **extra: Any
) -> Node:
    """Map one element onto `cls`; the tree is expected to be schema-valid."""
    positions = positions or Positions()
    by_name = {f.element: f for f in cls._FIELDS}
    values: dict[str, Any] = {f.attr: [] for f in cls._FIELDS if f.repeats}
    locations: dict[str, Location] = {}
    for child in el:
        name = _local(child)
        if not name:
            continue
        spec = by_name.get(name)
        if spec is None:
            raise ModelError(f"{path_of(child)}: {name} is not an element of {_local(el)}")
        if spec.kind == "node":
            value = read_node(node_class(spec.node), child, positions=positions)
        else:
            value = _value(spec.kind, child)
            if not spec.repeats:
                locations[spec.attr] = Location(path_of(child, positions), child.sourceline)
        if spec.repeats:
            values[spec.attr].append(value)
        else:
            values[spec.attr] = value
    node = cls(**values, **extra)
    node.location = Location(path_of(el, positions), el.sourceline)
    node.value_locations = locations
    return node


# --- writing -------------------------------------------------------------------------


def _text(kind: str, value: Any) -> str:
    if kind in ("date", "time"):
        return value.isoformat()
    return str(value)


def write_node(
    node: Node,
    parent: etree._Element,
    name: str,
    namespaces: tuple[str, str],
    forbidden: frozenset[str] = frozenset(),
) -> etree._Element:
    """Append `node` as element `name` (already namespaced) to `parent`."""
    el = etree.SubElement(parent, name)
    fill_element(node, el, namespaces, forbidden)
    return el


def fill_element(
    node: Node, el: etree._Element, namespaces: tuple[str, str], forbidden: frozenset[str] = frozenset()
) -> None:
    """Write the fields of `node` as children of `el`.

    `forbidden` names "Class.Element" pairs the target standard lacks (iWmo has no
    GezagsdragerBekend, for one): a value there is an error, not a silently dropped fact.
    """
    basis_ns, message_ns = namespaces
    ns = basis_ns if node._BASIS else message_ns
    for spec in node._FIELDS:
        value = getattr(node, spec.attr)
        items = value if spec.repeats else ([] if value is None else [value])
        if items and f"{type(node).__name__}.{spec.element}" in forbidden:
            raise ModelError(f"{spec.element} does not exist in this standard's {type(node).__name__}")
        for item in items:
            tag = f"{{{ns}}}{spec.element}"
            if spec.kind == "node":
                write_node(item, el, tag, namespaces, forbidden)
            else:
                etree.SubElement(el, tag).text = _text(spec.kind, item)
