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
    """Het productcoderegister: landelijke lijsten, gemeentelijke codes en hun mappings.

    \b
    Voorbeelden:
      productcodes registry import-gemeenten gemeenten.csv
      productcodes registry import-national standaardproductcodelijst.xlsx --list JZ21
      productcodes registry lookup 0363 45A03 --on 2026-03-01
      productcodes registry suggest --approve-above 0.8
      productcodes registry report --chart reductie.png
    """


_by = click.option("--by", help="Wie de wijziging doet (standaard: uw gebruikersnaam); komt in het auditlog.")


# --- imports -----------------------------------------------------------------------------------


# What an import file holds, as the summary line names it (the other kinds are Dutch already).
_KINDS = {"municipal": "gemeentelijke producten"}


def _import(app, kind: str, file: str, store, by: str | None = None) -> None:
    from productcodes.importers import read_csv

    rows = read_csv(file, kind)
    with _session(app) as session:
        result = store(_registry(session, by), rows)
    click.echo(f"{file}: {_KINDS.get(kind, kind)}: {_summary(result)}")


def _summary(result) -> str:
    summary = getattr(result, "summary", None)
    return summary() if summary else f"{result} geïmporteerd"


@registry.command("import-gemeenten")
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_gemeenten(app, file: str, by: str | None) -> None:
    """Gemeenten met hun jeugdregio
    (CSV: gemeentecode, gemeentenaam, jeugdregio[, geldig_van, geldig_tot]).

    \b
    Voorbeeld:
      productcodes registry import-gemeenten gemeenten.csv
    """
    _import(app, "gemeenten", file, lambda reg, rows: reg.add_gemeenten(rows), by)


@registry.command("import-begrippen")
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_begrippen(app, file: str, by: str | None) -> None:
    """Begrippen van het uniforme begrippenkader (CSV: term, definitie, bron, geldig_van, geldig_tot).

    \b
    Voorbeeld:
      productcodes registry import-begrippen begrippen.csv
    """
    _import(app, "begrippen", file, lambda reg, rows: reg.add_begrippen(rows), by)


@registry.command("import-national")
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "lijst", required=True, help="Naam van de productlijst, bijv. JZ21 of LPJ.")
@click.option("--description", help="Wat de lijst is.")
@_by
@click.pass_obj
def import_national(app, file: str, lijst: str, description: str | None, by: str | None) -> None:
    """Een landelijke productlijst: de officiële Standaardproductcodelijst (xlsx of JSON) of een CSV.

    \b
    Voorbeeld:
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
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_municipal(app, file: str, by: str | None) -> None:
    """Gemeentelijke productlijsten (CSV; zie docs/csv-formats.md).

    \b
    Voorbeeld:
      productcodes registry import-municipal producten-7003.csv
    """
    _import(app, "municipal", file, lambda reg, rows: reg.add_municipal(rows), by)


@registry.command("import-mappings")
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--list", "lijst", help="Landelijke lijst waar de codes bij horen, als een code in meerdere staat."
)
@click.option(
    "--history",
    is_flag=True,
    help="Het bestand bevat mappings die al golden (een register hierheen verhuizen); zonder deze optie "
    "worden goedgekeurde rijen die vóór vandaag zouden ingaan geweigerd.",
)
@_by
@click.pass_obj
def import_mappings(app, file: str, lijst: str | None, history: bool, by: str | None) -> None:
    """Mappings gemeentelijk -> landelijk (CSV), elk getoetst aan het codewijzigingsprotocol.

    Hetzelfde bestand nog eens verandert niets; elk conflict in het bestand wordt met zijn regel genoemd.

    \b
    Voorbeeld:
      productcodes registry import-mappings mappings.csv --list LPJ
    """
    _import(app, "mappings", file, lambda reg, rows: reg.add_mappings(rows, lijst=lijst, history=history), by)


@registry.command("import-tarieven")
@click.argument("file", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False))
@_by
@click.pass_obj
def import_tarieven(app, file: str, by: str | None) -> None:
    """Gecontracteerde tarieven per aanbieder, gemeente, product en periode (CSV; centen per eenheid).

    \b
    Voorbeeld:
      productcodes registry import-tarieven tarieven-2026.csv
    """
    _import(app, "tarieven", file, lambda reg, rows: reg.add_tarieven(rows), by)


@registry.command("export")
@click.argument("out_dir", metavar="MAP", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--list", "lijst", help="Alleen deze landelijke lijst.")
@click.pass_obj
def export_cmd(app, out_dir: str, fmt: str, lijst: str | None) -> None:
    """Schrijf elke tabel in de importformaten (CSV) of als JSON.

    \b
    Voorbeeld:
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
@click.option("--on", "on", metavar="DATUM", help="Datum (JJJJ-MM-DD); standaard vandaag.")
@click.option("--categorie", help="Productcategorie, als de code in meerdere bestaat.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def lookup(app, gemeente: str, code: str, on: str | None, categorie: str | None, fmt: str) -> None:
    """Wat CODE van GEMEENTE op een datum betekent, en welk landelijk product het is.

    \b
    Voorbeeld:
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
@click.option("--categorie", help="Productcategorie van de gemeentelijke code, als die in meerdere bestaat.")
@click.option(
    "--effective",
    metavar="DATUM",
    help="Eerste dag waarop de mapping geldt (standaard: de volgende wijzigingsdatum, 1 januari; "
    "nooit in het verleden).",
)
@click.option("--until", metavar="DATUM", help="Laatste dag (standaard: open).")
@click.option(
    "--factor",
    help="Gemeentelijk volume x factor = landelijk volume, als de eenheden verschillen (bijv. 1/60).",
)
@click.option("--toelichting", help="Waarom deze mapping.")
@click.option("--list", "lijst", help="Landelijke lijst van NATIONALE_CODE, als de code in meerdere staat.")
@_by
@click.pass_obj
def map_cmd(
    app, gemeente, code, nationale_code, categorie, effective, until, factor, toelichting, lijst, by
) -> None:
    """Stel een mapping voor van een gemeentelijke CODE naar een landelijk product (status proposed).

    \b
    Voorbeeld:
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
@click.argument("mapping_ids", nargs=-1, required=True, metavar="ID[:VERSIE]...")
@click.option(
    "--version",
    "expected_version",
    type=int,
    help="Weiger als de mapping sinds deze versie is gewijzigd (één id; schrijf bij meerdere ID:VERSIE).",
)
@_by
@click.pass_obj
def approve(app, mapping_ids: tuple[str, ...], expected_version: int | None, by: str | None) -> None:
    """Keur een of meer voorgestelde mappings goed, alle of geen (ids en versies: `registry proposals`).

    \b
    Voorbeelden:
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
    "--version", "expected_version", type=int, help="Weiger als de mapping sinds deze versie is gewijzigd."
)
@click.option(
    "--reason",
    required=True,
    help="Waarom het voorstel wordt afgewezen (bewaard bij het voorstel en in het auditlog).",
)
@_by
@click.pass_obj
def reject(app, mapping_id: int, expected_version: int | None, reason: str, by: str | None) -> None:
    """Wijs een voorgestelde mapping af met een reden; hij blijft bewaard maar geldt nooit.

    \b
    Voorbeeld:
      productcodes registry reject 14 --version 1 --reason "verkeerde categorie"
    """
    with _session(app) as session:
        mapping = _registry(session, by).reject(mapping_id, reason=reason, expected_version=expected_version)
        click.echo(f"mapping {mapping.id} afgewezen (versie {mapping.version}): {reason}")


@registry.command()
@click.argument("mapping_id", type=int)
@click.option(
    "--effective",
    metavar="DATUM",
    help="Eerste dag waarop de mapping niet meer geldt (standaard: de volgende wijzigingsdatum, 1 januari).",
)
@click.option(
    "--version", "expected_version", type=int, help="Weiger als de mapping sinds deze versie is gewijzigd."
)
@_by
@click.pass_obj
def retire(app, mapping_id: int, effective: str | None, expected_version: int | None, by: str | None) -> None:
    """Beëindig een mapping; voor datums vóór --effective blijft hij gelden.

    \b
    Voorbeeld:
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
@click.option("--categorie", help="Productcategorie, als de code in meerdere bestaat.")
@click.option(
    "--effective",
    metavar="DATUM",
    help="Eerste dag waarop de code niet meer geldt (standaard: de volgende wijzigingsdatum, 1 januari).",
)
@_by
@click.pass_obj
def end_product(
    app, gemeente: str, code: str, categorie: str | None, effective: str | None, by: str | None
) -> None:
    """Beëindig een gemeentelijke CODE; voor datums vóór --effective blijft hij vindbaar (lopende
    toewijzingen).

    \b
    Voorbeeld:
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
@click.option("--on", "on", metavar="DATUM", help="Codes die op deze datum gelden (standaard vandaag).")
@click.option("--list", "lijst", help="Stel alleen producten van deze landelijke lijst voor.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Bewaar alleen voorstellen met minstens deze zekerheid.",
)
@click.option(
    "--approve-above",
    type=click.FloatRange(0, 1),
    help="Keur voorstellen met minstens deze zekerheid ook goed (alleen op verzoek; in het auditlog op "
    "uw naam).",
)
@_by
@click.pass_obj
def suggest(
    app, on: str | None, lijst: str | None, min_confidence: float, approve_above: float | None, by: str | None
) -> None:
    """Stel een landelijk product voor bij elke gemeentelijke code zonder mapping (keurt alleen goed als
    dat gevraagd wordt).

    \b
    Voorbeeld:
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
@click.option("--on", "on", metavar="DATUM", help="Rapportdatum (standaard vandaag).")
@click.option("--list", "lijst", help="Tel alleen landelijke producten van deze lijst.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--chart", type=click.Path(dir_okay=False), help="Teken ook de reductie (PNG, of HTML bij .html)."
)
@click.option(
    "--unmapped",
    type=int,
    default=15,
    show_default=True,
    help="Hoeveel codes zonder mapping te noemen (text).",
)
@_lang_option
@click.pass_obj
def report(
    app, on: str | None, lijst: str | None, fmt: str, chart: str | None, unmapped: int, lang: str | None
) -> None:
    """De reductie: codes, landelijke producten, % gemapt per jeugdregio en categorie, gaten, conflicten.

    \b
    Voorbeeld:
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
