"""CS rules: conditions and constraints within one message, including the ones the schema carries.

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = (
    "CS002",
    "CS003",
    "CS015",
    "CS025",
    "CS050",
    "CS058",
    "CS089",
    "CS100",
    "CS139",
    "CS318",
    "CS319",
    "CS325",
    "CS335",
    "CS336",
    "CS337",
    "CS338",
    "CS339",
    "CS340",
    "CS343",
)
