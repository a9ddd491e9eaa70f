"""Which earlier messages still stand: rejections by retour and declaration-answer messages.

A message the receiver rejected counts as not sent (IV028 for retour messages, IV087 for the
declaratie-antwoord, OP350 for requests). The history keeps every message it reads; this
module remembers which of them, or which of their classes, were rejected, so a rule that
concludes from what the history holds can first ask whether what it found still stands.

What rejects:
- a JW325 with a rejecting code on the DeclaratieAntwoord (the declaration as a whole, e.g.
  8214 or 9333), or a JW325 of a Header only with a rejecting code (0001: no DeclaratieNummer,
  linked to its declaration through DeclaratieIdentificatie);
- a Prestatie listed in a JW325: only rejected lines are listed (TR342), also those marked
  0233 under a rejected Client (IV087: not judged lines are rejected);
- in a retour message (JW302, JW306, JW308, JW316, JW318): a class with any code other than
  0200 (0233 means not checked, so not processed), every class under a rejected Client, and
  the whole message when its Header carries a rejecting code.

Each record carries the arrival position (`seq`) of the answer that rejected, so a view of
the history before a message (validators.sources.history) keeps only rejections that came before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from iwmo_ijw.xpath import date_of, find, iter_local, text

OK = "0200"
VOLLEDIG_TOEGEKEND = "8001"  # on the DeclaratieAntwoord: the declaration is granted in full (IV087)
# Codes that do not reject the class they stand on.
_ACCEPTING_RETOUR = frozenset({OK})
_ACCEPTING_ANTWOORD = frozenset({OK, VOLLEDIG_TOEGEKEND})

# The class of a heen message a retour message answers per class, with its identifying elements.
_RETOUR_ITEMS = {
    "302": "ToegewezenProduct",
    "306": "StartProduct",
    "308": "StopProduct",
    "316": "AangevraagdProduct",
    "318": "Verzoek",
}

DeclaratieRef = tuple[str, str, date | None]  # (aanbieder, Identificatie, Dagtekening) of a declaration
BerichtRef = tuple[str, str, str, date | None]  # (afzender, heen message number, Identificatie, Dagtekening)


@dataclass(frozen=True, slots=True)
class LifecycleFact:
    """One entry a message made in a Lifecycle, so the message store can keep it and replay it:
    `kind` names the table (a field of Lifecycle), `key` its key, `value` what it maps to (for
    "declaraties" and "declaratie_xsd"; the declaration's key for "nummers"; else unused)."""

    kind: str
    key: tuple
    value: tuple | None = None
    seq: int = 0


# The tables a message's seq goes into, first one kept (setdefault), as `note` fills them.
_FIRST_SEQ = ("geheel", "geheel_bericht", "regels", "berichten", "klassen", "toewijzingen")


@dataclass
class Lifecycle:
    """Rejections, each mapped to the arrival position of the message that rejected."""

    # (aanbieder, Identificatie, Dagtekening) of each declaration -> (DeclaratieNummer, gemeente)
    declaraties: dict[tuple[str, str, date | None], tuple[str, str]] = field(default_factory=dict)
    # XsdVersie of each declaration, by the same key (TR371 looks it up without mixing types)
    declaratie_xsd: dict[tuple[str, str, date | None], tuple[str | None, str | None]] = field(
        default_factory=dict
    )
    # (aanbieder, DeclaratieNummer) -> the declarations with it, by the key above, with their seq
    nummers: dict[tuple[str, str], list[tuple[DeclaratieRef, int]]] = field(default_factory=dict)
    # (aanbieder, DeclaratieNummer) rejected as a whole, for declarations the history does not hold
    geheel: dict[tuple[str, str], int] = field(default_factory=dict)
    # (aanbieder, Identificatie, Dagtekening) of declarations rejected as a whole: a JW325 names the
    # declaration it answers by DeclaratieIdentificatie, also when it holds no DeclaratieNummer
    geheel_bericht: dict[tuple[str, str, date | None], int] = field(default_factory=dict)
    # (aanbieder, DeclaratieNummer, ReferentieNummer) of rejected lines
    regels: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # heen messages rejected as a whole by their retour message
    berichten: dict[BerichtRef, int] = field(default_factory=dict)
    # (heen message, identifying texts of the class) of classes a retour message rejected
    klassen: dict[tuple[BerichtRef, tuple], int] = field(default_factory=dict)
    # (gemeente, ToewijzingNummer, Toewijzingsdatum, Toewijzingstijd) of toewijzingen a JW302 rejected
    toewijzingen: dict[tuple, int] = field(default_factory=dict)

    # -- reading -------------------------------------------------------------------

    def note(self, message, key, seq: int) -> None:
        """Remember what `message` (with its BerichtKey `key`) declares or rejects."""
        number = message.message_type.number
        if number == "323":
            self._note_declaratie(message, key, seq)
        elif number == "325":
            self._note_antwoord(message, key, seq)
        elif number in _RETOUR_ITEMS:
            self._note_retour(message, key, number, seq)

    def _note_declaratie(self, message, key, seq: int) -> None:
        ref = (key.afzender, key.identificatie, key.dagtekening)
        nummer = text(message.root, "Declaratie/DeclaratieNummer")
        if nummer:
            self.declaraties[ref] = (nummer, key.ontvanger)
            self.nummers.setdefault((key.afzender, nummer), []).append((ref, seq))
        self.declaratie_xsd[ref] = (
            text(message.root, "Header/XsdVersie/BasisschemaXsdVersie"),
            text(message.root, "Header/XsdVersie/BerichtXsdVersie"),
        )

    def _note_antwoord(self, message, key, seq: int) -> None:
        aanbieder = key.ontvanger  # the gemeente answers the aanbieder
        head = find(message.root, "Header")
        antwoord = find(message.root, "DeclaratieAntwoord")
        nummer = (text(antwoord, "DeclaratieNummer") if antwoord is not None else None) or ""
        if antwoord is None or _codes(head) - _ACCEPTING_RETOUR or _codes(antwoord) - _ACCEPTING_ANTWOORD:
            answered = (
                aanbieder,
                text(head, "DeclaratieIdentificatie/Identificatie") or "",
                date_of(head, "DeclaratieIdentificatie/Dagtekening"),
            )
            self.geheel_bericht.setdefault(answered, seq)
            if nummer:
                self.geheel.setdefault((aanbieder, nummer), seq)
            return
        for client in iter_local(antwoord, "Client"):
            client_rejected = bool(_codes(client) - _ACCEPTING_RETOUR)
            for prestatie in iter_local(client, "Prestatie"):
                if client_rejected or _codes(prestatie) - _ACCEPTING_RETOUR:
                    referentie = text(prestatie, "ProductReferentie/ReferentieNummer")
                    if referentie:
                        self.regels.setdefault((aanbieder, nummer, referentie), seq)

    def _note_retour(self, message, key, number: str, seq: int) -> None:
        heen = (key.afzender, str(int(number) - 1), key.identificatie, key.dagtekening)
        if _codes(find(message.root, "Header")) - _ACCEPTING_RETOUR:
            self.berichten.setdefault(heen, seq)
            return
        # Most retours reject nothing: one walk in C over their codes settles that.
        if all((c.text or "").strip() == OK for c in message.root.iter("{*}RetourCode")):
            return
        item = _RETOUR_ITEMS[number]
        for element, rejected in _judged(message.root, item):
            if rejected:
                self.klassen.setdefault((heen, identity(element, item)), seq)
                if number == "302":  # a toewijzing record does not know its message: keyed by its own facts
                    self.toewijzingen.setdefault((key.afzender, *identity(element, item)), seq)

    # -- keeping (the message store) ---------------------------------------------------

    def facts(self) -> list[LifecycleFact]:
        """What this lifecycle holds, as facts without their seq: of one message, what it noted."""
        found = [LifecycleFact("declaraties", ref, value) for ref, value in self.declaraties.items()]
        found += [LifecycleFact("declaratie_xsd", ref, value) for ref, value in self.declaratie_xsd.items()]
        found += [LifecycleFact("nummers", key, ref) for key, refs in self.nummers.items() for ref, _ in refs]
        found += [LifecycleFact(kind, key) for kind in _FIRST_SEQ for key in getattr(self, kind)]
        return found

    def replay(self, fact: LifecycleFact) -> None:
        """Note a kept fact again, at its seq: the same entry `note` made for its message."""
        if fact.kind in ("declaraties", "declaratie_xsd"):
            getattr(self, fact.kind)[fact.key] = fact.value
        elif fact.kind == "nummers":
            self.nummers.setdefault(fact.key, []).append((fact.value, fact.seq))
        elif fact.kind in _FIRST_SEQ:
            getattr(self, fact.kind).setdefault(fact.key, fact.seq)
        else:
            raise ValueError(f"unknown lifecycle fact {fact.kind!r}")

    # -- asking --------------------------------------------------------------------

    def declaratie_afgewezen(self, aanbieder: str, nummer: str | None) -> bool:
        """Whether the declaration with this number was rejected as a whole (IV087: not sent).

        When two declarations carry the number (the second one rejected with 9333, say), the
        number stands as long as one of them does.
        """
        if not nummer:
            return False
        sent = self.nummers.get((aanbieder, nummer))
        if not sent:
            return (aanbieder, nummer) in self.geheel
        return all(ref in self.geheel_bericht for ref, _ in sent)

    def prestatie_afgewezen(self, prestatie) -> bool:
        """Whether a declared line was rejected, on its own, with its Client or with its declaration."""
        nummer = prestatie.declaratie_nummer or ""
        if prestatie.referentie and (prestatie.afzender, nummer, prestatie.referentie) in self.regels:
            return True
        return self.declaratie_afgewezen(prestatie.afzender, nummer)

    def bericht_afgewezen(
        self, afzender: str, number: str, identificatie: str, dagtekening: date | None
    ) -> bool:
        """Whether a retour message rejected this message (by sender, number, identification and date)."""
        return (afzender, number, identificatie, dagtekening) in self.berichten

    def klasse_afgewezen(
        self, afzender: str, number: str, identificatie: str, dagtekening: date | None, identiteit: tuple
    ) -> bool:
        """Whether the class of a heen message with these identifying texts was rejected by its retour."""
        heen = (afzender, number, identificatie, dagtekening)
        return heen in self.berichten or (heen, identiteit) in self.klassen

    def notice_afgewezen(self, notice) -> bool:
        """Whether a start or stop notice (a history StartStop) was rejected by its retour."""
        return self.klasse_afgewezen(
            notice.afzender,
            notice.berichtcode[-3:],
            notice.identificatie,
            notice.dagtekening,
            notice_identity(notice),
        )

    def verzoek_afgewezen(self, verzoek) -> bool:
        """Whether a request (validators.sources.history.Verzoek) was rejected by its retour message."""
        return self.klasse_afgewezen(
            verzoek.afzender,
            verzoek.berichtcode[-3:],
            verzoek.identificatie,
            verzoek.dagtekening,
            (verzoek.referentie_aanbieder,),
        )

    def toewijzing_afgewezen(self, toewijzing) -> bool:
        """Whether the aanbieder's JW302 rejected this toewijzing version (a history Toewijzing)."""
        if not self.toewijzingen:
            return False
        shown = toewijzing.toewijzingsdatum.isoformat() if toewijzing.toewijzingsdatum else None
        return (
            toewijzing.afzender,
            toewijzing.nummer,
            shown,
            toewijzing.toewijzingstijd,
        ) in self.toewijzingen

    def before(self, seq: int) -> Lifecycle:
        """Only what arrived before position `seq`: rejections, and the declarations that decide
        whether a DeclaratieNummer still stands."""
        keep = lambda d: {k: v for k, v in d.items() if v < seq}  # noqa: E731
        nummers = {k: kept for k, refs in self.nummers.items() if (kept := [r for r in refs if r[1] < seq])}
        return Lifecycle(
            declaraties=self.declaraties,
            declaratie_xsd=self.declaratie_xsd,
            nummers=nummers,
            geheel=keep(self.geheel),
            geheel_bericht=keep(self.geheel_bericht),
            regels=keep(self.regels),
            berichten=keep(self.berichten),
            klassen=keep(self.klassen),
            toewijzingen=keep(self.toewijzingen),
        )


def _codes(element) -> set[str]:
    """The RetourCodes directly on a class (not those of the classes below it)."""
    if element is None:
        return set()
    holder = next(element.iterchildren("{*}RetourCodes"), None)
    if holder is None:
        return set()
    return {(c.text or "").strip() for c in holder.iterchildren("{*}RetourCode")}


def _judged(root, item: str) -> Iterator[tuple[object, bool]]:
    """Each `item` class of a retour message and whether it, or a class above it, was rejected."""
    for element in iter_local(root, item):
        rejected = bool(_codes(element) - _ACCEPTING_RETOUR)
        parent = element.getparent()
        while not rejected and parent is not None and parent.getparent() is not None:
            rejected = bool(_codes(parent) - _ACCEPTING_RETOUR)
            parent = parent.getparent()
        yield element, rejected


def identity(element, item: str) -> tuple:
    """What identifies a class of a heen message in its retour (which repeats the class unchanged)."""
    if item in ("StartProduct", "StopProduct"):
        client = element.getparent().getparent()
        return (
            text(client, "Bsn"),
            text(element, "ToewijzingNummer"),
            text(element, "Product/Categorie"),
            text(element, "Product/Code"),
            text(element, "Begindatum"),
            text(element, "Einddatum"),
            text(element, "RedenBeeindiging"),
            text(element, "StatusAanlevering"),
        )
    if item == "ToegewezenProduct":
        return (
            text(element, "ToewijzingNummer"),
            text(element, "Toewijzingsdatum"),
            text(element, "Toewijzingstijd"),
        )
    return (text(element, "ReferentieAanbieder"),)


def notice_identity(notice) -> tuple:
    """`identity` of a StartProduct or StopProduct, from its history record."""
    shown = lambda d: d.isoformat() if d is not None else None  # noqa: E731
    return (
        notice.bsn,
        notice.toewijzing_nummer,
        notice.categorie,
        notice.code,
        shown(notice.begindatum),
        shown(notice.einddatum),
        notice.reden_beeindiging,
        notice.status,
    )


def prestatie_stands(history, prestatie) -> bool:
    """Whether an earlier declared line still counts: not rejected on its own, with its Client or
    with its whole declaration."""
    return not (of(history).prestatie_afgewezen(prestatie) or history.is_afgewezen(prestatie))


def declaratie_stands(history, aanbieder: str, nummer: str | None) -> bool:
    """Whether an earlier declaration still counts (IV087: one rejected as a whole was not sent)."""
    return not of(history).declaratie_afgewezen(aanbieder, nummer)


def notice_stands(history, notice) -> bool:
    """Whether an earlier start or stop notice was received (not rejected by its JW306/JW308)."""
    return not of(history).notice_afgewezen(notice)


def toewijzing_stands(history, toewijzing) -> bool:
    """Whether a toewijzing version was received (not rejected by the aanbieder's JW302)."""
    return not of(history).toewijzing_afgewezen(toewijzing)


def verzoek_stands(history, verzoek) -> bool:
    """Whether an earlier request was received (not rejected by its JW316/JW318)."""
    return not of(history).verzoek_afgewezen(verzoek)


def of(history) -> Lifecycle:
    """The rejections a history knows (an empty record for a history that tracks none)."""
    found = getattr(history, "verloop", None)
    return found if found is not None else _NONE


_NONE = Lifecycle()
