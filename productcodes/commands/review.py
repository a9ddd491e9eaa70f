"""`productcodes registry proposals|audit|impact`: the review workflow and the impact analysis (thin: the
logic is in productcodes.review, productcodes.audit and productcodes.impact)."""

from __future__ import annotations

import csv
import io
import json

import click

FORMATS = click.Choice(["text", "csv", "json"])


def _session(app):
    from productcodes.commands.registry import _session as session

    return session(app)


def _day(value, name):
    from productcodes.commands.registry import _day as day

    return day(value, name)


def _csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


@click.command()
@click.option(
    "--status",
    type=click.Choice(["proposed", "approved", "retired", "rejected", "withdrawn"]),
    default="proposed",
    show_default=True,
    help="Which mappings to list.",
)
@click.option("--gemeente", help="Only this gemeente (CBS code or name).")
@click.option("--jeugdregio", help="Only gemeenten of this jeugdregio.")
@click.option("--national", "nationale_code", help="Only proposals for this national product code.")
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), help="Only suggestions at least this confident."
)
@click.option(
    "--max-confidence", type=click.FloatRange(0, 1), help="Only suggestions at most this confident."
)
@click.option(
    "--sort",
    type=click.Choice(["id", "confidence", "gemeente", "jeugdregio", "code", "nationale_code", "geldig_van"]),
    default="confidence",
    show_default=True,
)
@click.option("--desc", is_flag=True, help="Sort descending.")
@click.option("--limit", type=click.IntRange(1), help="At most this many.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def proposals(
    app, status, gemeente, jeugdregio, nationale_code, min_confidence, max_confidence, sort, desc, limit, fmt
) -> None:
    """List proposals to review: id, version, confidence, reason, gemeente and jeugdregio.

    \b
    Examples:
      productcodes registry proposals --jeugdregio "Regio Noord" --sort confidence
      productcodes registry proposals --max-confidence 0.6 --format csv > te-beoordelen.csv
    """
    from productcodes.review import list_proposals

    with _session(app) as session:
        found = list_proposals(
            session,
            status=status,
            gemeente=gemeente,
            jeugdregio=jeugdregio,
            nationale_code=nationale_code,
            min_confidence=min_confidence,
            max_confidence=max_confidence,
            sort=sort,
            descending=desc,
            limit=limit,
        )
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in found], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        columns = list(found[0].as_dict()) if found else ["id", "version", "confidence", "reden"]
        click.echo(_csv([columns, *([p.as_dict()[c] for c in columns] for p in found)]), nl=False)
    else:
        click.echo(_proposals_text(found, status))


def _proposals_text(found, status: str) -> str:
    if not found:
        return f"geen mappings met status {status} gevonden"
    lines = [
        f"{len(found)} mapping(s) met status {status}:",
        f"{'id':>6} {'versie':>6} {'zeker':>5}  {'gemeente':<24} {'jeugdregio':<20} code -> landelijk",
    ]
    for p in found:
        zeker = "-" if p.confidence is None else f"{p.confidence:.2f}"
        factor = f" x {p.factor}" if p.factor else ""
        lines.append(
            f"{p.id:>6} {p.version:>6} {zeker:>5}  {p.gemeentecode} {(p.gemeentenaam or '')[:19]:<19} "
            f"{(p.jeugdregio or '-')[:20]:<20} {p.productcategorie}/{p.productcode} -> {p.nationale_code}"
            f"{factor} vanaf {p.geldig_van}"
        )
        if p.reden:
            lines.append(f"{'':>21}reden: {p.reden}")
    return "\n".join(lines)


@click.command()
@click.option("--mapping", "mapping_id", type=int, help="Only entries about this mapping id.")
@click.option("--gemeente", help="Only entries about this gemeente (CBS code).")
@click.option("--from", "van", metavar="DATE", help="From this day (YYYY-MM-DD).")
@click.option("--until", "tot", metavar="DATE", help="Up to and including this day.")
@click.option("--by", "door", help="Only changes by this person.")
@click.option(
    "--action", "actie", help="Only this action (import, propose, approve, reject, retire, end, …)."
)
@click.option("--limit", type=click.IntRange(1), help="Only the last N entries.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def audit(app, mapping_id, gemeente, van, tot, door, actie, limit, fmt) -> None:
    """Read the audit log: who changed what, when, and the values before and after.

    \b
    Examples:
      productcodes registry audit --mapping 12
      productcodes registry audit --gemeente 7003 --from 2026-01-01 --format json
    """
    from productcodes.audit import read_audit

    with _session(app) as session:
        entries = read_audit(
            session,
            mapping_id=mapping_id,
            gemeente=gemeente,
            van=_day(van, "--from"),
            tot=_day(tot, "--until"),
            door=door,
            actie=actie,
            limit=limit,
        )
    if fmt == "json":
        click.echo(json.dumps([e.as_dict() for e in entries], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        rows = [["id", "op", "door", "entiteit", "sleutel", "actie", "oud", "nieuw"]]
        rows += [
            [
                e.id,
                e.op.isoformat(),
                e.door,
                e.entiteit,
                e.sleutel,
                e.actie,
                json.dumps(e.oud, ensure_ascii=False) if e.oud else "",
                json.dumps(e.nieuw, ensure_ascii=False) if e.nieuw else "",
            ]
            for e in entries
        ]
        click.echo(_csv(rows), nl=False)
    elif not entries:
        click.echo("geen regels in het auditlog voor deze selectie")
    else:
        for e in entries:
            click.echo(f"{e.op:%Y-%m-%d %H:%M} {e.door}: {e.actie} {e.entiteit} {e.sleutel}")
            if e.oud:
                click.echo(f"    voor: {json.dumps(e.oud, ensure_ascii=False)}")
            if e.nieuw:
                click.echo(f"    na:   {json.dumps(e.nieuw, ensure_ascii=False)}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--store", is_flag=True, help="Also the declarations in the message store of the database.")
@click.option("--list", "lijst", help="Translate to this national list only.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--chart", type=click.Path(dir_okay=False), help="Also draw the tariffs per product (PNG/SVG/PDF/HTML)."
)
@click.pass_obj
def impact(app, paths, store: bool, lijst, fmt: str, chart) -> None:
    """What the reduction means for what is bought and paid, from declarations (JW323).

    Per national product: the municipal codes behind it, volumes and amounts, the spread of
    tariffs per unit across gemeenten and jeugdregio's (min, median, max, outliers named), and
    what could not be translated and why. Files are streamed: memory does not grow with them.

    \b
    Examples:
      productcodes registry impact declaraties/2026/
      productcodes registry impact --store --format csv > impact.csv
      productcodes registry impact JW323-*.xml --chart tarieven.png
    """
    from productcodes.impact import csv_rows, render_text, run_impact

    if chart:
        from productcodes.chart import check_target

        check_target(chart)
    with _session(app) as session:
        result = run_impact(session, paths, store=store, lijst=lijst)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(csv_rows(result)), nl=False)
    else:
        click.echo(render_text(result))
    if chart:
        from productcodes.chart import draw_impact

        click.echo(f"grafiek geschreven naar {draw_impact(result, chart)}", err=fmt != "text")
