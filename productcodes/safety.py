"""Guards for commands that delete or downgrade: ask on a terminal, demand --yes otherwise, and let the
demo refill only a database it made itself (recorded in `registry_meta`)."""

from __future__ import annotations

import sys

import click
from sqlalchemy import Engine, inspect, select

from productcodes.errors import UserError

MADE_BY = "made_by"
DEMO = "productcodes demo"
# The date a registry lives on, when it is not the calendar's: the demo's data is of one year, and its
# proposals for that year's change date must stay approvable whenever the demo is tried.
TODAY = "vandaag"


def interactive() -> bool:
    """Whether a person can be asked (stdin is a terminal)."""
    return sys.stdin.isatty()


def confirm(question: str, yes: bool) -> None:
    """Go on only with --yes, or after the user says yes on a terminal; otherwise stop with a clear error."""
    if yes:
        return
    if not interactive():
        raise UserError(
            f"{question} — dit verwijdert gegevens; bevestig met --yes (geen terminal om te vragen)"
        )
    if not click.confirm(f"{question} Dit verwijdert gegevens. Doorgaan?", default=False):
        raise UserError("afgebroken; er is niets veranderd")


def tables_of(engine: Engine) -> set[str]:
    """Table names of the database, without Alembic's own bookkeeping."""
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def made_by(engine: Engine) -> str | None:
    """Who made the database, as recorded in it (None when nothing is recorded)."""
    if "registry_meta" not in tables_of(engine):
        return None
    from productcodes.db import session_scope
    from productcodes.models import RegistryMeta

    with session_scope(engine) as session:
        return session.scalar(select(RegistryMeta.waarde).where(RegistryMeta.sleutel == MADE_BY))


def record_maker(engine: Engine, maker: str) -> None:
    """Record in the registry which tool filled it (the demo refills only what it made)."""
    from productcodes.db import session_scope
    from productcodes.models import RegistryMeta

    with session_scope(engine) as session:
        session.merge(RegistryMeta(sleutel=MADE_BY, waarde=maker))


def set_today(engine: Engine, day) -> None:
    """Record the date the registry lives on instead of the calendar's."""
    from productcodes.db import session_scope
    from productcodes.models import RegistryMeta

    with session_scope(engine) as session:
        session.merge(RegistryMeta(sleutel=TODAY, waarde=day.isoformat()))


def registry_today(session):
    """The date recorded as this registry's today (only the demo records one), or None for the calendar's."""
    from datetime import date

    from productcodes.models import RegistryMeta

    value = session.scalar(select(RegistryMeta.waarde).where(RegistryMeta.sleutel == TODAY))
    return date.fromisoformat(value) if value else None


def demo_may_use(engine: Engine) -> bool:
    """True when the database is empty (nothing to destroy) or the demo made it; False otherwise."""
    return not tables_of(engine) or made_by(engine) == DEMO
