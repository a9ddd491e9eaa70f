"""Running the Alembic migrations from code, for the CLI and the tests.

The script folder is found next to the installed `migrations` package, so this works the
same from a source checkout and from an installed wheel.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

import migrations
from productcodes.db import DatabaseError


def config(engine: Engine | None = None) -> Config:
    """An Alembic configuration for the project's migrations, bound to `engine` when given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    cfg.attributes["engine"] = engine
    return cfg


def _run(engine: Engine, action, *args) -> None:
    cfg = config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, *args)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to `revision` (default the newest)."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to `revision`."""
    _run(engine, command.downgrade, revision)


def head() -> str:
    """The newest revision the project has."""
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def require_current(engine: Engine) -> None:
    """Refuse to work on a database that is not at the migration head (never migrate silently)."""
    from sqlalchemy.exc import OperationalError

    from productcodes.db import describe

    try:
        found = current(engine)
    except OperationalError as exc:
        raise DatabaseError(describe(exc, str(engine.url))) from None
    wanted = head()
    if found != wanted:
        state = (
            "heeft nog geen registertabellen" if found is None else f"staat op revisie {found}, niet {wanted}"
        )
        raise DatabaseError(
            f"de database {engine.url.render_as_string(hide_password=True)} {state}; "
            "geef eerst `productcodes db upgrade`"
        )
