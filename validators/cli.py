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

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rules"
UNCHECKED_LEVEL = "niet machinaal"  # catalogue rules no rule here checks, listed with the reason
LEVEL_NAMES = ("technisch", "xsd", "xslt", "berichtoverstijgend", "externe bron", "registry", UNCHECKED_LEVEL)


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
    from validators.registry import all_rules
    from validators.reporting.sarif import BUILTIN

    known = set(all_rules()) | set(BUILTIN)
    unknown = [c for c in codes if not any(k.startswith(c) for k in known)]
    if unknown:
        raise UserError(f"{option} {', '.join(unknown)}: no rule code starts with this; "
                        "`productcodes rules list` shows them all")
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
    from validators.files import Seen, message_files

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


def _history(paths: tuple[str, ...], store_app=None):
    """History from --history files (oldest first) after the message store, when asked for."""
    if store_app is None:
        # Without the store module: files alone need no SQLAlchemy.
        if not paths:
            return None
        from validators.history import History

        return History.from_paths([Path(p) for p in paths])
    from validators.store import build_history

    engine = None
    if store_app is not None:
        from productcodes.commands import engine_for

        engine = engine_for(store_app)
    return build_history(engine, [Path(p) for p in paths])


def registry_snapshot(app):
    """The registry as rules see it; one warning (stderr) for each kind of data it lacks."""
    from validators.snapshot_db import load_snapshot

    snapshot = load_snapshot(app)
    for what, codes in snapshot.missing().items():
        click.echo(f"warning: the registry has no {what}: {', '.join(codes)} not evaluated", err=True)
    return snapshot


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "sarif"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--today", metavar="DATE", help="System date for date rules (YYYY-MM-DD); default today.")
@click.option("--show-bsn", is_flag=True, help="Show BSNs in full (masked by default).")
@click.option(
    "--schemas", type=click.Path(exists=True, file_okay=False), help="Folder with the official XSDs."
)
@click.option("--history", "history", multiple=True, type=click.Path(exists=True),
              help="Earlier messages (file or folder, oldest first; repeatable) for cross-message rules.")
@click.option("--store", "use_store", is_flag=True,
              help="Use every message ingested into the message store (--db) as history.")
@click.option("--registry", "use_registry", is_flag=True,
              help="Apply the registry rules (gemeenten, product lists, mappings, tarieven) from --db.")
@click.option("--stream/--no-stream", default=None,
              help="Read messages Client by Client in flat memory (default: only files of 256 MB and more).")
@click.pass_obj
def validate(app, paths, fmt, output, select, ignore, today, show_bsn, schemas, history, use_store, use_registry,
             stream) -> None:
    """Validate iJw/iWmo 3.2 messages (files, folders or - for stdin).

    Exit code 0: no errors; 1: errors found; 2: usage or tool error. Example:

        productcodes validate JW323-oktober.xml --history toewijzingen/ --format json -o rapport.json
    """
    from validators.engine import EVERY_LEVEL, Options
    from validators.engine import validate as validate_one
    from validators.registry import RuleSet
    from validators.reporting import render
    from validators.stream import validate_auto, validate_stream

    options = Options(
        today=_parse_day(today),
        ruleset=RuleSet(select=rule_codes("--select", select), ignore=rule_codes("--ignore", ignore)),
        schema_dir=schemas,
        history=_history(history, app if use_store else None),
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
    text = render(report, fmt, show_bsn=show_bsn)
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
def list_rules(message: str | None, level: str | None, fmt: str) -> None:
    """Print the rule table: code, level, retourcode, target, description.

    Bedrijfsregels and invulinstructies that no rule checks follow at level "niet machinaal",
    each with the reason and the rules that check parts of it.
    """
    rows = rule_rows(message, level)
    if fmt == "json":
        import json  # here, not at the top: a validation in text format needs no JSON

        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        retour = r["retourcode"] or "-"
        click.echo(f"{r['code']:<8} {r['level']:<20} {retour:<6} {r['target']:<16} {r['description']}")
    unchecked = sum(not r["checked"] for r in rows)
    note = f", of which {unchecked} {UNCHECKED_LEVEL} (not checked, reason given)" if unchecked else ""
    click.echo(f"{len(rows)} rule(s){note}")


def rule_rows(message: str | None = None, level: str | None = None) -> list[dict]:
    from validators.registry import all_rules

    wanted_type = _message_type(message) if message else None
    rows = []
    for code, r in sorted(all_rules().items()):
        if level and r.level.value != level:
            continue
        if wanted_type is not None and not r.applies_to(wanted_type):
            continue
        rows.append({
            "code": code, "level": r.level.value, "retourcode": r.retourcode, "target": r.target if isinstance(r.target, str) else "|".join(r.target),
            "messages": list(r.messages), "description": r.description, "checked": True,
        })
    if level in (None, UNCHECKED_LEVEL):
        rows.extend(_unchecked_rows(wanted_type))
    return rows


def _unchecked_rows(wanted_type) -> list[dict]:
    from validators.unchecked import UNCHECKED, applies_to, reason

    if wanted_type is not None and getattr(getattr(wanted_type, "standard", None), "name", "iJw") != "iJw":
        return []  # the list follows the iJw catalogue
    number = wanted_type.code[-3:] if wanted_type is not None else None
    return [
        {"code": code, "level": UNCHECKED_LEVEL, "retourcode": None, "target": "-",
         "messages": [f"JW{n}" for n in numbers.split()], "description": reason(code), "checked": False}
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
def show_rule(code: str) -> None:
    """Explain one rule, with a good and a bad example where available."""
    from validators.registry import all_rules

    found = all_rules().get(code.upper())
    if found is None:
        from validators.unchecked import UNCHECKED, reason

        if code.upper() in UNCHECKED:
            click.echo(f"{code.upper()}: {UNCHECKED_LEVEL} gecontroleerd: {reason(code.upper())}")
            return
        raise UserError(f"no rule {code!r}; `productcodes rules list` shows them all")
    doc = (found.func.__doc__ or "").strip()
    click.echo(f"{found.code}: {found.description}")
    click.echo(f"  level:      {found.level.value}")
    click.echo(f"  retourcode: {found.retourcode or '- (the whole message is rejected)'}")
    click.echo(f"  messages:   {', '.join(found.messages)} ({', '.join(found.standards)})")
    click.echo(f"  target:     {found.target if isinstance(found.target, str) else ', '.join(found.target)}")
    rest = "\n".join(doc.splitlines()[1:]).strip()
    if rest:
        click.echo("\n" + rest)
    for kind in ("good", "bad"):
        example = _example(found.code, kind)
        click.echo(f"\n{kind} example:" if example else f"\n{kind} example: none in this installation")
        if example:
            click.echo(example)


def _example(code: str, kind: str) -> str | None:
    """The rule's fixture, from the source tree: examples live with the tests, not in the wheel."""
    folder = FIXTURES / code
    files = sorted(folder.glob(f"{kind}*.xml")) if folder.is_dir() else []
    return files[0].read_text(encoding="utf-8", errors="replace").rstrip() if files else None
