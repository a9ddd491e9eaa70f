"""RS018: at most 15 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS018",
    "max-length",
    "15",
    "at most 15 characters",
    {
        "JW301": (
            "Contact/Telefoon/Telefoon01/Telefoonnummer",
            "Contact/Telefoon/Telefoon02/Telefoonnummer",
        ),
    },
)
