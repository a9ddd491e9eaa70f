"""RS036: exactly 8 digits (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS036",
    "digits",
    "8",
    "exactly 8 digits",
    {
        "JW301": ("Header/Ontvanger",),
        "JW305": ("Header/Afzender",),
        "JW307": ("Header/Afzender",),
        "JW315": (
            "AangevraagdProduct/Verwijzer/ZorgverlenerCode",
            "Header/Afzender",
        ),
        "JW317": ("Header/Afzender",),
        "JW319": ("Header/Ontvanger",),
        "JW323": ("Header/Afzender",),
        "JW325": ("Header/Ontvanger",),
    },
)
