"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py)."""

import importlib

MODULES: tuple[str, ...] = ("OP192",)

for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")
