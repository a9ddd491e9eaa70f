"""RS019: at most 20 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS019",
    "max-length",
    "20",
    "at most 20 characters",
    {
        "JW301": ("Relatie/Nummer",),
        "JW323": (
            "Prestatie/ProductReferentie/ReferentieNummer",
            "Prestatie/ProductReferentie/VorigReferentieNummer",
        ),
        "JW325": (
            "Prestatie/ProductReferentie/ReferentieNummer",
            "Prestatie/ProductReferentie/VorigReferentieNummer",
        ),
    },
)
