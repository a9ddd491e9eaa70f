"""RS003: a value of at most 9999 (schema constraint)."""

from validators.rules.xsd._schema_rule import schema_rule

# Attached to no element in the catalogue: matched on the facet value alone.

schema_rule(
    "RS003",
    "max-value",
    "9999",
    "a value of at most 9999",
    {},
    standards=("iJw",),  # the iWmo 3.2 catalogue has no such rule
)
