"""Earlier messages, reduced to small indexed records for cross-message (TR) rules.

Only the facts rules compare against are kept, never lxml trees: a month of traffic holds
some 100k toewijzingen and declaration lines, and rules look them up by key. The record
types are plain dataclasses so a persistent store can fill the same History from rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from iwmo_ijw.parsing import MessageError, ParsedMessage, load
from iwmo_ijw.xpath import date_of, decimal_of, find, findall, int_of, iter_local, text


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

    # -- building -----------------------------------------------------------------

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path]) -> History:
        """Files and folders (read recursively, sorted), oldest first."""
        history = cls()
        history.add_paths(paths)
        return history

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        for path in map(Path, paths):
            files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
            for file in files:
                self.add(_load(file))

    @classmethod
    def from_messages(cls, messages: Iterable[ParsedMessage]) -> History:
        history = cls()
        for message in messages:
            history.add(message)
        return history

    def add(self, message: ParsedMessage) -> None:
        code = str(message.message_type.number)  # "301" for JW301 and WMO301 alike
        key = _bericht_key(message)
        self.berichten.add(key)
        versie = find(message.root, "Header/XsdVersie")
        self.xsd_versies[(key.afzender, key.identificatie, key.dagtekening)] = (
            text(versie, "BasisschemaXsdVersie"), text(versie, "BerichtXsdVersie"))
        adder = _ADDERS.get(code)
        if adder is not None:
            adder(self, message, key)
        elif message.message_type.is_retour:
            self.retouren.append(key)

    def add_toewijzing(self, record: Toewijzing) -> None:
        self._toewijzingen[record.nummer].append(record)
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
        versions = self.toewijzing_versions(nummer)
        if on is not None:
            versions = [v for v in versions if v.toewijzingsdatum is None or v.toewijzingsdatum <= on]
        return versions[-1] if versions else None

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
            k.afzender == afzender and k.identificatie == identificatie
            and (dagtekening is None or k.dagtekening == dagtekening)
            and (berichtcode is None or k.berichtcode == berichtcode)
            for k in self.berichten
        )


def _load(file: Path) -> ParsedMessage:
    try:
        return load(file)
    except MessageError as error:
        if str(file) in str(error):
            raise
        raise MessageError(f"history file {file}: {error}") from error
    except OSError as error:
        raise MessageError(f"history file {file} cannot be read: {error.strerror}") from error


def _bericht_key(message: ParsedMessage) -> BerichtKey:
    header = find(message.root, "Header")
    return BerichtKey(
        afzender=text(header, "Afzender") or "",
        ontvanger=text(header, "Ontvanger") or "",
        berichtcode=message.message_type.code,
        identificatie=text(header, "BerichtIdentificatie/Identificatie") or "",
        dagtekening=date_of(header, "BerichtIdentificatie/Dagtekening"),
    )


def _add_toewijzingen(history: History, message: ParsedMessage, key: BerichtKey) -> None:
    for client in iter_local(message.root, "Client"):
        bsn = text(client, "Bsn")
        for tp in findall(client, "ToegewezenProducten/ToegewezenProduct"):
            history.add_toewijzing(Toewijzing(
                nummer=text(tp, "ToewijzingNummer") or "",
                bsn=bsn,
                categorie=text(tp, "Product/Categorie"),
                code=text(tp, "Product/Code"),
                ingangsdatum=date_of(tp, "Ingangsdatum"),
                einddatum=date_of(tp, "Einddatum"),
                volume=int_of(tp, "Omvang/Volume"),
                eenheid=text(tp, "Omvang/Eenheid"),
                frequentie=text(tp, "Omvang/Frequentie"),
                budget=int_of(tp, "Budget"),
                reden_wijziging=text(tp, "RedenWijziging"),
                toewijzingsdatum=date_of(tp, "Toewijzingsdatum"),
                toewijzingstijd=text(tp, "Toewijzingstijd"),
                referentie_aanbieder=text(tp, "ReferentieAanbieder"),
                afzender=key.afzender,
                ontvanger=key.ontvanger,
            ))


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
        referentie=text(p, "ProductReferentie/ReferentieNummer"),
        vorig_referentie=text(p, "ProductReferentie/VorigReferentieNummer"),
        toewijzing_nummer=text(p, "ToewijzingNummer"),
        categorie=text(p, "ProductCategorie"),
        code=text(p, "ProductCode"),
        begindatum=date_of(p, "ProductPeriode/Begindatum"),
        einddatum=date_of(p, "ProductPeriode/Einddatum"),
        volume=int_of(p, "GeleverdVolume"),
        eenheid=text(p, "Eenheid"),
        tarief=int_of(p, "ProductTarief"),
        bedrag=decimal_of(p, "IngediendBedrag/Bedrag"),
        debet_credit=text(p, "IngediendBedrag/DebetCredit"),
        afzender=key.afzender,
        ontvanger=key.ontvanger,
    )


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
