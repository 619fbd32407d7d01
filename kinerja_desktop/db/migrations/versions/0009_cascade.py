"""The cascade: positions inside the OPDs, the lower levels of the plan and of the Perjanjian Kinerja.

* ``position`` (jabatan: the head's, eselon III, eselon IV, staff, with the direct superior) and
  ``position_holder`` (who held it, from when to when, definitive or Plt./Plh.). The OPD heads move in: each OPD
  gets its head's position (its id made from the OPD's, so the centre's database and every laptop's make the
  same row), named as its latest head's jabatan, and every ``opd_head`` row becomes a holder of it with the same
  id and values; ``opd_head`` is dropped (and the exchange's bookkeeping of its rows follows them).
* ``goal.position_id`` (whose sasaran program, kegiatan or individual target it is), ``indicator.supports_id``
  (the upper indicator one supports), ``goal_program`` (the programs, kegiatan, sub kegiatan a sasaran carries).
* ``performance_agreement.position_id`` (pihak pertama's position; an OPD's PK: its head's) and
  ``second_official_id`` (pihak kedua inside an OPD); one PK per position, year and version: the unique key
  becomes (opd, position, year, version), so an OPD's head and its officials each have theirs.
* ``regency.lower_level_monitoring`` (quarterly monitoring inside the OPDs; off).

No printed content changes: a signed PK keeps its rows, its snapshot and its fingerprint. SQLite rebuilds
``performance_agreement`` for its new unique key from its own CREATE statement (foreign keys are off during
migrations); PostgreSQL alters it in place.

Revision ID: 0009_cascade
Revises: 0007_server
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db import triggers

revision = "0009_cascade"
down_revision = "0007_server"
branch_labels = None
depends_on = None

POSITION_IDS = uuid.UUID("6f1d2c1e-3b7a-5e0c-9a57-2d8b0c4e71a5")  # as db/models.py's head_position_id
OLD_KEY = "uq_performance_agreement_opd_id_year_version_no"
NEW_KEY = "uq_performance_agreement_opd_id_position_id_year_version_no"
POSITION_KEY = "fk_performance_agreement_position_id_position"
OFFICIAL_KEY = "fk_performance_agreement_second_official_id_official"
TRACKED = (
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
)


def _tracked() -> list[sa.Column]:
    return [column._copy() for column in TRACKED]


def upgrade() -> None:
    op.create_table(
        "position",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_position_opd_id_opd"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["position.id"], name=op.f("fk_position_parent_id_position")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position")),
        sa.UniqueConstraint("opd_id", "name", name=op.f("uq_position_opd_id_name")),
    )
    op.create_index(op.f("ix_position_opd_id"), "position", ["opd_id"], unique=False)
    op.create_index(op.f("ix_position_parent_id"), "position", ["parent_id"], unique=False)
    op.create_table(
        "position_holder",
        sa.Column("position_id", sa.String(length=36), nullable=False),
        sa.Column("official_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("acting", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        *_tracked(),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date",
                           name=op.f("ck_position_holder_dates_ordered")),
        sa.ForeignKeyConstraint(["official_id"], ["official.id"],
                                name=op.f("fk_position_holder_official_id_official"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["position_id"], ["position.id"],
                                name=op.f("fk_position_holder_position_id_position"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_position_holder")),
    )
    op.create_index(op.f("ix_position_holder_official_id"), "position_holder", ["official_id"], unique=False)
    op.create_index(op.f("ix_position_holder_position_id"), "position_holder", ["position_id"], unique=False)
    op.create_table(
        "goal_program",
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("program_id", sa.String(length=36), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_goal_program_goal_id_goal"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"], name=op.f("fk_goal_program_program_id_program"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_program")),
        sa.UniqueConstraint("goal_id", "program_id", name=op.f("uq_goal_program_goal_id_program_id")),
    )
    op.create_index(op.f("ix_goal_program_goal_id"), "goal_program", ["goal_id"], unique=False)
    op.create_index(op.f("ix_goal_program_program_id"), "goal_program", ["program_id"], unique=False)

    with op.batch_alter_table("regency") as batch_op:  # a plain ADD COLUMN
        batch_op.add_column(sa.Column("lower_level_monitoring", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    _add_key("goal", "position_id", "position")
    op.create_index(op.f("ix_goal_position_id"), "goal", ["position_id"], unique=False)
    _add_key("indicator", "supports_id", "indicator")

    _move_heads()
    # The triggers keeping signed PKs unchanged (0007) read performance_agreement's columns: dropped while it
    # changes (SQLite rebuilds it), then installed again knowing the new ones.
    triggers.drop(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_agreements_on_sqlite()
    else:
        op.add_column("performance_agreement", sa.Column("position_id", sa.String(length=36), nullable=True))
        op.add_column("performance_agreement", sa.Column("second_official_id", sa.String(length=36), nullable=True))
        op.create_foreign_key(POSITION_KEY, "performance_agreement", "position", ["position_id"], ["id"],
                              ondelete="RESTRICT")
        op.create_foreign_key(OFFICIAL_KEY, "performance_agreement", "official", ["second_official_id"], ["id"],
                              ondelete="RESTRICT")
        op.drop_constraint(OLD_KEY, "performance_agreement", type_="unique")
        op.create_unique_constraint(NEW_KEY, "performance_agreement", ["opd_id", "position_id", "year", "version_no"])
    op.create_index("ix_performance_agreement_position_id", "performance_agreement", ["position_id"], unique=False)
    _name_head_positions()
    triggers.install(op.get_bind())


def _rebuild_agreements_on_sqlite() -> None:
    """SQLite drops no unique key in place: the table is made again from its own CREATE statement with the two
    columns, their keys and the new unique key, in a fixed order (an Alembic batch rebuild writes the
    constraints in an order that varies from run to run, and the same database must come out every time)."""
    conn = op.get_bind()
    create = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'performance_agreement'").scalar_one()
    indexes = [sql for (sql,) in conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'performance_agreement' "
        "AND sql IS NOT NULL ORDER BY name")]
    columns = [row[1] for row in conn.exec_driver_sql('PRAGMA table_info("performance_agreement")')]
    old_key = f"CONSTRAINT {OLD_KEY} UNIQUE (opd_id, year, version_no)"
    first_key = create.index("\n\tCONSTRAINT ")
    new = (
        create[:first_key].replace("CREATE TABLE performance_agreement (", "CREATE TABLE _performance_agreement (", 1)
        + "\n\tposition_id VARCHAR(36), \n\tsecond_official_id VARCHAR(36), "
        + create[first_key:].replace(
            old_key,
            f"CONSTRAINT {POSITION_KEY} FOREIGN KEY(position_id) REFERENCES position (id) ON DELETE RESTRICT, "
            f"\n\tCONSTRAINT {OFFICIAL_KEY} FOREIGN KEY(second_official_id) REFERENCES official (id) "
            f"ON DELETE RESTRICT, \n\tCONSTRAINT {NEW_KEY} UNIQUE (opd_id, position_id, year, version_no)",
        )
    )
    assert old_key in create and new.count(NEW_KEY) == 1, "performance_agreement is not as 0006 left it"
    names = ", ".join(columns)
    conn.exec_driver_sql(new)
    conn.exec_driver_sql(f"INSERT INTO _performance_agreement ({names}) SELECT {names} FROM performance_agreement")
    conn.exec_driver_sql("DROP TABLE performance_agreement")
    conn.exec_driver_sql("ALTER TABLE _performance_agreement RENAME TO performance_agreement")
    for sql in indexes:
        conn.exec_driver_sql(sql)


def _add_key(table: str, column: str, target: str) -> None:
    """A nullable column with a foreign key, added in place (SQLite: inline, no rebuild of a parent table; as
    0005's program.parent_id, SQLite keeps no ON DELETE read back there, so the key has none anywhere)."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE "{table}" ADD COLUMN {column} VARCHAR(36) CONSTRAINT {name} '
                   f'REFERENCES "{target}" (id)')
    else:
        op.add_column(table, sa.Column(column, sa.String(length=36), nullable=True))
        op.create_foreign_key(name, table, target, [column], ["id"])


def _move_heads() -> None:
    """Each OPD's head position, its holders from ``opd_head`` (same ids and values); then ``opd_head`` goes."""
    conn = op.get_bind()
    opd = sa.table("opd", sa.column("id"), sa.column("name"), sa.column("sort_order"), sa.column("created_at"))
    head = sa.table("opd_head", *(sa.column(c) for c in (
        "id", "opd_id", "official_id", "position", "acting", "start_date", "end_date", "created_at", "updated_at",
        "version")))
    position = sa.table("position", *(sa.column(c) for c in (
        "id", "opd_id", "name", "level", "parent_id", "sort_order", "is_active", "created_at", "updated_at",
        "version")))
    holder = sa.table("position_holder", *(sa.column(c) for c in (
        "id", "position_id", "official_id", "position", "acting", "start_date", "end_date", "created_at",
        "updated_at", "version")))
    heads = conn.execute(sa.select(head).order_by(head.c.opd_id, head.c.start_date)).all()
    latest: dict[str, str] = {}
    for row in heads:
        latest[row.opd_id] = row.position  # ordered by start: the last one wins
    positions = []
    for row in conn.execute(sa.select(opd)).all():
        positions.append({
            "id": str(uuid.uuid5(POSITION_IDS, row.id)), "opd_id": row.id,
            "name": (latest.get(row.id) or f"Kepala {row.name}")[:200], "level": "kepala", "parent_id": None,
            "sort_order": 0, "is_active": True, "created_at": row.created_at, "updated_at": row.created_at,
            "version": 1,
        })
    if positions:
        conn.execute(position.insert(), positions)
    holders = [
        {"id": row.id, "position_id": str(uuid.uuid5(POSITION_IDS, row.opd_id)), "official_id": row.official_id,
         "position": row.position, "acting": row.acting, "start_date": row.start_date, "end_date": row.end_date,
         "created_at": row.created_at, "updated_at": row.updated_at, "version": row.version}
        for row in heads
    ]
    if holders:
        conn.execute(holder.insert(), holders)
    for bookkeeping in ("sync_tombstone", "sync_received", "sync_base"):
        conn.execute(sa.text(f"UPDATE {bookkeeping} SET table_name = 'position_holder' WHERE table_name = 'opd_head'"))
    op.drop_table("opd_head")


def _name_head_positions() -> None:
    """An OPD's PK is its head's: its position is the OPD's head position."""
    conn = op.get_bind()
    agreement = sa.table("performance_agreement", sa.column("id"), sa.column("opd_id"), sa.column("kind"),
                         sa.column("position_id"))
    rows = conn.execute(sa.select(agreement.c.id, agreement.c.opd_id).where(
        agreement.c.kind == "opd", agreement.c.opd_id.is_not(None))).all()
    for agreement_id, opd_id in rows:
        conn.execute(agreement.update().where(agreement.c.id == agreement_id).values(
            position_id=str(uuid.uuid5(POSITION_IDS, opd_id))))


def downgrade() -> None:
    """Back to ``opd_head`` (the holders of the heads' positions); the lower levels are dropped."""
    conn = op.get_bind()
    triggers.drop(conn)  # the lower PKs go, signed or not; installed again for the columns left
    lower = "SELECT id FROM performance_agreement WHERE kind IN ('3', '4')"
    for child in ("agreement_item", "agreement_program"):  # foreign keys are off: no cascade does it
        conn.execute(sa.text(f"DELETE FROM {child} WHERE agreement_id IN ({lower})"))
    conn.execute(sa.text("DELETE FROM performance_agreement WHERE kind IN ('3', '4')"))
    with op.batch_alter_table("performance_agreement", recreate="auto") as batch_op:
        batch_op.drop_index(op.f("ix_performance_agreement_position_id"))
        batch_op.drop_constraint(NEW_KEY, type_="unique")
        batch_op.create_unique_constraint(OLD_KEY, ["opd_id", "year", "version_no"])
        batch_op.drop_constraint(op.f("fk_performance_agreement_second_official_id_official"), type_="foreignkey")
        batch_op.drop_constraint(op.f("fk_performance_agreement_position_id_position"), type_="foreignkey")
        batch_op.drop_column("second_official_id")
        batch_op.drop_column("position_id")
    op.create_table(
        "opd_head",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("official_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("acting", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        *_tracked(),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name=op.f("ck_opd_head_dates_ordered")),
        sa.ForeignKeyConstraint(["official_id"], ["official.id"], name=op.f("fk_opd_head_official_id_official"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_opd_head_opd_id_opd"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opd_head")),
    )
    op.create_index(op.f("ix_opd_head_official_id"), "opd_head", ["official_id"], unique=False)
    op.create_index(op.f("ix_opd_head_opd_id"), "opd_head", ["opd_id"], unique=False)
    conn.execute(sa.text(
        "INSERT INTO opd_head (id, opd_id, official_id, position, acting, start_date, end_date, created_at, "
        "updated_at, version) SELECT h.id, p.opd_id, h.official_id, h.position, h.acting, h.start_date, h.end_date, "
        "h.created_at, h.updated_at, h.version FROM position_holder h JOIN position p ON p.id = h.position_id "
        "WHERE p.level = 'kepala'"))
    for bookkeeping in ("sync_tombstone", "sync_received", "sync_base"):
        conn.execute(sa.text(f"UPDATE {bookkeeping} SET table_name = 'opd_head' WHERE table_name = 'position_holder'"))
    if conn.dialect.name != "sqlite":
        op.drop_constraint("fk_indicator_supports_id_indicator", "indicator", type_="foreignkey")
        op.drop_constraint("fk_goal_position_id_position", "goal", type_="foreignkey")
    op.drop_index(op.f("ix_goal_position_id"), table_name="goal")
    with op.batch_alter_table("indicator") as batch_op:
        batch_op.drop_column("supports_id")
    with op.batch_alter_table("goal") as batch_op:
        batch_op.drop_column("position_id")
    with op.batch_alter_table("regency") as batch_op:
        batch_op.drop_column("lower_level_monitoring")
    op.drop_table("goal_program")
    op.drop_table("position_holder")
    op.drop_table("position")
    triggers.install(conn)
