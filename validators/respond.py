"""The official answer to a message: retour messages (JW302 … JW320) and JW325.

Each error finding that carries a retourcode is placed on the nearest element of the
answer that can hold RetourCodes (the Prestatie, the Client, the product, the Header);
every element that can hold them and has none gets 0200. A message the XSD rejects gets
no answer message: the standard rejects it as a whole, so `respond` says so instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from iwmo_ijw.builder import ACCEPTED, copy_into, header_for, new, retour_for, xsd_versie
from iwmo_ijw.models import Message, Node, from_parsed
from iwmo_ijw.models.base import node_class
from iwmo_ijw.namespaces import message_type
from iwmo_ijw.parsing import ParsedMessage
from validators.findings import FileReport, Finding, Severity

# A rejected Declaratie (class DeclaratieAntwoord) is not judged per Prestatie.
_DECLARATIE_LEVEL = "/Bericht/Declaratie"


class NoAnswer(ValueError):
    """The message cannot be answered with an answer message (and why)."""


@dataclass
class Answer:
    message: Message
    placed: dict[str, list[str]] = field(default_factory=dict)  # xpath of the answered node -> codes


def _rejections(report: FileReport) -> list[Finding]:
    return [f for f in report.findings if f.severity is Severity.ERROR and f.retourcode]


def _nodes(node: Node) -> Iterable[Node]:
    yield node
    for spec in node._FIELDS:
        if spec.kind != "node":
            continue
        value = getattr(node, spec.attr)
        for item in value if isinstance(value, list) else ([value] if value is not None else []):
            yield from _nodes(item)


def place(findings: Iterable[Finding], anchors: dict[str, Node]) -> dict[int, list[str]]:
    """Retourcodes per anchor node: each finding goes to the anchor with the longest matching path."""
    codes: dict[int, list[str]] = {}
    for finding in findings:
        path = finding.xpath or "/Bericht/Header"
        while path and path not in anchors:
            path = path.rpartition("/")[0]
        node = anchors.get(path) or anchors.get("/Bericht/Header")
        if node is None:
            continue
        bucket = codes.setdefault(id(node), [])
        if finding.retourcode not in bucket:
            bucket.append(finding.retourcode)
    return codes


def _anchors(nodes: Iterable[Node]) -> dict[str, Node]:
    return {n.location.xpath: n for n in nodes if n.location is not None}


def answer(parsed: ParsedMessage, report: FileReport, *, identificatie: str, dagtekening: dt.date) -> Answer:
    """The answer message for a validated heen-message (retour message, or JW325 for a JW323)."""
    if any(f.code.startswith(("RS", "CS")) or f.code in ("XSD", "XML", "XML-UNSAFE", "BERICHT", "RELEASE")
           for f in report.findings if f.severity is Severity.ERROR and not f.retourcode):
        raise NoAnswer("the message fails the XSD or cannot be read: it is rejected as a whole, "
                       "without an answer message")
    model = from_parsed(parsed)
    if parsed.message_type.number == "323":
        return _declaratie_antwoord(model, report, identificatie, dagtekening)
    if parsed.message_type.is_retour or parsed.message_type.number == "325":
        raise NoAnswer(f"{parsed.message_type.code} is itself an answer; it gets no answer message")
    asked: set[int] = set()
    retour_for(model, identificatie=identificatie, dagtekening=dagtekening,
               codes=lambda node: asked.add(id(node)) or ())
    anchors = _anchors(n for n in _nodes(model) if id(n) in asked)
    codes = place(_rejections(report), anchors)
    message = retour_for(model, identificatie=identificatie, dagtekening=dagtekening, codes=codes)
    return Answer(message, _placed(anchors, codes))


def _placed(anchors: dict[str, Node], codes: dict[int, list[str]]) -> dict[str, list[str]]:
    return {path: codes[id(node)] for path, node in anchors.items() if id(node) in codes}


# --- JW325 -----------------------------------------------------------------------------


def _signed(bedrag: Node) -> int:
    cents = getattr(bedrag, "bedrag", None)
    cents = bedrag.totaal_bedrag if cents is None else cents
    return cents if bedrag.debet_credit == "D" else -cents


def _totaal(cents: int) -> Node:
    return node_class("TotaalBedragMetDC")(totaal_bedrag=abs(cents), debet_credit="D" if cents >= 0 else "C")


def _declaratie_antwoord(jw323: Message, report: FileReport, identificatie: str, dagtekening: dt.date) -> Answer:
    mt = message_type(f"{jw323.standard.prefix}325")
    declaratie, header = jw323.declaratie, jw323.header
    clients = declaratie.clienten.client
    prestaties = [p for c in clients for p in c.prestaties.prestatie]
    anchors = _anchors([header, declaratie, *clients, *prestaties])
    codes = place(_rejections(report), anchors)
    # A rejected Header or Declaratie rejects the declaration as a whole.
    whole = codes.get(id(declaratie)) or codes.get(id(header))
    answered = [] if whole else _rejected_clients(clients, codes)
    afgewezen = sum(_signed(p.ingediend_bedrag) for c in answered for p in c.prestaties.prestatie)
    ingediend = _signed(declaratie.totaal_ingediend_bedrag)
    antwoord = node_class("JW325DeclaratieAntwoord")(
        declaratie_nummer=declaratie.declaratie_nummer,
        totaal_ingediend_bedrag=declaratie.totaal_ingediend_bedrag,
        # TR342: a rejected Declaratie is not judged per Prestatie, so nothing is granted.
        totaal_toegekend_bedrag=_totaal(0 if whole else ingediend - afgewezen),
        clienten=node_class("JW325Clienten")(client=answered) if answered else None,
        retour_codes=_codes_node("JW325RetourCodes", whole),
    )
    message = _new_325(mt, header, codes.get(id(header)), antwoord, identificatie, dagtekening)
    return Answer(message, _placed(anchors, codes))


def _rejected_clients(clients: list[Node], codes: dict[int, list[str]]) -> list[Node]:
    """Only rejected Prestaties travel back, under their Client (TR342)."""
    out = []
    for client in clients:
        client_codes = codes.get(id(client))
        # A rejected Client takes its Prestaties with it; they carry the Client's codes.
        rejected = [p for p in client.prestaties.prestatie if id(p) in codes or client_codes]
        if not rejected:
            continue
        prestaties = [
            copy_into(p, node_class("JW325Prestatie"),
                      retour_codes=_codes_node("JW325RetourCodes", codes.get(id(p)) or client_codes))
            for p in rejected
        ]
        out.append(node_class("JW325Client")(
            bsn=client.bsn,
            prestaties=node_class("JW325Prestaties")(prestatie=prestaties),
            retour_codes=_codes_node("JW325RetourCodes", client_codes),
        ))
    return out


def _codes_node(cls: str, codes: list[str] | None) -> Node:
    return node_class(cls)(retour_code=list(codes) if codes else [ACCEPTED])


def _new_325(mt, heen_header: Node, header_codes, antwoord: Node, identificatie: str, dagtekening: dt.date) -> Message:
    header = header_for(
        mt, afzender=heen_header.ontvanger, ontvanger=heen_header.afzender, identificatie=identificatie,
        dagtekening=dagtekening,
        declaratie_identificatie=copy_into(heen_header.bericht_identificatie, node_class("BerichtIdentificatie")),
        xsd_versie_declaratie=heen_header.xsd_versie or xsd_versie(),
        retour_codes=_codes_node("JW325RetourCodes", header_codes),
    )
    return new(mt, header=header, declaratie_antwoord=antwoord)
