"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py, which imports them)."""

MODULES: tuple[str, ...] = (
    "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067",
    "CD068", "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087",
    "CD095", "CD096",
)
