"""The command line of the validators: one module per command group.

validate.py, batch.py, respond.py (respond and translate), rules.py and store.py hold the
commands; options.py the options they share, exitcodes.py the exit codes they end with, and
inputs.py how they read files and history. `productcodes.cli` registers the groups lazily, so
`productcodes validate` imports only what validating needs.
"""
