"""RS016: at most 10 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS016",
    "max-length",
    "10",
    "at most 10 characters",
    {
        "JW301": (
            "Client/Naam/Geslachtsnaam/Voorvoegsel",
            "Client/Naam/Partnernaam/Voorvoegsel",
            "Relatie/Naam/Geslachtsnaam/Voorvoegsel",
            "Relatie/Naam/Partnernaam/Voorvoegsel",
        ),
        "JW305": ("Client/Naam/Geslachtsnaam/Voorvoegsel",),
        "JW307": ("Client/Naam/Geslachtsnaam/Voorvoegsel",),
        "JW315": ("Client/Naam/Geslachtsnaam/Voorvoegsel",),
    },
)
