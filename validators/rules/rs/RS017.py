"""RS017: at most 12 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS017",
    "max-length",
    "12",
    "at most 12 characters",
    {
        "retour": ("Header/IdentificatieRetour",),
        "JW301": ("Header/BerichtIdentificatie/Identificatie",),
        "JW305": ("Header/BerichtIdentificatie/Identificatie",),
        "JW307": ("Header/BerichtIdentificatie/Identificatie",),
        "JW315": ("Header/BerichtIdentificatie/Identificatie",),
        "JW317": ("Header/BerichtIdentificatie/Identificatie",),
        "JW319": ("Header/BerichtIdentificatie/Identificatie",),
        "JW323": (
            "Declaratie/DeclaratieNummer",
            "Header/BerichtIdentificatie/Identificatie",
        ),
        "JW325": (
            "DeclaratieAntwoord/DeclaratieNummer",
            "Header/BerichtIdentificatie/Identificatie",
            "Header/DeclaratieIdentificatie/Identificatie",
        ),
    },
)
