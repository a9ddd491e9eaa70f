"""RS024: at most 36 characters (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS024",
    "max-length",
    "36",
    "at most 36 characters",
    {
        "JW301": ("ToegewezenProduct/ReferentieAanbieder",),
        "JW315": ("AangevraagdProduct/ReferentieAanbieder",),
        "JW317": ("Verzoek/ReferentieAanbieder",),
        "JW319": ("Antwoord/ReferentieAanbieder",),
    },
)
