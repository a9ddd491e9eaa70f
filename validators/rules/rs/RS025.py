"""RS025: at most 64 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS025",
    "max-length",
    "64",
    "at most 64 characters",
    {
        "JW315": ("AangevraagdProduct/Verwijzer/Naam",),
    },
)
