from iwmo_ijw.xpath import date_of, find, text
from validators.rules.registry import ONCE, Level, rule
from validators.rules.tr._common import header
from validators.rules.tr._coverage import absence_proves


@rule(
    "TR376",
    retourcode=None,
    messages=("JW325",),
    level=Level.CROSS,
    target="Bericht",
    needs=("history",),
    streaming=ONCE,
)
def tr376(ctx, bericht):
    """A declaration answer must name, by DeclaratieNummer, a declaration received from that aanbieder."""
    _, aanbieder = header(ctx)
    node = find(bericht, "DeclaratieAntwoord/DeclaratieNummer")
    nummer = text(node)
    if not nummer or ctx.history.declaratie(nummer, aanbieder=aanbieder) is not None:
        return
    # The answer names the declaration's Dagtekening; without coverage, only a history holding
    # this aanbieder's declarations can prove one missing.
    if absence_proves(
        ctx,
        date_of(bericht, "Header/DeclaratieIdentificatie/Dagtekening"),
        fallback=ctx.history.has_declaraties_from(aanbieder),
        what=f"declaration {nummer!r} of aanbieder {aanbieder}",
    ):
        yield ctx.finding(node, nummer=nummer, aanbieder=aanbieder)
