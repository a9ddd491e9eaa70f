"""`productcodes rules`: the rule catalogue as implemented, listed, explained and documented."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from productcodes.errors import UserError
from validators.cli.exitcodes import EXIT_ERRORS
from validators.cli.options import format_option, lang_option

UNCHECKED_LEVEL = "niet machinaal"  # catalogue rules no rule here checks, listed with the reason
LEVEL_NAMES = ("technisch", "xsd", "xslt", "berichtoverstijgend", "externe bron", "registry", UNCHECKED_LEVEL)


@click.group()
def rules() -> None:
    """De regelcatalogus zoals geïmplementeerd: regels opsommen, uitleggen en documenteren.

    \b
    Voorbeelden:
      productcodes rules list --message JW323
      productcodes rules show TR346
    """


@rules.command("list")
@click.option(
    "--message", "message", metavar="CODE", help="Alleen regels voor dit bericht (JW323, WMO303 ...)."
)
@click.option("--level", type=click.Choice(LEVEL_NAMES), help="Alleen regels van dit controleniveau.")
@format_option(("text", "json"))
@lang_option
def list_rules(message: str | None, level: str | None, fmt: str, lang: str | None) -> None:
    """Druk de regeltabel af: code, niveau, retourcode, doel en omschrijving (in --lang; standaard in
    het Nederlands).

    Bedrijfsregels en invulinstructies die geen regel controleert, volgen op niveau "niet machinaal",
    elk met de reden en de regels die delen ervan controleren. Voorbeeld:

        productcodes rules list --level xsd --message JW323 --format json
    """
    from validators.reporting.texts import current_lang

    lang = lang or current_lang()
    rows = rule_rows(message, level, lang)
    if fmt == "json":
        import json  # here, not at the top: a validation in text format needs no JSON

        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        retour = r["retourcode"] or "-"
        click.echo(f"{r['code']:<8} {r['level']:<20} {retour:<6} {r['target']:<16} {r['description']}")
    unchecked = sum(not r["checked"] for r in rows)
    if lang == "nl":
        note = (
            f", waarvan {unchecked} {UNCHECKED_LEVEL} (niet gecontroleerd, met de reden)" if unchecked else ""
        )
        click.echo(f"{len(rows)} regel(s){note}")
    else:
        note = f", of which {unchecked} {UNCHECKED_LEVEL} (not checked, reason given)" if unchecked else ""
        click.echo(f"{len(rows)} rule(s){note}")


def rule_rows(message: str | None = None, level: str | None = None, lang: str | None = None) -> list[dict]:
    """The rows of the rule table (rules list, the web service): implemented rules first, filtered by
    message and level, then the catalogue rules nothing checks, each with its reason."""
    from validators.reporting.texts import hint, rule_description
    from validators.rules.registry import all_rules

    wanted_type = _message_type(message) if message else None
    rows = []
    for code, r in sorted(all_rules().items()):
        if level and r.level.value != level:
            continue
        if wanted_type is not None and not r.applies_to(wanted_type):
            continue
        rows.append(
            {
                "code": code,
                "level": r.level.value,
                "retourcode": r.retourcode,
                "severity": r.severity.value,
                "target": r.target if isinstance(r.target, str) else "|".join(r.target),
                "messages": list(r.messages),
                "description": rule_description(code, r.description, lang),
                "hint": hint(code, lang=lang),
                "checked": True,
            }
        )
    if level in (None, UNCHECKED_LEVEL):
        rows.extend(_unchecked_rows(wanted_type))
    return rows


def _unchecked_rows(wanted_type) -> list[dict]:
    from validators.rules.unchecked import UNCHECKED, applies_to, reason

    if wanted_type is not None and getattr(getattr(wanted_type, "standard", None), "name", "iJw") != "iJw":
        return []  # the list follows the iJw catalogue
    number = wanted_type.code[-3:] if wanted_type is not None else None
    return [
        {
            "code": code,
            "level": UNCHECKED_LEVEL,
            "retourcode": None,
            "target": "-",
            "messages": [f"JW{n}" for n in numbers.split()],
            "description": reason(code),
            "checked": False,
        }
        for code, (_, numbers, _) in sorted(UNCHECKED.items())
        if number is None or applies_to(code, number)
    ]


def _message_type(code: str):
    from iwmo_ijw.namespaces import message_type

    try:
        return message_type(code.upper())
    except (KeyError, ValueError, LookupError):
        raise UserError(f"onbekend bericht {code!r} (verwacht een code als JW323 of WMO303)") from None


@rules.command("show")
@click.argument("code")
@lang_option
def show_rule(code: str, lang: str | None) -> None:
    """Leg één code uit: omschrijving, retourcode, berichten en elementen, hint, en een goed en een fout
    voorbeeld met de fout gemarkeerd. Ook XML, XML-UNSAFE, BERICHT, RELEASE en XSD. Voorbeeld:

        productcodes rules show TR346
    """
    from validators.reporting.texts import current_lang
    from validators.rules.docs import known_code, show_text

    if not known_code(code):
        from validators.rules.not_implemented import NOT_IMPLEMENTED
        from validators.rules.unchecked import UNCHECKED, reason

        if code.upper() in NOT_IMPLEMENTED:
            click.echo(f"{code.upper()}: niet geïmplementeerd: {NOT_IMPLEMENTED[code.upper()]}")
            return
        if code.upper() in UNCHECKED:
            click.echo(f"{code.upper()}: {UNCHECKED_LEVEL} gecontroleerd: {reason(code.upper())}")
            return
        raise UserError(f"geen regel {code!r}; `productcodes rules list` toont ze allemaal")
    click.echo(show_text(code, lang or current_lang()), nl=False)


@rules.command("docs")
@click.option(
    "--out",
    "out_dir",
    default="docs/rules",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Map voor de pagina's (één per regel, een index per berichttype).",
)
@click.option(
    "--check", is_flag=True, help="Schrijf niets; eindig met code 1 als de pagina's in --out verouderd zijn."
)
@lang_option
def rule_docs(out_dir: str, check: bool, lang: str | None) -> None:
    """Maak de regeldocumentatie uit het regelregister en de berichtencatalogus. Voorbeeld:

    productcodes rules docs --out docs/rules
    """
    from validators.rules.docs import stale_pages, write_docs

    wanted = lang or "nl"  # the committed pages are Dutch; --lang en writes English ones elsewhere
    if check:
        stale = stale_pages(Path(out_dir), wanted)
        if stale:
            click.echo(f"{len(stale)} verouderde pagina('s) in {out_dir}: {', '.join(stale[:10])}", err=True)
            sys.exit(EXIT_ERRORS)
        click.echo(f"{out_dir} is bijgewerkt")
        return
    written = write_docs(Path(out_dir), wanted)
    click.echo(f"{len(written)} pagina('s) in {out_dir}")
