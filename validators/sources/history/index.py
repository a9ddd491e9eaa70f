"""The History: earlier messages' records, indexed by the keys cross-message rules look up."""

from __future__ import annotations

import copy
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from iwmo_ijw.parsing import ParsedMessage
from iwmo_ijw.xpath import find
from validators.engine._gcpause import collector_paused
from validators.sources.files import message_files
from validators.sources.history.loaders import ADDERS, HEADER_FIELDS, bericht_key, load_file
from validators.sources.history.records import (
    BerichtKey,
    Coverage,
    Declaratie,
    DeclaratieAntwoord,
    Prestatie,
    StartStop,
    Toewijzing,
    Verzoek,
    VerzoekAntwoord,
)
from validators.sources.lifecycle import Lifecycle, LifecycleFact


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
    """Earlier messages as records, indexed by the keys rules look them up by, in arrival order."""

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
    # Parties the store holds records of without having loaded them, by the first arrival position: see
    # note_scope. Empty for a history read from files, which holds every record it knows.
    known_scopes: dict[tuple, int] = field(default_factory=dict, compare=False, repr=False)
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
            for path in paths:
                # A file is loaded by its name as a Path writes it, without making a Path of one that is
                # one already: a month lists 25,000 files.
                name = os.fspath(path) if isinstance(path, PurePath) else str(Path(path))
                # Component by component, as Paths compare, without a Python __lt__ per comparison.
                files = sorted(message_files(name), key=_parts) if os.path.isdir(name) else [name]
                for file in files:
                    day = self.add(load_file(file))
                    if day is not None and (earliest is None or day < earliest):
                        earliest = day
        return earliest

    @classmethod
    def from_messages(cls, messages: Iterable[ParsedMessage]) -> History:
        """A History of these parsed messages, oldest first."""
        history = cls()
        history.add_messages(messages)
        return history

    def add_messages(self, messages: Iterable[ParsedMessage]) -> None:
        """Add parsed messages, oldest first."""
        with collector_paused():
            for message in messages:
                self.add(message)

    def add(self, message: ParsedMessage) -> date | None:
        """Add one message; gives its Dagtekening."""
        assert self._upto is None, "a before-view is read-only"
        code = str(message.message_type.number)  # "301" for JW301 and WMO301 alike
        header = find(message.root, "Header")
        texts = HEADER_FIELDS.of(header) if header is not None else HEADER_FIELDS.absent()
        key = bericht_key(message, texts)
        self._seq += 1
        adder = ADDERS.get(code)
        self.add_bericht(
            key,
            self._seq,
            message.content_digest(),
            (texts["basisschema_xsd_versie"], texts["bericht_xsd_versie"]),
            retour=adder is None and message.message_type.is_retour,
        )
        if adder is not None:
            adder(self, message, key)
        self.verloop.note(message, key, self._seq)
        return key.dagtekening

    def add_bericht(
        self,
        key: BerichtKey,
        seq: int,
        digest: int,
        xsd: tuple[str | None, str | None],
        *,
        retour: bool = False,
    ) -> None:
        """The message itself (not its records) at arrival position `seq`; the store adds the
        messages it loads this way, then their records (`add_record`)."""
        assert self._upto is None, "a before-view is read-only"
        self._seq = max(self._seq, seq)
        self._last_view = None
        self.berichten.add(key)
        self._bericht_seq.setdefault(key, seq)
        self._copies.setdefault(key, []).append((seq, digest))
        self.xsd_versies.setdefault((key.afzender, key.identificatie, key.dagtekening), xsd)
        if retour:
            self.retouren.append(key)

    def add_record(self, record) -> None:
        """One record as its message's adder (validators.sources.history.loaders) hands it over."""
        self._seq = max(self._seq, record.seq)
        adder = _RECORD_ADDERS[type(record)]
        adder(self, record)

    def note_scope(self, scope: tuple, seq: int) -> None:
        """That the store holds a record of `scope` from arrival position `seq` on, while its records are
        not loaded: ("relatie", gemeente, aanbieder), ("verzoek" | "declaratie" | "305" | "307", afzender)."""
        known = self.known_scopes.get(scope)
        if known is None or seq < known:
            self.known_scopes[scope] = seq

    def _scope_known(self, scope: tuple) -> bool:
        seq = self.known_scopes.get(scope)
        return seq is not None and (self._upto is None or seq < self._upto)

    def add_toewijzing(self, record: Toewijzing) -> None:
        """Index one toewijzing record."""
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
        """Index one declared Prestatie record."""
        if record.referentie:
            self._prestaties.add(record.afzender, record.referentie, record)
        if record.vorig_referentie:
            self._by_vorig.add(record.afzender, record.vorig_referentie, record)
        if record.toewijzing_nummer:
            self._by_toewijzing.add(record.ontvanger, record.toewijzing_nummer, record)

    def add_declaratie(self, record: Declaratie) -> None:
        """Index one declaration record."""
        self._declaraties.add(record.afzender, record.nummer, record)

    # -- the view before a message --------------------------------------------------

    def before_message(self, message: ParsedMessage) -> History:
        """What came before `message`: when the message itself is in the history (re-validation),
        only what arrived before its first occurrence; otherwise the whole history."""
        header = find(message.root, "Header")
        if header is None or not self._bericht_seq:
            return self
        copies = self._copies.get(bericht_key(message, HEADER_FIELDS.of(header)))
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
        """The toewijzingen that carry this ReferentieAanbieder (the answer to a request)."""
        return self._shown(self._by_referentie_aanbieder.get(referentie, aanbieder))

    def has_verzoeken_from(self, aanbieder: str) -> bool:
        """Whether this aanbieder sent any request."""
        return self._scope_known(("verzoek", aanbieder)) or any(
            v.afzender == aanbieder for vs in self.verzoeken.values() for v in vs
        )

    def has_start_stops_from(self, afzender: str, berichtcode_suffix: str) -> bool:
        """Whether this aanbieder sent start (suffix "305") or stop ("307") notices."""
        return self._scope_known((berichtcode_suffix[-3:], afzender)) or any(
            n.afzender == afzender and n.berichtcode.endswith(berichtcode_suffix)
            for ns in self.start_stops.values()
            for n in ns
        )

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
        """Whether the history knows any message between gemeente and aanbieder (before this one)."""
        if self._scope_known(("relatie", gemeente, aanbieder)):
            return True
        seq = self._relations.get((gemeente, aanbieder))
        if seq is None or self._upto is None or seq < self._upto:
            return seq is not None
        return any(
            t.ontvanger == aanbieder and t.seq < self._upto
            for ts in self._toewijzingen.of_scope(gemeente).values()
            for t in ts
        )

    def toewijzingen_for(self, bsn: str) -> list[Toewijzing]:
        """The toewijzingen of a client, by BSN."""
        found = (self.toewijzing(n, gemeente=g) for g, n in sorted(self._by_bsn.get(bsn, ())))
        return [t for t in found if t is not None]

    def prestaties_by_referentie(self, referentie: str, *, aanbieder: str | None = None) -> list[Prestatie]:
        """The declared Prestaties with this ReferentieNummer (of this aanbieder)."""
        return self._shown(self._prestaties.get(referentie, aanbieder))

    def prestaties_by_vorig_referentie(
        self, referentie: str, *, aanbieder: str | None = None
    ) -> list[Prestatie]:
        """The declared Prestaties that name this ReferentieNummer as their previous one (credits)."""
        return self._shown(self._by_vorig.get(referentie, aanbieder))

    def prestaties_for_toewijzing(
        self, nummer: str, *, gemeente: str | None = None, aanbieder: str | None = None
    ) -> list[Prestatie]:
        """The declared Prestaties on this toewijzing."""
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
        """Whether this aanbieder sent any declaration."""
        return self._scope_known(("declaratie", aanbieder)) or any(
            self._shown(records) for records in self._declaraties.of_scope(aanbieder).values()
        )

    def declaratie(self, nummer: str, *, aanbieder: str | None = None) -> Declaratie | None:
        """The declaration with this number (of this aanbieder), or None."""
        found = self._shown(self._declaraties.get(nummer, aanbieder))
        return found[-1] if found else None

    def declaraties_between(self, aanbieder: str, gemeente: str) -> list[Declaratie]:
        """The declarations between this aanbieder and gemeente, in arrival order."""
        latest: dict[str, Declaratie] = {}
        for nummer, records in self._declaraties.of_scope(aanbieder).items():
            shown = self._shown(records)
            if shown and shown[-1].ontvanger == gemeente:
                latest[nummer] = shown[-1]
        return list(latest.values())

    def geheel_afgewezen(self, declaratie_nummer: str, *, aanbieder: str | None = None) -> bool:
        """Whether the declaration was rejected as a whole by its answer."""
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
        """Whether a message with this sender and identification (and date and type, when given)
        arrived earlier."""
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


def _add_start_stop(history: History, record: StartStop) -> None:
    history.start_stops[record.toewijzing_nummer or ""].append(record)


def _add_antwoord(history: History, record: DeclaratieAntwoord) -> None:
    history.antwoorden[record.declaratie_nummer or ""].append(record)


def _add_verzoek(history: History, record: Verzoek) -> None:
    history.verzoeken[record.referentie_aanbieder].append(record)


def _add_verzoek_antwoord(history: History, record: VerzoekAntwoord) -> None:
    history.verzoek_antwoorden[record.referentie_aanbieder].append(record)


# Where each kind of record goes: the same places the loaders' adders put it.
_RECORD_ADDERS = {
    Toewijzing: History.add_toewijzing,
    Prestatie: History.add_prestatie,
    Declaratie: History.add_declaratie,
    StartStop: _add_start_stop,
    DeclaratieAntwoord: _add_antwoord,
    Verzoek: _add_verzoek,
    VerzoekAntwoord: _add_verzoek_antwoord,
    LifecycleFact: lambda history, fact: history.verloop.replay(fact),
}
