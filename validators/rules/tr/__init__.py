"""TR rules: technical rules, within one message, across messages and against external sources.

A rule's level (in-message, cross-message, external) is in its decorator, not in this folder.

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = (
    "TR002", "TR006", "TR018", "TR019", "TR056", "TR061", "TR063", "TR071", "TR074", "TR101",
    "TR134", "TR135", "TR137", "TR302", "TR304", "TR307", "TR308", "TR314", "TR315", "TR316",
    "TR318", "TR319", "TR321", "TR322", "TR323", "TR326", "TR332", "TR333", "TR335", "TR337",
    "TR338", "TR339", "TR340", "TR341", "TR342", "TR346", "TR347", "TR349", "TR350", "TR351",
    "TR352", "TR353", "TR355", "TR357", "TR358", "TR359", "TR360", "TR361", "TR365", "TR366",
    "TR367", "TR369", "TR371", "TR373", "TR374", "TR375", "TR376", "TR377", "TR378", "TR379",
    "TR380", "TR381", "TR382", "TR383", "TR384", "TR385", "TR386", "TR387", "TR388", "TR389",
    "TR390", "TR409", "TR410", "TR411", "TR412", "TR413", "TR414", "TR415", "TR416", "TR418"
)
