"""Earlier messages, reduced to small indexed records for cross-message (TR) rules.

Only the facts rules compare against are kept, never lxml trees: a month of traffic holds
some 100k toewijzingen and declaration lines, and rules look them up by key. The record
types are plain dataclasses so a persistent store can fill the same History from rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date
from decimal import Decimal
from pathlib import Path

from iwmo_ijw.parsing import MessageError, ParsedMessage, load
from iwmo_ijw.xpath import as_date, as_decimal, as_int, date_of, find, findall, iter_local, text
from validators.memory import collector_paused


@dataclass(frozen=True, slots=True)
class BerichtKey:
    afzender: str
    ontvanger: str
    berichtcode: str  # message type code, e.g. "JW323": identificaties are unique per type
    identificatie: str
    dagtekening: date | None


@dataclass(frozen=True, slots=True)
class Toewijzing:
    nummer: str
    bsn: str | None
    categorie: str | None
    code: str | None
    ingangsdatum: date | None
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: int | None
    reden_wijziging: str | None
    toewijzingsdatum: date | None
    toewijzingstijd: str | None
    referentie_aanbieder: str | None
    afzender: str
    ontvanger: str

    @property
    def order_key(self) -> tuple[date, str]:
        # Toewijzingstijd is an xs:time text; lexical order of hh:mm:ss equals time order.
        return (self.toewijzingsdatum or date.min, self.toewijzingstijd or "")

    def covers(self, day: date) -> bool:
        if self.ingangsdatum is not None and day < self.ingangsdatum:
            return False
        return self.einddatum is None or day <= self.einddatum


@dataclass(frozen=True, slots=True)
class StartStop:
    berichtcode: str  # "JW305" or "JW307"
    toewijzing_nummer: str | None
    bsn: str | None
    categorie: str | None
    code: str | None
    toewijzing_ingangsdatum: date | None
    begindatum: date | None
    einddatum: date | None
    status: str | None
    afzender: str
    reden_beeindiging: str | None = None
    identificatie: str = ""  # BerichtIdentificatie of the notice's message
    dagtekening: date | None = None  # of the notice's message

    @property
    def start_key(self) -> tuple:
        """What identifies a start; a stop repeats it (Bsn, ToewijzingNummer, Product, Begindatum)."""
        return (self.bsn, self.toewijzing_nummer, self.categorie, self.code, self.begindatum)

    @property
    def key(self) -> tuple:
        if self.berichtcode.endswith("305"):
            return self.start_key
        return (*self.start_key, self.einddatum, self.reden_beeindiging)


@dataclass(frozen=True, slots=True)
class Prestatie:
    declaratie_nummer: str | None
    bsn: str | None
    referentie: str | None
    vorig_referentie: str | None
    toewijzing_nummer: str | None
    categorie: str | None
    code: str | None
    begindatum: date | None
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    tarief: int | None
    bedrag: Decimal | None
    debet_credit: str | None
    afzender: str
    ontvanger: str


@dataclass(frozen=True, slots=True)
class Declaratie:
    nummer: str
    begindatum: date | None
    einddatum: date | None
    afzender: str
    ontvanger: str
    referenties: tuple[str, ...]
    dagtekening: date | None = None  # a stored history may hold declarations sent after the one under test


@dataclass(frozen=True, slots=True)
class DeclaratieAntwoord:
    declaratie_nummer: str | None
    afgewezen: frozenset[str]  # ReferentieNummers answered with a rejecting retourcode
    afzender: str
    geheel_afgewezen: bool = False  # the declaration as a whole was rejected (no line judged)


@dataclass(frozen=True, slots=True)
class Verzoek:
    berichtcode: str  # JW315 or JW317
    referentie_aanbieder: str
    bsn: str | None
    afzender: str
    ontvanger: str = ""
    identificatie: str = ""  # BerichtIdentificatie of the request message
    dagtekening: date | None = None  # a stored history may hold requests sent after the message under test

    def sent_after(self, day: date | None) -> bool:
        return self.dagtekening is not None and day is not None and self.dagtekening > day


@dataclass(frozen=True, slots=True)
class VerzoekAntwoord:
    referentie_aanbieder: str
    antwoord: str | None  # VerzoekAntwoord: 1 = afgewezen, 2 = in onderzoek
    afzender: str  # gemeente
    ontvanger: str  # aanbieder
    identificatie: str = ""  # BerichtIdentificatie of the answer message


@dataclass
class History:
    berichten: set[BerichtKey] = field(default_factory=set)
    _toewijzingen: dict[str, list[Toewijzing]] = field(default_factory=lambda: defaultdict(list))
    _by_bsn: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    start_stops: dict[str, list[StartStop]] = field(default_factory=lambda: defaultdict(list))
    _prestaties: dict[str, list[Prestatie]] = field(default_factory=lambda: defaultdict(list))
    _by_vorig: dict[str, list[Prestatie]] = field(default_factory=lambda: defaultdict(list))
    _by_toewijzing: dict[str, list[Prestatie]] = field(default_factory=lambda: defaultdict(list))
    _declaraties: dict[str, Declaratie] = field(default_factory=dict)
    antwoorden: dict[str, list[DeclaratieAntwoord]] = field(default_factory=lambda: defaultdict(list))
    verzoeken: dict[str, list[Verzoek]] = field(default_factory=lambda: defaultdict(list))
    verzoek_antwoorden: dict[str, list[VerzoekAntwoord]] = field(default_factory=lambda: defaultdict(list))
    _by_referentie_aanbieder: dict[str, list[Toewijzing]] = field(default_factory=lambda: defaultdict(list))
    retouren: list[BerichtKey] = field(default_factory=list)
    # (afzender, identificatie, dagtekening) -> (BasisschemaXsdVersie, BerichtXsdVersie)
    xsd_versies: dict[tuple[str, str, date | None], tuple[str | None, str | None]] = field(default_factory=dict)
    _relations: set[tuple[str, str]] = field(default_factory=set)  # (gemeente, aanbieder) pairs
    # The version of each toewijzing that counts, found once: rules ask it for every line.
    _latest: dict[str, Toewijzing] = field(default_factory=dict, compare=False, repr=False)
    # (size of berichten when built, (afzender, identificatie) -> keys): see _berichten_of
    _bericht_index: tuple[int, dict] = field(default_factory=lambda: (0, {}), compare=False, repr=False)

    # -- building -----------------------------------------------------------------

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> History:
        """Files and folders (read recursively, sorted), oldest first."""
        history = cls()
        history.add_paths(paths)
        return history

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        with collector_paused():
            for path in map(Path, paths):
                # Component by component, as Paths compare, without a Python __lt__ per comparison.
                files = sorted(path.rglob("*.xml"), key=_parts) if path.is_dir() else [path]
                for file in files:
                    self.add(_load(file))

    @classmethod
    def from_messages(cls, messages: Iterable[ParsedMessage]) -> History:
        history = cls()
        history.add_messages(messages)
        return history

    def add_messages(self, messages: Iterable[ParsedMessage]) -> None:
        with collector_paused():
            for message in messages:
                self.add(message)

    def add(self, message: ParsedMessage) -> None:
        code = str(message.message_type.number)  # "301" for JW301 and WMO301 alike
        header = find(message.root, "Header")
        texts = HEADER_FIELDS.of(header) if header is not None else HEADER_FIELDS.absent()
        key = _bericht_key(message, texts)
        self.berichten.add(key)
        self.xsd_versies[(key.afzender, key.identificatie, key.dagtekening)] = (
            texts["basisschema_xsd_versie"], texts["bericht_xsd_versie"])
        adder = _ADDERS.get(code)
        if adder is not None:
            adder(self, message, key)
        elif message.message_type.is_retour:
            self.retouren.append(key)

    def add_toewijzing(self, record: Toewijzing) -> None:
        self._toewijzingen[record.nummer].append(record)
        self._latest.pop(record.nummer, None)
        self._relations.add((record.afzender, record.ontvanger))
        if record.referentie_aanbieder:
            self._by_referentie_aanbieder[record.referentie_aanbieder].append(record)
        if record.bsn:
            self._by_bsn[record.bsn].add(record.nummer)

    def add_prestatie(self, record: Prestatie) -> None:
        if record.referentie:
            self._prestaties[record.referentie].append(record)
        if record.vorig_referentie:
            self._by_vorig[record.vorig_referentie].append(record)
        if record.toewijzing_nummer:
            self._by_toewijzing[record.toewijzing_nummer].append(record)

    def add_declaratie(self, record: Declaratie) -> None:
        self._declaraties[record.nummer] = record

    # -- queries ------------------------------------------------------------------

    def toewijzing(self, nummer: str, on: date | None = None) -> Toewijzing | None:
        """The version that counts: the latest by Toewijzingsdatum + Toewijzingstijd.

        With on, only versions decided on or before that date are considered.
        """
        if on is None:
            return self._latest_version(nummer)
        versions = [v for v in self.toewijzing_versions(nummer)
                    if v.toewijzingsdatum is None or v.toewijzingsdatum <= on]
        return versions[-1] if versions else None

    def _latest_version(self, nummer: str) -> Toewijzing | None:
        latest = self._latest.get(nummer)
        if latest is None:
            versions = self._toewijzingen.get(nummer)
            if not versions:
                return None
            latest = versions[0] if len(versions) == 1 else self.toewijzing_versions(nummer)[-1]
            self._latest[nummer] = latest
        return latest

    def toewijzing_versions(self, nummer: str) -> list[Toewijzing]:
        """All versions, oldest first (stable for equal timestamps: arrival order)."""
        return sorted(self._toewijzingen.get(nummer, ()), key=lambda t: t.order_key)

    def toewijzingen_by_referentie_aanbieder(self, referentie: str) -> list[Toewijzing]:
        return list(self._by_referentie_aanbieder.get(referentie, ()))

    def has_verzoeken_from(self, aanbieder: str) -> bool:
        return any(v.afzender == aanbieder for vs in self.verzoeken.values() for v in vs)

    def has_relation(self, gemeente: str, aanbieder: str) -> bool:
        return (gemeente, aanbieder) in self._relations

    def toewijzingen_for(self, bsn: str) -> list[Toewijzing]:
        found = (self.toewijzing(n) for n in sorted(self._by_bsn.get(bsn, ())))
        return [t for t in found if t is not None]

    def prestaties_by_referentie(self, referentie: str) -> list[Prestatie]:
        return list(self._prestaties.get(referentie, ()))

    def prestaties_by_vorig_referentie(self, referentie: str) -> list[Prestatie]:
        return list(self._by_vorig.get(referentie, ()))

    def prestaties_for_toewijzing(self, nummer: str) -> list[Prestatie]:
        return list(self._by_toewijzing.get(nummer, ()))

    def is_afgewezen(self, prestatie: Prestatie) -> bool:
        """Whether a known declaration answer rejected this line (unanswered lines count as standing)."""
        return bool(prestatie.referentie and prestatie.declaratie_nummer) and any(
            prestatie.referentie in a.afgewezen for a in self.antwoorden.get(prestatie.declaratie_nummer, ()))

    def has_declaraties_from(self, aanbieder: str) -> bool:
        return any(d.afzender == aanbieder for d in self._declaraties.values())

    def declaratie(self, nummer: str) -> Declaratie | None:
        return self._declaraties.get(nummer)

    def declaraties_between(self, aanbieder: str, gemeente: str) -> list[Declaratie]:
        return [d for d in self._declaraties.values() if d.afzender == aanbieder and d.ontvanger == gemeente]

    def geheel_afgewezen(self, declaratie_nummer: str) -> bool:
        return any(a.geheel_afgewezen for a in self.antwoorden.get(declaratie_nummer, ()))

    def current_toewijzingen(self, bsn: str, gemeente: str, aanbieder: str, on: date) -> list[Toewijzing]:
        """Toewijzingen of the client from this gemeente to this aanbieder valid on or after `on`,
        without the deleted ones (Einddatum equal to Ingangsdatum with reden 13 or 01)."""
        out = []
        for t in self.toewijzingen_for(bsn):
            if t.afzender != gemeente or t.ontvanger != aanbieder:
                continue
            if t.reden_wijziging in ("13", "01") and t.einddatum == t.ingangsdatum:
                continue
            if t.einddatum is None or t.einddatum >= on:
                out.append(t)
        return out

    def seen_bericht(self, afzender: str, identificatie: str, dagtekening: date | None = None,
                     berichtcode: str | None = None) -> bool:
        return any(
            (dagtekening is None or k.dagtekening == dagtekening)
            and (berichtcode is None or k.berichtcode == berichtcode)
            for k in self._berichten_of(afzender, identificatie)
        )

    def _berichten_of(self, afzender: str, identificatie: str) -> list[BerichtKey]:
        # Every message under test asks; a month's history holds some 100k messages.
        if self._bericht_index[0] != len(self.berichten):  # berichten is a public set: rebuilt when it grew
            index: dict[tuple[str, str], list[BerichtKey]] = defaultdict(list)
            for k in self.berichten:
                index[(k.afzender, k.identificatie)].append(k)
            self._bericht_index = (len(self.berichten), index)
        return self._bericht_index[1].get((afzender, identificatie), [])


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def _load(file: Path) -> ParsedMessage:
    try:
        return load(file)
    except MessageError as error:
        if str(file) in str(error):
            raise
        raise MessageError(f"history file {file}: {error}") from error
    except OSError as error:
        raise MessageError(f"history file {file} cannot be read: {error.strerror}") from error


def _bericht_key(message: ParsedMessage, header: dict) -> BerichtKey:
    return BerichtKey(
        afzender=header["afzender"] or "",
        ontvanger=header["ontvanger"] or "",
        berichtcode=message.message_type.code,
        identificatie=header["identificatie"] or "",
        dagtekening=header["dagtekening"],
    )


def _add_toewijzingen(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for tp in _grandchildren(client, "ToegewezenProducten", "ToegewezenProduct"):
            values = TOEWIJZING_FIELDS.of(tp)
            history.add_toewijzing(Toewijzing(nummer=values.pop("nummer") or "", bsn=bsn, **values,
                                              afzender=key.afzender, ontvanger=key.ontvanger))


def _grandchildren(el, child: str, grandchild: str):
    """What findall(el, "child/grandchild") gives, without ElementPath's parsing per call."""
    for middle in el.iterchildren(f"{{*}}{child}"):
        yield from middle.iterchildren(f"{{*}}{grandchild}")


def _add_start_stops(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    item = "StartProduct" if key.berichtcode.endswith("305") else "StopProduct"
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for product in iter_local(client, item):
            record = start_stop_record(product, bsn=bsn, key=key)
            history.start_stops[record.toewijzing_nummer or ""].append(record)


def start_stop_record(product, *, bsn: str | None, key: BerichtKey) -> StartStop:
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
    )


def _add_declaratie(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    declaratie = find(message.root, "Declaratie")
    nummer = text(declaratie, "DeclaratieNummer")
    referenties: list[str] = []
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for p in findall(client, "Prestaties/Prestatie"):
            record = prestatie_record(p, bsn=bsn, declaratie_nummer=nummer, key=key)
            history.add_prestatie(record)
            if record.referentie:
                referenties.append(record.referentie)
    if nummer:
        history.add_declaratie(Declaratie(
            nummer=nummer,
            begindatum=date_of(declaratie, "DeclaratiePeriode/Begindatum"),
            einddatum=date_of(declaratie, "DeclaratiePeriode/Einddatum"),
            afzender=key.afzender,
            ontvanger=key.ontvanger,
            referenties=tuple(referenties),
            dagtekening=key.dagtekening,
        ))


def prestatie_record(p, *, bsn: str | None, declaratie_nummer: str | None, key: BerichtKey) -> Prestatie:
    """One declaration line as a record; also used by rules on the message under test."""
    return Prestatie(
        declaratie_nummer=declaratie_nummer,
        bsn=bsn,
        **PRESTATIE_FIELDS.of(p),
        afzender=key.afzender,
        ontvanger=key.ontvanger,
    )


def prestatie_records(texts: dict[str, list[str | None]], bsns: list[str | None], *,
                      declaratie_nummer: str | None, key: BerichtKey) -> list[Prestatie]:
    """The records of many lines at once, from their texts per path of PRESTATIE_FIELDS (as
    `text` gives them: None when absent); the same records `prestatie_record` makes."""
    size = len(bsns)
    columns = {name: _read_all(texts[path], read) for name, path, read in PRESTATIE_FIELDS}
    columns.update(declaratie_nummer=[declaratie_nummer] * size, bsn=bsns,
                   afzender=[key.afzender] * size, ontvanger=[key.ontvanger] * size)
    return list(map(Prestatie, *(columns[name] for name in _PRESTATIE_ORDER)))


def _read_all(values: list[str | None], read: Callable[[str | None], object]) -> list:
    if read is as_text:
        return values
    # A month's lines share a few dates, volumes and tariffs: each distinct text is read once.
    known = {v: read(v) for v in set(values)}
    return [known[v] for v in values]


def _add_antwoord(history: History, message: ParsedMessage, key: BerichtKey) -> None:
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
    history.antwoorden[nummer or ""].append(DeclaratieAntwoord(
        declaratie_nummer=nummer, afgewezen=frozenset(afgewezen), afzender=key.afzender,
        geheel_afgewezen=bool(own - _NOT_REJECTING)))


def _add_verzoek(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for el in client.iter():
            if isinstance(el.tag, str) and el.tag.endswith("ReferentieAanbieder") and el.text:
                history.verzoeken[el.text].append(Verzoek(
                    berichtcode=key.berichtcode, referentie_aanbieder=el.text, bsn=bsn, afzender=key.afzender,
                    ontvanger=key.ontvanger, identificatie=key.identificatie, dagtekening=key.dagtekening))


def _add_verzoek_antwoord(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    for antwoord in iter_local(message.root, "Antwoord"):
        referentie = text(antwoord, "ReferentieAanbieder")
        if referentie:
            history.verzoek_antwoorden[referentie].append(VerzoekAntwoord(
                referentie, text(antwoord, "VerzoekAntwoord"), key.afzender, key.ontvanger, key.identificatie))


def read_texts(el, shape: dict) -> dict[str, str]:
    """Per field of `shape` (see `_shape`), the text `iwmo_ijw.xpath.text(el, path)` gives;
    absent fields are left out. One walk over the children instead of a find per field: a
    month's history holds some 100k toewijzingen of a dozen fields each."""
    found: dict[str, str] = {}
    _walk(el, shape, found)
    return found


def _walk(el, shape: dict, found: dict[str, str]) -> None:
    walked = None  # containers of this element already walked: `find` follows the first of a name
    for child in el:
        tag = child.tag
        name = _LOCAL_NAMES.get(tag) or _local_name(tag)
        want = shape.get(name)
        if want is None:
            continue
        if type(want) is str:
            if want not in found:  # a field stands at one path only: filled means by an earlier sibling
                found[want] = (child.text or "").strip()
        elif walked is None or name not in walked:
            walked = {name} if walked is None else walked | {name}
            _walk(child, want, found)


_LOCAL_NAMES: dict = {}  # tag -> local name; the standard has a few hundred distinct tags


def _local_name(tag) -> str | None:
    # Comments and processing instructions have no name; `find` never takes them.
    name = tag[tag.find("}") + 1:] if isinstance(tag, str) else None
    if name is not None and len(_LOCAL_NAMES) < 4096:  # bounded: input may invent tags
        _LOCAL_NAMES[tag] = name
    return name


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
    return value


class Fields:
    """The fields of one kind of record: (record field, path below its element, reader of the
    text). One table for reading from elements (`of`) and, for Prestaties, from columns."""

    def __init__(self, *fields: tuple[str, str, Callable[[str | None], object]]) -> None:
        self._fields = fields
        self._shape = _shape(fields)
        self._none = dict.fromkeys(name for name, _, _ in fields)
        self._read = tuple((name, read) for name, _, read in fields if read is not as_text)

    def __iter__(self):
        return iter(self._fields)

    def of(self, el) -> dict[str, object]:
        """Per field, what the xpath reader gives for `el` (text, date_of, int_of, decimal_of)."""
        values = {**self._none, **read_texts(el, self._shape)}
        for name, read in self._read:
            values[name] = read(values[name])
        return values

    def absent(self) -> dict[str, object]:
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
_PRESTATIE_ORDER = tuple(f.name for f in dataclass_fields(Prestatie))

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

HEADER_FIELDS = Fields(
    ("afzender", "Afzender", as_text),
    ("ontvanger", "Ontvanger", as_text),
    ("identificatie", "BerichtIdentificatie/Identificatie", as_text),
    ("dagtekening", "BerichtIdentificatie/Dagtekening", as_date),
    ("basisschema_xsd_versie", "XsdVersie/BasisschemaXsdVersie", as_text),
    ("bericht_xsd_versie", "XsdVersie/BerichtXsdVersie", as_text),
)

_NOT_REJECTING = frozenset({"0200", "8001", "0233", None})

_ADDERS = {
    "301": _add_toewijzingen,
    "305": _add_start_stops,
    "307": _add_start_stops,
    "315": _add_verzoek,
    "317": _add_verzoek,
    "319": _add_verzoek_antwoord,
    "323": _add_declaratie,
    "325": _add_antwoord,
}
