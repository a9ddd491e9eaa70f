"""`productcodes respond`: the official answer message for each message given."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from productcodes.errors import UserError
from validators.cli.exitcodes import exit_code
from validators.cli.inputs import collect, load_history
from validators.cli.options import (
    history_option,
    ignore_option,
    lang_option,
    registry_option,
    schemas_option,
    store_option,
    today_option,
)
from validators.cli.validate import registry_snapshot


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    metavar="MAP",
    help="Map voor de antwoordberichten (wordt zo nodig aangemaakt).",
)
@history_option
@store_option
@today_option
@ignore_option
@registry_option
@schemas_option
@lang_option
@click.pass_obj
def respond(app, paths, out_dir, history, use_store, today, ignore, use_registry, schema_dir, lang) -> None:
    """Controleer elk bericht en schrijf het antwoord: JW302/306/308/316/318/320 of JW325.

    Het antwoord volgt IV028 (retourberichten) en IV087 (JW325): geheel goedgekeurd, alleen de
    Header (bij een JW325: 8001); een fout binnen het bericht, alleen de Header met 0001; een fout
    in de Header, alleen de Header met die code; anders elke klasse met haar code. --today is ook
    de Dagtekening van de antwoorden. Identificaties herhalen nooit: het laatst gebruikte nummer
    staat in de berichtenopslag (--store) of in --out (.productcodes-antwoorden.json). Voorbeeld:

        productcodes respond JW323-oktober.xml --history toewijzingen/ --out antwoorden/
    """
    from productcodes.commands import engine_for
    from validators import NoAnswer, Options, answer
    from validators.answers.sequence import Sequence, StoreSequence
    from validators.rules.registry import RuleSet

    day = today
    options = Options(
        today=day,
        ruleset=RuleSet(ignore=ignore),
        schema_dir=schema_dir,
        history=load_history(history, app if use_store else None),
        registry=registry_snapshot(app) if use_registry else None,
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    numbers = StoreSequence(engine_for(app), day) if use_store else Sequence(out, day)
    with numbers as sequence:
        for item in collect(paths):
            try:
                result = answer(item, options, identificatie=sequence.next(), dagtekening=day)
            except NoAnswer as exc:
                failed += 1
                click.echo(f"{item}: geen antwoordbericht: {exc}", err=True)
                continue
            code = result.code
            target = out / f"{Path(item).stem}.{code}.xml"
            target.write_bytes(result.data)
            click.echo(f"{item}: {code} geschreven naar {target} ({_verdict(result.answer)})")
    sys.exit(exit_code(failed > 0))


def _verdict(result) -> str:
    if result.controleniveau is None:
        return "geheel goedgekeurd"
    placed = sum(len(v) for v in result.placed.values())
    return f"controleniveau {result.controleniveau}: {placed} retourcode(s) geplaatst"


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--to",
    "target",
    type=click.Choice(["national"]),
    default="national",
    show_default=True,
    help="Vertaal naar de landelijke productset van het register.",
)
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="BESTAND",
    help="Bestand voor het resultaat.",
)
@click.pass_obj
def translate(app, file: str, target: str, out_file: str) -> None:
    """Herschrijf een bericht met landelijke productcodes en omgerekende volumes (goedgekeurde mappings
    uit --db).

    \b
    Voorbeeld:
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
            f"het vertaalde bericht voldoet niet aan de XSD ({schema.error_log.last_error.message}); "
            "er is niets geschreven"
        )
    Path(out_file).write_bytes(conforming(result.tree))
    for line in result.changed:
        click.echo(line)
    for line in result.problems:
        click.echo(f"niet vertaald: {line}", err=True)
    click.echo(
        f"{len(result.changed)} product(en) vertaald, {len(result.problems)} ongewijzigd gelaten; "
        f"geschreven naar {out_file}"
    )
