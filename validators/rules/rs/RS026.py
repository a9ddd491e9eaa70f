"""RS026: at most 80 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS026",
    "max-length",
    "80",
    "at most 80 characters",
    {
        "JW301": (
            "Contact/Adres/Plaatsnaam",
            "Contact/Emailadres",
        ),
    },
)
