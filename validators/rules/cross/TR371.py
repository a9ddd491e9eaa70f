from iwmo_ijw.xpath import date_of, find, text
from validators.registry import Level, rule
from validators.rules.cross._common import header


@rule("TR371", retourcode=None, messages=("JW325",), level=Level.CROSS, target="Header", needs=("history",))
def tr371(ctx, head):
    """XsdVersieDeclaratie repeats the XsdVersie of the declaration being answered."""
    _, aanbieder = header(ctx)
    key = (aanbieder, text(head, "DeclaratieIdentificatie/Identificatie") or "",
           date_of(head, "DeclaratieIdentificatie/Dagtekening"))
    declared = ctx.history.xsd_versies.get(key)
    if declared is None:
        return
    answered = (text(head, "XsdVersieDeclaratie/BasisschemaXsdVersie"), text(head, "XsdVersieDeclaratie/BerichtXsdVersie"))
    if answered != declared:
        yield ctx.finding(find(head, "XsdVersieDeclaratie"),
                          answered='/'.join(map(str, answered)), declared='/'.join(map(str, declared)),
                          nummer=key[1])
