"""RS046: digits only (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS046",
    "pattern",
    None,
    "digits only",
    {
        "JW301": (
            "Contact/Telefoon/Telefoon01/Telefoonnummer",
            "Contact/Telefoon/Telefoon02/Telefoonnummer",
        ),
    },
)
