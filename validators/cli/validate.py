"""`productcodes validate`: messages in, a report out.

The exit code says what was found (validators/cli/exitcodes.py): EXIT_OK when no finding is an
error, EXIT_ERRORS when one is, EXIT_USAGE for a usage or tool error (raised as UserError or a
click exception, which the root group turns into one line).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from validators.cli.exitcodes import exit_code
from validators.cli.inputs import collect, load_history
from validators.cli.options import (
    format_option,
    history_complete_option,
    history_option,
    ignore_option,
    lang_option,
    output_option,
    registry_option,
    schemas_option,
    select_option,
    show_bsn_option,
    store_option,
    today_option,
)

__all__ = ["collect", "registry_snapshot", "validate"]  # collect: `store` imports it from here


# The snapshot names the kinds of data it lacks by their keys; a person reads them in Dutch.
_DATA_NAMES = {"products": "productlijsten"}


def registry_snapshot(app):
    """The registry as rules see it; one warning (stderr) for each kind of data it lacks."""
    from validators.sources.snapshot_db import load_snapshot

    snapshot = load_snapshot(app)
    for what, codes in snapshot.missing().items():
        click.echo(
            f"waarschuwing: het register heeft geen {_DATA_NAMES.get(what, what)}: "
            f"{', '.join(codes)} niet beoordeeld; importeer ze met `productcodes registry`",
            err=True,
        )
    return snapshot


@click.command()
@click.argument("paths", nargs=-1, required=True)
@format_option()
@output_option
@select_option
@ignore_option
@today_option
@show_bsn_option
@schemas_option
@history_option
@history_complete_option
@store_option
@registry_option
@click.option(
    "--stream/--no-stream",
    default=None,
    help="Lees berichten Client voor Client, met vlak geheugengebruik (standaard: alleen bestanden "
    "vanaf 256 MB).",
)
@lang_option
@click.pass_obj
def validate(
    app,
    paths,
    fmt,
    output,
    select,
    ignore,
    today,
    show_bsn,
    schema_dir,
    history,
    history_complete,
    use_store,
    use_registry,
    stream,
    lang,
) -> None:
    """Controleer iJw/iWmo 3.2-berichten (bestanden, mappen of - voor stdin).

    Exitcode 0: geen fouten; 1: fouten gevonden; 2: gebruiks- of programmafout. Voorbeeld:

        productcodes validate JW323-oktober.xml --history toewijzingen/ --format json -o rapport.json
    """
    from validators import Options
    from validators import validate as validate_all
    from validators.engine.pipeline import EVERY_LEVEL
    from validators.reporting import render
    from validators.rules.registry import RuleSet

    options = Options(
        today=today,
        ruleset=RuleSet(select=select, ignore=ignore),
        schema_dir=schema_dir,
        history=load_history(history, app if use_store else None, history_complete),
        registry=registry_snapshot(app) if use_registry else None,
        levels=EVERY_LEVEL,
        stream=stream,
    )
    report = validate_all(_items(collect(paths)), options)
    text = render(report, fmt, show_bsn=show_bsn, lang=lang)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(not report.valid))


def _items(paths):
    """Paths as given; "-" becomes the bytes read from standard input."""
    for item in paths:
        yield ("<stdin>", sys.stdin.buffer.read()) if item == "-" else item
