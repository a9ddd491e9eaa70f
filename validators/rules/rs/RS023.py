"""RS023: at most 35 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS023",
    "max-length",
    "35",
    "at most 35 characters",
    {
        "JW301": ("Contact/Organisatie",),
    },
)
