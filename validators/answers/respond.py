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
from typing import Any

from lxml import etree

from iwmo_ijw.builder import ACCEPTED, copy_into, header_for, new, retour_for, xsd_versie
from iwmo_ijw.models import Message, Node, from_parsed
from iwmo_ijw.models.base import node_class, read_node
from iwmo_ijw.namespaces import message_type
from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.xpath import Positions, find, local, path_of, text
from validators.answers.levels import TECHNISCH, errors_by_level
from validators.answers.placement import Codes, Tree, descend, place
from validators.findings import FileReport

NIET_BEOORDEELD = "0233"  # the class was not assessed because a class above it was rejected
VOLLEDIG_TOEGEWEZEN = "8001"  # the declaration is granted in full


# Controleniveau 1: the sender hears of the error, but no answer message is made (IV028, IV087).
UNREADABLE = (
    "het bericht is onleesbaar of voldoet niet aan het XSD: "
    "het is als geheel afgekeurd, zonder antwoordbericht"
)


class NoAnswer(ValueError):
    """The message cannot be answered with an answer message (and why)."""


@dataclass
class Answer:
    """A built answer message, where its retourcodes went, and the level that decided it."""

    message: Message
    placed: dict[str, list[str]] = field(default_factory=dict)  # xpath of the heen class -> its codes
    controleniveau: int | None = None  # the level that decided the answer; None: fully approved


@dataclass
class Answered:
    """An answer message ready to send, with the verdict it rests on."""

    report: FileReport
    answer: Answer
    data: bytes  # laid out as OP192 asks (one element per line, CR/LF)

    @property
    def code(self) -> str:
        """The answer's message code (JW302 … JW320, JW325)."""
        return self.answer.message.message_type.code


def answer_to(
    source: Any,
    options: Any = None,
    *,
    name: str | None = None,
    identificatie: str,
    dagtekening: dt.date,
    report: FileReport | None = None,
) -> Answered:
    """Validate one message (a path or bytes) and build its answer; NoAnswer says why there is none.

    `report` is a verdict already reached on the same content with the same options (the web page
    shows it before offering the answer), so the message is not judged twice.
    """
    from iwmo_ijw.layout import conforming
    from iwmo_ijw.models import to_element
    from iwmo_ijw.parsing import MessageError, load
    from validators.engine.pipeline import Options, validate_parsed

    try:
        parsed = load(source, name=name)
    except MessageError as exc:
        raise NoAnswer(f"{UNREADABLE} ({exc})") from exc
    report = report or validate_parsed(parsed, options or Options())
    result = answer(parsed, report, identificatie=identificatie, dagtekening=dagtekening)
    return Answered(report=report, answer=result, data=conforming(to_element(result.message)))


def answer(parsed: ParsedMessage, report: FileReport, *, identificatie: str, dagtekening: dt.date) -> Answer:
    """The answer message for a validated heen-message (retour message, or JW325 for a JW323)."""
    levels = errors_by_level(report.findings)
    if 1 in levels:
        raise NoAnswer(UNREADABLE)
    number = parsed.message_type.number
    if parsed.message_type.is_retour or number == "325":
        raise NoAnswer(f"{parsed.message_type.code} is zelf een antwoord en krijgt geen antwoordbericht")
    content = [f for level in (3, 4) for f in levels.get(level, [])]
    if number == "323":
        return _declaratie_antwoord(parsed, levels, content, identificatie, dagtekening)
    model = from_parsed(parsed)
    if 2 in levels:
        codes: Codes = {id(model.header): [TECHNISCH]}
    else:
        classes = _classes(model)
        codes = place(content, lambda xpath: descend(model, xpath), lambda n: id(n) in classes, model.header)
    message = _retour(model, codes, identificatie, dagtekening)
    return Answer(message, _placed(model, codes), _decided(levels, codes))


def _decided(levels: dict[int, list], codes: Codes) -> int | None:
    if 2 in levels:
        return 2
    return min((lvl for lvl in (3, 4) if lvl in levels), default=None) if codes else None


def _classes(model: Message) -> set[int]:
    """Ids of the heen nodes whose counterpart in the retour message carries RetourCodes."""
    asked: set[int] = set()
    retour_for(
        model, identificatie="-", dagtekening=dt.date.min, codes=lambda node: asked.add(id(node)) or ()
    )
    return asked


def _placed(model: Message, codes: Codes) -> dict[str, list[str]]:
    return {
        n.location.xpath: codes[id(n)] for n in _nodes(model) if id(n) in codes and n.location is not None
    }


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
        message = retour_for(
            model,
            identificatie=identificatie,
            dagtekening=dagtekening,
            codes={header: codes[header]} if codes else {},
        )
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
# Read from the tree, not the model: a declaration of 100,000 Prestaties is answered by reading
# its Header, its totals and the rejected Prestaties only.

_JW325_CLASSES = frozenset({"Header", "Declaratie", "Client", "Prestatie"})


def _signed(bedrag: Node) -> int:
    cents = getattr(bedrag, "bedrag", None)
    cents = bedrag.totaal_bedrag if cents is None else cents
    return cents if bedrag.debet_credit == "D" else -cents


def _totaal(cents: int) -> Node:
    return node_class("TotaalBedragMetDC")(totaal_bedrag=abs(cents), debet_credit="D" if cents >= 0 else "C")


def _declaratie_antwoord(
    parsed: ParsedMessage, levels: dict[int, list], content: list, identificatie: str, dagtekening: dt.date
) -> Answer:
    root, positions = parsed.root, Positions()
    header_el, declaratie_el = root.find("{*}Header"), root.find("{*}Declaratie")
    if 2 in levels:
        codes: Codes = {header_el: [TECHNISCH]}
    else:
        tree = Tree(root)
        codes = place(
            content,
            tree.descend,
            lambda el: local(el) in _JW325_CLASSES and el is not root,
            header_el,
            key=lambda el: el,
        )
    header = read_node(node_class("JW323Header"), header_el, positions=positions)
    mt = message_type(f"{parsed.message_type.standard.prefix}325")
    placed = {path_of(el, positions): list(c) for el, c in codes.items()}
    decided = _decided(levels, codes)
    if header_el in codes:
        # Level 2 (0001) or an error in the Header: the Header alone, nothing is processed.
        message = _new_325(mt, header, codes[header_el], None, identificatie, dagtekening)
        return Answer(message, placed, decided)
    nummer = text(declaratie_el, "DeclaratieNummer")
    ingediend = read_node(
        node_class("TotaalBedragMetDC"), find(declaratie_el, "TotaalIngediendBedrag"), positions=positions
    )
    if declaratie_el in codes:
        # TR342: a rejected Declaratie is not judged per Prestatie, so nothing is granted.
        antwoord = _antwoord(nummer, ingediend, _totaal(0), None, codes[declaratie_el])
    elif not codes:
        antwoord = _antwoord(nummer, ingediend, ingediend, None, [VOLLEDIG_TOEGEWEZEN])
    else:
        answered = _rejected_clients(declaratie_el, codes, positions)
        afgewezen = sum(_signed(p.ingediend_bedrag) for c in answered for p in c.prestaties.prestatie)
        toegekend = _totaal(_signed(ingediend) - afgewezen)
        clienten = node_class("JW325Clienten")(client=answered)
        antwoord = _antwoord(nummer, ingediend, toegekend, clienten, [ACCEPTED])
    return Answer(_new_325(mt, header, [ACCEPTED], antwoord, identificatie, dagtekening), placed, decided)


def _antwoord(
    nummer: str | None, ingediend: Node, toegekend: Node, clienten: Node | None, codes: list[str]
) -> Node:
    return node_class("JW325DeclaratieAntwoord")(
        declaratie_nummer=nummer,
        totaal_ingediend_bedrag=ingediend,
        totaal_toegekend_bedrag=toegekend,
        clienten=clienten,
        retour_codes=_codes_node(codes),
    )


def _rejected_clients(declaratie: etree._Element, codes: Codes, positions: Positions) -> list[Node]:
    """Only rejected Prestaties travel back, under their Client (TR342, IV087), in message order."""
    clients: dict[etree._Element, None] = {}
    for el in codes:
        client = el if local(el) == "Client" else el.getparent().getparent()
        clients[client] = None
    out = []
    for client in sorted(clients, key=_document_order(declaratie)):
        client_codes = codes.get(client)
        prestaties = client.iterfind("{*}Prestaties/{*}Prestatie")
        if client_codes:
            # A rejected Client takes all its Prestaties with it, none of them assessed.
            answered = [(p, [NIET_BEOORDEELD]) for p in prestaties]
        else:
            answered = [(p, codes[p]) for p in prestaties if p in codes]
        out.append(
            node_class("JW325Client")(
                bsn=text(client, "Bsn"),
                prestaties=node_class("JW325Prestaties")(
                    prestatie=[
                        copy_into(
                            read_node(node_class("JW323Prestatie"), p, positions=positions),
                            node_class("JW325Prestatie"),
                            retour_codes=_codes_node(c),
                        )
                        for p, c in answered
                    ]
                ),
                retour_codes=_codes_node(client_codes or [ACCEPTED]),
            )
        )
    return out


def _document_order(declaratie: etree._Element):
    order = {el: n for n, el in enumerate(declaratie.iterfind("{*}Clienten/{*}Client"))}
    return order.__getitem__


def _codes_node(codes: list[str]) -> Node:
    return node_class("JW325RetourCodes")(retour_code=list(codes))


def _new_325(
    mt,
    heen_header: Node,
    header_codes: list[str],
    antwoord: Node | None,
    identificatie: str,
    dagtekening: dt.date,
) -> Message:
    header = header_for(
        mt,
        afzender=heen_header.ontvanger,
        ontvanger=heen_header.afzender,
        identificatie=identificatie,
        dagtekening=dagtekening,
        declaratie_identificatie=copy_into(
            heen_header.bericht_identificatie, node_class("BerichtIdentificatie")
        ),
        xsd_versie_declaratie=heen_header.xsd_versie or xsd_versie(),
        retour_codes=_codes_node(header_codes),
    )
    return new(mt, header=header, declaratie_antwoord=antwoord)
