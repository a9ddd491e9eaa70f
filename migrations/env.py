"""Alembic environment: the connection comes from `productcodes.migrate` (config attributes)."""

from alembic import context

import productcodes.store_models  # noqa: F401  (the message store's tables share the metadata)
import validators.sources.store  # noqa: F401  (and the answer sequence it brings along)
from productcodes.models import Base

target_metadata = Base.metadata


def run() -> None:
    """Run the migrations on the connection productcodes.migrate hands over (no URL from an ini file)."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
