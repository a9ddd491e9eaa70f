"""CS025: BerichtVersie 3 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "CS025",
    "pattern",
    None,
    "BerichtVersie 3",
    {
        "JW301": ("Header/BerichtVersie",),
        "JW305": ("Header/BerichtVersie",),
        "JW307": ("Header/BerichtVersie",),
        "JW315": ("Header/BerichtVersie",),
        "JW317": ("Header/BerichtVersie",),
        "JW319": ("Header/BerichtVersie",),
        "JW323": ("Header/BerichtVersie",),
        "JW325": ("Header/BerichtVersie",),
    },
)
