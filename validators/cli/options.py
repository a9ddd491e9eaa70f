"""The options the validator's commands share, each defined once.

A command that takes `--today`, `--history`, `--select`, `--registry`, ... uses the decorator
from here, so the option has the same name, type, default and help text in `validate`, `batch`
and `respond`, and its value arrives parsed: `--today` as a date, `--select`/`--ignore` as a
tuple of checked rule codes. Help texts are Dutch, as the reports are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from productcodes.errors import UserError
from validators.reporting import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

# Every format validators.reporting knows: a new renderer there is a new --format choice here.
REPORT_FORMATS = tuple(FORMATS)


# --- values ----------------------------------------------------------------------------------------


class Day(click.ParamType):
    """A calendar day written YYYY-MM-DD, converted to a `date`."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """The day, or a usage error that shows what was given."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is geen datum (JJJJ-MM-DD)", param, ctx)


DAY = Day()


def split_codes(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """--select A,B --select C -> ("A", "B", "C"), upper-cased so `tr3` matches TR3xx."""
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def rule_codes(option: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """The codes of --select/--ignore; a code or prefix that matches no rule is a usage error.

    A typo must not turn into a silent "valid": `--select TR3466` would otherwise run nothing.
    """
    codes = split_codes(values)
    if not codes:
        return codes
    from validators.reporting.sarif import BUILTIN
    from validators.rules.registry import all_rules

    known = set(all_rules()) | set(BUILTIN)
    unknown = [c for c in codes if not any(k.startswith(c) for k in known)]
    if unknown:
        raise UserError(
            f"{option} {', '.join(unknown)}: geen regelcode begint hiermee; "
            "`productcodes rules list` toont ze allemaal"
        )
    return codes


def _checked_codes(_ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    return rule_codes(param.opts[0], values)


def _today_unless_given(_ctx: click.Context, _param: click.Parameter, value: date | None) -> date:
    return value if value is not None else date.today()


def _choose_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--lang / PRODUCTCODES_LANG for this command only: reset when the command ends (tests run
    many commands in one process)."""
    from validators.reporting.texts import set_lang

    if value is not None:
        set_lang(value)
        ctx.call_on_close(lambda: set_lang(None))
    return value


# --- the options -----------------------------------------------------------------------------------


def today_option(func: F) -> F:
    """--today DATUM, passed as `today`: a `date`, today when not given."""
    return click.option(
        "--today",
        type=DAY,
        metavar="DATUM",
        callback=_today_unless_given,
        help="Systeemdatum voor de datumregels (JJJJ-MM-DD); standaard vandaag.",
    )(func)


def history_option(func: F) -> F:
    """--history PAD (repeatable), passed as `history`: earlier messages, oldest first."""
    return click.option(
        "--history",
        "history",
        multiple=True,
        type=click.Path(exists=True),
        metavar="PAD",
        help="Eerdere berichten voor de berichtoverstijgende regels: bestand of map, oudste eerst; "
        "herhaalbaar.",
    )(func)


def history_complete_option(func: F) -> F:
    """--history-complete, passed as `history_complete`: the history files miss nothing."""
    return click.option(
        "--history-complete",
        "history_complete",
        is_flag=True,
        help="De --history-bestanden bevatten elk bericht van hun partijen vanaf hun vroegste "
        "Dagtekening: regels mogen concluderen dat een bericht dat er niet in staat, nooit is verstuurd.",
    )(func)


def select_option(func: F) -> F:
    """--select CODES (repeatable), passed as `select`: checked, upper-cased rule codes or prefixes."""
    return click.option(
        "--select",
        multiple=True,
        metavar="CODES",
        callback=_checked_codes,
        help="Alleen deze regelcodes of voorvoegsels (kommagescheiden; herhaalbaar).",
    )(func)


def ignore_option(func: F) -> F:
    """--ignore CODES (repeatable), passed as `ignore`: checked, upper-cased rule codes or prefixes."""
    return click.option(
        "--ignore",
        multiple=True,
        metavar="CODES",
        callback=_checked_codes,
        help="Sla deze regelcodes of voorvoegsels over (kommagescheiden; herhaalbaar).",
    )(func)


def registry_option(func: F) -> F:
    """--registry/--no-registry, passed as `use_registry` (off by default)."""
    return click.option(
        "--registry/--no-registry",
        "use_registry",
        default=False,
        help="Pas ook de registerregels toe (gemeenten, productlijsten, mappings, tarieven) met het "
        "register van --db.",
    )(func)


def schemas_option(func: F) -> F:
    """--schemas MAP, passed as `schema_dir`: a folder with the official XSDs."""
    return click.option(
        "--schemas",
        "schema_dir",
        type=click.Path(exists=True, file_okay=False),
        metavar="MAP",
        help="Map met de officiële XSD's (standaard de meegeleverde).",
    )(func)


def store_option(func: F) -> F:
    """--store, passed as `use_store`: the message store of --db as history."""
    return click.option(
        "--store",
        "use_store",
        is_flag=True,
        help="Gebruik elk bericht in de berichtenopslag van --db als historie.",
    )(func)


def format_option(choices: tuple[str, ...] = REPORT_FORMATS) -> Callable[[F], F]:
    """--format, passed as `fmt`: one of `choices`, the first by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Vorm van de uitvoer.",
    )


def output_option(func: F) -> F:
    """--output/-o BESTAND, passed as `output`: where the report goes instead of stdout."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        metavar="BESTAND",
        help="Schrijf het rapport naar dit bestand in plaats van naar stdout.",
    )(func)


def show_bsn_option(func: F) -> F:
    """--show-bsn, passed as `show_bsn`."""
    return click.option(
        "--show-bsn", is_flag=True, help="Toon BSN's voluit in de rapporten (standaard gemaskeerd)."
    )(func)


def lang_option(func: F) -> F:
    """--lang nl|en (or PRODUCTCODES_LANG), passed as `lang`: the language of reports, hints and rule
    texts for this command (Dutch by default)."""
    return click.option(
        "--lang",
        type=click.Choice(["nl", "en"], case_sensitive=False),
        envvar="PRODUCTCODES_LANG",
        callback=_choose_lang,
        is_eager=True,
        help="Taal van rapport, hints en regelteksten: nl (standaard) of en; ook PRODUCTCODES_LANG.",
    )(func)
