"""RS013: at most 6 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS013",
    "max-length",
    "6",
    "at most 6 characters",
    {
        "JW301": (
            "Client/Naam/Voorletters",
            "Relatie/Naam/Voorletters",
        ),
        "JW305": ("Client/Naam/Voorletters",),
        "JW307": ("Client/Naam/Voorletters",),
        "JW315": ("Client/Naam/Voorletters",),
    },
)
