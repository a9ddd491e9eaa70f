"""Engines, sessions and the errors a user can do something about.

SQLite is the embedded default (one file in the user's data directory); PostgreSQL through
psycopg 3 is the server for teams. Every command checks that the database is at the
migration head before it reads or writes, and says what to run when it is not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from productcodes.errors import UserError


class DatabaseError(UserError):
    """A database that cannot be used as it is (locked, unreachable, behind on migrations)."""


class ConflictError(UserError):
    """Someone else changed the same record since it was read (optimistic locking)."""


def default_url() -> str:
    """SQLite in the user's data folder: where the registry lives when nothing else is configured."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("productcodes"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'registry.sqlite'}"


def resolve_url(url: str | None) -> str:
    """The URL given, else PRODUCTCODES_DB, else the default SQLite file."""
    return url or os.environ.get("PRODUCTCODES_DB") or default_url()


def make_engine(url: str | None = None) -> Engine:
    """An engine for the resolved URL; a URL that is no database URL is a DatabaseError."""
    url = resolve_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"{url!r} is not a database URL (e.g. sqlite:///registry.sqlite or "
            "postgresql+psycopg://user@host/db)"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as exc:
        raise DatabaseError(f"no driver for {parsed.drivername}: {exc}") from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def describe(exc: Exception, url: str | None = None) -> str:
    """One line a user can act on, for the database errors that reach the CLI."""
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    if "database is locked" in text:
        return (
            "de SQLite-database is in gebruik door een ander programma; probeer het opnieuw als dat klaar is"
        )
    if "unable to open database" in text:
        return f"kan de SQLite-database {url or ''} niet openen: controleer het pad en de rechten"
    if "could not connect" in text or "Connection refused" in text or "connection failed" in text:
        return f"de databaseserver is niet bereikbaar: {text}"
    return f"databasefout: {text}"


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except StaleDataError:
        session.rollback()
        raise ConflictError(
            "the record was changed by someone else since you read it; "
            "nothing was saved — read it again and repeat your change"
        ) from None
    except (OperationalError, DBAPIError) as exc:
        session.rollback()
        raise DatabaseError(describe(exc, str(engine.url))) from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def scratch_database(server_url: str, prefix: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of `server_url` (a test's or a benchmark's own);
    yields its URL and drops it afterwards. The database named in `server_url` is never touched."""
    import uuid

    from sqlalchemy import text

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
