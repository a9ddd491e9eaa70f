"""RS035: exactly 4 digits (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS035",
    "digits",
    "4",
    "exactly 4 digits",
    {
        "JW301": ("Header/Afzender",),
        "JW305": ("Header/Ontvanger",),
        "JW307": ("Header/Ontvanger",),
        "JW315": ("Header/Ontvanger",),
        "JW317": ("Header/Ontvanger",),
        "JW319": (
            "Header/Afzender",
            "Woonplaatsbeginsel/Gemeente",
        ),
        "JW323": ("Header/Ontvanger",),
        "JW325": ("Header/Afzender",),
    },
)
