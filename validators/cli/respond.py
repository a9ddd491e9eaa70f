"""`productcodes respond`: the official answer message for each message given."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from productcodes.errors import UserError
from validators.cli.validate import _codes, _history, _parse_day, collect, lang_option, registry_snapshot


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the answer messages (created if missing).",
)
@click.option(
    "--history",
    "history",
    multiple=True,
    type=click.Path(exists=True),
    help="Earlier messages (file or folder, oldest first; repeatable) for cross-message rules.",
)
@click.option(
    "--store",
    "use_store",
    is_flag=True,
    help="Use the message store (--db) as history and keep the answers' sequence numbers there.",
)
@click.option(
    "--today", metavar="DATE", help="System date for date rules and the Dagtekening (default today)."
)
@click.option("--ignore", multiple=True, help="Rule codes or prefixes not to apply (comma-separated).")
@click.option(
    "--registry/--no-registry",
    "use_registry",
    default=False,
    help="Also apply the registry rules (product lists, gemeenten, tarieven) from --db.",
)
@click.option(
    "--schemas", type=click.Path(exists=True, file_okay=False), help="Folder with the official XSDs."
)
@lang_option
@click.pass_obj
def respond(app, paths, out_dir, history, use_store, today, ignore, use_registry, schemas, lang) -> None:
    """Validate each message and write its answer: JW302/306/308/316/318/320 or JW325.

    The answer follows IV028 (retour messages) and IV087 (JW325): approved in full, the
    Header alone (a JW325: 8001); an in-message error, the Header alone with 0001; an error
    in the Header, the Header alone with its code; otherwise each class with its code.
    Identifications never repeat: the last number used is kept in the store (--store) or
    in --out (.productcodes-antwoorden.json). Example:

        productcodes respond JW323-oktober.xml --history toewijzingen/ --out antwoorden/
    """
    from iwmo_ijw.layout import conforming
    from iwmo_ijw.models import to_element
    from iwmo_ijw.parsing import MessageError, load
    from productcodes.commands import engine_for
    from validators.answers.respond import NoAnswer, answer
    from validators.answers.sequence import Sequence, StoreSequence
    from validators.engine.pipeline import Options, validate_parsed
    from validators.rules.registry import RuleSet

    day = _parse_day(today)
    options = Options(
        today=day,
        ruleset=RuleSet(ignore=_codes(ignore)),
        schema_dir=schemas,
        history=_history(history, app if use_store else None),
        registry=registry_snapshot(app) if use_registry else None,
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    numbers = StoreSequence(engine_for(app), day) if use_store else Sequence(out, day)
    with numbers as sequence:
        for item in collect(paths):
            try:
                parsed = load(item)
                report = validate_parsed(parsed, options)
                result = answer(parsed, report, identificatie=sequence.next(), dagtekening=day)
            except (MessageError, NoAnswer) as exc:
                failed += 1
                click.echo(f"{item}: no answer message: {exc}", err=True)
                continue
            code = result.message.message_type.code
            target = out / f"{Path(item).stem}.{code}.xml"
            target.write_bytes(conforming(to_element(result.message)))
            click.echo(f"{item}: {code} written to {target} ({_verdict(result)})")
    sys.exit(1 if failed else 0)


def _verdict(result) -> str:
    if result.controleniveau is None:
        return "fully approved"
    placed = sum(len(v) for v in result.placed.values())
    return f"controleniveau {result.controleniveau}: {placed} retourcode(s) placed"


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--to",
    "target",
    type=click.Choice(["national"]),
    default="national",
    show_default=True,
    help="Translate into the national product set of the registry.",
)
@click.option(
    "--out", "out_file", required=True, type=click.Path(dir_okay=False), help="Where to write the result."
)
@click.pass_obj
def translate(app, file: str, target: str, out_file: str) -> None:
    """Rewrite a message with national product codes and converted volumes (approved mappings of --db).

    \b
    Example:
      productcodes --db registry.sqlite translate JW301.xml --to national --out JW301-landelijk.xml
    """
    from iwmo_ijw.layout import conforming
    from iwmo_ijw.parsing import MessageError, load
    from iwmo_ijw.schemas import load_schema
    from productcodes.translate import translate as translate_message

    try:
        message = load(file)
    except MessageError as exc:
        raise UserError(f"{file}: {exc}") from None
    result = translate_message(message, registry_snapshot(app))
    schema = load_schema(message.message_type)
    if not schema.validate(result.tree):
        raise UserError(
            f"the translated message fails the XSD ({schema.error_log.last_error.message}); nothing written"
        )
    Path(out_file).write_bytes(conforming(result.tree))
    for line in result.changed:
        click.echo(line)
    for line in result.problems:
        click.echo(f"not translated: {line}", err=True)
    click.echo(
        f"{len(result.changed)} product(s) translated, {len(result.problems)} left as they were; "
        f"written to {out_file}"
    )
