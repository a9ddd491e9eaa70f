"""The allowed Omvang per uitvoeringsvariant, as the registry rules (PC001, PC002) read it.

The table and the names of eenheid and frequentie live in the project's code lists
(productcodes.codelists), beside the lists they draw their codes from; this module only gives
the rules their names for them, so the table cannot drift from the lists again.
"""

from __future__ import annotations

from productcodes.codelists import OMVANG_PER_VARIANT as ALLOWED
from productcodes.codelists import eenheid_naam, frequentie_naam

__all__ = ["ALLOWED", "eenheid_naam", "frequentie_naam"]
