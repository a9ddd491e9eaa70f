"""Logical keys per message class (TR101): which elements identify a line within its parent."""

from __future__ import annotations

from lxml import etree

from iwmo_ijw.xpath import find, local, text

# message -> class -> key paths (facts of the iJw 3.2 standard)
LOGICAL_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "301": {"Client": ("Bsn",), "Contact": ("Soort",), "Relatie": ("Nummer",),
            "ToegewezenProduct": ("ToewijzingNummer",)},
    "305": {"Client": ("Bsn",), "StartProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum")},
    "307": {"Client": ("Bsn",), "StopProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum",
                                                "RedenBeeindiging", "Einddatum")},
    "315": {"Client": ("Bsn",), "AangevraagdProduct": ("ReferentieAanbieder",)},
    "317": {"Client": ("Bsn",), "Verzoek": ("ReferentieAanbieder",), "OngewijzigdProduct": ("ToewijzingNummer",),
            "TeWijzigenProduct": ("ToewijzingNummer",),
            "NieuwProduct": ("Product/Categorie", "Product/Code", "GewensteIngangsdatum")},
    "323": {"Declaratie": ("DeclaratieNummer",), "Client": ("Bsn",),
            "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer")},
    "325": {"DeclaratieAntwoord": ("DeclaratieNummer",), "Client": ("Bsn",),
            "Prestatie": ("ProductReferentie/ReferentieNummer", "ProductReferentie/VorigReferentieNummer")},
}


def _own_key(node: etree._Element, paths: tuple[str, ...]) -> tuple:
    return tuple(text(node, p) for p in paths)


def duplicate_lines(ctx, root: etree._Element):
    keys = LOGICAL_KEYS.get(ctx.message.message_type.number, {})
    if not keys:
        return
    namespace = ctx.message.message_type.namespace
    full_keys: dict[etree._Element, tuple] = {}
    seen: set[tuple] = set()
    # Document order visits every parent before its children, so the parent's key is ready.
    for node in root.iter(*(f"{{{namespace}}}{name}" for name in keys)):
        name = local(node)
        parent_key = ()
        for ancestor in node.iterancestors():
            if ancestor in full_keys:
                parent_key = full_keys[ancestor]
                break
        key = parent_key + ((name,) + _own_key(node, keys[name]),)
        full_keys[node] = key
        if key in seen:
            shown = ", ".join(f"{p}={v}" for p, v in zip(keys[name], key[-1][1:]) if v is not None)
            yield ctx.finding(node, f"{name} with {shown} occurs more than once under the same parent")
        seen.add(key)
