"""Reading very large messages one Client at a time, with the XSD checked while parsing.

A JW323 of a large provider holds hundreds of thousands of Prestaties; its whole lxml tree
would take gigabytes. `iter_chunks` keeps a skeleton of the message (Header and the
elements around the Clients) plus the one Client being handed out, and drops each Client
once the caller is done with it, so memory stays flat whatever the file size.

The same safety settings as `iwmo_ijw.parsing` apply: no network, no DTD, no entity
expansion, and a DOCTYPE is refused before parsing starts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from iwmo_ijw.namespaces import MessageType
from iwmo_ijw.parsing import (
    MalformedXML,
    MessageError,
    detect_head,
    refuse_doctype,
)
from iwmo_ijw.schemas import load_schema

_HEAD = 64 * 1024
UNIT = "Client"  # the element every large message repeats


class StreamSchemaError(MessageError):
    """The XSD rejected the stream; `log` is lxml's error log (for RS/CS mapping)."""

    code = "XSD"

    def __init__(self, message: str, log, line: int | None = None, source: str | None = None) -> None:
        super().__init__(message, line=line, source=source)
        self.log = log


@dataclass
class Chunk:
    """The message skeleton holding exactly one Client (or none, for a message without any)."""

    message_type: MessageType
    root: etree._Element
    client: etree._Element | None
    position: int  # 1-based position of this Client among its siblings
    source: str | None = None
    bsns: set[str] = field(default_factory=set)


def _peek(path: Path, name: str | None) -> MessageType:
    with open(path, "rb") as handle:
        head = handle.read(_HEAD)
    refuse_doctype(head, name)
    return detect_head(head, name)


def iter_chunks(path: str | os.PathLike, *, schema_dir: str | os.PathLike | None = None,
                validate: bool = True, name: str | None = None) -> Iterator[Chunk]:
    """Yield one Chunk per Client in document order; the XSD is checked as parsing goes.

    Raises MalformedXML, HostileXML, UnknownMessage (from the first bytes) or
    StreamSchemaError (at the point the XSD fails; chunks before it were valid so far).
    """
    path = Path(path)
    name = name or str(path)
    message_type = _peek(path, name)
    schema = load_schema(message_type, schema_dir) if validate else None
    client_tag = f"{{{message_type.namespace}}}{UNIT}"
    kwargs = dict(events=("end",), tag=client_tag, resolve_entities=False, no_network=True, load_dtd=False,
                  huge_tree=False, remove_blank_text=True)
    if schema is not None:
        kwargs["schema"] = schema
    # libxml2 keeps one error log per thread; entries of earlier documents must not leak in.
    etree.clear_error_log()
    context = etree.iterparse(str(path), **kwargs)
    seen = 0
    positions: dict[int, int] = {}
    try:
        for _, client in context:
            parent = client.getparent()
            positions[id(parent)] = positions.get(id(parent), 0) + 1
            seen += 1
            yield Chunk(message_type, client.getroottree().getroot(), client, positions[id(parent)], name)
            # Dropping the finished Client (not just clearing it) keeps the skeleton small.
            parent.remove(client)
    except etree.XMLSyntaxError as exc:
        raise _classify(exc, schema, name) from None
    if seen == 0:
        root = context.root
        if root is None:
            raise MalformedXML("empty document", source=name)
        yield Chunk(message_type, root, None, 0, name)


def _classify(exc: etree.XMLSyntaxError, schema, name: str | None) -> MessageError:
    log = []
    if schema is not None:
        log = list(exc.error_log.filter_domains([etree.ErrorDomains.SCHEMASV]))
    if log:
        first = log[0]
        return StreamSchemaError(f"the XSD rejects the message: {first.message}", log, line=first.line, source=name)
    return MalformedXML(f"not well-formed XML: {exc.msg.split(', line ')[0]}", line=exc.lineno or None, source=name)
