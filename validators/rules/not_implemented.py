"""Catalogue rules deliberately left out of the implemented set, each with the reason.

`productcodes rules show CODE` prints the reason; the catalogue test accepts exactly these
codes as missing.
"""

from __future__ import annotations

NOT_IMPLEMENTED: dict[str, str] = {
    # Both come from an older published rule list only, attached to no element; no simple type in the
    # iJw 3.2 XSDs (messages and basisschema) has this facet, so no message can break them.
    "RS003": "niet te controleren: de catalogus koppelt de regel aan geen element, en geen type in de "
    "iJw 3.2 XSD's heeft een maximumwaarde van 9999, dus geen bericht kan hem overtreden",
    "RS039": "niet te controleren: de catalogus koppelt de regel aan geen element, en geen type in de "
    "iJw 3.2 XSD's heeft een maximumlengte van 14, dus geen bericht kan hem overtreden",
}
