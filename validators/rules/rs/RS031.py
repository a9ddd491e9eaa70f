"""RS031: text that is not empty or only spaces (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS031",
    "pattern",
    None,
    "text that is not empty or only spaces",
    {
        "JW301": (
            "Client/Commentaar",
            "ToegewezenProduct/Commentaar",
        ),
        "JW315": (
            "AangevraagdProduct/Commentaar",
            "Client/Commentaar",
        ),
    },
)
