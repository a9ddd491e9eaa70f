"""CD rules: code-list checks (a value must come from its list, or fit the other codes it names).

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = (
    "CD005",
    "CD007",
    "CD009",
    "CD025",
    "CD034",
    "CD041",
    "CD043",
    "CD060",
    "CD066",
    "CD067",
    "CD068",
    "CD075",
    "CD076",
    "CD077",
    "CD078",
    "CD079",
    "CD080",
    "CD085",
    "CD086",
    "CD087",
    "CD095",
    "CD096",
)
