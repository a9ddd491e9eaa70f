"""RS006: a value of at most 999999999 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS006",
    "max-value",
    "999999999",
    "a value of at most 999999999",
    {
        "JW301": ("ToegewezenProduct/ToewijzingNummer",),
        "JW305": ("StartProduct/ToewijzingNummer",),
        "JW307": ("StopProduct/ToewijzingNummer",),
        "JW315": ("AangevraagdProduct/BeschikkingNummer",),
        "JW317": (
            "OngewijzigdProduct/ToewijzingNummer",
            "TeWijzigenProduct/ToewijzingNummer",
        ),
        "JW323": ("Prestatie/ToewijzingNummer",),
        "JW325": ("Prestatie/ToewijzingNummer",),
    },
)
