"""Bappeda's verification: PK drafts and quarterly reports go Draf → Diajukan → Diverifikasi or Dikembalikan
(``verification``, ``verification_event``), verifiers' OPDs (``verifier_opd``) and the regency's setting
``regency.verification_required`` (off).

What was done before keeps its meaning: every final, signed or replaced PK and every OPD's report of a closed
quarter is counted as verified (a row in state "diverifikasi" with one event by "migrasi"), and the realisations
of closed quarters are marked verified (inside the triggers' bypass: a closed quarter's rows refuse changes).

Revision ID: 0011_verification
Revises: 0010_users
"""

import sqlalchemy as sa
from alembic import op

from kinerja_desktop.db import triggers
from kinerja_desktop.db.types import new_id, utcnow

revision = "0011_verification"
down_revision = "0010_users"
branch_labels = None
depends_on = None

MIGRATED = "migrasi"


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("regency") as batch_op:  # a plain ADD COLUMN: no rebuild
        batch_op.add_column(
            sa.Column("verification_required", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "verification",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=True),
        sa.Column("opd_id", sa.String(length=36), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_by", sa.String(length=120), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["performance_agreement.id"],
            name=op.f("fk_verification_agreement_id_performance_agreement"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_verification_opd_id_opd"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification")),
        sa.UniqueConstraint("agreement_id", name=op.f("uq_verification_agreement_id")),
        sa.UniqueConstraint("kind", "opd_id", "year", "quarter", name=op.f("uq_verification_kind_opd_id_year_quarter")),
    )
    op.create_index(op.f("ix_verification_opd_id"), "verification", ["opd_id"], unique=False)
    op.create_table(
        "verification_event",
        sa.Column("verification_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["verification_id"], ["verification.id"],
            name=op.f("fk_verification_event_verification_id_verification"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_event")),
    )
    op.create_index(
        op.f("ix_verification_event_verification_id"), "verification_event", ["verification_id"], unique=False
    )
    op.create_table(
        "verifier_opd",
        sa.Column("verifier", sa.String(length=120), nullable=False),
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["opd_id"], ["opd.id"], name=op.f("fk_verifier_opd_opd_id_opd"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifier_opd")),
        sa.UniqueConstraint("verifier", "opd_id", name=op.f("uq_verifier_opd_verifier_opd_id")),
    )
    op.create_index(op.f("ix_verifier_opd_opd_id"), "verifier_opd", ["opd_id"], unique=False)
    _count_the_past_as_verified(op.get_bind())


def _count_the_past_as_verified(conn: sa.engine.Connection) -> None:
    now = utcnow()
    agreements = conn.execute(sa.text(
        "SELECT id, opd_id, year, COALESCE(finalized_at, signed_at, updated_at) FROM performance_agreement "
        "WHERE status IN ('final', 'ditandatangani', 'diganti')"
    )).all()
    reports = conn.execute(sa.text(
        "SELECT DISTINCT g.opd_id, r.year, r.quarter, c.closed_at FROM indicator_realization r "
        "JOIN indicator i ON i.id = r.indicator_id JOIN goal g ON g.id = i.goal_id "
        "JOIN quarter_closure c ON c.year = r.year AND c.quarter = r.quarter WHERE g.opd_id IS NOT NULL"
    )).all()
    rows = [("pk", a_id, opd_id, year, None, at or now) for a_id, opd_id, year, at in agreements]
    rows += [("laporan", None, opd_id, year, quarter, at or now) for opd_id, year, quarter, at in reports]
    for kind, agreement_id, opd_id, year, quarter, at in rows:
        row_id = new_id()
        conn.execute(
            sa.text(
                "INSERT INTO verification (id, created_at, updated_at, version, kind, agreement_id, opd_id, year, "
                "quarter, state, note, submitted_at, submitted_by, decided_at, decided_by) VALUES (:id, :now, :now, "
                "1, :kind, :agreement, :opd, :year, :quarter, 'diverifikasi', '', :at, :by, :at, :by)"
            ),
            {"id": row_id, "now": now, "kind": kind, "agreement": agreement_id, "opd": opd_id, "year": year,
             "quarter": quarter, "at": at, "by": MIGRATED},
        )
        conn.execute(
            sa.text(
                "INSERT INTO verification_event (id, created_at, updated_at, version, verification_id, action, "
                "state, at, \"user\", note) VALUES (:id, :now, :now, 1, :verification, 'verifikasi', "
                "'diverifikasi', :at, :by, :note)"
            ),
            {"id": new_id(), "now": now, "verification": row_id, "at": at, "by": MIGRATED,
             "note": "Diverifikasi sebelum alur verifikasi ada (final, ditandatangani atau triwulan ditutup)"},
        )
    if reports:
        with triggers.bypass(conn, "0011: realisasi triwulan yang ditutup dihitung terverifikasi"):
            conn.execute(sa.text(
                "UPDATE indicator_realization SET verified = :yes, verified_at = COALESCE(verified_at, :now) "
                "WHERE verified = :no AND EXISTS (SELECT 1 FROM quarter_closure c "
                "WHERE c.year = indicator_realization.year AND c.quarter = indicator_realization.quarter)"
            ), {"yes": True, "no": False, "now": now})


def downgrade() -> None:
    for table in ("verification_event", "verifier_opd", "verification"):
        op.drop_table(table)
    with op.batch_alter_table("regency") as batch_op:
        batch_op.drop_column("verification_required")
