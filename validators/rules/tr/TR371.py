from iwmo_ijw.xpath import date_of, find, text
from validators.rules.registry import Level, rule
from validators.rules.tr._common import header
from validators.sources import lifecycle


@rule("TR371", retourcode=None, messages=("JW325",), level=Level.CROSS, target="Header", needs=("history",))
def tr371(ctx, head):
    """XsdVersieDeclaratie repeats the XsdVersie of the declaration being answered."""
    _, aanbieder = header(ctx)
    key = (
        aanbieder,
        text(head, "DeclaratieIdentificatie/Identificatie") or "",
        date_of(head, "DeclaratieIdentificatie/Dagtekening"),
    )
    # Only a declaration (JW323) is answered: an Identificatie may repeat across message types.
    declared = lifecycle.of(ctx.history).declaratie_xsd.get(key)
    if declared is None:
        return
    answered = (
        text(head, "XsdVersieDeclaratie/BasisschemaXsdVersie"),
        text(head, "XsdVersieDeclaratie/BerichtXsdVersie"),
    )
    if answered != declared:
        yield ctx.finding(
            find(head, "XsdVersieDeclaratie"),
            answered="/".join(map(str, answered)),
            declared="/".join(map(str, declared)),
            nummer=key[1],
        )
