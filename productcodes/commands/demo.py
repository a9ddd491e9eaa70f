"""`productcodes demo`: a fresh registry with the project's synthetic data, end to end."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import click

from productcodes.errors import UserError
from productcodes.safety import DEMO, confirm, demo_may_use, record_maker, set_today, tables_of

# Suggestions this confident were right 99% of the time on the demo landscape (see
# docs/national-set.md); below it a person should look.
APPROVE_ABOVE = 0.8
REPORT_DATE = date(2026, 6, 1)
# The demo team works in December 2025 on the lists that change on 1 January 2026: its approvals and
# proposals then take effect on the next change date, never in the past (the code-change protocol).
DEMO_TODAY = date(2025, 12, 1)


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Map voor de CSV-bestanden van de demo (standaard: een tijdelijke map).",
)
@click.option(
    "--seed", type=int, default=2026, show_default=True, help="Startgetal van het synthetische landschap."
)
@click.option("--chart", type=click.Path(dir_okay=False), help="Teken ook de reductie (PNG of .html).")
@click.option(
    "--db",
    "demo_db",
    metavar="URL",
    help="Bouw de demo hier in plaats van in zijn eigen SQLite-bestand; alleen een lege database of een "
    "die de demo eerder maakte. De globale --db en PRODUCTCODES_DB gebruikt de demo nooit.",
)
@click.option("--yes", is_flag=True, help="Vul een met --db gegeven demodatabase opnieuw zonder te vragen.")
@click.pass_obj
def demo(app, out_dir: str | None, seed: int, chart: str | None, demo_db: str | None, yes: bool) -> None:
    """Bouw een vers demoregister in een eigen SQLite-bestand: synthetische gegevens laden, voorstellen
    doen, rapporteren.

    De demo komt nooit aan het register van --db of PRODUCTCODES_DB: hij schrijft naar een eigen
    bestand in uw gebruikersgegevensmap, of naar de database die u de demo zelf met --db geeft,
    als die leeg is of door de demo is gemaakt (dat staat in de database).

    De gegevens zijn SYNTHETISCH: de landelijke set LPJ van het project en ~4.000 gemeentelijke
    codes van verzonnen gemeenten. Voorstellen met een zekerheid van 0,8 of meer worden
    goedgekeurd; de rest blijft voorstel, voor een mens om te beoordelen.

    \b
    Voorbeeld:
      productcodes demo --out ./demo-csv --chart reductie.png
    """
    from productcodes.commands.registry import print_report, run_suggest
    from productcodes.db import make_engine
    from productcodes.demo import generate
    from productcodes.migrate import upgrade

    started = time.perf_counter()
    if app is not None and app.db_url and not demo_db:
        click.echo(
            "let op: de demo gebruikt --db/PRODUCTCODES_DB niet; hij maakt een eigen database "
            "(kies er een met `productcodes demo --db URL`)",
            err=True,
        )
    url = demo_db or _default_demo_url()
    engine = make_engine(url)
    if app is not None:
        app.on_close(engine)
    _make_room(engine, own=demo_db is None, yes=yes)
    upgrade(engine)
    record_maker(engine, DEMO)
    set_today(engine, DEMO_TODAY)
    folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="productcodes-demo-"))
    files = generate(folder, seed)
    declaraties = _declaraties(folder, seed)
    counts = _load(engine, files)
    proposed, approved, considered = run_suggest(
        app,
        REPORT_DATE,
        files.national_list,
        0.0,
        APPROVE_ABOVE,
        "productcodes demo",
        engine=engine,
        today=DEMO_TODAY,
    )
    click.echo(
        f"demoregister:  {engine.url.render_as_string(hide_password=True)} (het leeft op {DEMO_TODAY}: "
        "wijzigingen erin gaan in op 2026-01-01, de volgende wijzigingsdatum)"
    )
    click.echo(f"demobestanden: {folder} ({files.note})")
    click.echo(
        f"declaraties:   {declaraties} (JW323, maart 2026; probeer er `productcodes registry impact` op)"
    )
    click.echo("geladen:       " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    click.echo(
        f"voorstellen:   {considered} codes zonder mapping, {proposed} voorgesteld, {approved} goedgekeurd "
        f"(zekerheid >= {APPROVE_ABOVE})\n"
    )
    print_report(app, REPORT_DATE, files.national_list, "text", chart, engine=engine)
    click.echo(f"klaar in {time.perf_counter() - started:.1f} s")
    example = _example(engine)
    if example:
        shown = engine.url.render_as_string(hide_password=True)
        click.echo(
            f"probeer: productcodes --db {shown} registry lookup {example[0]} {example[1]} --on {REPORT_DATE}"
        )


def _make_room(engine, *, own: bool, yes: bool) -> None:
    """Empty the database for a fresh demo, only when that destroys nothing the demo did not make."""
    from productcodes.migrate import downgrade

    shown = engine.url.render_as_string(hide_password=True)
    if not tables_of(engine):
        return
    if not own:
        if not demo_may_use(engine):
            raise UserError(
                f"{shown} bevat gegevens die de demo niet heeft gemaakt; de demo vult alleen een lege "
                "database of een die hij zelf maakte. Kies een andere --db (of laat --db weg voor het "
                "eigen bestand van de demo)"
            )
        confirm(f"De demo-database {shown} wordt leeggemaakt en opnieuw gevuld.", yes)
    downgrade(engine, "base")


def _declaraties(folder: Path, seed: int) -> Path:
    from productcodes.demo import landscape
    from productcodes.demo.declaraties import write_declaraties

    out = folder / "declaraties"
    write_declaraties(out, landscape(seed), seed)
    return out


def _example(engine) -> tuple[str, str] | None:
    from sqlalchemy import select

    from productcodes.db import session_scope
    from productcodes.models import GemeentelijkProduct, Mapping

    with session_scope(engine) as session:
        row = session.execute(
            select(GemeentelijkProduct.gemeentecode, GemeentelijkProduct.productcode)
            .join(Mapping, Mapping.gemeentelijk_product_id == GemeentelijkProduct.id)
            .where(Mapping.status == "approved", Mapping.factor.is_not(None))
            .order_by(GemeentelijkProduct.id)
            .limit(1)
        ).first()
    return tuple(row) if row else None


def _default_demo_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("productcodes"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'demo.sqlite'}"


def _load(engine, files) -> dict[str, int]:
    from productcodes.db import session_scope
    from productcodes.importers import read_csv
    from productcodes.protocol import Registry

    with session_scope(engine) as session:
        registry = Registry(session, door="productcodes demo", today=DEMO_TODAY)
        return {
            "gemeenten": registry.add_gemeenten(read_csv(files.gemeenten, "gemeenten")),
            "begrippen": registry.add_begrippen(read_csv(files.begrippen, "begrippen")),
            "landelijke producten": registry.add_national(
                files.national_list, read_csv(files.national, "national"), files.national_description
            ),
            "gemeentelijke codes": registry.add_municipal(read_csv(files.municipal, "municipal")),
            "mappings": registry.add_mappings(
                read_csv(files.mappings, "mappings"), lijst=files.national_list
            ),
            "tarieven": registry.add_tarieven(read_csv(files.tarieven, "tarieven")),
        }
