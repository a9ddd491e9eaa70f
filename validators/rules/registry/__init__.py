"""The project's harmonisation rules, checked against the registry (not part of the standard).

Codes PC0xx ("productcodes"). They report warnings and information, never rejections,
because the standard does not (yet) contain them.
"""

MODULES: tuple[str, ...] = ("PC001", "PC002", "PC010")
