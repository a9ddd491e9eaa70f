"""RS032: a date without time zone (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS032",
    "pattern",
    None,
    "a date without time zone",
    {
        "retour": ("Header/DagtekeningRetour",),
        "JW301": (
            "Client/Geboortedatum/Datum",
            "Contact/Periode/Begindatum",
            "Contact/Periode/Einddatum",
            "Header/BerichtIdentificatie/Dagtekening",
            "Relatie/Geboortedatum/Datum",
            "ToegewezenProduct/Toewijzingsdatum",
            "ToegewezenProduct/Ingangsdatum",
            "ToegewezenProduct/Einddatum",
        ),
        "JW305": (
            "Client/Geboortedatum/Datum",
            "Header/BerichtIdentificatie/Dagtekening",
            "StartProduct/ToewijzingIngangsdatum",
            "StartProduct/Begindatum",
        ),
        "JW307": (
            "Client/Geboortedatum/Datum",
            "Header/BerichtIdentificatie/Dagtekening",
            "StopProduct/ToewijzingIngangsdatum",
            "StopProduct/Begindatum",
            "StopProduct/Einddatum",
        ),
        "JW315": (
            "AangevraagdProduct/ToewijzingIngangsdatum",
            "AangevraagdProduct/ToewijzingEinddatum",
            "AangevraagdProduct/BeschikkingIngangsdatum",
            "Client/Geboortedatum/Datum",
            "Header/BerichtIdentificatie/Dagtekening",
        ),
        "JW317": (
            "Header/BerichtIdentificatie/Dagtekening",
            "NieuwProduct/GewensteIngangsdatum",
            "NieuwProduct/Einddatum",
            "TeWijzigenProduct/GewensteIngangsdatum",
            "TeWijzigenProduct/Einddatum",
        ),
        "JW319": ("Header/BerichtIdentificatie/Dagtekening",),
        "JW323": (
            "Declaratie/DeclaratiePeriode/Begindatum",
            "Declaratie/DeclaratiePeriode/Einddatum",
            "Declaratie/DeclaratieDagtekening",
            "Header/BerichtIdentificatie/Dagtekening",
            "Prestatie/ProductPeriode/Begindatum",
            "Prestatie/ProductPeriode/Einddatum",
        ),
        "JW325": (
            "Header/BerichtIdentificatie/Dagtekening",
            "Header/DeclaratieIdentificatie/Dagtekening",
            "Prestatie/ProductPeriode/Begindatum",
            "Prestatie/ProductPeriode/Einddatum",
        ),
    },
)
