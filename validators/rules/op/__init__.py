"""OP rules: bedrijfsregels this project can check by machine.

The rule modules are listed by name (validators/rules/__init__.py imports them; a test checks
the list against the files on disk)."""

MODULES: tuple[str, ...] = ("OP087", "OP192", "OP348")
