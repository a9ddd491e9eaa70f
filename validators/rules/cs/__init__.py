"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py, which imports them)."""

MODULES: tuple[str, ...] = (
    "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS318", "CS325", "CS335",
    "CS336", "CS337", "CS338", "CS339", "CS340", "CS343",
)
