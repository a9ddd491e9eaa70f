"""RS014: at most 8 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS014",
    "max-length",
    "8",
    "at most 8 characters",
    {
        "JW301": (
            "Contact/Adres/Postcode",
            "Header/Ontvanger",
        ),
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
