"""`productcodes db upgrade|downgrade|current`: the database schema, through Alembic."""

from __future__ import annotations

import click

from productcodes.commands import engine_for, shown_url


@click.group()
def db() -> None:
    """Create or migrate the registry database (SQLite or PostgreSQL).

    \b
    Example:
      productcodes --db postgresql+psycopg://registry@dbhost/registry db upgrade
    """


@db.command()
@click.argument("revision", default="head")
@click.pass_obj
def upgrade(app, revision: str) -> None:
    """Bring the database to REVISION (default: the latest).

    \b
    Example:
      productcodes db upgrade
    """
    from productcodes import migrate

    engine = engine_for(app, migrated=False)
    migrate.upgrade(engine, revision)
    click.echo(f"{shown_url(app)} staat op revisie {migrate.current(engine)}")


@db.command()
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask; needed when not run on a terminal.")
@click.pass_obj
def downgrade(app, revision: str, yes: bool) -> None:
    """Take the database back to REVISION ("base" removes every table and its data).

    Asks for confirmation on a terminal; elsewhere it needs --yes.

    \b
    Example:
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
    """Show the database's revision and the latest one.

    \b
    Example:
      productcodes --db sqlite:///registry.sqlite db current
    """
    from productcodes import migrate

    engine = engine_for(app, migrated=False)
    found = migrate.current(engine)
    state = "bijgewerkt" if found == migrate.head() else "geef `productcodes db upgrade`"
    click.echo(f"{shown_url(app)}: revisie {found or 'geen'} (nieuwste {migrate.head()}; {state})")
