"""Earlier messages, reduced to small indexed records for cross-message (TR) rules.

Only the facts rules compare against are kept, never lxml trees: a month of traffic holds
some 100k toewijzingen and declaration lines, and rules look them up by key. The record
types are plain dataclasses so a persistent store can fill the same History from rows.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date
from decimal import Decimal
from pathlib import Path

from iwmo_ijw.parsing import MessageError, ParsedMessage, load
from iwmo_ijw.xpath import as_date, as_decimal, as_int, date_of, find, findall, iter_local, text
from validators.engine._gcpause import collector_paused
from validators.sources.files import message_files
from validators.sources.lifecycle import Lifecycle


@dataclass(frozen=True, slots=True)
class BerichtKey:
    afzender: str
    ontvanger: str
    berichtcode: str  # message type code, e.g. "JW323": identificaties are unique per type
    identificatie: str
    dagtekening: date | None


# Every record carries `seq`, the arrival position of its message in the history (0 for records
# added by hand): the before-view of a message hides what arrived with or after it.


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
    seq: int = field(default=0, compare=False)

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
    ontvanger: str = ""  # the gemeente: a ToewijzingNummer is unique per gemeente
    seq: int = field(default=0, compare=False)

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
    seq: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Declaratie:
    nummer: str
    begindatum: date | None
    einddatum: date | None
    afzender: str
    ontvanger: str
    referenties: tuple[str, ...]
    dagtekening: date | None = None  # a stored history may hold declarations sent after the one under test
    seq: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class DeclaratieAntwoord:
    declaratie_nummer: str | None
    afgewezen: frozenset[str]  # ReferentieNummers answered with a rejecting retourcode
    afzender: str
    geheel_afgewezen: bool = False  # the declaration as a whole was rejected (no line judged)
    ontvanger: str = ""  # the aanbieder: a DeclaratieNummer is unique per aanbieder
    seq: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Verzoek:
    berichtcode: str  # JW315 or JW317
    referentie_aanbieder: str
    bsn: str | None
    afzender: str
    ontvanger: str = ""
    identificatie: str = ""  # BerichtIdentificatie of the request message
    dagtekening: date | None = None  # a stored history may hold requests sent after the message under test
    seq: int = field(default=0, compare=False)
    # JW317 only (OP348): the ToewijzingNummers it names (unchanged or to change) and the
    # (Categorie, Code) of the products it asks anew.
    toewijzing_nummers: tuple[str, ...] = ()
    nieuwe_producten: tuple[tuple[str | None, str | None], ...] = ()

    def sent_after(self, day: date | None) -> bool:
        return self.dagtekening is not None and day is not None and self.dagtekening > day


@dataclass(frozen=True, slots=True)
class VerzoekAntwoord:
    referentie_aanbieder: str
    antwoord: str | None  # VerzoekAntwoord: 1 = afgewezen, 2 = in onderzoek
    afzender: str  # gemeente
    ontvanger: str  # aanbieder
    identificatie: str = ""  # BerichtIdentificatie of the answer message
    seq: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Coverage:
    """From which Dagtekening the history is known to hold every message of its parties.

    Rules that conclude from an absence ask it first: a message missing from a complete
    period was never sent; missing from before it (or from a history not known to be
    complete) proves nothing. `complete_from` None: completeness is not known.
    """

    complete_from: date | None = None
    source: str = ""  # what vouches for it: "store" or "--history-complete"

    def proves_absence(self, day: date | None) -> bool | None:
        """True/False when the model decides for a message dated `day`; None when there is no model."""
        if self.complete_from is None:
            return None
        return day is not None and day >= self.complete_from


class _Index:
    """Records per scope and key, in arrival order; a lookup without scope gives every scope's.

    The scope is the party a number is unique for (a ToewijzingNummer per gemeente, a
    DeclaratieNummer or ReferentieNummer per aanbieder), so equal numbers of two parties
    never hide each other. Nested by scope: a month has a few hundred parties and some 100k
    numbers, so no key tuple per record.
    """

    __slots__ = ("by_scope",)

    def __init__(self) -> None:
        self.by_scope: dict[str, dict[str, list]] = {}

    def add(self, scope: str, key: str, record) -> None:
        keys = self.by_scope.get(scope)
        if keys is None:
            keys = self.by_scope[scope] = {}
        records = keys.get(key)
        if records is None:
            keys[key] = [record]
        else:
            records.append(record)

    def get(self, key: str, scope: str | None = None) -> list:
        """The stored list itself (callers copy or filter); every scope's, by arrival, without scope."""
        if scope is not None:
            return self.by_scope.get(scope, _NO_KEYS).get(key, _EMPTY)
        found = [records for keys in self.by_scope.values() if (records := keys.get(key))]
        if len(found) <= 1:
            return found[0] if found else _EMPTY
        return sorted((r for records in found for r in records), key=_seq_of)

    def of_scope(self, scope: str) -> dict[str, list]:
        return self.by_scope.get(scope, _NO_KEYS)


_NO_KEYS: dict = {}
_EMPTY: list = []


def _seq_of(record) -> int:
    return record.seq


@dataclass
class History:
    berichten: set[BerichtKey] = field(default_factory=set)
    # (gemeente, ToewijzingNummer) -> versions
    _toewijzingen: _Index = field(default_factory=_Index)
    _by_bsn: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    start_stops: dict[str, list[StartStop]] = field(default_factory=lambda: defaultdict(list))
    _prestaties: _Index = field(default_factory=_Index)  # (aanbieder, ReferentieNummer)
    _by_vorig: _Index = field(default_factory=_Index)  # (aanbieder, VorigReferentieNummer)
    _by_toewijzing: _Index = field(default_factory=_Index)  # (gemeente, ToewijzingNummer)
    _declaraties: _Index = field(default_factory=_Index)  # (aanbieder, DeclaratieNummer)
    antwoorden: dict[str, list[DeclaratieAntwoord]] = field(default_factory=lambda: defaultdict(list))
    verzoeken: dict[str, list[Verzoek]] = field(default_factory=lambda: defaultdict(list))
    verzoek_antwoorden: dict[str, list[VerzoekAntwoord]] = field(default_factory=lambda: defaultdict(list))
    _by_referentie_aanbieder: _Index = field(default_factory=_Index)  # (aanbieder, ReferentieAanbieder)
    retouren: list[BerichtKey] = field(default_factory=list)
    # (afzender, identificatie, dagtekening) -> (BasisschemaXsdVersie, BerichtXsdVersie)
    xsd_versies: dict[tuple[str, str, date | None], tuple[str | None, str | None]] = field(
        default_factory=dict
    )
    _relations: dict[tuple[str, str], int] = field(default_factory=dict)  # (gemeente, aanbieder) -> first seq
    coverage: Coverage = field(default_factory=Coverage)
    # Which messages and classes were rejected (validators.sources.lifecycle; the lifecycle engineer's part).
    verloop: Lifecycle = field(default_factory=Lifecycle, compare=False, repr=False)
    # The version of each toewijzing that counts, found once: rules ask it for every line.
    _latest: dict[tuple[str | None, str], Toewijzing] = field(default_factory=dict, compare=False, repr=False)
    # (size of berichten when built, (afzender, identificatie) -> keys): see _berichten_of
    _bericht_index: tuple[int, dict] = field(default_factory=lambda: (0, {}), compare=False, repr=False)
    _bericht_seq: dict[BerichtKey, int] = field(default_factory=dict, compare=False, repr=False)
    # Per message key, where each copy arrived and what it held: only the message itself ends a
    # before-view, not another message under the same Identificatie (that one is TR056's).
    _copies: dict[BerichtKey, list[tuple[int, int]]] = field(default_factory=dict, compare=False, repr=False)
    _seq: int = field(default=0, compare=False, repr=False)  # of the message being added
    _upto: int | None = field(default=None, compare=False, repr=False)  # a before-view: seq < _upto
    _last_view: tuple[int, History] | None = field(default=None, compare=False, repr=False)

    # -- building -----------------------------------------------------------------

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path], *, complete: bool = False) -> History:
        """Files and folders (read recursively, sorted), oldest first; `complete`: they hold every
        message of their parties from their earliest Dagtekening on (see Coverage)."""
        history = cls()
        earliest = history.add_paths(paths)
        if complete and earliest is not None:
            history.declare_complete("--history-complete", earliest)
        return history

    def declare_complete(self, source: str, since: date) -> None:
        """Vouch that the history holds every message of its parties dated `since` or later."""
        known = self.coverage.complete_from
        self.coverage = Coverage(since if known is None else min(known, since), source)

    def add_paths(self, paths: Iterable[str | Path]) -> date | None:
        """Add files and folders; gives the earliest Dagtekening among the messages added."""
        earliest = None
        with collector_paused():
            for path in map(Path, paths):
                # Component by component, as Paths compare, without a Python __lt__ per comparison.
                files = sorted(message_files(path), key=_parts) if path.is_dir() else [path]
                for file in files:
                    day = self.add(_load(file))
                    if day is not None and (earliest is None or day < earliest):
                        earliest = day
        return earliest

    @classmethod
    def from_messages(cls, messages: Iterable[ParsedMessage]) -> History:
        history = cls()
        history.add_messages(messages)
        return history

    def add_messages(self, messages: Iterable[ParsedMessage]) -> None:
        with collector_paused():
            for message in messages:
                self.add(message)

    def add(self, message: ParsedMessage) -> date | None:
        """Add one message; gives its Dagtekening."""
        assert self._upto is None, "a before-view is read-only"
        code = str(message.message_type.number)  # "301" for JW301 and WMO301 alike
        header = find(message.root, "Header")
        texts = HEADER_FIELDS.of(header) if header is not None else HEADER_FIELDS.absent()
        key = _bericht_key(message, texts)
        self._seq += 1
        self._last_view = None
        self.berichten.add(key)
        self._bericht_seq.setdefault(key, self._seq)
        self._copies.setdefault(key, []).append((self._seq, message.content_digest()))
        self.xsd_versies.setdefault(
            (key.afzender, key.identificatie, key.dagtekening),
            (texts["basisschema_xsd_versie"], texts["bericht_xsd_versie"]),
        )
        adder = _ADDERS.get(code)
        if adder is not None:
            adder(self, message, key)
        elif message.message_type.is_retour:
            self.retouren.append(key)
        self.verloop.note(message, key, self._seq)
        return key.dagtekening

    def add_toewijzing(self, record: Toewijzing) -> None:
        self._toewijzingen.add(record.afzender, record.nummer, record)
        if self._latest:  # empty while a history is read: nothing asked yet
            self._latest.pop((record.afzender, record.nummer), None)
            self._latest.pop((None, record.nummer), None)
        if (record.afzender, record.ontvanger) not in self._relations:
            self._relations[(record.afzender, record.ontvanger)] = record.seq
        if record.referentie_aanbieder:
            self._by_referentie_aanbieder.add(record.ontvanger, record.referentie_aanbieder, record)
        if record.bsn:
            self._by_bsn[record.bsn].add((record.afzender, record.nummer))

    def add_prestatie(self, record: Prestatie) -> None:
        if record.referentie:
            self._prestaties.add(record.afzender, record.referentie, record)
        if record.vorig_referentie:
            self._by_vorig.add(record.afzender, record.vorig_referentie, record)
        if record.toewijzing_nummer:
            self._by_toewijzing.add(record.ontvanger, record.toewijzing_nummer, record)

    def add_declaratie(self, record: Declaratie) -> None:
        self._declaraties.add(record.afzender, record.nummer, record)

    # -- the view before a message --------------------------------------------------

    def before_message(self, message: ParsedMessage) -> History:
        """What came before `message`: when the message itself is in the history (re-validation),
        only what arrived before its first occurrence; otherwise the whole history."""
        header = find(message.root, "Header")
        if header is None or not self._bericht_seq:
            return self
        copies = self._copies.get(_bericht_key(message, HEADER_FIELDS.of(header)))
        body = message.content_digest() if copies else None
        seq = next((at for at, held in copies if held == body), None) if copies else None
        if seq is None:
            return self
        # A streamed message asks once per chunk: the last view is kept.
        if self._last_view is None or self._last_view[0] != seq:
            self._last_view = (seq, self.before(seq))
        return self._last_view[1]

    def before(self, seq: int) -> History:
        """A read-only view of what arrived before position `seq` (1 = the first message)."""
        view = copy.copy(self)
        view._upto = seq if self._upto is None else min(seq, self._upto)
        view._latest, view._bericht_index, view._last_view = {}, (0, {}), None
        shown = {k for k, s in self._bericht_seq.items() if s < view._upto}
        view.berichten = {k for k in self.berichten if k in shown}
        view.retouren = [k for k in self.retouren if k in shown]
        dated = {(k.afzender, k.identificatie, k.dagtekening) for k in view.berichten}
        view.xsd_versies = {k: v for k, v in self.xsd_versies.items() if k in dated}
        view.start_stops = _filtered(self.start_stops, view._upto)
        view.antwoorden = _filtered(self.antwoorden, view._upto)
        view.verzoeken = _filtered(self.verzoeken, view._upto)
        view.verzoek_antwoorden = _filtered(self.verzoek_antwoorden, view._upto)
        view.verloop = self.verloop.before(view._upto)
        return view

    def _shown(self, records: list) -> list:
        upto = self._upto
        if upto is None:
            return list(records)
        return [r for r in records if r.seq < upto]

    # -- queries ------------------------------------------------------------------
    # Each lookup takes the party its number is unique for; None (any party) is only for
    # callers that truly have no scope.

    def toewijzing(
        self, nummer: str, on: date | None = None, *, gemeente: str | None = None
    ) -> Toewijzing | None:
        """The version that counts: the latest by Toewijzingsdatum + Toewijzingstijd.

        With on, only versions decided on or before that date are considered.
        """
        if on is None:
            return self._latest_version(nummer, gemeente)
        versions = [
            v
            for v in self.toewijzing_versions(nummer, gemeente=gemeente)
            if v.toewijzingsdatum is None or v.toewijzingsdatum <= on
        ]
        return versions[-1] if versions else None

    def _latest_version(self, nummer: str, gemeente: str | None) -> Toewijzing | None:
        latest = self._latest.get((gemeente, nummer))
        if latest is None:
            versions = self._toewijzingen.get(nummer, gemeente)
            if self._upto is not None:
                versions = self._shown(versions)
            if not versions:
                return None
            if len(versions) > 1:
                versions = self.toewijzing_versions(nummer, gemeente=gemeente)
            latest = versions[-1]
            self._latest[(gemeente, nummer)] = latest
        return latest

    def toewijzing_versions(self, nummer: str, *, gemeente: str | None = None) -> list[Toewijzing]:
        """All versions, oldest first (stable for equal timestamps: arrival order)."""
        return sorted(self._shown(self._toewijzingen.get(nummer, gemeente)), key=lambda t: t.order_key)

    def toewijzingen_by_referentie_aanbieder(
        self, referentie: str, *, aanbieder: str | None = None
    ) -> list[Toewijzing]:
        return self._shown(self._by_referentie_aanbieder.get(referentie, aanbieder))

    def has_verzoeken_from(self, aanbieder: str) -> bool:
        return any(v.afzender == aanbieder for vs in self.verzoeken.values() for v in vs)

    def verzoeken_for(self, referentie: str, *, aanbieder: str | None = None) -> list[Verzoek]:
        """Requests with this ReferentieAanbieder (unique per aanbieder, the requests' afzender)."""
        return [v for v in self.verzoeken.get(referentie, ()) if aanbieder is None or v.afzender == aanbieder]

    def verzoek_antwoorden_for(
        self, referentie: str, *, aanbieder: str | None = None
    ) -> list[VerzoekAntwoord]:
        """Answers (JW319) to the requests of this aanbieder with this ReferentieAanbieder."""
        return [
            a
            for a in self.verzoek_antwoorden.get(referentie, ())
            if aanbieder is None or a.ontvanger == aanbieder
        ]

    def start_stops_for(
        self, nummer: str, *, gemeente: str | None = None, aanbieder: str | None = None
    ) -> list[StartStop]:
        """Start and stop notices on a toewijzing of this gemeente (by this aanbieder), in arrival order."""
        return [
            n
            for n in self.start_stops.get(nummer, ())
            if (gemeente is None or not n.ontvanger or n.ontvanger == gemeente)
            and (aanbieder is None or n.afzender == aanbieder)
        ]

    def has_relation(self, gemeente: str, aanbieder: str) -> bool:
        seq = self._relations.get((gemeente, aanbieder))
        if seq is None or self._upto is None or seq < self._upto:
            return seq is not None
        return any(
            t.ontvanger == aanbieder and t.seq < self._upto
            for ts in self._toewijzingen.of_scope(gemeente).values()
            for t in ts
        )

    def toewijzingen_for(self, bsn: str) -> list[Toewijzing]:
        found = (self.toewijzing(n, gemeente=g) for g, n in sorted(self._by_bsn.get(bsn, ())))
        return [t for t in found if t is not None]

    def prestaties_by_referentie(self, referentie: str, *, aanbieder: str | None = None) -> list[Prestatie]:
        return self._shown(self._prestaties.get(referentie, aanbieder))

    def prestaties_by_vorig_referentie(
        self, referentie: str, *, aanbieder: str | None = None
    ) -> list[Prestatie]:
        return self._shown(self._by_vorig.get(referentie, aanbieder))

    def prestaties_for_toewijzing(
        self, nummer: str, *, gemeente: str | None = None, aanbieder: str | None = None
    ) -> list[Prestatie]:
        found = self._shown(self._by_toewijzing.get(nummer, gemeente))
        return found if aanbieder is None else [p for p in found if p.afzender == aanbieder]

    def antwoorden_op(
        self, declaratie_nummer: str, *, aanbieder: str | None = None
    ) -> list[DeclaratieAntwoord]:
        """The answers (JW325) to this aanbieder's declaration with this number."""
        return [
            a
            for a in self.antwoorden.get(declaratie_nummer, ())
            if aanbieder is None or not a.ontvanger or a.ontvanger == aanbieder
        ]

    def is_afgewezen(self, prestatie: Prestatie) -> bool:
        """Whether a known declaration answer rejected this line (unanswered lines count as standing)."""
        return bool(prestatie.referentie and prestatie.declaratie_nummer) and any(
            prestatie.referentie in a.afgewezen
            for a in self.antwoorden_op(prestatie.declaratie_nummer, aanbieder=prestatie.afzender)
        )

    def has_declaraties_from(self, aanbieder: str) -> bool:
        return any(self._shown(records) for records in self._declaraties.of_scope(aanbieder).values())

    def declaratie(self, nummer: str, *, aanbieder: str | None = None) -> Declaratie | None:
        found = self._shown(self._declaraties.get(nummer, aanbieder))
        return found[-1] if found else None

    def declaraties_between(self, aanbieder: str, gemeente: str) -> list[Declaratie]:
        latest: dict[str, Declaratie] = {}
        for nummer, records in self._declaraties.of_scope(aanbieder).items():
            shown = self._shown(records)
            if shown and shown[-1].ontvanger == gemeente:
                latest[nummer] = shown[-1]
        return list(latest.values())

    def geheel_afgewezen(self, declaratie_nummer: str, *, aanbieder: str | None = None) -> bool:
        return any(a.geheel_afgewezen for a in self.antwoorden_op(declaratie_nummer, aanbieder=aanbieder))

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

    def seen_bericht(
        self,
        afzender: str,
        identificatie: str,
        dagtekening: date | None = None,
        berichtcode: str | None = None,
    ) -> bool:
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


def _filtered(index: dict[str, list], upto: int) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for key, records in index.items():
        shown = [r for r in records if r.seq < upto]
        if shown:
            out[key] = shown
    return out


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
            history.add_toewijzing(
                Toewijzing(
                    nummer=values.pop("nummer") or "",
                    bsn=bsn,
                    **values,
                    afzender=key.afzender,
                    ontvanger=key.ontvanger,
                    seq=history._seq,
                )
            )


def _grandchildren(el, child: str, grandchild: str):
    """What findall(el, "child/grandchild") gives, without ElementPath's parsing per call."""
    for middle in el.iterchildren(f"{{*}}{child}"):
        yield from middle.iterchildren(f"{{*}}{grandchild}")


def _add_start_stops(history: History, message: ParsedMessage, key: BerichtKey) -> None:
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


def _add_declaratie(history: History, message: ParsedMessage, key: BerichtKey) -> None:
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


def _add_verzoek(history: History, message: ParsedMessage, key: BerichtKey) -> None:
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


def _add_verzoek_antwoord(history: History, message: ParsedMessage, key: BerichtKey) -> None:
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
    name = tag[tag.find("}") + 1 :] if isinstance(tag, str) else None
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
