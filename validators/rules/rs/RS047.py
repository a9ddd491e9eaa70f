"""RS047: the BerichtCode of this message type (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS047",
    "pattern",
    None,
    "the BerichtCode of this message type",
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
