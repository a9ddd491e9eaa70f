"""The Alembic history: one head, clean against the models, down and up again, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import validators.sources.store  # noqa: F401  (its table is part of the metadata)
from productcodes.db import make_engine
from productcodes.migrate import config, current, downgrade, head, upgrade
from productcodes.models import Base


def test_one_head():
    assert len(ScriptDirectory.from_config(config()).get_heads()) == 1


def test_upgrade_is_clean_against_the_models_and_reversible(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    assert current(engine) == head()
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        assert connection.execute(text("SELECT count(*) FROM eenheid")).scalar() == 7
        assert connection.execute(text("SELECT count(*) FROM productcategorie")).scalar() == 24
    downgrade(engine, "base")
    assert current(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert current(engine) == head()
    engine.dispose()
