"""RS004: a value of at most 99999 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS004",
    "max-value",
    "99999",
    "a value of at most 99999",
    {
        "JW301": ("Contact/Adres/Huis/Huisnummer",),
    },
)
