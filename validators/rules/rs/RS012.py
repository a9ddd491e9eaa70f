"""RS012: at most 5 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS012",
    "max-length",
    "5",
    "at most 5 characters",
    {
        "JW301": ("ToegewezenProduct/Product/Code",),
        "JW305": ("StartProduct/Product/Code",),
        "JW307": ("StopProduct/Product/Code",),
        "JW315": ("AangevraagdProduct/Product/Code",),
        "JW317": ("NieuwProduct/Product/Code",),
        "JW323": ("Prestatie/ProductCode",),
        "JW325": ("Prestatie/Code",),
    },
)
