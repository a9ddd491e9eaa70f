"""PC rules: the project's own harmonisation rules, checked against the registry.

Not part of the standard, so they report warnings and information, never rejections.

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = ("PC001", "PC002", "PC010")
