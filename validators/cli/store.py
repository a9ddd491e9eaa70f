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

    engine = engine_for(app)
    _reindex_first(engine)
    with session_scope(engine) as session:
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
    from validators.sources.store.writing import pending

    with session_scope(engine_for(app)) as session:
        counts = summary(session)
        since = complete_from(session)
        waiting = pending(session)
    for berichttype, count in sorted(counts.items()):
        click.echo(f"{berichttype:<8} {count:>8}")
    click.echo(f"{sum(counts.values())} message(s)")
    if since is not None:
        click.echo(f"complete from {since.isoformat()}")
    if waiting:
        click.echo(f"{waiting} message(s) without records yet: `productcodes store reindex` extracts them")


@store.command()
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: only when stderr is a terminal).",
)
@click.option(
    "--opnieuw",
    "again",
    is_flag=True,
    help="Extract the records of every stored message again, not only of those without.",
)
@click.pass_obj
def reindex(app, progress, again) -> None:
    """Extract the records of stored messages that have none yet (stored before version 0007).

    Validation with --store does this by itself when needed. Interrupting is safe: the next run
    goes on where this one stopped. The stored messages themselves are only read."""
    from productcodes.commands import engine_for
    from validators.sources.store import reindex as reindex_store

    engine = engine_for(app)
    with _bar(progress) as tell:
        done = reindex_store(engine, tell, again=again)
    click.echo(f"{done} bericht(en) uitgepakt")


def _reindex_first(engine) -> None:
    from validators.sources.store import ensure_indexed

    with _bar(None) as tell:
        ensure_indexed(engine, lambda text: click.echo(text, err=True), tell)


class _bar:
    """A click progress bar on stderr, fed (done, total); silent unless asked or on a terminal."""

    def __init__(self, wanted: bool | None) -> None:
        self.shown = sys.stderr.isatty() if wanted is None else wanted
        self.bar = None
        self.done = 0

    def __enter__(self):
        return self.tell

    def tell(self, done: int, total: int) -> None:
        if not self.shown:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="uitpakken", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
