"""`productcodes db upgrade|downgrade|current`: the database schema, through Alembic."""

from __future__ import annotations

import click

from productcodes.commands import engine_for, shown_url


@click.group()
def db() -> None:
    """Maak of migreer de registerdatabase (SQLite of PostgreSQL).

    \b
    Voorbeeld:
      productcodes --db postgresql+psycopg://registry@dbhost/registry db upgrade
    """


@db.command()
@click.argument("revision", default="head")
@click.pass_obj
def upgrade(app, revision: str) -> None:
    """Breng de database naar REVISION (standaard: de nieuwste).

    \b
    Voorbeeld:
      productcodes db upgrade
    """
    from productcodes import migrate

    engine = engine_for(app, migrated=False)
    migrate.upgrade(engine, revision)
    click.echo(f"{shown_url(app)} staat op revisie {migrate.current(engine)}")


@db.command()
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Niet vragen; nodig als er geen terminal is.")
@click.pass_obj
def downgrade(app, revision: str, yes: bool) -> None:
    """Zet de database terug naar REVISION ("base" verwijdert elke tabel met zijn gegevens).

    Vraagt op een terminal om bevestiging; anders is --yes nodig.

    \b
    Voorbeeld:
      productcodes db downgrade base --yes
    """
    from productcodes import migrate
    from productcodes.safety import confirm

    engine = engine_for(app, migrated=False)
    confirm(f"{shown_url(app)} gaat terug naar revisie {revision}.", yes)
    migrate.downgrade(engine, revision)
    click.echo(f"{shown_url(app)} staat op revisie {migrate.current(engine) or 'base'}")


@db.command()
@click.pass_obj
def current(app) -> None:
    """Toon de revisie van de database en de nieuwste.

    \b
    Voorbeeld:
      productcodes --db sqlite:///registry.sqlite db current
    """
    from productcodes import migrate

    engine = engine_for(app, migrated=False)
    found = migrate.current(engine)
    state = "bijgewerkt" if found == migrate.head() else "geef `productcodes db upgrade`"
    click.echo(f"{shown_url(app)}: revisie {found or 'geen'} (nieuwste {migrate.head()}; {state})")
