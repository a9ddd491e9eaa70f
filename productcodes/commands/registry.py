"""`productcodes registry …`: import, look up, map, approve, retire, suggest, report, export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from productcodes.commands import engine_for
from productcodes.errors import UserError


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is geen datum (JJJJ-MM-DD)", param_hint=name) from None


def _registry(session, by: str | None = None, today: str | None = None):
    from productcodes.protocol import Registry
    from productcodes.safety import registry_today

    return Registry(session, door=by, today=_day(today, "--today") or registry_today(session))


def _session(app):
    from productcodes.db import session_scope

    return session_scope(engine_for(app))


@click.group()
def registry() -> None:
    """The product-code registry: national lists, municipal codes and their mappings.

    \b
    Examples:
      productcodes registry import-gemeenten gemeenten.csv
      productcodes registry import-national standaardproductcodelijst.xlsx --list JZ21
      productcodes registry lookup 0363 45A03 --on 2026-03-01
      productcodes registry suggest --approve-above 0.8
      productcodes registry report --chart reductie.png
    """


_by = click.option("--by", help="Who makes the change (default: your user name); goes into the audit log.")


# --- imports -----------------------------------------------------------------------------------


def _import(app, kind: str, file: str, store, by: str | None = None) -> None:
    from productcodes.importers import read_csv

    rows = read_csv(file, kind)
    with _session(app) as session:
        result = store(_registry(session, by), rows)
    click.echo(f"{file}: {kind}: {_summary(result)}")


def _summary(result) -> str:
    summary = getattr(result, "summary", None)
    return summary() if summary else f"{result} geïmporteerd"


@registry.command("import-gemeenten")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_gemeenten(app, file: str, by: str | None) -> None:
    """Gemeenten with their jeugdregio
    (CSV: gemeentecode, gemeentenaam, jeugdregio[, geldig_van, geldig_tot]).

    \b
    Example:
      productcodes registry import-gemeenten gemeenten.csv
    """
    _import(app, "gemeenten", file, lambda reg, rows: reg.add_gemeenten(rows), by)


@registry.command("import-begrippen")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_begrippen(app, file: str, by: str | None) -> None:
    """Begrippen of the uniform begrippenkader (CSV: term, definitie, bron, geldig_van, geldig_tot).

    \b
    Example:
      productcodes registry import-begrippen begrippen.csv
    """
    _import(app, "begrippen", file, lambda reg, rows: reg.add_begrippen(rows), by)


@registry.command("import-national")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "lijst", required=True, help="Name of the product list, e.g. JZ21 or LPJ.")
@click.option("--description", help="What the list is.")
@_by
@click.pass_obj
def import_national(app, file: str, lijst: str, description: str | None, by: str | None) -> None:
    """A national product list: the official Standaardproductcodelijst (xlsx or JSON) or a CSV.

    \b
    Example:
      productcodes registry import-national standaardproductcodelijst-jeugdwet.xlsx --list JZ21
    """
    from productcodes.importers import read_csv
    from productcodes.importers.jz21 import read_json, read_xlsx

    suffix = Path(file).suffix.lower()
    rows = (
        read_xlsx(file)
        if suffix == ".xlsx"
        else read_json(file)
        if suffix == ".json"
        else read_csv(file, "national")
    )
    with _session(app) as session:
        result = _registry(session, by).add_national(lijst, rows, description)
    click.echo(f"{file}: lijst {lijst}: {_summary(result)}")


@registry.command("import-municipal")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_municipal(app, file: str, by: str | None) -> None:
    """Municipal product lists (CSV; see docs/csv-formats.md).

    \b
    Example:
      productcodes registry import-municipal producten-7003.csv
    """
    _import(app, "municipal", file, lambda reg, rows: reg.add_municipal(rows), by)


@registry.command("import-mappings")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "lijst", help="National list the codes belong to, when codes occur in several.")
@click.option(
    "--history",
    is_flag=True,
    help="The file records mappings that were already in force (moving a registry here); without it "
    "approved rows that would start before today are refused.",
)
@_by
@click.pass_obj
def import_mappings(app, file: str, lijst: str | None, history: bool, by: str | None) -> None:
    """Mappings municipal -> national (CSV), each checked by the code-change protocol.

    The same file again changes nothing; every conflict of the file is listed with its line.

    \b
    Example:
      productcodes registry import-mappings mappings.csv --list LPJ
    """
    _import(app, "mappings", file, lambda reg, rows: reg.add_mappings(rows, lijst=lijst, history=history), by)


@registry.command("import-tarieven")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_tarieven(app, file: str, by: str | None) -> None:
    """Contracted tariffs per aanbieder, gemeente, product and period (CSV; cents per eenheid).

    \b
    Example:
      productcodes registry import-tarieven tarieven-2026.csv
    """
    _import(app, "tarieven", file, lambda reg, rows: reg.add_tarieven(rows), by)


@registry.command("export")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--list", "lijst", help="Only this national list.")
@click.pass_obj
def export_cmd(app, out_dir: str, fmt: str, lijst: str | None) -> None:
    """Write every table in the import formats (CSV) or as JSON.

    \b
    Example:
      productcodes registry export ./export --format json
    """
    from productcodes.exporters import export

    with _session(app) as session:
        for path in export(session, out_dir, fmt, lijst):
            click.echo(str(path))


# --- reading and changing one code --------------------------------------------------------------


@registry.command()
@click.argument("gemeente")
@click.argument("code")
@click.option("--on", "on", metavar="DATE", help="Date (YYYY-MM-DD); default today.")
@click.option("--categorie", help="Productcategorie, when the code exists in several.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def lookup(app, gemeente: str, code: str, on: str | None, categorie: str | None, fmt: str) -> None:
    """What CODE of GEMEENTE means on a date, and which national product it is.

    \b
    Example:
      productcodes registry lookup 7003 45C01 --on 2026-03-01
    """
    day = _day(on, "--on") or date.today()
    with _session(app) as session:
        found = _registry(session).lookup(gemeente.zfill(4), code, day, categorie)
        data = _lookup_dict(found)
    mapping = data["mapping"]
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    m, n = data["municipal"], data["national"]
    if m:
        click.echo(
            f"{m['gemeentecode']} {m['productcategorie']} {m['productcode']}: {m['omschrijving']} "
            f"(eenheid {m['eenheid'] or '-'}, {m['uitvoeringsvariant'] or 'variant -'}, "
            f"geldig {m['geldig_van']}..{m['geldig_tot'] or 'open'})"
        )
    if n:
        factor = f", volume x {data['factor']}" if data.get("factor") else ""
        via = f"; mapping {mapping['id']} versie {mapping['version']}, {mapping['status']}" if mapping else ""
        click.echo(
            f"  landelijk: {n['lijst']} {n['code']} {n['naam']}"
            f" (categorie {n['productcategorie']}{factor}{via})"
        )
    else:
        click.echo(f"  landelijk: geen op {day} (geen mapping)")


def _lookup_dict(found) -> dict:
    from productcodes.codelists import format_number

    m, n, mapping = found.municipal, found.national, found.mapping
    return {
        "on": found.on.isoformat(),
        "municipal": None
        if m is None
        else {
            "gemeentecode": m.gemeentecode,
            "productcategorie": m.productcategorie,
            "productcode": m.productcode,
            "omschrijving": m.omschrijving,
            "eenheid": m.eenheid,
            "uitvoeringsvariant": m.uitvoeringsvariant,
            "geldig_van": str(m.geldig_van),
            "geldig_tot": m.geldig_tot and str(m.geldig_tot),
        },
        "national": None
        if n is None
        else {
            "lijst": n.lijst,
            "code": n.code,
            "naam": n.naam,
            "productcategorie": n.productcategorie,
            "uitvoeringsvariant": n.uitvoeringsvariant,
            "eenheden": n.eenheden.split("|") if n.eenheden else [],
        },
        "mapping": None
        if mapping is None
        else {
            "id": mapping.id,
            "version": mapping.version,
            "status": mapping.status,
            "geldig_van": str(mapping.geldig_van),
            "geldig_tot": mapping.geldig_tot and str(mapping.geldig_tot),
        },
        "factor": None if mapping is None or mapping.factor is None else format_number(mapping.factor),
    }


def _factor(value: str | None):
    from productcodes.codelists import parse_factor

    if value is None:
        return None
    try:
        return parse_factor(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--factor") from None


@registry.command("map")
@click.argument("gemeente")
@click.argument("code")
@click.argument("nationale_code")
@click.option("--categorie", help="Productcategorie of the municipal code, when it exists in several.")
@click.option(
    "--effective",
    metavar="DATE",
    help="First day the mapping applies (default: the next change date, 1 January; never in the past).",
)
@click.option("--until", metavar="DATE", help="Last day (default: open).")
@click.option("--factor", help="Municipal volume x factor = national volume, when units differ (e.g. 1/60).")
@click.option("--toelichting", help="Why this mapping.")
@click.option("--list", "lijst", help="National list of NATIONALE_CODE, when the code is in several.")
@_by
@click.pass_obj
def map_cmd(
    app, gemeente, code, nationale_code, categorie, effective, until, factor, toelichting, lijst, by
) -> None:
    """Propose a mapping of a municipal CODE to a national product (status proposed).

    \b
    Example:
      productcodes registry map 7003 45C01 45N01 --factor 1/60 --toelichting "minuten naar uren"
    """
    with _session(app) as session:
        mapping = _registry(session, by).map(
            gemeente.zfill(4),
            categorie,
            code,
            nationale_code,
            effective=_day(effective, "--effective"),
            until=_day(until, "--until"),
            factor=_factor(factor),
            toelichting=toelichting,
            lijst=lijst,
        )
        click.echo(
            f"mapping {mapping.id} voorgesteld: {gemeente}/{code} -> {nationale_code} "
            f"vanaf {mapping.geldig_van} (versie {mapping.version}); "
            f"keur goed met `productcodes registry approve {mapping.id}`"
        )


@registry.command()
@click.argument("mapping_ids", nargs=-1, required=True, metavar="ID[:VERSION]...")
@click.option(
    "--version",
    "expected_version",
    type=int,
    help="Refuse if the mapping changed since this version (one id; for several write ID:VERSION).",
)
@_by
@click.pass_obj
def approve(app, mapping_ids: tuple[str, ...], expected_version: int | None, by: str | None) -> None:
    """Approve one or more proposed mappings, all or none (see `registry proposals` for ids and versions).

    \b
    Examples:
      productcodes registry approve 12 --version 1 --by j.jansen
      productcodes registry approve 12:1 13:1 17:2
    """
    from productcodes.review import parse_ids

    ids = parse_ids(mapping_ids, expected_version)
    with _session(app) as session:
        for mapping in _registry(session, by).approve_many(ids):
            click.echo(f"mapping {mapping.id} goedgekeurd (versie {mapping.version})")


@registry.command()
@click.argument("mapping_id", type=int)
@click.option(
    "--version", "expected_version", type=int, help="Refuse if the mapping changed since this version."
)
@click.option(
    "--reason", required=True, help="Why the proposal is turned down (kept with it and in the audit log)."
)
@_by
@click.pass_obj
def reject(app, mapping_id: int, expected_version: int | None, reason: str, by: str | None) -> None:
    """Reject a proposed mapping with a reason; it stays on record but never applies.

    \b
    Example:
      productcodes registry reject 14 --version 1 --reason "verkeerde categorie"
    """
    with _session(app) as session:
        mapping = _registry(session, by).reject(mapping_id, reason=reason, expected_version=expected_version)
        click.echo(f"mapping {mapping.id} afgewezen (versie {mapping.version}): {reason}")


@registry.command()
@click.argument("mapping_id", type=int)
@click.option(
    "--effective",
    metavar="DATE",
    help="First day the mapping no longer applies (default: the next change date, 1 January).",
)
@click.option(
    "--version", "expected_version", type=int, help="Refuse if the mapping changed since this version."
)
@_by
@click.pass_obj
def retire(app, mapping_id: int, effective: str | None, expected_version: int | None, by: str | None) -> None:
    """End a mapping; it keeps applying to dates before EFFECTIVE.

    \b
    Example:
      productcodes registry retire 12 --effective 2027-01-01
    """
    with _session(app) as session:
        mapping = _registry(session, by).retire(
            mapping_id, effective=_day(effective, "--effective"), expected_version=expected_version
        )
        if mapping.status == "withdrawn":
            click.echo(
                f"mapping {mapping.id} ingetrokken: hij zou pas ingaan op {mapping.geldig_van} en geldt "
                "dus nooit"
            )
        else:
            click.echo(f"mapping {mapping.id} beëindigd: geldig tot en met {mapping.geldig_tot}")


@registry.command("end-product")
@click.argument("gemeente")
@click.argument("code")
@click.option("--categorie", help="Productcategorie, when the code exists in several.")
@click.option(
    "--effective",
    metavar="DATE",
    help="First day the code no longer applies (default: the next change date, 1 January).",
)
@_by
@click.pass_obj
def end_product(
    app, gemeente: str, code: str, categorie: str | None, effective: str | None, by: str | None
) -> None:
    """Stop a municipal CODE; it keeps resolving for dates before EFFECTIVE (running toewijzingen).

    \b
    Example:
      productcodes registry end-product 7003 45C01 --effective 2027-01-01
    """
    with _session(app) as session:
        product = _registry(session, by).end_product(
            gemeente.zfill(4), code, effective=_day(effective, "--effective"), categorie=categorie
        )
        click.echo(
            f"{product.gemeentecode}/{product.productcategorie}/{product.productcode} beëindigd: "
            f"geldig tot en met {product.geldig_tot}"
        )


# --- suggestions and the report ----------------------------------------------------------------


@registry.command()
@click.option("--on", "on", metavar="DATE", help="Codes valid on this date (default today).")
@click.option("--list", "lijst", help="Suggest products of this national list only.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Store only suggestions at least this confident.",
)
@click.option(
    "--approve-above",
    type=click.FloatRange(0, 1),
    help="Also approve suggestions at or above this confidence (explicit opt-in; audit-logged as you).",
)
@_by
@click.pass_obj
def suggest(
    app, on: str | None, lijst: str | None, min_confidence: float, approve_above: float | None, by: str | None
) -> None:
    """Propose a national product for every unmapped municipal code (never approves unless asked).

    \b
    Example:
      productcodes registry suggest --min-confidence 0.5 --approve-above 0.9
    """
    proposed, approved, considered = run_suggest(
        app, _day(on, "--on") or date.today(), lijst, min_confidence, approve_above, by
    )
    click.echo(
        f"{considered} codes zonder mapping bekeken: {proposed} mappings voorgesteld"
        + (
            f", waarvan {approved} goedgekeurd (zekerheid >= {approve_above})"
            if approve_above is not None
            else ""
        )
    )


def run_suggest(
    app,
    on: date,
    lijst,
    min_confidence: float,
    approve_above: float | None,
    by: str | None,
    engine=None,
    today: date | None = None,
) -> tuple[int, int, int]:
    """Propose mappings for municipal codes still valid on `on` without one (a rejected one does not count).

    Suggestions below `min_confidence` are dropped; `approve_above` approves the surest at once.
    Returns (proposed, approved, municipal codes considered).
    """
    from sqlalchemy import or_, select

    from productcodes.db import session_scope
    from productcodes.models import GemeentelijkProduct, Mapping, NationaalProduct
    from productcodes.records import MunicipalProductRow, NationalProductRow
    from productcodes.suggest import suggest as propose

    with session_scope(engine or engine_for(app)) as session:
        mapped = select(Mapping.gemeentelijk_product_id).where(Mapping.status != "rejected")
        products = session.scalars(
            select(GemeentelijkProduct).where(
                GemeentelijkProduct.id.not_in(mapped),
                or_(GemeentelijkProduct.geldig_tot.is_(None), GemeentelijkProduct.geldig_tot >= on),
            )
        ).all()
        query = select(NationaalProduct)
        if lijst:
            query = query.where(NationaalProduct.lijst == lijst)
        national = [
            NationalProductRow(
                n.code,
                n.naam,
                n.productcategorie,
                n.uitvoeringsvariant,
                tuple(e for e in n.eenheden.split("|") if e),
                n.hulpvorm,
                geldig_van=n.geldig_van,
                geldig_tot=n.geldig_tot,
            )
            for n in session.scalars(query)
        ]
        if not national:
            raise UserError(
                "geen landelijke producten om uit voor te stellen; importeer eerst een landelijke lijst"
            )
        rows = [
            MunicipalProductRow(
                p.gemeentecode,
                p.productcategorie,
                p.productcode,
                p.omschrijving,
                p.uitvoeringsvariant,
                p.eenheid,
                p.geldig_van,
                p.geldig_tot,
            )
            for p in products
        ]
        found = [s for s in propose(rows, national) if s.confidence >= min_confidence]
        from productcodes.protocol import Registry
        from productcodes.safety import registry_today

        registry_ = Registry(session, door=by, today=today or registry_today(session))
        proposed, approved = registry_.propose_many(found, approve_above=approve_above, lijst=lijst)
    return proposed, approved, len(rows)


def _lang_option(func):
    """--lang for the report and its chart (Dutch by default): the validator's shared option."""
    from validators.cli.options import lang_option

    return lang_option(func)


@registry.command()
@click.option("--on", "on", metavar="DATE", help="Report date (default today).")
@click.option("--list", "lijst", help="Count national products of this list only.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--chart", type=click.Path(dir_okay=False), help="Also draw the reduction (PNG, or HTML for .html)."
)
@click.option(
    "--unmapped", type=int, default=15, show_default=True, help="How many unmapped codes to list (text)."
)
@_lang_option
@click.pass_obj
def report(
    app, on: str | None, lijst: str | None, fmt: str, chart: str | None, unmapped: int, lang: str | None
) -> None:
    """The reduction: codes, national products, % mapped per jeugdregio and categorie, gaps, conflicts.

    \b
    Example:
      productcodes registry report --on 2026-06-01 --chart reductie.html
    """
    if chart:
        from productcodes.chart import check_target

        check_target(chart)
    print_report(app, _day(on, "--on"), lijst, fmt, chart, unmapped)


def print_report(
    app, on: date | None, lijst: str | None, fmt: str, chart: str | None, unmapped: int = 15, engine=None
) -> None:
    """Print the reduction report on `on` as text or JSON, and write its chart when asked."""
    from productcodes.db import session_scope
    from productcodes.report import reduction, render_text

    with session_scope(engine or engine_for(app)) as session:
        result = reduction(session, on, lijst)
    click.echo(
        json.dumps(result.as_dict(), indent=2, ensure_ascii=False)
        if fmt == "json"
        else render_text(result, unmapped),
        nl=fmt == "json",
    )
    if chart:
        from productcodes.chart import draw

        click.echo(f"grafiek geschreven naar {draw(result, chart)}", err=fmt == "json")


def _register_review_commands() -> None:
    from productcodes.commands.review import audit, impact, proposals

    for command in (proposals, audit, impact):
        registry.add_command(command)


_register_review_commands()
