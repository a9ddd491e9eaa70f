"""`productcodes serve`: the web service (API and pages) under uvicorn."""

from __future__ import annotations

import os
import secrets

import click

from productcodes.errors import UserError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres waarop de dienst luistert.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Werkprocessen van uvicorn (elk met een eigen validatiepool).",
)
@click.option(
    "--pool",
    "pool_size",
    default=2,
    show_default=True,
    type=click.IntRange(0, 64),
    help="Validatieprocessen per werkproces (0: één thread, om te debuggen).",
)
@click.option(
    "--max-upload",
    "max_upload_mb",
    default=100,
    show_default=True,
    type=click.IntRange(1),
    help="Grootste verzoek in MB; grotere uploads krijgen 413.",
)
@click.option(
    "--closed",
    is_flag=True,
    help="Validatie alleen voor ingelogde gebruikers (standaard: open voor iedereen).",
)
@click.option(
    "--demo", is_flag=True, help="Laad eerst de synthetische demogegevens als het register leeg is."
)
@click.option("--https-only", is_flag=True, help="Sessiecookies alleen over HTTPS (achter een TLS-proxy).")
@click.option("--db", "db_url", metavar="URL", help="Database-URL (gaat voor de globale --db).")
@click.pass_obj
def serve(app, host, port, workers, pool_size, max_upload_mb, closed, demo, https_only, db_url) -> None:
    """Start de webdienst: API onder /api/v1, OpenAPI op /docs, Nederlandse pagina's op /.

    \b
    Voorbeelden:
      productcodes serve --demo
      productcodes --db postgresql+psycopg://app@db/productcodes serve --host 0.0.0.0 --workers 4
    """
    import uvicorn

    from productcodes.db import make_engine, resolve_url

    url = db_url or getattr(app, "db_url", None)
    engine = make_engine(url)
    try:
        _prepare(engine, demo)
    finally:
        engine.dispose()
    # The worker processes read their settings from the environment (uvicorn's factory mode);
    # one secret for all of them, so a session cookie signed by one is valid for the others.
    os.environ.update(
        {
            "PRODUCTCODES_DB": resolve_url(url),
            "PRODUCTCODES_POOL": str(pool_size),
            "PRODUCTCODES_MAX_UPLOAD": str(max_upload_mb * 1024 * 1024),
            "PRODUCTCODES_VALIDATION_OPEN": "0" if closed else "1",
            "PRODUCTCODES_HTTPS_ONLY": "1" if https_only else "0",
        }
    )
    os.environ.setdefault("PRODUCTCODES_SECRET", secrets.token_hex(32))
    click.echo(
        f"productcodes: http://{host}:{port}/ (API /api/v1, documentatie /docs), {workers} worker(s)",
        err=True,
    )
    # access_log off: request lines carry query strings, and nothing is logged unless asked.
    uvicorn.run(
        "productcodes.web.app:from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_level="warning",
        proxy_headers=True,
    )


def _prepare(engine, demo: bool) -> None:
    """Migrate and fill with demo data when asked and empty; else require a migrated database."""
    from sqlalchemy import func, select

    from productcodes.db import session_scope
    from productcodes.migrate import require_current, upgrade

    if not demo:
        require_current(engine)
        return
    upgrade(engine)
    from productcodes.models import GemeentelijkProduct

    with session_scope(engine) as session:
        if session.scalar(select(func.count()).select_from(GemeentelijkProduct)):
            return
    load_demo(engine)


def load_demo(engine) -> None:
    """The demo landscape of `productcodes demo`, loaded into an empty, migrated registry."""
    import tempfile
    from pathlib import Path

    from productcodes.commands.demo import APPROVE_ABOVE, REPORT_DATE, _load
    from productcodes.commands.registry import run_suggest
    from productcodes.demo import generate

    with tempfile.TemporaryDirectory(prefix="productcodes-demo-") as folder:
        files = generate(Path(folder), 2026)
        _load(engine, files)
        run_suggest(
            None, REPORT_DATE, files.national_list, 0.0, APPROVE_ABOVE, "productcodes demo", engine=engine
        )
    click.echo("demogegevens geladen (synthetisch)", err=True)


@click.group()
def users() -> None:
    """Gebruikers van de webdienst (maintainers mogen het register wijzigen).

    \b
    Voorbeeld:
      productcodes users add anna --role maintainer
    """


@users.command("add")
@click.argument("naam")
@click.option(
    "--role", type=click.Choice(["maintainer", "viewer"]), required=True, help="Wat de gebruiker mag."
)
@click.option(
    "--password",
    prompt="Wachtwoord",
    hide_input=True,
    confirmation_prompt="Herhaal het wachtwoord",
    envvar="PRODUCTCODES_PASSWORD",
    help="Wordt gevraagd als het niet is gegeven (env PRODUCTCODES_PASSWORD).",
)
@click.pass_obj
def add_user(app, naam: str, role: str, password: str) -> None:
    """Voeg een gebruiker toe, of geef een bestaande gebruiker een nieuwe rol en een nieuw wachtwoord.

    \b
    Voorbeeld:
      productcodes users add anna --role maintainer
    """
    from productcodes.commands import engine_for
    from productcodes.web.auth import add_user as store

    if not naam.strip():
        raise UserError("een gebruiker heeft een naam nodig")
    store(engine_for(app), naam.strip(), role, password)
    click.echo(f"gebruiker {naam.strip()} ({role}) opgeslagen")
