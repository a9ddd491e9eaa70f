"""RS011: at most 4 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS011",
    "max-length",
    "4",
    "at most 4 characters",
    {
        "retour": ("RetourCodes/RetourCode",),
        "JW301": (
            "Contact/Adres/Huis/HuisnummerToevoeging",
            "Contact/Telefoon/Telefoon01/Landnummer",
            "Contact/Telefoon/Telefoon02/Landnummer",
        ),
        "JW325": ("RetourCodes/RetourCode",),
    },
)
