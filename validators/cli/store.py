"""`productcodes store …`: the back office's message store (history for cross-message rules)."""

from __future__ import annotations

import sys

import click

from validators.cli.exitcodes import exit_code
from validators.cli.validate import collect


@click.group()
def store() -> None:
    """Keep received messages so each new one is validated against everything before it.

    \b
    Example:
      productcodes store ingest ontvangen/2026-10/
      productcodes validate --store JW323-nieuw.xml
    """


@store.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--complete-from",
    "complete_from",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="DATE",
    help="The store holds every message dated DATE or later (default: set once, to the "
    "Dagtekening of the first message stored).",
)
@click.pass_obj
def ingest(app, paths, complete_from) -> None:
    """Store messages (files or folders, in arrival order); bad files are reported and skipped."""
    from productcodes.commands import engine_for
    from productcodes.db import session_scope
    from validators.sources.store import ingest as ingest_files
    from validators.sources.store import set_complete_from

    with session_scope(engine_for(app)) as session:
        result = ingest_files(session, collect(paths))
        if complete_from is not None:
            set_complete_from(session, complete_from.date())
    for name, reason in result.refused:
        click.echo(f"{name}: not stored: {reason}", err=True)
    click.echo(
        f"{len(result.stored)} stored, {len(result.duplicates)} already in the store, "
        f"{len(result.refused)} refused"
    )
    sys.exit(exit_code(bool(result.refused)))


@store.command("list")
@click.pass_obj
def list_cmd(app) -> None:
    """How many messages of each type the store holds."""
    from productcodes.commands import engine_for
    from productcodes.db import session_scope
    from validators.sources.store import complete_from, summary

    with session_scope(engine_for(app)) as session:
        counts = summary(session)
        since = complete_from(session)
    for berichttype, count in sorted(counts.items()):
        click.echo(f"{berichttype:<8} {count:>8}")
    click.echo(f"{sum(counts.values())} message(s)")
    if since is not None:
        click.echo(f"complete from {since.isoformat()}")
