"""`productcodes batch`: validate a folder of messages for a back office."""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from validators.cli.validate import lang_option, rule_codes
from validators.engine.batch import SUMMARY, BatchResult, BatchSettings, run_batch


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for reports.")
@click.option("--workers", type=click.IntRange(1, 256), default=os.cpu_count() or 1, show_default=True)
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786), or local:N for a local cluster."
)
@click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), help="System date for date rules (default: today)."
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--history", "history", multiple=True, type=click.Path(exists=True), help="Earlier messages.")
@click.option(
    "--history-complete",
    "history_complete",
    is_flag=True,
    help="The --history files hold every message of their parties from their earliest Dagtekening.",
)
@click.option(
    "--schemas", "schema_dir", type=click.Path(exists=True, file_okay=False), help="Official XSD folder."
)
@click.option("--show-bsn", is_flag=True, help="Write BSNs unmasked in the reports.")
@click.option("--store", "use_store", is_flag=True, help="Use the message store of --db as history.")
@click.option("--registry", "use_registry", is_flag=True, help="Apply the registry rules of --db.")
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
    """Validate every *.xml below INPUTS; write one JSON report per file and a summary.

    Goes on past broken files, skips files already reported by an earlier (interrupted)
    run, and exits 1 when any file has errors.

    \b
    Examples:
      productcodes batch inbox/2026-11 --out reports/2026-11 --workers 2
      productcodes batch inbox --out reports --executor dask --scheduler tcp://10.0.0.5:8786
    """
    settings = BatchSettings(
        today=today.date() if today else date.today(),
        select=rule_codes("--select", select),
        ignore=rule_codes("--ignore", ignore),
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
            click.echo(f"{resumed} file(s) already done in an earlier run; {todo} to go", err=True)
        bar = click.progressbar(length=todo, label="validating", file=sys.stderr)
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
            "\ninterrupted: the reports written so far are kept; run the same command again to "
            "validate the rest",
            err=True,
        )
        raise click.exceptions.Exit(130) from None
    finally:
        for bar in bar_holder:
            bar.__exit__(None, None, None)
    _print_summary(result)
    if result.has_errors:
        raise click.exceptions.Exit(1)


def _print_summary(result: BatchResult) -> None:
    summary = result.summary()
    click.echo(
        f"{summary['files']} file(s): {summary['valid']} valid, {summary['invalid']} with errors, "
        f"{len(summary['unreadable'])} unreadable"
    )
    for name in summary["unreadable"]:
        click.echo(f"  unreadable: {name}")
    if summary["errors_per_code"]:
        click.echo("errors per rule: " + ", ".join(f"{k} {v}" for k, v in summary["errors_per_code"].items()))
    if summary["errors_per_retourcode"]:
        click.echo(
            "errors per retourcode: "
            + ", ".join(f"{k} {v}" for k, v in summary["errors_per_retourcode"].items())
        )
    for entry in summary["refused_history"]:
        click.echo(f"  refused history: {entry['file']}: {entry['reason']}")
    if summary["refused_history"]:
        affected = summary["rules_affected_by_refused_history"]
        click.echo(f"rules whose verdicts the refused history may affect: {', '.join(affected) or 'none'}")
    click.echo(f"reports in {result.out_dir}; summary in {result.out_dir / SUMMARY}")
