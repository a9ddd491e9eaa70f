"""`productcodes batch`: validate a folder of messages for a back office."""

from __future__ import annotations

import os
import sys

import click

from validators.cli.exitcodes import EXIT_ERRORS, EXIT_INTERRUPTED
from validators.cli.options import (
    history_complete_option,
    history_option,
    ignore_option,
    lang_option,
    registry_option,
    schemas_option,
    select_option,
    show_bsn_option,
    store_option,
    today_option,
)
from validators.engine.batch import SUMMARY, BatchResult, BatchSettings, run_batch


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    metavar="MAP",
    help="Map voor de rapporten.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Aantal processen dat tegelijk controleert.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Waar de controles draaien: lokale processen of een Dask-cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADRES",
    help="Dask-scheduler (tcp://host:8786), of local:N voor een lokaal cluster.",
)
@today_option
@select_option
@ignore_option
@history_option
@history_complete_option
@schemas_option
@show_bsn_option
@store_option
@registry_option
@lang_option
@click.pass_obj
def batch(
    app,
    inputs: tuple[str, ...],
    out_dir: str,
    workers: int,
    executor: str,
    scheduler: str | None,
    today,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    history: tuple[str, ...],
    history_complete: bool,
    schema_dir: str | None,
    show_bsn: bool,
    use_store: bool,
    use_registry: bool,
    lang: str | None,
) -> None:
    """Controleer elk *.xml-bestand onder INPUTS; schrijf per bestand een JSON-rapport en een samenvatting.

    Gaat door na kapotte bestanden, slaat bestanden over die een eerdere (onderbroken) run al
    rapporteerde, en eindigt met code 1 als een bestand fouten heeft (130 na Ctrl-C).

    \b
    Voorbeelden:
      productcodes batch inbox/2026-11 --out rapporten/2026-11 --workers 2
      productcodes batch inbox --out rapporten --executor dask --scheduler tcp://10.0.0.5:8786
    """
    settings = BatchSettings(
        today=today,
        select=select,
        ignore=ignore,
        schema_dir=schema_dir,
        history_paths=tuple(history),
        history_complete=history_complete,
        show_bsn=show_bsn,
        db_url=getattr(app, "db_url", None),
        use_store=use_store,
        use_registry=use_registry,
        lang=lang,
    )
    if use_store or use_registry:
        from productcodes.commands import engine_for

        engine_for(app)  # a database behind on migrations is reported here, once, not per worker
    bar_holder: list = []

    def progress(todo: int, resumed: int):
        if resumed:
            click.echo(f"{resumed} bestand(en) al klaar in een eerdere run; nog {todo} te doen", err=True)
        bar = click.progressbar(length=todo, label="controleren", file=sys.stderr)
        bar.__enter__()
        bar_holder.append(bar)
        return bar.update

    try:
        result = run_batch(
            inputs,
            out_dir,
            settings,
            workers=workers,
            executor=executor,
            scheduler=scheduler,
            progress=progress,
        )
    except KeyboardInterrupt:
        for bar in bar_holder:
            bar.__exit__(None, None, None)
        bar_holder.clear()
        click.echo(
            "\nonderbroken: de rapporten die al geschreven zijn blijven staan; geef hetzelfde commando "
            "opnieuw om de rest te controleren",
            err=True,
        )
        raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
    finally:
        for bar in bar_holder:
            bar.__exit__(None, None, None)
    _print_summary(result)
    if result.has_errors:
        raise click.exceptions.Exit(EXIT_ERRORS)


def _print_summary(result: BatchResult) -> None:
    summary = result.summary()
    click.echo(
        f"{summary['files']} bestand(en): {summary['valid']} geldig, {summary['invalid']} met fouten, "
        f"{len(summary['unreadable'])} onleesbaar"
    )
    for name in summary["unreadable"]:
        click.echo(f"  onleesbaar: {name}")
    if summary["errors_per_code"]:
        click.echo(
            "fouten per regel: " + ", ".join(f"{k} {v}" for k, v in summary["errors_per_code"].items())
        )
    if summary["errors_per_retourcode"]:
        click.echo(
            "fouten per retourcode: "
            + ", ".join(f"{k} {v}" for k, v in summary["errors_per_retourcode"].items())
        )
    for entry in summary["refused_history"]:
        click.echo(f"  geweigerde historie: {entry['file']}: {entry['reason']}")
    if summary["refused_history"]:
        affected = summary["rules_affected_by_refused_history"]
        click.echo(
            "regels waarvan het oordeel door de geweigerde historie kan afwijken: "
            f"{', '.join(affected) or 'geen'}"
        )
    click.echo(f"rapporten in {result.out_dir}; samenvatting in {result.out_dir / SUMMARY}")
