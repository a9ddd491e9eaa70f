"""RS009: at most 2 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS009",
    "max-length",
    "2",
    "at most 2 characters",
    {
        "JW301": (
            "Client/JuridischeStatus",
            "Client/WettelijkeVertegenwoordiging",
            "Contact/Soort",
            "Contact/Adres/Huis/AanduidingWoonadres",
            "Contact/Adres/LandCode",
            "Relatie/Soort",
            "ToegewezenProduct/Product/Categorie",
            "ToegewezenProduct/RedenWijziging",
            "ToegewezenProduct/Omvang/Eenheid",
        ),
        "JW305": ("StartProduct/Product/Categorie",),
        "JW307": (
            "StopProduct/Product/Categorie",
            "StopProduct/RedenBeeindiging",
        ),
        "JW315": (
            "AangevraagdProduct/Product/Categorie",
            "AangevraagdProduct/Omvang/Eenheid",
            "AangevraagdProduct/Verwijzer/Type",
        ),
        "JW317": (
            "NieuwProduct/Product/Categorie",
            "NieuwProduct/Omvang/Eenheid",
            "TeWijzigenProduct/Omvang/Eenheid",
        ),
        "JW319": ("Antwoord/RedenAfwijzingVerzoek",),
        "JW323": (
            "Prestatie/Categorie",
            "Prestatie/Eenheid",
        ),
        "JW325": (
            "Prestatie/Categorie",
            "Prestatie/Eenheid",
        ),
    },
)
