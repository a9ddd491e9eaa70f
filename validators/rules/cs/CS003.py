from iwmo_ijw.xpath import date_of, find, local
from validators.rules.cd._products import END, START
from validators.rules.registry import Level, rule


@rule(
    "CS003",
    retourcode="0001",
    messages=("JW301", "JW315", "JW317"),
    level=Level.MESSAGE,
    target=("Contact", "ToegewezenProduct", "AangevraagdProduct", "NieuwProduct", "TeWijzigenProduct"),
)
def cs003(ctx, node):
    """An end date, when given, is not before the begin (or ingangs) date of its period."""
    if local(node) == "Contact":
        node = find(node, "Periode")
        begin, end = "Begindatum", "Einddatum"
        if node is None:
            return
    else:
        begin, end = START[local(node)], END[local(node)]
    start, stop = date_of(node, begin), date_of(node, end)
    if start is not None and stop is not None and stop < start:
        yield ctx.finding(find(node, end), end=end, stop=stop, begin=begin, start=start)
