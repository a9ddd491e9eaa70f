"""The official answer to a message: retour messages (JW302 … JW320, IV028) and JW325 (IV087).

What follows the Header depends on the lowest controleniveau with an error:

* 1 (XSD, unreadable): no answer message at all; `answer` raises NoAnswer.
* 2 (a rule within the message): the Header alone with the general code 0001; the message
  counts as not processed.
* 3 or 4 (earlier messages, external source), error in the Header: the Header alone with
  the codes of that error.
* 3 or 4 below the Header: retour messages repeat the whole Client, each class with its
  own code, 0233 below a rejected class (not assessed) and 0200 elsewhere, the Header 0200;
  a JW325 holds only the rejected Prestaties under their Client (IV087, TR342).
* no errors: a retour message is the Header alone without RetourCodes; a JW325 has 0200 in
  the Header and a DeclaratieAntwoord with 8001 that grants the whole TotaalIngediendBedrag.
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
from validators.answers.levels import TECHNISCH, errors_by_level
from validators.answers.placement import Codes, place
from validators.findings import FileReport

NIET_BEOORDEELD = "0233"  # the class was not assessed because a class above it was rejected
VOLLEDIG_TOEGEWEZEN = "8001"  # the declaration is granted in full


class NoAnswer(ValueError):
    """The message cannot be answered with an answer message (and why)."""


@dataclass
class Answer:
    message: Message
    placed: dict[str, list[str]] = field(default_factory=dict)  # xpath of the heen class -> its codes
    controleniveau: int | None = None  # the level that decided the answer; None: fully approved


def answer(parsed: ParsedMessage, report: FileReport, *, identificatie: str, dagtekening: dt.date) -> Answer:
    """The answer message for a validated heen-message (retour message, or JW325 for a JW323)."""
    levels = errors_by_level(report.findings)
    if 1 in levels:
        raise NoAnswer("the message fails the XSD or cannot be read: it is rejected as a whole, "
                       "without an answer message")
    number = parsed.message_type.number
    if parsed.message_type.is_retour or number == "325":
        raise NoAnswer(f"{parsed.message_type.code} is itself an answer; it gets no answer message")
    model = from_parsed(parsed)
    build = _declaratie_antwoord if number == "323" else _retour
    if 2 in levels:
        header_codes = {id(model.header): [TECHNISCH]}
        return Answer(build(model, header_codes, identificatie, dagtekening), _placed(model, header_codes), 2)
    content = [f for level in (3, 4) for f in levels.get(level, [])]
    codes = place(content, model, _classes(model), model.header)
    decided = min((lvl for lvl in (3, 4) if lvl in levels), default=None) if codes else None
    return Answer(build(model, codes, identificatie, dagtekening), _placed(model, codes), decided)


def _classes(model: Message) -> set[int]:
    """Ids of the heen nodes whose counterpart in the answer carries RetourCodes."""
    if model.message_type.number == "323":
        declaratie = model.declaratie
        clients = declaratie.clienten.client
        return {id(n) for n in (model.header, declaratie, *clients,
                                *(p for c in clients for p in c.prestaties.prestatie))}
    asked: set[int] = set()
    retour_for(model, identificatie="-", dagtekening=dt.date.min,
               codes=lambda node: asked.add(id(node)) or ())
    return asked


def _placed(model: Message, codes: Codes) -> dict[str, list[str]]:
    return {n.location.xpath: codes[id(n)] for n in _nodes(model)
            if id(n) in codes and n.location is not None}


def _nodes(node: Node) -> Iterable[Node]:
    yield node
    for spec in node._FIELDS:
        if spec.kind != "node":
            continue
        value = getattr(node, spec.attr)
        for item in value if isinstance(value, list) else ([value] if value is not None else []):
            yield from _nodes(item)


# --- retour messages (IV028) ---------------------------------------------------------------


def _retour(model: Message, codes: Codes, identificatie: str, dagtekening: dt.date) -> Message:
    header = id(model.header)
    if not codes or header in codes:
        # Fully approved (no codes at all) or rejected in the Header: the Header alone.
        message = retour_for(model, identificatie=identificatie, dagtekening=dagtekening,
                             codes={header: codes[header]} if codes else {})
        for spec in message._FIELDS:
            if spec.attr != "header":
                setattr(message, spec.attr, None)
        return message
    per_class = _with_unassessed(model, codes)
    per_class[header] = [ACCEPTED]
    return retour_for(model, identificatie=identificatie, dagtekening=dagtekening, codes=per_class)


def _with_unassessed(root: Node, codes: Codes) -> Codes:
    """`codes` plus 0233 for every class without codes of its own below a rejected class."""
    out = dict(codes)

    def walk(node: Node, rejected_above: bool) -> None:
        if rejected_above and id(node) not in codes:
            out[id(node)] = [NIET_BEOORDEELD]
        below = rejected_above or id(node) in codes
        for spec in node._FIELDS:
            if spec.kind != "node":
                continue
            value = getattr(node, spec.attr)
            for item in value if isinstance(value, list) else ([value] if value is not None else []):
                walk(item, below)

    for spec in root._FIELDS:
        if spec.kind == "node" and spec.attr != "header" and getattr(root, spec.attr) is not None:
            walk(getattr(root, spec.attr), False)
    return out


# --- JW325 (IV087) -------------------------------------------------------------------------


def _signed(bedrag: Node) -> int:
    cents = getattr(bedrag, "bedrag", None)
    cents = bedrag.totaal_bedrag if cents is None else cents
    return cents if bedrag.debet_credit == "D" else -cents


def _totaal(cents: int) -> Node:
    return node_class("TotaalBedragMetDC")(totaal_bedrag=abs(cents), debet_credit="D" if cents >= 0 else "C")


def _declaratie_antwoord(jw323: Message, codes: Codes, identificatie: str, dagtekening: dt.date) -> Message:
    mt = message_type(f"{jw323.standard.prefix}325")
    declaratie, header = jw323.declaratie, jw323.header
    if id(header) in codes:
        # Level 2 (0001) or an error in the Header: the Header alone, nothing is processed.
        return _new_325(mt, header, codes[id(header)], None, identificatie, dagtekening)
    if id(declaratie) in codes:
        # TR342: a rejected Declaratie is not judged per Prestatie, so nothing is granted.
        antwoord = _antwoord(declaratie, _totaal(0), None, codes[id(declaratie)])
    elif not codes:
        antwoord = _antwoord(declaratie, declaratie.totaal_ingediend_bedrag, None, [VOLLEDIG_TOEGEWEZEN])
    else:
        answered = _rejected_clients(declaratie.clienten.client, codes)
        afgewezen = sum(_signed(p.ingediend_bedrag) for c in answered for p in c.prestaties.prestatie)
        toegekend = _totaal(_signed(declaratie.totaal_ingediend_bedrag) - afgewezen)
        antwoord = _antwoord(declaratie, toegekend, node_class("JW325Clienten")(client=answered), [ACCEPTED])
    return _new_325(mt, header, [ACCEPTED], antwoord, identificatie, dagtekening)


def _antwoord(declaratie: Node, toegekend: Node, clienten: Node | None, codes: list[str]) -> Node:
    return node_class("JW325DeclaratieAntwoord")(
        declaratie_nummer=declaratie.declaratie_nummer,
        totaal_ingediend_bedrag=declaratie.totaal_ingediend_bedrag,
        totaal_toegekend_bedrag=toegekend,
        clienten=clienten,
        retour_codes=_codes_node(codes),
    )


def _rejected_clients(clients: list[Node], codes: Codes) -> list[Node]:
    """Only rejected Prestaties travel back, under their Client (TR342, IV087)."""
    out = []
    for client in clients:
        client_codes = codes.get(id(client))
        if client_codes:
            # A rejected Client takes all its Prestaties with it, none of them assessed.
            answered = [(p, [NIET_BEOORDEELD]) for p in client.prestaties.prestatie]
        else:
            answered = [(p, codes[id(p)]) for p in client.prestaties.prestatie if id(p) in codes]
        if not answered:
            continue
        prestaties = [copy_into(p, node_class("JW325Prestatie"), retour_codes=_codes_node(c))
                      for p, c in answered]
        out.append(node_class("JW325Client")(
            bsn=client.bsn,
            prestaties=node_class("JW325Prestaties")(prestatie=prestaties),
            retour_codes=_codes_node(client_codes or [ACCEPTED]),
        ))
    return out


def _codes_node(codes: list[str]) -> Node:
    return node_class("JW325RetourCodes")(retour_code=list(codes))


def _new_325(mt, heen_header: Node, header_codes: list[str], antwoord: Node | None, identificatie: str,
             dagtekening: dt.date) -> Message:
    header = header_for(
        mt, afzender=heen_header.ontvanger, ontvanger=heen_header.afzender, identificatie=identificatie,
        dagtekening=dagtekening,
        declaratie_identificatie=copy_into(heen_header.bericht_identificatie,
                                           node_class("BerichtIdentificatie")),
        xsd_versie_declaratie=heen_header.xsd_versie or xsd_versie(),
        retour_codes=_codes_node(header_codes),
    )
    return new(mt, header=header, declaratie_antwoord=antwoord)
