"""RS040: a value of at most 999999999999 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS040",
    "max-value",
    "999999999999",
    "a value of at most 999999999999",
    {
        "JW323": ("Declaratie/TotaalIngediendBedrag/TotaalBedrag",),
        "JW325": (
            "DeclaratieAntwoord/TotaalIngediendBedrag/TotaalBedrag",
            "DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag",
        ),
    },
)
