"""RS010: at most 3 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS010",
    "max-length",
    "3",
    "at most 3 characters",
    {
        "JW301": ("Header/BerichtCode",),
        "JW305": ("Header/BerichtCode",),
        "JW307": ("Header/BerichtCode",),
        "JW315": ("Header/BerichtCode",),
        "JW317": ("Header/BerichtCode",),
        "JW319": ("Header/BerichtCode",),
        "JW323": ("Header/BerichtCode",),
        "JW325": ("Header/BerichtCode",),
    },
)
