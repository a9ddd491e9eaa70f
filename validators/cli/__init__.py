"""The command line of the validators: one module per command group.

`productcodes.cli` registers these groups lazily, so `productcodes validate` imports only
what validating needs.
"""
