"""Sub-commands of the productcodes CLI that work on the registry database."""

from __future__ import annotations

from sqlalchemy import Engine

from productcodes.db import make_engine, resolve_url


def engine_for(app, *, migrated: bool = True) -> Engine:
    """The engine of this invocation (disposed at exit); checks the migration state unless told not to."""
    engine = make_engine(getattr(app, "db_url", None))
    if app is not None:
        app.on_close(engine)
    if migrated:
        from productcodes.migrate import require_current

        require_current(engine)
    return engine


def shown_url(app) -> str:
    """The database URL the command uses, with any password hidden, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(resolve_url(getattr(app, "db_url", None))).render_as_string(hide_password=True)
