"""RS045: letters without dots or spaces (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS045",
    "pattern",
    None,
    "letters without dots or spaces",
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
