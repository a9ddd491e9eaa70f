"""RS008: at most 1 character (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS008",
    "max-length",
    "1",
    "at most 1 character",
    {
        "JW301": (
            "Client/Geboortedatum/DatumGebruik",
            "Client/Geslacht",
            "Client/Naam/NaamGebruik",
            "Client/Communicatie/Vorm",
            "Contact/Adres/Huis/Huisletter",
            "Relatie/Geboortedatum/DatumGebruik",
            "Relatie/Geslacht",
            "Relatie/Naam/NaamGebruik",
            "ToegewezenProduct/Omvang/Frequentie",
        ),
        "JW305": (
            "Client/Geboortedatum/DatumGebruik",
            "Client/Geslacht",
            "StartProduct/StatusAanlevering",
        ),
        "JW307": (
            "Client/Datumgebruik/CDT",
            "Client/Geslacht",
            "StopProduct/StatusAanlevering",
        ),
        "JW315": (
            "AangevraagdProduct/Omvang/Frequentie",
            "AangevraagdProduct/Raamcontract",
            "Client/Geboortedatum/DatumGebruik",
            "Client/Geslacht",
            "Client/GezagsdragerBekend",
        ),
        "JW317": (
            "NieuwProduct/Omvang/Frequentie",
            "TeWijzigenProduct/Omvang/Frequentie",
            "Verzoek/RedenVerzoek",
        ),
        "JW319": ("Antwoord/VerzoekAntwoord",),
        "JW323": (
            "Declaratie/TotaalIngediendBedrag/DebetCredit",
            "Prestatie/IngediendBedrag/DebetCredit",
        ),
        "JW325": (
            "DeclaratieAntwoord/TotaalIngediendBedrag/DebetCredit",
            "DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit",
            "Prestatie/IngediendBedrag/DebetCredit",
        ),
    },
)
