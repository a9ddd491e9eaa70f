from iwmo_ijw.xpath import date_of, find
from validators.rules.registry import Level, rule


@rule(
    "TR335",
    retourcode="0001",
    messages=("JW323",),
    level=Level.MESSAGE,
    target="Prestatie",
    reads=("ProductPeriode/Einddatum",),
)
def tr335(ctx, prestatie):
    """A ProductPeriode ends at most five years before the DeclaratieDagtekening."""
    end = date_of(prestatie, "ProductPeriode/Einddatum")
    declared = _declaratie_dagtekening(ctx)
    if end is None or declared is None:
        return
    limit = (
        declared.replace(year=declared.year - 5)
        if (declared.month, declared.day) != (2, 29)
        else declared.replace(year=declared.year - 5, day=28)
    )
    if end < limit:
        yield ctx.finding(find(prestatie, "ProductPeriode/Einddatum"), end=end, declared=declared)


def _declaratie_dagtekening(ctx):
    if "tr335:dag" not in ctx.cache:
        ctx.cache["tr335:dag"] = date_of(ctx.root, "Declaratie/DeclaratieDagtekening")
    return ctx.cache["tr335:dag"]
