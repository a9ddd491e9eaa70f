"""The project's harmonisation rules, checked against the registry (not part of the standard).

Codes PC0xx ("productcodes"). They report warnings and information, never rejections,
because the standard does not (yet) contain them.
"""

import importlib

MODULES: tuple[str, ...] = ("PC001", "PC002", "PC010")

for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")
