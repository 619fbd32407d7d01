"""Alembic environment: always driven from kinerja_desktop.db.migrate with a prepared connection."""

from alembic import context
from sqlalchemy import create_engine

from kinerja_desktop.db.base import schema

config = context.config
connection = config.attributes.get("connection")


def _run(conn) -> None:  # noqa: ANN001
    context.configure(
        connection=conn,
        target_metadata=schema(),
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # developers' "alembic revision --autogenerate" with sqlalchemy.url set
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)
