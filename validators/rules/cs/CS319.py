"""CS319: letters and digits only, no spaces (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "CS319",
    "pattern",
    None,
    "letters and digits only, no spaces",
    {
        "JW323": ("Declaratie/DeclaratieNummer",),
    },
)
