"""Alembic migrations of the registry and the message store, shipped inside the package.

`productcodes db upgrade` builds the Alembic configuration in code (see
`productcodes.migrate`), so an installed wheel needs no alembic.ini.
"""
