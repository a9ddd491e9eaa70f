"""Hardened parsing and message detection.

Messages come from outside (providers, municipalities, VECOZO), so the parser never
touches the network, never loads a DTD and never expands entities. A message of the
standard has no DOCTYPE at all, so one is refused outright: that closes billion-laughs
and external-entity attacks before libxml2 sees them.
"""

from __future__ import annotations

import mmap
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from iwmo_ijw.namespaces import BY_BERICHTCODE, BY_NAMESPACE, STANDARDS, SUPPORTED_RELEASES, MessageType
from productcodes.errors import UserError

Source = str | os.PathLike | bytes | IO[bytes]

# Prolog is short in practice; a DOCTYPE further in than this is still caught after parsing.
_PROLOG_SCAN = 64 * 1024
_NAMESPACE_RE = re.compile(
    r"^http://www\.istandaarden\.nl/(?P<key>[a-z]+)/(?P<major>\d+)_(?P<minor>\d+)/(?P<prefix>[a-z]+)(?P<number>\d+)/schema$"
)


class MessageError(UserError):
    """A file that is not a readable iJw/iWmo message. `code` becomes the finding's code."""

    code = "PARSE"

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        source: str | None = None,
        values: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.line = line
        self.source = source
        self.values = values or {}  # what a report's sentence names, in any language


class MalformedXML(MessageError):
    """Bytes that are not well-formed XML."""

    code = "XML"


class HostileXML(MessageError):
    """XML refused unread because it declares a DOCTYPE or entities."""

    code = "XML-UNSAFE"


class UnknownMessage(MessageError):
    """Well-formed XML that is no iJw/iWmo message this project knows."""

    code = "BERICHT"


class WrongBerichtCode(UnknownMessage):
    """An iJw/iWmo message whose BerichtCode is not its type's: the XSD's pattern on BerichtCode
    (RS047), or its maximum length of 3 (RS010). Reported under the catalogue's code."""

    code = "RS047"


class BerichtCodeTooLong(WrongBerichtCode):
    """A BerichtCode longer than the XSD's three characters (RS010)."""

    code = "RS010"


class UnsupportedRelease(MessageError):
    """A known message of a release other than the supported ones."""

    code = "RELEASE"


def safe_parser(**overrides: bool) -> etree.XMLParser:
    """A new parser per call: lxml parsers are not safe to share across threads."""
    options = dict(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )
    options.update(overrides)
    return etree.XMLParser(**options)


@dataclass(slots=True)
class ParsedMessage:
    """A safely parsed message with the type its namespace and BerichtCode say it is."""

    tree: etree._ElementTree
    message_type: MessageType
    source: str | None = None
    _extra: dict = field(default_factory=dict)
    size: int | None = None  # bytes read, when parsed from bytes
    # No comments or processing instructions, when known from the bytes (iwmo_ijw.table.plain).
    plain: bool | None = None

    @property
    def root(self) -> etree._Element:
        """The document element (Bericht)."""
        return self.tree.getroot()

    def content_digest(self) -> int:
        """A checksum of the message's bytes: tells the message itself from another one under the same
        Identificatie (validators.sources.history). Taken when the bytes were read; a large file is read
        again only when asked; a message built in memory is checked by its serialisation."""
        digest = self._extra.get("digest")
        if digest is None:
            path = self._extra.get("path")
            if path is not None:
                with (
                    open(path, "rb") as handle,
                    mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view,
                ):
                    digest = zlib.crc32(view)
            else:
                digest = zlib.crc32(etree.tostring(self.root))
            self._extra["digest"] = digest
        return digest

    @property
    def standard(self) -> str:
        """Name of the message's standard: iJw or iWmo."""
        return self.message_type.standard.name

    @property
    def release(self) -> str:
        """The release of the message's standard, e.g. 3.2."""
        return self.message_type.standard.release


def source_name(source: Source) -> str | None:
    """A name for the source in reports: its path, a file object's name, or None for bytes."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", None) if not isinstance(source, bytes) else None


def read_bytes(source: Source) -> bytes:
    """All bytes of a source (path, bytes or binary file object); an unreadable path is a MessageError."""
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, os.PathLike)):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise MessageError(
                f"cannot read {os.fspath(source)}: {exc.strerror}", source=os.fspath(source)
            ) from exc
    return source.read()


def refuse_doctype(head: bytes, source: str | None = None) -> None:
    """Refuse a document whose prolog declares a DOCTYPE or an entity, before any parsing."""
    if b"<!DOCTYPE" in head[:_PROLOG_SCAN] or b"<!ENTITY" in head[:_PROLOG_SCAN]:
        raise HostileXML(
            "the document has a DOCTYPE or entity declaration; iJw/iWmo messages have none, "
            "so it is refused unread (protection against entity expansion)",
            source=source,
        )


def parse_xml(data: bytes, source: str | None = None) -> etree._ElementTree:
    """Well-formedness only; no detection. Errors carry the line libxml2 reports."""
    refuse_doctype(data, source)
    return _checked(lambda: etree.fromstring(data, safe_parser()).getroottree(), source)


def _checked(parse, source: str | None) -> etree._ElementTree:
    try:
        tree = parse()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise MalformedXML(f"not well-formed XML: {_clean(exc.msg)}", line=line, source=source) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise HostileXML("the document has a DOCTYPE; iJw/iWmo messages have none", source=source)
    return tree


BERICHTCODE_MAX_LENGTH = 3  # LDT_BerichtCode in the basisschema


def detect(root: etree._Element, source: str | None = None) -> MessageType:
    """Standard, release and type from the root namespace, checked against Header/BerichtCode."""
    qname = etree.QName(root)
    if qname.localname != "Bericht":
        raise UnknownMessage(
            f"root element is <{qname.localname}>, not <Bericht>: not an iJw/iWmo message",
            line=root.sourceline,
            source=source,
        )
    namespace = qname.namespace or ""
    message_type = BY_NAMESPACE.get(namespace)
    if message_type is None:
        raise _explain_namespace(namespace, root.sourceline, source)
    code_el = root.find(f"{{{namespace}}}Header/{{{namespace}}}BerichtCode")
    berichtcode = (code_el.text or "").strip() if code_el is not None else None
    if berichtcode is not None and berichtcode != message_type.berichtcode:
        named = BY_BERICHTCODE.get(berichtcode)
        meant = f" ({named.code})" if named else ""
        # The namespace names the type: a message of it with another BerichtCode fails the XSD's
        # constraints on BerichtCode, which the catalogue numbers RS010 (length) and RS047 (value).
        wrong = BerichtCodeTooLong if len(berichtcode) > BERICHTCODE_MAX_LENGTH else WrongBerichtCode
        raise wrong(
            f"BerichtCode {berichtcode}{meant} contradicts the namespace of {message_type.code} "
            f"(BerichtCode {message_type.berichtcode})",
            line=code_el.sourceline,
            source=source,
            values={
                "berichtcode": berichtcode,
                "type": message_type.code,
                "expected": message_type.berichtcode,
            },
        )
    return message_type


def detect_head(head: bytes, source: str | None = None) -> MessageType:
    """`detect` on the first bytes of a document, for readers that stream the rest."""
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False)
    root = None
    try:
        parser.feed(head)
        for _, element in parser.read_events():
            root = element if root is None else root
    except etree.XMLSyntaxError as exc:
        raise MalformedXML(
            f"not well-formed XML: {_clean(exc.msg)}", line=exc.lineno or None, source=source
        ) from None
    if root is None:
        raise MalformedXML("no root element in the first bytes of the document", source=source)
    return detect(root, source)


def _explain_namespace(namespace: str, line: int | None, source: str | None) -> MessageError:
    match = _NAMESPACE_RE.match(namespace)
    if not namespace:
        return UnknownMessage(
            "root element has no namespace: not an iJw/iWmo message", line=line, source=source
        )
    if match is None:
        return UnknownMessage(
            f"unknown namespace {namespace!r}: not an iJw/iWmo message", line=line, source=source
        )
    release = f"{match['major']}.{match['minor']}"
    known_keys = {s.key for s in STANDARDS.values()}
    if match["key"] in known_keys and release not in SUPPORTED_RELEASES:
        return UnsupportedRelease(
            f"release {release} of {match['key']} is not supported; supported release(s): "
            f"{', '.join(SUPPORTED_RELEASES)}",
            line=line,
            source=source,
        )
    return UnknownMessage(
        f"unknown message {match['prefix'].upper()}{match['number']} ({namespace})", line=line, source=source
    )


def load(source: Source, *, name: str | None = None) -> ParsedMessage:
    """Parse and detect a message from a path, bytes or a binary stream."""
    name = name or source_name(source)
    if isinstance(source, (str, os.PathLike)):
        return _load_file(os.fspath(source), name)
    return _from_bytes(read_bytes(source), name)


def _from_bytes(data: bytes, name: str | None) -> ParsedMessage:
    from iwmo_ijw.layout import LazyLayout
    from iwmo_ijw.table import plain_bytes

    tree = parse_xml(data, name)
    return ParsedMessage(
        tree=tree,
        message_type=detect(tree.getroot(), name),
        source=name,
        size=len(data),
        plain=plain_bytes(tree, data),
        _extra={"layout": LazyLayout(data=data), "digest": zlib.crc32(data)},
    )


# Up to this size a file is read in one call and parsed from memory: for the 25,000 small
# files of a month a memory map costs more than the copy it saves.
MAP_FROM = 256 * 1024


def _load_file(path: str, name: str | None) -> ParsedMessage:
    """A large file is parsed by libxml2 from disk and the checks on its bytes read a memory
    map of it, so it is never copied into a Python object (70 MB for a large declaration)."""
    from iwmo_ijw.layout import LazyLayout
    from iwmo_ijw.table import plain_bytes

    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            whole = size < MAP_FROM or not size  # an empty file cannot be mapped
            if whole:
                data = handle.read()
            else:
                view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise MessageError(f"cannot read {path}: {reason}", source=path) from exc
    if whole:
        return _from_bytes(data, name)
    try:
        refuse_doctype(bytes(view[:_PROLOG_SCAN]), name)
        tree = _checked(lambda: etree.parse(path, safe_parser()), name)
        plain = plain_bytes(tree, view)
    finally:
        view.close()
    return ParsedMessage(
        tree=tree,
        message_type=detect(tree.getroot(), name),
        source=name,
        size=size,
        plain=plain,
        _extra={"layout": LazyLayout(path=path), "path": path},
    )


def _clean(message: str) -> str:
    return message.split(", line ")[0].strip()
