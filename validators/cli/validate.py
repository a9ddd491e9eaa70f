"""`productcodes validate` and `productcodes rules`.

Exit codes of validate: 0 = no errors, 1 = at least one error finding, 2 = usage or tool
error (raised as UserError/ClickException, which the root group turns into one line).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from productcodes.errors import UserError
from validators.findings import Report

UNCHECKED_LEVEL = "niet machinaal"  # catalogue rules no rule here checks, listed with the reason
LEVEL_NAMES = ("technisch", "xsd", "xslt", "berichtoverstijgend", "externe bron", "registry", UNCHECKED_LEVEL)


def _choose_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--lang / PRODUCTCODES_LANG for this command only: reset when the command ends (tests run
    many commands in one process)."""
    from validators.reporting.texts import set_lang

    if value is not None:
        set_lang(value)
        ctx.call_on_close(lambda: set_lang(None))
    return value


def lang_option(func):
    """The shared --lang option: the language of reports, hints and rule texts (Dutch by default)."""
    return click.option(
        "--lang",
        type=click.Choice(["nl", "en"], case_sensitive=False),
        envvar="PRODUCTCODES_LANG",
        callback=_choose_lang,
        is_eager=True,
        help="Language of the report: nl (default) or en; also PRODUCTCODES_LANG.",
    )(func)


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """--select A,B --select C -> ("A", "B", "C"), upper-cased so `tr3` matches TR3xx."""
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def rule_codes(option: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """The codes of --select/--ignore; a code or prefix that matches no rule is a usage error.

    A typo must not turn into a silent "valid": `--select TR3466` would otherwise run nothing.
    """
    codes = _codes(values)
    if not codes:
        return codes
    from validators.reporting.sarif import BUILTIN
    from validators.rules.registry import all_rules

    known = set(all_rules()) | set(BUILTIN)
    unknown = [c for c in codes if not any(k.startswith(c) for k in known)]
    if unknown:
        raise UserError(
            f"{option} {', '.join(unknown)}: no rule code starts with this; "
            "`productcodes rules list` shows them all"
        )
    return codes


def _parse_day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--today") from None


def collect(paths: tuple[str, ...]) -> list[str]:
    """Files in argument order, each once; folders expand to their .xml/.XML files, sorted, recursively."""
    from validators.sources.files import Seen, message_files

    found: list[str] = []
    seen = Seen()
    for raw in paths:
        if raw == "-":
            found.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(str(p) for p in message_files(path) if seen.first(p))
        elif path.is_file():
            if seen.first(path):
                found.append(raw)
        else:
            raise UserError(f"{raw}: no such file or folder")
    return found


def _history(paths: tuple[str, ...], store_app=None, complete: bool = False):
    """History from --history files (oldest first) after the message store, when asked for."""
    if store_app is None:
        # Without the store module: files alone need no SQLAlchemy.
        if not paths:
            return None
        from validators.sources.history import History

        return History.from_paths([Path(p) for p in paths], complete=complete)
    from productcodes.commands import engine_for
    from validators.sources.store import build_history

    return build_history(engine_for(store_app), [Path(p) for p in paths], complete=complete)


def registry_snapshot(app):
    """The registry as rules see it; one warning (stderr) for each kind of data it lacks, with the
    rules therefore not evaluated (validators.engine.needs says which)."""
    from validators.engine.needs import registry_warnings
    from validators.sources.snapshot_db import load_snapshot

    snapshot = load_snapshot(app)
    for line in registry_warnings(snapshot):
        click.echo(line, err=True)
    return snapshot


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "sarif"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--today", metavar="DATE", help="System date for date rules (YYYY-MM-DD); default today.")
@click.option("--show-bsn", is_flag=True, help="Show BSNs in full (masked by default).")
@click.option(
    "--schemas", type=click.Path(exists=True, file_okay=False), help="Folder with the official XSDs."
)
@click.option(
    "--history",
    "history",
    multiple=True,
    type=click.Path(exists=True),
    help="Earlier messages (file or folder, oldest first; repeatable) for cross-message rules.",
)
@click.option(
    "--history-complete",
    "history_complete",
    is_flag=True,
    help="The --history files hold every message of their parties from their earliest Dagtekening: "
    "rules may conclude that a message missing from them was never sent.",
)
@click.option(
    "--store",
    "use_store",
    is_flag=True,
    help="Use every message ingested into the message store (--db) as history.",
)
@click.option(
    "--registry",
    "use_registry",
    is_flag=True,
    help="Apply the registry rules (gemeenten, product lists, mappings, tarieven) from --db.",
)
@click.option(
    "--stream/--no-stream",
    default=None,
    help="Read messages Client by Client in flat memory (default: only files of 256 MB and more).",
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
    schemas,
    history,
    history_complete,
    use_store,
    use_registry,
    stream,
    lang,
) -> None:
    """Validate iJw/iWmo 3.2 messages (files, folders or - for stdin).

    Exit code 0: no errors; 1: errors found; 2: usage or tool error. Example:

        productcodes validate JW323-oktober.xml --history toewijzingen/ --format json -o rapport.json
    """
    from validators.engine.pipeline import EVERY_LEVEL, Options
    from validators.engine.pipeline import validate as validate_one
    from validators.engine.stream import validate_auto, validate_stream
    from validators.reporting import render
    from validators.rules.registry import RuleSet

    options = Options(
        today=_parse_day(today),
        ruleset=RuleSet(select=rule_codes("--select", select), ignore=rule_codes("--ignore", ignore)),
        schema_dir=schemas,
        history=_history(history, app if use_store else None, history_complete),
        registry=registry_snapshot(app) if use_registry else None,
        levels=EVERY_LEVEL,
    )
    report = Report()
    for item in collect(paths):
        if item == "-":
            report.files.append(validate_one(sys.stdin.buffer.read(), options, name="<stdin>"))
        elif stream is None:
            report.files.append(validate_auto(item, options))
        else:
            report.files.append((validate_stream if stream else validate_one)(item, options))
    text = render(report, fmt, show_bsn=show_bsn, lang=lang)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(0 if report.valid else 1)


@click.group()
def rules() -> None:
    """The rule catalogue as implemented: list and explain rules."""


@rules.command("list")
@click.option("--message", "message", metavar="CODE", help="Only rules for this message (JW323, WMO303...).")
@click.option("--level", type=click.Choice(LEVEL_NAMES), help="Only rules of this controleniveau.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
def list_rules(message: str | None, level: str | None, fmt: str, lang: str | None) -> None:
    """Print the rule table: code, level, retourcode, target, description (in --lang, Dutch by default).

    Bedrijfsregels and invulinstructies that no rule checks follow at level "niet machinaal",
    each with the reason and the rules that check parts of it.
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
        raise UserError(f"unknown message {code!r} (expected a code like JW323 or WMO303)") from None


@rules.command("show")
@click.argument("code")
@lang_option
def show_rule(code: str, lang: str | None) -> None:
    """Explain one code: description, retourcode, messages and elements, hint, and a good and a bad
    example with the fault marked. Also XML, XML-UNSAFE, BERICHT, RELEASE and XSD. Example:

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
        raise UserError(f"no rule {code!r}; `productcodes rules list` shows them all")
    click.echo(show_text(code, lang or current_lang()), nl=False)


@rules.command("docs")
@click.option(
    "--out",
    "out_dir",
    default="docs/rules",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the pages (one per rule, an index per message type).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the pages in --out are stale.")
@lang_option
def rule_docs(out_dir: str, check: bool, lang: str | None) -> None:
    """Generate the rule documentation from the rule registry and the message catalogue. Example:

    productcodes rules docs --out docs/rules
    """
    from validators.rules.docs import stale_pages, write_docs

    wanted = lang or "nl"  # the committed pages are Dutch; --lang en writes English ones elsewhere
    if check:
        stale = stale_pages(Path(out_dir), wanted)
        if stale:
            click.echo(f"{len(stale)} stale page(s) in {out_dir}: {', '.join(stale[:10])}", err=True)
            sys.exit(1)
        click.echo(f"{out_dir} is up to date")
        return
    written = write_docs(Path(out_dir), wanted)
    click.echo(f"{len(written)} page(s) in {out_dir}")
