"""RS028: at most 200 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS028",
    "max-length",
    "200",
    "at most 200 characters",
    {
        "JW301": (
            "Client/Naam/Geslachtsnaam/Achternaam",
            "Client/Naam/Partnernaam/Achternaam",
            "Client/Naam/Voornamen",
            "Relatie/Naam/Geslachtsnaam/Achternaam",
            "Relatie/Naam/Partnernaam/Achternaam",
            "Relatie/Naam/Voornamen",
        ),
        "JW305": (
            "Client/Naam/Geslachtsnaam/Achternaam",
            "Client/Naam/Voornamen",
        ),
        "JW307": (
            "Client/Naam/Geslachtsnaam/Achternaam",
            "Client/Naam/Voornamen",
        ),
        "JW315": (
            "Client/Naam/Geslachtsnaam/Achternaam",
            "Client/Naam/Voornamen",
        ),
    },
)
