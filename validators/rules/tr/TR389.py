from dataclasses import dataclass, field

from iwmo_ijw.xpath import find
from validators.rules.context import said
from validators.rules.registry import Level, rule
from validators.rules.tr._common import PRESTATIE_COLUMNS, credited_in_message, prestatie_of
from validators.sources.lifecycle import prestatie_stands


@dataclass
class _Repeats:
    # VorigReferentieNummers credited anywhere in the message so far: a later chunk may credit the
    # first debit, so a repeat is judged when the message has ended.
    credited: set[str] = field(default_factory=set)
    # Per repeating debit: where, what it says, and the uncredited earlier debits it repeats, in order.
    waiting: list[tuple] = field(default_factory=list)


def _finish(ctx, repeats: _Repeats):
    for place, p, earlier in repeats.waiting:
        old = next((r for r in earlier if r not in repeats.credited), None)
        if old is not None:
            yield said(
                place,
                referentie=p.referentie,
                begin=p.begindatum,
                end=p.einddatum,
                nummer=p.toewijzing_nummer,
                old=old,
            )


@rule(
    "TR389",
    retourcode="9389",
    messages=("JW323",),
    level=Level.CROSS,
    target="Prestatie",
    needs=("history",),
    columns=PRESTATIE_COLUMNS,
    state=_Repeats,
    finish=_finish,
)
def tr389(ctx, prestatie):
    """A second debit for the same ProductPeriode, product and toewijzing needs the first one credited."""
    repeats = ctx.state
    if "TR389:counted" not in ctx.cache:  # once per run: the message, or a chunk of it
        ctx.cache["TR389:counted"] = True
        repeats.credited.update(credited_in_message(ctx))
    p = prestatie_of(ctx, prestatie)
    if p.debet_credit != "D" or not p.toewijzing_nummer:
        return
    earlier = []
    for old in ctx.history.prestaties_for_toewijzing(
        p.toewijzing_nummer, gemeente=p.ontvanger, aanbieder=p.afzender
    ):
        if (
            old.afzender != p.afzender
            or old.debet_credit != "D"
            or old.referentie == p.referentie
            or (old.begindatum, old.einddatum, old.categorie, old.code)
            != (p.begindatum, p.einddatum, p.categorie, p.code)
        ):
            continue
        # A rejected debit never stood (on its own, with its Client or with its whole declaration:
        # IV087), so declaring it again is the normal correction; a rejected credit credits nothing.
        if not prestatie_stands(ctx.history, old) or any(
            c.debet_credit == "C" and c.afzender == p.afzender and prestatie_stands(ctx.history, c)
            for c in ctx.history.prestaties_by_vorig_referentie(old.referentie or "", aanbieder=p.afzender)
        ):
            continue
        earlier.append(old.referentie)
    if earlier:
        repeats.waiting.append((ctx.placed(find(prestatie, "IngediendBedrag/DebetCredit")), p, earlier))
    return ()
