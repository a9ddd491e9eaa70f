"""RS007: at least 1 character(s) (schema constraint)."""

from validators.rules.rs._schema_rule import schema_rule

# Attached to no element in the catalogue: matched on the facet value alone.

schema_rule(
    "RS007",
    "min-length",
    "1",
    "at least 1 character(s)",
    {},
    standards=("iJw",),  # the iWmo 3.2 catalogue has no such rule
)
