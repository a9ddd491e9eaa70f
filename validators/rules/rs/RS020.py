"""RS020: at most 24 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS020",
    "max-length",
    "24",
    "at most 24 characters",
    {
        "JW301": ("Contact/Adres/Straatnaam",),
    },
)
