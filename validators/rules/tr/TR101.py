from validators.rules.registry import Level, rule
from validators.rules.tr._keys import duplicate_lines, key_columns


@rule(
    "TR101",
    retourcode="0001",
    messages=("JW301", "JW305", "JW307", "JW315", "JW317", "JW323", "JW325"),
    level=Level.MESSAGE,
    target="Bericht",
    columns=key_columns,
    state=dict,  # per keyed class: the keys met so far (a Seen)
)
def tr101(ctx, root):
    """No duplicate lines: within a message, each class's logical key together with its parents' keys is
    unique."""
    yield from duplicate_lines(ctx, root)
