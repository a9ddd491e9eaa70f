"""RS037: exactly 9 digits (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS037",
    "digits",
    "9",
    "exactly 9 digits",
    {
        "JW301": ("Client/Bsn",),
        "JW305": ("Client/Bsn",),
        "JW307": ("Client/Bsn",),
        "JW315": ("Client/Bsn",),
        "JW317": ("Client/Bsn",),
        "JW323": ("Client/Bsn",),
        "JW325": ("Client/Bsn",),
    },
)
