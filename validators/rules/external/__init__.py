"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py, which imports them)."""

MODULES: tuple[str, ...] = ("TR135", "TR346", "TR378", "TR381")
