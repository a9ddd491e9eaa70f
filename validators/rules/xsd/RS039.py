"""RS039: at most 14 characters (schema constraint)."""

from validators.rules.xsd._schema_rule import schema_rule

# Attached to no element in the catalogue: matched on the facet value alone.

schema_rule(
    "RS039",
    "max-length",
    "14",
    "at most 14 characters",
    {},
    standards=("iJw",),  # the iWmo 3.2 catalogue has no such rule
)
