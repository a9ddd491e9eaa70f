"""The records a history keeps of earlier messages: small frozen facts, never lxml trees.

Only what cross-message rules compare against is kept. They are plain dataclasses so that
files (validators.sources.history.loaders) and the message store (validators.sources.store)
fill the same History (validators.sources.history.index) with the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class BerichtKey:
    """Which message a record came from: sender, receiver, type, identification and date."""

    afzender: str
    ontvanger: str
    berichtcode: str  # message type code, e.g. "JW323": identificaties are unique per type
    identificatie: str
    dagtekening: date | None


# Every record carries `seq`, the arrival position of its message in the history (0 for records
# added by hand): the before-view of a message hides what arrived with or after it.


@dataclass(frozen=True, slots=True)
class Toewijzing:
    """One version of a toewijzing: its product, period, Omvang and parties."""

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
        """How versions of a toewijzing are ordered: by Toewijzingsdatum, then Toewijzingstijd."""
        # Toewijzingstijd is an xs:time text; lexical order of hh:mm:ss equals time order.
        return (self.toewijzingsdatum or date.min, self.toewijzingstijd or "")

    def covers(self, day: date) -> bool:
        """Whether the toewijzing applies on that day."""
        if self.ingangsdatum is not None and day < self.ingangsdatum:
            return False
        return self.einddatum is None or day <= self.einddatum


@dataclass(frozen=True, slots=True)
class StartStop:
    """A start or stop of care on a toewijzing, as a JW305/JW307 reported it."""

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
        """What identifies the notice (for a stop also its end date and reason), for deletions and repeats."""
        if self.berichtcode.endswith("305"):
            return self.start_key
        return (*self.start_key, self.einddatum, self.reden_beeindiging)


@dataclass(frozen=True, slots=True)
class Prestatie:
    """One declared Prestatie line, with what it declared and on which toewijzing."""

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
    """One declaration message: its number, parties, period and total."""

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
    """The answer to a declaration (JW325): which lines or the whole were rejected."""

    declaratie_nummer: str | None
    afgewezen: frozenset[str]  # ReferentieNummers answered with a rejecting retourcode
    afzender: str
    geheel_afgewezen: bool = False  # the declaration as a whole was rejected (no line judged)
    ontvanger: str = ""  # the aanbieder: a DeclaratieNummer is unique per aanbieder
    seq: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Verzoek:
    """A request (JW315/JW317) from an aanbieder."""

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
        """Whether the request is dated after that day (False when either date is unknown)."""
        return self.dagtekening is not None and day is not None and self.dagtekening > day


@dataclass(frozen=True, slots=True)
class VerzoekAntwoord:
    """The gemeente's answer (JW319) to a request."""

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
