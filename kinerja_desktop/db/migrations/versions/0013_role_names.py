"""Role names per database: two Kinerja databases on one PostgreSQL server no longer share their roles.

Up to 0012 the groups (``kinerja_admin`` …) and the users' roles (``kinerja_u_<name>``) were the same for every
database of a server, while their grants and policies were each database's: a user made Pimpinan in a training
copy lost its Verifikator rights in production, and an admin made in the copy was production's admin too. From
now on they carry the database's tag (``db/row_security.py``: ``kinerja_<tag>_admin``, ``kinerja_<tag>_u_<name>``).

On PostgreSQL, when the migrating role may manage roles: this database's groups, grants and policies are
installed, every privilege its schema, tables, sequences, columns and functions gave the old shared groups is
revoked (the groups themselves stay: another database may still use them), and each app user gets its new role,
NOLOGIN: the server keeps only verifiers of the old roles' passwords, so the user's first sign-in sets the new
role's password from the one typed (``services/users.py``). On SQLite: nothing.

Revision ID: 0013_role_names
Revises: 0012_audit
"""

from alembic import op

from kinerja_desktop.db import row_security

revision = "0013_role_names"
down_revision = "0012_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    row_security.install(op.get_bind())  # False (nothing done) on SQLite or when roles may not be managed


def downgrade() -> None:
    """Nothing to undo in the schema. The roles are the server's: the per-database ones stay, and the shared
    groups do not get their grants back."""
