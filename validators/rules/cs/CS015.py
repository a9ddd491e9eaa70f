"""CS015: BerichtSubversie 2 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "CS015",
    "pattern",
    None,
    "BerichtSubversie 2",
    {
        "JW301": ("Header/BerichtSubversie",),
        "JW305": ("Header/BerichtSubversie",),
        "JW307": ("Header/BerichtSubversie",),
        "JW315": ("Header/BerichtSubversie",),
        "JW317": ("Header/BerichtSubversie",),
        "JW319": ("Header/BerichtSubversie",),
        "JW323": ("Header/BerichtSubversie",),
        "JW325": ("Header/BerichtSubversie",),
    },
)
