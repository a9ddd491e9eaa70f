"""Making messages without writing XML: headers, whole messages, and retour messages.

    msg = new("JW323", header=header_for("JW323", afzender="12345678", ontvanger="7001",
                                          identificatie="D2026-001", dagtekening=date(2026, 10, 1)),
              declaratie=...)
    retour = retour_for(heen, identificatie="R-1", dagtekening=date.today(),
                        codes={id(client): ["8001"]})

Retour messages repeat the heen-message and add RetourCodes at the levels the standard
asks for; `retour_for` copies the heen model field by field into the retour classes and
fills each RetourCodes with the codes given for that node (0200, "accepted", otherwise).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from iwmo_ijw.models import MESSAGES, Message, Node, model_class
from iwmo_ijw.models.base import FieldSpec, node_class
from iwmo_ijw.namespaces import MessageType, message_type

# The XSD release number a 3.2 message states in XsdVersie (not the schema file's own revision).
XSD_VERSIE = "1.0.0"
ACCEPTED = "0200"


def _type(code: str | MessageType) -> MessageType:
    return code if isinstance(code, MessageType) else message_type(code)


def xsd_versie() -> Node:
    """The XsdVersie node every built message carries: release 1.0.0 for both schemas."""
    return node_class("XsdVersie")(basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE)


def header_for(
    code: str | MessageType,
    *,
    afzender: str,
    ontvanger: str,
    identificatie: str,
    dagtekening: dt.date,
    **extra,
) -> Node:
    """The Header of a heen-message, with BerichtCode, versions and XsdVersie filled in."""
    mt = _type(code)
    return node_class(f"{mt.ijw_equivalent}Header")(
        bericht_code=int(mt.berichtcode),
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=node_class("BerichtIdentificatie")(
            identificatie=identificatie, dagtekening=dagtekening
        ),
        xsd_versie=xsd_versie(),
        **extra,
    )


def new(code: str | MessageType, **fields) -> Message:
    """A message of type `code` ("JW323", "WMO301") from its top-level fields."""
    mt = _type(code)
    return model_class(mt)(standard=mt.standard, **fields)


CodesFor = Mapping[int, Sequence[str]] | Callable[[Node], Sequence[str]]


def retour_for(
    heen: Message, *, identificatie: str, dagtekening: dt.date, codes: CodesFor | None = None
) -> Message:
    """The retour message answering `heen` (JW301 -> JW302, …).

    `codes` gives the retourcodes per heen node: a mapping from `id(node)` or a function
    of the node; nodes without codes get 0200. The Header's own RetourCodes (optional in
    the standard) are written only when codes are given for the heen Header.
    """
    heen_type = heen.message_type
    retour_code = {mt.answers: mt for mt in _retour_types()}.get(heen_type.code)
    if retour_code is None:
        raise ValueError(f"{heen_type.code} has no retour message")
    lookup = _lookup(codes)
    header = copy_into(
        heen.header,
        node_class(f"{retour_code.ijw_equivalent}Header"),
        lookup,
        bericht_code=int(retour_code.berichtcode),
        identificatie_retour=identificatie,
        dagtekening_retour=dagtekening,
        xsd_versie_retour=xsd_versie(),
    )
    cls = MESSAGES[retour_code.ijw_equivalent]
    return copy_into(heen, cls, lookup, standard=heen.standard, header=header)  # type: ignore[return-value]


def _retour_types() -> list[MessageType]:
    from iwmo_ijw.namespaces import MESSAGE_TYPES

    return [mt for mt in MESSAGE_TYPES.values() if mt.is_retour]


def _lookup(codes: CodesFor | None) -> Callable[[Node], Sequence[str]]:
    if codes is None:
        return lambda node: ()
    if callable(codes):
        return codes
    return lambda node: codes.get(id(node), ())


def copy_into(
    source: Node, target: type[Node], codes: Callable[[Node], Sequence[str]] | None = None, **extra
) -> Node:
    """`source` as an instance of `target`: same-named fields copied (nested nodes converted).

    RetourCodes fields of the target are filled from `codes(source)` (0200 when empty);
    `extra` sets or overrides fields.
    """
    codes = codes or (lambda node: ())
    values: dict[str, object] = {}
    for spec in target._FIELDS:
        if spec.attr in extra:
            continue
        if spec.element == "RetourCodes":
            values[spec.attr] = _retourcodes(target, spec, codes(source))
        elif hasattr(source, spec.attr):
            values[spec.attr] = _copy(getattr(source, spec.attr), spec, codes)
    node = target(**values, **extra)
    node.location = source.location
    return node


def _retourcodes(target: type[Node], spec: FieldSpec, given: Sequence[str]) -> Node | None:
    if not given and spec.optional:
        return None
    return node_class(spec.node)(retour_code=list(given) or [ACCEPTED])


def _copy(value, spec: FieldSpec, codes):
    if spec.kind != "node" or value is None:
        return list(value) if isinstance(value, list) else value
    cls = node_class(spec.node)
    if isinstance(value, list):
        return [copy_into(item, cls, codes) for item in value]
    return copy_into(value, cls, codes)
