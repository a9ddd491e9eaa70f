"""RS002: a value of at most 99 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS002",
    "max-value",
    "99",
    "a value of at most 99",
    {
        "JW301": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "Relatie/Volgorde",
        ),
        "JW305": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW307": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW315": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW317": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW319": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW323": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW325": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
    },
)
