"""Reading very large messages a few Clients at a time, with the XSD checked while parsing.

A JW323 of a large provider holds hundreds of thousands of Prestaties; its whole lxml tree
would take gigabytes. `iter_chunks` keeps only the skeleton of the message (Header and the
elements around the Clients) and the Client being parsed: each finished batch of Clients is
moved out into a copy of the skeleton and handed out, so memory stays flat whatever the
file size.

The same safety settings as `iwmo_ijw.parsing` apply: no network, no DTD, no entity
expansion, and a DOCTYPE is refused before parsing starts.
"""

from __future__ import annotations

import copy
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
    """A copy of the message skeleton (Header and the elements around the Clients) holding
    this chunk's Clients and no others (none, for a message without any)."""

    message_type: MessageType
    root: etree._Element
    client: etree._Element | None  # the first of `clients`
    position: int  # 1-based position of that Client among its siblings in the message
    source: str | None = None
    bsns: set[str] = field(default_factory=set)
    clients: list[etree._Element] = field(default_factory=list)


def _peek(path: Path, name: str | None) -> MessageType:
    with open(path, "rb") as handle:
        head = handle.read(_HEAD)
    refuse_doctype(head, name)
    return detect_head(head, name)


def iter_chunks(
    path: str | os.PathLike,
    *,
    schema_dir: str | os.PathLike | None = None,
    validate: bool = True,
    name: str | None = None,
    clients: int = 1,
    lines: int | None = None,
) -> Iterator[Chunk]:
    """Yield Chunks of up to `clients` Clients in document order; the XSD is checked as parsing goes.

    With `lines`, a chunk also ends once its Clients hold that many lines (a Client's
    grandchildren: Prestaties/Prestatie, ToegewezenProducten/ToegewezenProduct), so that a
    message of a few very large Clients is not held 256 Clients at a time. A single Client
    is never split.

    Raises MalformedXML, HostileXML, UnknownMessage (from the first bytes) or
    StreamSchemaError (at the point the XSD fails; chunks before it were valid so far).
    """
    path = Path(path)
    name = name or str(path)
    message_type = _peek(path, name)
    schema = load_schema(message_type, schema_dir) if validate else None
    client_tag = f"{{{message_type.namespace}}}{UNIT}"
    root_tag = f"{{{message_type.namespace}}}Bericht"
    # The root's end is asked for too: with a schema (and entities off) libxml2 lets a file that is
    # cut off end the parse without an error, so only a closed root proves the file complete.
    kwargs = dict(
        events=("end",),
        tag=(client_tag, root_tag),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=True,
    )
    if schema is not None:
        kwargs["schema"] = schema
    # libxml2 keeps one error log per thread; entries of earlier documents must not leak in.
    etree.clear_error_log()
    context = etree.iterparse(str(path), **kwargs)
    seen = 0
    positions: dict[int, int] = {}
    batch: list[etree._Element] = []
    held = 0  # lines in the batch
    first = 1
    closed = False
    try:
        for _, client in context:
            if client.tag == root_tag:
                closed = True
                continue
            parent = client.getparent()
            positions[id(parent)] = positions.get(id(parent), 0) + 1
            if not batch:
                first = positions[id(parent)]
            batch.append(client)
            seen += 1
            held += _lines(client) if lines is not None else 0
            if len(batch) >= clients or (lines is not None and held >= lines):
                yield _detached(message_type, batch, first, name, client_tag)
                batch, held = [], 0
        if not closed:
            raise MalformedXML(
                "not well-formed XML: the document ends before its root element is closed", source=name
            )
        if batch:
            yield _detached(message_type, batch, first, name, client_tag)
    except etree.XMLSyntaxError as exc:
        raise _classify(exc, schema, name) from None
    if seen == 0:
        root = context.root
        if root is None:
            raise MalformedXML("empty document", source=name)
        yield Chunk(message_type, root, None, 0, name)


def _lines(client: etree._Element) -> int:
    # Counted in C per container (len), not element by element.
    return sum(len(child) for child in client)


def _detached(
    message_type: MessageType, batch: list[etree._Element], position: int, name: str | None, client_tag: str
) -> Chunk:
    """The finished Clients, taken out of the tree being parsed (so it stays small) into a copy
    of its skeleton, without the Client the parser may have begun reading ahead."""
    parent = batch[0].getparent()
    steps = []
    node = parent
    while node.getparent() is not None:
        steps.append(node.getparent().index(node))
        node = node.getparent()
    for client in batch:
        parent.remove(client)
    root = copy.deepcopy(node)
    holder = root
    for step in reversed(steps):
        holder = holder[step]
    for begun in holder.findall(client_tag):
        holder.remove(begun)
    holder.extend(batch)
    return Chunk(message_type, root, batch[0], position, name, clients=batch)


def _classify(exc: etree.XMLSyntaxError, schema, name: str | None) -> MessageError:
    log = []
    if schema is not None:
        log = list(exc.error_log.filter_domains([etree.ErrorDomains.SCHEMASV]))
    if log:
        first = log[0]
        return StreamSchemaError(
            f"the XSD rejects the message: {first.message}", log, line=first.line, source=name
        )
    return MalformedXML(
        f"not well-formed XML: {exc.msg.split(', line ')[0]}", line=exc.lineno or None, source=name
    )
