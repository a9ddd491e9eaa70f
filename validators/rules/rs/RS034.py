"""RS034: a time without time zone (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS034",
    "pattern",
    None,
    "a time without time zone",
    {
        "JW301": ("ToegewezenProduct/Toewijzingstijd",),
    },
)
