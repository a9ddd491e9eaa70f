"""RS005: a value of at most 99999999 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS005",
    "max-value",
    "99999999",
    "a value of at most 99999999",
    {
        "JW301": (
            "ToegewezenProduct/Omvang/Volume",
            "ToegewezenProduct/Budget",
        ),
        "JW315": (
            "AangevraagdProduct/Omvang/Volume",
            "AangevraagdProduct/Budget",
        ),
        "JW317": (
            "NieuwProduct/Omvang/Volume",
            "NieuwProduct/Budget",
            "TeWijzigenProduct/Omvang/Volume",
            "TeWijzigenProduct/Budget",
        ),
        "JW323": (
            "Prestatie/GeleverdVolume",
            "Prestatie/ProductTarief",
            "Prestatie/IngediendBedrag/Bedrag",
        ),
        "JW325": (
            "Prestatie/GeleverdVolume",
            "Prestatie/ProductTarief",
            "Prestatie/IngediendBedrag/Bedrag",
        ),
    },
)
