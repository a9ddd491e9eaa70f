"""Typed models of the 14 iJw 3.2 messages and their iWmo 3.2 twins.

    message = parse("declaratie.xml")          # path, bytes, file object or ParsedMessage
    message.declaratie.clienten.client[0].bsn
    xml = to_xml(message)                      # bytes the XSD accepts

One class per message number serves both standards; `message.standard` says which one
it is, and serialising writes that standard's namespaces.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from iwmo_ijw.models.base import Location, Message, ModelError, Node, fill_element, read_node
from iwmo_ijw.models.messages import MESSAGES
from iwmo_ijw.namespaces import MessageType, Standard
from iwmo_ijw.parsing import ParsedMessage, load
from iwmo_ijw.spec import load_standard

__all__ = [
    "Location",
    "Message",
    "ModelError",
    "Node",
    "model_class",
    "parse",
    "from_parsed",
    "to_element",
    "to_xml",
    "forbidden_elements",
    "MESSAGES",
]


def model_class(message_type: MessageType) -> type[Message]:
    """The class for a message type; iWmo types share the class of their iJw number."""
    return MESSAGES[message_type.ijw_equivalent]


def from_parsed(parsed: ParsedMessage) -> Message:
    """Map an already parsed (and schema-valid) message onto its typed model."""
    cls = model_class(parsed.message_type)
    return read_node(cls, parsed.root, standard=parsed.message_type.standard)  # type: ignore[return-value]


def parse(source) -> Message:
    """Hardened parse (see `iwmo_ijw.parsing.load`) and mapping onto the typed model."""
    parsed = source if isinstance(source, ParsedMessage) else load(source)
    return from_parsed(parsed)


@lru_cache(maxsize=8)
def forbidden_elements(standard: Standard) -> frozenset[str]:
    """The shared classes' elements that `standard` does not have, as "Class.Element" pairs."""
    if standard.key == "ijw":
        return frozenset()
    ijw, other = load_standard("iJw"), load_standard(standard.name)
    out = set()
    for code, schema in ijw.messages.items():
        twin = other.messages[f"{standard.prefix}{code.removeprefix('JW')}"]
        for type_name, complex_type in schema.complex.items():
            present = (
                {e.name for e in twin.complex[type_name].elements} if type_name in twin.complex else set()
            )
            cls = code if type_name == "Root" else f"{code}{type_name}"
            out.update(f"{cls}.{e.name}" for e in complex_type.elements if e.name not in present)
    return frozenset(out)


def to_element(message: Message) -> etree._Element:
    """The message as an lxml Bericht element in its own standard's namespaces."""
    mt = message.message_type
    nsmap = {None: mt.namespace, "cdt": mt.standard.base_namespace}
    root = etree.Element(f"{{{mt.namespace}}}Bericht", nsmap=nsmap)
    fill_element(message, root, (mt.standard.base_namespace, mt.namespace), forbidden_elements(mt.standard))
    return root


def to_xml(message: Message, *, pretty: bool = True) -> bytes:
    """The message as UTF-8 XML with declaration, indented unless `pretty` is false."""
    root = to_element(message)
    if pretty:
        etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
