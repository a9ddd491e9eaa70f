"""Catalogue rules deliberately left out of the implemented set, each with the reason.

`productcodes rules show CODE` prints the reason; the catalogue test accepts exactly these
codes as missing.
"""

from __future__ import annotations

NOT_IMPLEMENTED: dict[str, str] = {
    # Both come from an older published rule list only, attached to no element; no simple type in the
    # iJw 3.2 XSDs (messages and basisschema) has this facet, so no message can break them.
    "RS003": "not checkable: the catalogue attaches it to no element, and no iJw 3.2 XSD type has a "
             "maximum value of 9999, so no message can violate it",
    "RS039": "not checkable: the catalogue attaches it to no element, and no iJw 3.2 XSD type has a "
             "maximum length of 14, so no message can violate it",
}
