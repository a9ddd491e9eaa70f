"""Reading messages into records: what a History (and the message store) keeps of each message.

One adder per message type turns a parsed message into records (validators.sources.history.records)
and hands them to a sink: a History, or the store's collector, so files and the store can never
disagree about what a message holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields as dataclass_fields
from pathlib import Path

from iwmo_ijw.parsing import MessageError, ParsedMessage, load
from iwmo_ijw.xpath import as_date, as_decimal, as_int, date_of, find, findall, iter_local, text
from validators.sources.history.records import (
    BerichtKey,
    Declaratie,
    DeclaratieAntwoord,
    Prestatie,
    StartStop,
    Toewijzing,
    Verzoek,
    VerzoekAntwoord,
)


def load_file(file: str | Path) -> ParsedMessage:
    """A history file parsed; a file that cannot be read or parsed is a MessageError naming it."""
    try:
        return load(file)
    except MessageError as error:
        if str(file) in str(error):
            raise
        raise MessageError(f"history file {file}: {error}") from error
    except OSError as error:
        raise MessageError(f"history file {file} cannot be read: {error.strerror}") from error


def bericht_key(message: ParsedMessage, header: dict) -> BerichtKey:
    """The identity of a message: sender, receiver, type, identification and date."""
    return BerichtKey(
        afzender=header["afzender"] or "",
        ontvanger=header["ontvanger"] or "",
        berichtcode=message.message_type.code,
        identificatie=header["identificatie"] or "",
        dagtekening=header["dagtekening"],
    )


def _add_toewijzingen(history, message: ParsedMessage, key: BerichtKey) -> None:
    of, add, seq = TOEWIJZING_FIELDS.of, history.add_toewijzing, history._seq
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for tp in _grandchildren(client, "ToegewezenProducten", "ToegewezenProduct"):
            # By position (the fields in the record's order, see _TOEWIJZING_ORDER): a month has
            # some 100k toewijzingen, and keywords cost a dict per record.
            nummer, *values = of(tp).values()
            add(Toewijzing(nummer or "", bsn, *values, key.afzender, key.ontvanger, seq))


def _grandchildren(el, child: str, grandchild: str):
    """What findall(el, "child/grandchild") gives, without ElementPath's parsing per call."""
    for middle in el.iterchildren(f"{{*}}{child}"):
        yield from middle.iterchildren(f"{{*}}{grandchild}")


def _add_start_stops(history, message: ParsedMessage, key: BerichtKey) -> None:
    item = "StartProduct" if key.berichtcode.endswith("305") else "StopProduct"
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for product in iter_local(client, item):
            record = start_stop_record(product, bsn=bsn, key=key, seq=history._seq)
            history.start_stops[record.toewijzing_nummer or ""].append(record)


def start_stop_record(product, *, bsn: str | None, key: BerichtKey, seq: int = 0) -> StartStop:
    """One StartProduct/StopProduct as a record; also used by rules on the message under test."""
    return StartStop(
        berichtcode=key.berichtcode,
        toewijzing_nummer=text(product, "ToewijzingNummer"),
        bsn=bsn,
        categorie=text(product, "Product/Categorie"),
        code=text(product, "Product/Code"),
        toewijzing_ingangsdatum=date_of(product, "ToewijzingIngangsdatum"),
        begindatum=date_of(product, "Begindatum"),
        einddatum=date_of(product, "Einddatum"),
        status=text(product, "StatusAanlevering"),
        afzender=key.afzender,
        reden_beeindiging=text(product, "RedenBeeindiging"),
        identificatie=key.identificatie,
        dagtekening=key.dagtekening,
        ontvanger=key.ontvanger,
        seq=seq,
    )


def _add_declaratie(history, message: ParsedMessage, key: BerichtKey) -> None:
    declaratie = find(message.root, "Declaratie")
    nummer = text(declaratie, "DeclaratieNummer")
    referenties: list[str] = []
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for p in findall(client, "Prestaties/Prestatie"):
            record = prestatie_record(p, bsn=bsn, declaratie_nummer=nummer, key=key, seq=history._seq)
            history.add_prestatie(record)
            if record.referentie:
                referenties.append(record.referentie)
    if nummer:
        history.add_declaratie(
            Declaratie(
                nummer=nummer,
                begindatum=date_of(declaratie, "DeclaratiePeriode/Begindatum"),
                einddatum=date_of(declaratie, "DeclaratiePeriode/Einddatum"),
                afzender=key.afzender,
                ontvanger=key.ontvanger,
                referenties=tuple(referenties),
                dagtekening=key.dagtekening,
                seq=history._seq,
            )
        )


def prestatie_record(
    p, *, bsn: str | None, declaratie_nummer: str | None, key: BerichtKey, seq: int = 0
) -> Prestatie:
    """One declaration line as a record; also used by rules on the message under test."""
    return Prestatie(
        declaratie_nummer=declaratie_nummer,
        bsn=bsn,
        **PRESTATIE_FIELDS.of(p),
        afzender=key.afzender,
        ontvanger=key.ontvanger,
        seq=seq,
    )


def prestatie_records(
    texts: dict[str, list[str | None]],
    bsns: list[str | None],
    *,
    declaratie_nummer: str | None,
    key: BerichtKey,
) -> list[Prestatie]:
    """The records of many lines at once, from their texts per path of PRESTATIE_FIELDS (as
    `text` gives them: None when absent); the same records `prestatie_record` makes."""
    size = len(bsns)
    columns = {name: _read_all(texts[path], read) for name, path, read in PRESTATIE_FIELDS}
    columns.update(
        declaratie_nummer=[declaratie_nummer] * size,
        bsn=bsns,
        afzender=[key.afzender] * size,
        ontvanger=[key.ontvanger] * size,
    )
    return list(map(Prestatie, *(columns[name] for name in _PRESTATIE_ORDER)))


def _read_all(values: list[str | None], read: Callable[[str | None], object]) -> list:
    if read is as_text:
        return values
    # A month's lines share a few dates, volumes and tariffs: each distinct text is read once.
    known = {v: read(v) for v in set(values)}
    return [known[v] for v in values]


def _add_antwoord(history, message: ParsedMessage, key: BerichtKey) -> None:
    nummer = text(message.root, "DeclaratieAntwoord/DeclaratieNummer")
    afgewezen = set()
    for p in iter_local(message.root, "Prestatie"):
        codes = {text(c) for c in iter_local(p, "RetourCode")}
        # 0200 = no remark, 8001 = fully granted, 0233 = not judged; anything else rejects the line.
        if codes - _NOT_REJECTING:
            ref = text(p, "ProductReferentie/ReferentieNummer")
            if ref:
                afgewezen.add(ref)
    own = {text(c) for c in findall(message.root, "DeclaratieAntwoord/RetourCodes/RetourCode")}
    own |= {text(c) for c in findall(message.root, "Header/RetourCodes/RetourCode")}
    history.antwoorden[nummer or ""].append(
        DeclaratieAntwoord(
            declaratie_nummer=nummer,
            afgewezen=frozenset(afgewezen),
            afzender=key.afzender,
            geheel_afgewezen=bool(own - _NOT_REJECTING),
            ontvanger=key.ontvanger,
            seq=history._seq,
        )
    )


def _add_verzoek(history, message: ParsedMessage, key: BerichtKey) -> None:
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for el in client.iter():
            if isinstance(el.tag, str) and el.tag.endswith("ReferentieAanbieder") and el.text:
                nummers, nieuw = _gevraagd(el.getparent()) if key.berichtcode.endswith("317") else ((), ())
                history.verzoeken[el.text].append(
                    Verzoek(
                        berichtcode=key.berichtcode,
                        referentie_aanbieder=el.text,
                        bsn=bsn,
                        afzender=key.afzender,
                        ontvanger=key.ontvanger,
                        identificatie=key.identificatie,
                        dagtekening=key.dagtekening,
                        seq=history._seq,
                        toewijzing_nummers=nummers,
                        nieuwe_producten=nieuw,
                    )
                )


def _gevraagd(verzoek) -> tuple[tuple[str, ...], tuple[tuple[str | None, str | None], ...]]:
    """What a change request (JW317 Verzoek) names: existing toewijzingen and new products."""
    nummers = tuple(
        text(p, "ToewijzingNummer") or ""
        for name in ("OngewijzigdProduct", "TeWijzigenProduct")
        for p in iter_local(verzoek, name)
    )
    nieuw = tuple(
        (text(p, "Product/Categorie"), text(p, "Product/Code")) for p in iter_local(verzoek, "NieuwProduct")
    )
    return tuple(n for n in nummers if n), nieuw


def _add_verzoek_antwoord(history, message: ParsedMessage, key: BerichtKey) -> None:
    for antwoord in iter_local(message.root, "Antwoord"):
        referentie = text(antwoord, "ReferentieAanbieder")
        if referentie:
            history.verzoek_antwoorden[referentie].append(
                VerzoekAntwoord(
                    referentie,
                    text(antwoord, "VerzoekAntwoord"),
                    key.afzender,
                    key.ontvanger,
                    key.identificatie,
                    seq=history._seq,
                )
            )


def read_texts(el, shape: dict | _Shape) -> dict[str, str]:
    """Per field of `shape` (see `_shape`), the text `iwmo_ijw.xpath.text(el, path)` gives;
    absent fields are left out. One walk over the children instead of a find per field: a
    month's history holds some 100k toewijzingen of a dozen fields each."""
    found: dict[str, str | None] = {}
    _walk(el, shape if type(shape) is _Shape else _Shape(shape), found)
    return found


class _Shape:
    """A shape (`_shape`) that learns, per tag met, what it wants there: one dict lookup per child
    instead of taking the local name out of the tag and then looking that up."""

    __slots__ = ("_by_name", "by_tag")

    def __init__(self, shape: dict) -> None:
        self._by_name = {name: want if type(want) is str else _Shape(want) for name, want in shape.items()}
        self.by_tag: dict = {}

    def learn(self, tag) -> str | _Shape | None:
        """What the shape wants at an element of this tag (None: nothing), kept for the next one."""
        # Comments and processing instructions have no name; `find` never takes them.
        want = self._by_name.get(tag[tag.find("}") + 1 :]) if isinstance(tag, str) else None
        if len(self.by_tag) < 4096:  # bounded: input may invent tags
            self.by_tag[tag] = want
        return want


_UNSEEN = object()
_KNOWN_TEXTS = 4096


def _walk(el, shape: _Shape, found: dict[str, str | None]) -> None:
    """Fill `found` (None or absent: not met yet) with the texts `shape` wants below `el`."""
    by_tag = shape.by_tag
    walked = None  # containers of this element already walked: `find` follows the first of a name
    for child in el:
        tag = child.tag
        want = by_tag.get(tag, _UNSEEN)
        if want is _UNSEEN:
            want = shape.learn(tag)
        if want is None:
            continue
        if type(want) is str:
            if found.get(want) is None:  # a field stands at one path only: filled by an earlier sibling
                found[want] = (child.text or "").strip()
        elif walked is None or want not in walked:
            walked = [want] if walked is None else [*walked, want]
            _walk(child, want, found)


def _shape(fields: Iterable[tuple[str, str, object]]) -> dict:
    """{local name: record field, or the same for a container's children}, from (field, path, …)."""
    shape: dict = {}
    for name, path, *_ in fields:
        *containers, leaf = path.split("/")
        level = shape
        for container in containers:
            level = level.setdefault(container, {})
        level[leaf] = name
    return shape


# Readers of a stripped text (None when absent), giving what iwmo_ijw.xpath's text, date_of,
# int_of and decimal_of give for the element.
def as_text(value: str | None) -> str | None:
    """A text as it is (the reader of fields that stay text)."""
    return value


class Fields:
    """The fields of one kind of record: (record field, path below its element, reader of the
    text). One table for reading from elements (`of`) and, for Prestaties, from columns."""

    def __init__(self, *fields: tuple[str, str, Callable[[str | None], object]]) -> None:
        self._fields = fields
        self._shape = _Shape(_shape(fields))
        self._none = dict.fromkeys(name for name, _, _ in fields)
        # A month's records share a few dates and volumes: each distinct text is read once.
        self._read = tuple((name, read, {}) for name, _, read in fields if read is not as_text)

    def __iter__(self):
        return iter(self._fields)

    def of(self, el) -> dict[str, object]:
        """Per field, what the xpath reader gives for `el` (text, date_of, int_of, decimal_of)."""
        values = dict(self._none)
        _walk(el, self._shape, values)
        for name, read, known in self._read:
            value = known.get(values[name], _UNSEEN)
            if value is _UNSEEN:
                value = read(values[name])
                if len(known) < _KNOWN_TEXTS:  # bounded: every line may have a date of its own
                    known[values[name]] = value
            values[name] = value
        return values

    def absent(self) -> dict[str, object]:
        """Every field as None: the record of an element that holds none of them."""
        return dict(self._none)


PRESTATIE_FIELDS = Fields(
    ("referentie", "ProductReferentie/ReferentieNummer", as_text),
    ("vorig_referentie", "ProductReferentie/VorigReferentieNummer", as_text),
    ("toewijzing_nummer", "ToewijzingNummer", as_text),
    ("categorie", "ProductCategorie", as_text),
    ("code", "ProductCode", as_text),
    ("begindatum", "ProductPeriode/Begindatum", as_date),
    ("einddatum", "ProductPeriode/Einddatum", as_date),
    ("volume", "GeleverdVolume", as_int),
    ("eenheid", "Eenheid", as_text),
    ("tarief", "ProductTarief", as_int),
    ("bedrag", "IngediendBedrag/Bedrag", as_decimal),
    ("debet_credit", "IngediendBedrag/DebetCredit", as_text),
)
_PRESTATIE_ORDER = tuple(f.name for f in dataclass_fields(Prestatie) if f.name != "seq")

TOEWIJZING_FIELDS = Fields(
    ("nummer", "ToewijzingNummer", as_text),
    ("categorie", "Product/Categorie", as_text),
    ("code", "Product/Code", as_text),
    ("ingangsdatum", "Ingangsdatum", as_date),
    ("einddatum", "Einddatum", as_date),
    ("volume", "Omvang/Volume", as_int),
    ("eenheid", "Omvang/Eenheid", as_text),
    ("frequentie", "Omvang/Frequentie", as_text),
    ("budget", "Budget", as_int),
    ("reden_wijziging", "RedenWijziging", as_text),
    ("toewijzingsdatum", "Toewijzingsdatum", as_date),
    ("toewijzingstijd", "Toewijzingstijd", as_text),
    ("referentie_aanbieder", "ReferentieAanbieder", as_text),
)
# The record's fields as _add_toewijzingen hands them over: ToewijzingNummer, Bsn, the rest.
_TOEWIJZING_ORDER = ("nummer", "bsn", *[n for n, _, _ in TOEWIJZING_FIELDS][1:], "afzender", "ontvanger")
if _TOEWIJZING_ORDER != tuple(f.name for f in dataclass_fields(Toewijzing) if f.name != "seq"):
    raise TypeError("TOEWIJZING_FIELDS must list Toewijzing's fields in its order, ToewijzingNummer first")

HEADER_FIELDS = Fields(
    ("afzender", "Afzender", as_text),
    ("ontvanger", "Ontvanger", as_text),
    ("identificatie", "BerichtIdentificatie/Identificatie", as_text),
    ("dagtekening", "BerichtIdentificatie/Dagtekening", as_date),
    ("basisschema_xsd_versie", "XsdVersie/BasisschemaXsdVersie", as_text),
    ("bericht_xsd_versie", "XsdVersie/BerichtXsdVersie", as_text),
)

_NOT_REJECTING = frozenset({"0200", "8001", "0233", None})

ADDERS = {
    "301": _add_toewijzingen,
    "305": _add_start_stops,
    "307": _add_start_stops,
    "315": _add_verzoek,
    "317": _add_verzoek,
    "319": _add_verzoek_antwoord,
    "323": _add_declaratie,
    "325": _add_antwoord,
}
