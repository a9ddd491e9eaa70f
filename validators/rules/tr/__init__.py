"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py, which imports them)."""

MODULES: tuple[str, ...] = (
    "TR002", "TR006", "TR018", "TR061", "TR101", "TR134", "TR137", "TR302", "TR315", "TR316",
    "TR335", "TR342", "TR352", "TR353", "TR358", "TR377", "TR380", "TR383", "TR386", "TR409",
    "TR410", "TR416",
)
