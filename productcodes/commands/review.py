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
    help="Welke mappings te tonen.",
)
@click.option("--gemeente", help="Alleen deze gemeente (CBS-code of naam).")
@click.option("--jeugdregio", help="Alleen gemeenten van deze jeugdregio.")
@click.option("--national", "nationale_code", help="Alleen voorstellen voor deze landelijke productcode.")
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), help="Alleen voorstellen met minstens deze zekerheid."
)
@click.option(
    "--max-confidence", type=click.FloatRange(0, 1), help="Alleen voorstellen met hoogstens deze zekerheid."
)
@click.option(
    "--sort",
    type=click.Choice(["id", "confidence", "gemeente", "jeugdregio", "code", "nationale_code", "geldig_van"]),
    default="confidence",
    show_default=True,
)
@click.option("--desc", is_flag=True, help="Sorteer aflopend.")
@click.option("--limit", type=click.IntRange(1), help="Hoogstens zoveel.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def proposals(
    app, status, gemeente, jeugdregio, nationale_code, min_confidence, max_confidence, sort, desc, limit, fmt
) -> None:
    """Toon voorstellen om te beoordelen: id, versie, zekerheid, reden, gemeente en jeugdregio.

    \b
    Voorbeelden:
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
@click.option("--mapping", "mapping_id", type=int, help="Alleen regels over deze mapping-id.")
@click.option("--gemeente", help="Alleen regels over deze gemeente (CBS-code).")
@click.option("--from", "van", metavar="DATUM", help="Vanaf deze dag (JJJJ-MM-DD).")
@click.option("--until", "tot", metavar="DATUM", help="Tot en met deze dag.")
@click.option("--by", "door", help="Alleen wijzigingen door deze persoon.")
@click.option(
    "--action", "actie", help="Alleen deze actie (import, propose, approve, reject, retire, end, …)."
)
@click.option("--limit", type=click.IntRange(1), help="Alleen de laatste N regels.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.pass_obj
def audit(app, mapping_id, gemeente, van, tot, door, actie, limit, fmt) -> None:
    """Lees het auditlog: wie wat wanneer wijzigde, met de waarden ervoor en erna.

    \b
    Voorbeelden:
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
@click.argument("paths", nargs=-1, metavar="PADEN...", type=click.Path())
@click.option("--store", is_flag=True, help="Ook de declaraties in de berichtenopslag van de database.")
@click.option("--list", "lijst", help="Vertaal alleen naar deze landelijke lijst.")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option(
    "--chart", type=click.Path(dir_okay=False), help="Teken ook de tarieven per product (PNG/SVG/PDF/HTML)."
)
@click.pass_obj
def impact(app, paths, store: bool, lijst, fmt: str, chart) -> None:
    """Wat de reductie betekent voor wat er ingekocht en betaald wordt, uit declaraties (JW323).

    Per landelijk product: de gemeentelijke codes erachter, volumes en bedragen, de spreiding van
    de tarieven per eenheid over gemeenten en jeugdregio's (min, mediaan, max, uitschieters bij
    naam), en wat niet vertaald kon worden en waarom. Bestanden worden stromend gelezen: het
    geheugen groeit er niet mee.

    \b
    Voorbeelden:
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
