"""RS048: a version of three numbers separated by dots (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

schema_rule(
    "RS048",
    "pattern",
    None,
    "a version of three numbers separated by dots",
    {
        "retour": (
            "Header/XsltVersie",
            "Header/XsdVersieRetour/BerichtXsdVersie",
            "Header/XsdVersieRetour/BasisschemaXsdVersie",
        ),
        "JW301": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW305": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW307": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/BerichtVersie/BasisschemaXsdVersie",
        ),
        "JW315": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW317": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW319": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW323": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
        ),
        "JW325": (
            "Header/XsdVersie/BerichtXsdVersie",
            "Header/XsdVersie/BasisschemaXsdVersie",
            "Header/XsltVersie",
            "Header/XsdVersieDeclaratie/BerichtXsdVersie",
            "Header/XsdVersieDeclaratie/BasisschemaXsdVersie",
        ),
    },
)
