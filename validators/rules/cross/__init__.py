"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py, which imports them)."""

MODULES: tuple[str, ...] = (
    "OP087", "OP348",
    "TR019", "TR056", "TR063", "TR071", "TR074", "TR304", "TR307", "TR308", "TR314", "TR318",
    "TR319", "TR321", "TR322", "TR323", "TR326", "TR332", "TR333", "TR337", "TR338", "TR339",
    "TR340", "TR341", "TR347", "TR349", "TR350", "TR351", "TR355", "TR357", "TR359", "TR360",
    "TR361", "TR365", "TR366", "TR367", "TR369", "TR371", "TR373", "TR374", "TR375", "TR376",
    "TR379", "TR382", "TR384", "TR385", "TR387", "TR388", "TR389", "TR390", "TR411", "TR412",
    "TR413", "TR414", "TR415", "TR418",
)
