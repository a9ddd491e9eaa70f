"""Exit codes of every `productcodes` command, named once.

Scripts and CI pipelines branch on these numbers, so they are part of the interface: the README
documents them and tests hold the commands to them.
"""

from __future__ import annotations

EXIT_OK = 0
"""Nothing to report: every message valid, every file handled."""

EXIT_ERRORS = 1
"""The command ran and found something: findings of severity error, files it refused or could not
answer, stale pages."""

EXIT_USAGE = 2
"""Usage or tool error: a bad option value, a missing file, a database that cannot be used. One
`fout:` line, no traceback (click's own usage errors use 2 as well)."""

EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT, as shells report it); what was written so far is kept."""


def exit_code(found_errors: bool) -> int:
    """EXIT_ERRORS when the command found errors, else EXIT_OK."""
    return EXIT_ERRORS if found_errors else EXIT_OK
