"""Rule modules of this level, listed explicitly (see validators/rules/__init__.py)."""

import importlib

MODULES: tuple[str, ...] = (
    "TR019", "TR056", "TR063", "TR071", "TR074", "TR304", "TR307", "TR308", "TR314", "TR319",
    "TR321", "TR322", "TR323", "TR326", "TR332", "TR333", "TR337", "TR338", "TR339", "TR340",
    "TR341", "TR355", "TR359", "TR360", "TR365", "TR366", "TR367", "TR369", "TR376", "TR382",
    "TR384", "TR385", "TR387", "TR388", "TR389", "TR390",
)

for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")
