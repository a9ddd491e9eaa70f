"""RS021: at most 25 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS021",
    "max-length",
    "25",
    "at most 25 characters",
    {
        "JW301": ("Client/Communicatie/Taal",),
    },
)
