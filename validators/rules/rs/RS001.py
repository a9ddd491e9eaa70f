"""RS001: a value of at least 0 (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS001",
    "min-value",
    "0",
    "a value of at least 0",
    {
        "JW301": (
            "Contact/Adres/Huis/Huisnummer",
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "Relatie/Volgorde",
            "ToegewezenProduct/ToewijzingNummer",
            "ToegewezenProduct/Omvang/Volume",
            "ToegewezenProduct/Budget",
        ),
        "JW305": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "StartProduct/ToewijzingNummer",
        ),
        "JW307": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "StopProduct/ToewijzingNummer",
        ),
        "JW315": (
            "AangevraagdProduct/BeschikkingNummer",
            "AangevraagdProduct/Omvang/Volume",
            "AangevraagdProduct/Budget",
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW317": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "NieuwProduct/Omvang/Volume",
            "NieuwProduct/Budget",
            "OngewijzigdProduct/ToewijzingNummer",
            "TeWijzigenProduct/Omvang/Volume",
            "TeWijzigenProduct/ToewijzingNummer",
            "TeWijzigenProduct/Budget",
        ),
        "JW319": (
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
        ),
        "JW323": (
            "Declaratie/TotaalIngediendBedrag/TotaalBedrag",
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "Prestatie/ToewijzingNummer",
            "Prestatie/GeleverdVolume",
            "Prestatie/ProductTarief",
            "Prestatie/IngediendBedrag/Bedrag",
        ),
        "JW325": (
            "DeclaratieAntwoord/TotaalIngediendBedrag/TotaalBedrag",
            "DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag",
            "Header/BerichtVersie",
            "Header/BerichtSubversie",
            "Prestatie/ToewijzingNummer",
            "Prestatie/GeleverdVolume",
            "Prestatie/ProductTarief",
            "Prestatie/IngediendBedrag/Bedrag",
        ),
    },
)
