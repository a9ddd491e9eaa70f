"""The explicit rule lists. Importing a sub-package registers its rules.

Each sub-package lists its rule modules by name in its own __init__; a test checks that
those lists equal the files on disk, so a rule file cannot be forgotten.
"""

from validators.rules import cd, cross, cs, external, op, registry, tr, xsd  # noqa: F401
