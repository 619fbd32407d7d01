"""Users, roles and who is signed in: the one place where a writing service asks "may this user do this?".

Roles are data: :data:`ROLE_ACTIONS` maps each role to the actions it may take, so a new role is one row.
An operator's actions are limited to its own OPDs (:data:`SCOPED_ROLES`). Every writing service calls
:func:`require` before it writes; the GUI only hides what :func:`allowed` says no to, the service refuses
whatever the caller.

Who is signed in travels with the open database (``db.sessions.user``, and so in every session's ``info``).
A database with no user, or with one active administrator only, signs in that administrator automatically
(a single desk); from the second user on, someone has to sign in.

Passwords are hashed with argon2id (argon2-cffi) and never stored or logged in clear. After
:data:`MAX_FAILURES` failed sign-ins in a row the account is locked for :data:`LOCK_MINUTES` minutes, or until
an administrator resets its password.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from ..db import row_security
from ..db.database import Database
from ..db.errors import AccessDeniedError
from ..db.models import Opd
from ..db.types import utcnow
from ..db.user_models import AppUser, UserOpd
from ..domain.formatting import format_date
from . import audit
from .errors import ValidationError
from .opd_names import opd_id_named

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_HASHER = PasswordHasher()  # argon2id, 64 MiB, 3 passes


class Role(StrEnum):
    ADMIN = "admin"
    VERIFIKATOR = "verifikator"
    OPERATOR = "operator"
    PIMPINAN = "pimpinan"
    EVALUATOR = "evaluator"


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Admin",
    Role.VERIFIKATOR: "Verifikator",
    Role.OPERATOR: "Operator OPD",
    Role.PIMPINAN: "Pimpinan",
    Role.EVALUATOR: "Evaluator AKIP",
}

# Action -> what it is, in the refusal's words ("… tidak boleh <action>").
ACTIONS: dict[str, str] = {
    "users": "mengelola pengguna",
    "regency": "mengubah profil, periode, RPJMD dan pengaturan pemerintah daerah",
    "opd": "mengubah data induk perangkat daerah",
    "opd_data": "mengubah data perangkat daerah (Renstra, program, PK, realisasi, jabatan)",
    "regional_pk": "mengubah PK kepala daerah",
    "close_quarter": "menutup triwulan",
    "submit": "mengajukan PK atau laporan untuk diverifikasi",
    "verify": "memverifikasi atau mengembalikan PK dan laporan",
    "akip": "mengisi Lembar Kerja Evaluasi AKIP",
    "lke_structure": "mengubah susunan Lembar Kerja Evaluasi",
    "package": "membuat atau memasukkan paket data lapangan",
    "master_package": "membuat paket induk untuk laptop lapangan",
    "restore": "memulihkan cadangan",
}
# What only some roles may read (everything else every user reads: rankings compare all OPDs). Kept apart from
# ACTIONS, so that ROLE_ACTIONS says exactly what each role may change.
READ_ACTIONS: dict[str, str] = {
    "audit": "melihat jejak audit",
}

ROLE_ACTIONS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(ACTIONS),
    Role.VERIFIKATOR: frozenset({"verify"}),
    Role.OPERATOR: frozenset({"opd_data", "submit", "package"}),
    Role.PIMPINAN: frozenset(),
    Role.EVALUATOR: frozenset({"akip"}),
}
ROLE_READS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(READ_ACTIONS),
    Role.VERIFIKATOR: frozenset({"audit"}),
    Role.OPERATOR: frozenset(),
    Role.PIMPINAN: frozenset({"audit"}),
    Role.EVALUATOR: frozenset(),
}
SCOPED_ROLES = frozenset({Role.OPERATOR})
# Which action each kind of Excel import needs (services/excel_import.py); an operator's rows are held to its
# OPDs at flush (db/scope_guard.py). Here, not beside the importers: the GUI asks without loading openpyxl.
IMPORT_ACTIONS: dict[str, str] = {
    "pimpinan": "regency",
    "opd": "opd",
    "rpjmd": "regency",
    "jabatan": "opd_data",
    "renstra": "opd_data",
    "program": "opd_data",
    "realisasi": "opd_data",
    "lke": "akip",
}  # limited to the OPDs of the user


AccessDenied = AccessDeniedError  # the signed-in user may not do this: an Indonesian sentence, nothing stored


@dataclass(frozen=True)
class Actor:
    """Who acts: a user's name, role and (for an operator) the ids of its OPDs."""

    name: str
    role: Role
    full_name: str = ""
    opd_ids: frozenset[str] = field(default_factory=frozenset)
    automatic: bool = False  # the single desk's administrator, signed in without a password

    @property
    def write_scope(self) -> frozenset[str] | None:
        """The OPDs whose rows this user may write (None: any); db/scope_guard.py holds every flush to it."""
        return self.opd_ids if self.role in SCOPED_ROLES else None

    @property
    def label(self) -> str:
        return f"{self.full_name or self.name} ({ROLE_LABELS[self.role]})"

    def role_may(self, action: str) -> bool:
        """Whether this user's role takes ``action`` (a writing action or a read one), whatever the OPD."""
        return action in (ROLE_READS[self.role] if action in READ_ACTIONS else ROLE_ACTIONS[self.role])

    def may(self, action: str, opd_id: str | None = None) -> bool:
        if not self.role_may(action):
            return False
        if action in READ_ACTIONS:
            return True
        if self.role in SCOPED_ROLES and opd_id is not ...:
            return opd_id is not None and opd_id in self.opd_ids
        return True


ANY_OPD: Any = ...  # allowed(..., opd_id=ANY_OPD): the role may do it for some OPD


@dataclass(frozen=True)
class UserRow:
    """A user as the Pengguna screen and ``users list`` show it."""

    id: str
    name: str
    full_name: str
    role: Role
    role_label: str
    opd_codes: tuple[str, ...]
    active: bool
    locked: bool


# --- who is signed in ------------------------------------------------------------------------------------


def signed_in(db: Database) -> Actor | None:
    """The user signed in on ``db`` (None: nobody; :func:`actor` may still find the automatic admin)."""
    return db.sessions.user


def sign_out(db: Database) -> None:
    db.sessions.user = None
    db.connect_as(None)  # a server: back to the login the database was opened with


def automatic_actor(db: Database) -> Actor | None:
    """The single desk's administrator, when the database has no user or one active admin only."""
    with db.read() as session:
        users = session.scalars(select(AppUser).where(AppUser.active.is_(True)).limit(2)).all()
        total = session.scalar(select(func.count()).select_from(AppUser)) or 0
    if not users and total == 0:
        return Actor(name=audit.os_user() or "admin", role=Role.ADMIN, automatic=True)
    if len(users) == 1 and total == 1 and users[0].role == Role.ADMIN:
        return Actor(name=users[0].name, role=Role.ADMIN, full_name=users[0].full_name, automatic=True)
    return None


def actor(db: Database) -> Actor:
    """Who acts on ``db``: the signed-in user, else the automatic admin; refused when someone must sign in."""
    current = signed_in(db)
    if current is not None:
        return current
    automatic = automatic_actor(db)
    if automatic is None:
        raise AccessDenied("Masuk (login) sebagai pengguna terlebih dahulu: basis data ini memiliki beberapa pengguna.")
    return automatic


def require(db: Database, action: str, opd_id: str | None = ANY_OPD) -> Actor:
    """Refuse (:class:`AccessDenied`) unless the acting user may take ``action`` (for ``opd_id`` when given).

    Called before a service writes; ``opd_id`` None means a regency-wide row (no OPD), which an operator may
    not change.
    """
    if action in READ_ACTIONS:
        return require_read(db, action)
    assert action in ACTIONS, action
    who = actor(db)
    if action not in ROLE_ACTIONS[who.role]:
        raise AccessDenied(f"Pengguna {who.name} ({ROLE_LABELS[who.role]}) tidak boleh {ACTIONS[action]}.", action)
    if opd_id is not ANY_OPD:
        require_opd(db, opd_id, who=who)
    return who


def require_read(db: Database, action: str) -> Actor:
    """Refuse unless the acting user's role may read what ``action`` (one of :data:`READ_ACTIONS`) names."""
    assert action in READ_ACTIONS, action
    who = actor(db)
    if action not in ROLE_READS[who.role]:
        raise AccessDenied(
            f"Pengguna {who.name} ({ROLE_LABELS[who.role]}) tidak boleh {READ_ACTIONS[action]}.", action
        )
    return who


def require_opd(db: Database, opd_id: str | None, *, who: Actor | None = None) -> None:
    """Refuse unless the acting user's scope covers ``opd_id`` (an operator: its own OPDs only)."""
    who = who or actor(db)
    if who.role not in SCOPED_ROLES:
        return
    if opd_id is None:
        raise AccessDenied(f"Pengguna {who.name} (Operator OPD) tidak boleh mengubah data tingkat pemerintah daerah.")
    if opd_id not in who.opd_ids:
        with db.read() as session:
            opd = session.get(Opd, opd_id)
            name = opd.name if opd is not None else opd_id
        raise AccessDenied(
            f"Pengguna {who.name} (Operator OPD) hanya boleh mengubah data perangkat daerahnya sendiri, bukan {name}."
        )


def require_opds(db: Database, opd_ids: Iterable[str | None], action: str) -> Actor:
    """:func:`require` for several OPDs at once (a package, an import)."""
    who = require(db, action)
    for opd_id in opd_ids:
        require_opd(db, opd_id, who=who)
    return who


def allowed(db: Database, action: str, opd_id: str | None = ANY_OPD) -> bool:
    """Whether the acting user may take ``action``: what the GUI asks to hide or disable a control."""
    try:
        who = actor(db)
    except AccessDenied:
        return False
    return who.may(action, opd_id)


# --- passwords and signing in ----------------------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The argon2id hash (with its parameters and salt) of ``password``; ``salt`` only where the same hash must
    come out every time (the demo's sample accounts, whose password is public anyway)."""
    return _HASHER.hash(password, salt=salt)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError.single("password", f"Sandi minimal {MIN_PASSWORD} karakter.")


def authenticate(db: Database, name: str, password: str) -> Actor:
    """Check the password and return the user (not yet signed in); count a failure, lock after too many.

    A sign-in writes only when there is something to count or to clear: signing in works beside another
    program's write (a backup being restored waits for no one's login).
    """
    wrong = "Nama pengguna atau sandi salah."
    now = utcnow()
    with db.read() as session:
        user = session.scalar(select(AppUser).options(selectinload(AppUser.opds)).where(AppUser.name == name.strip()))
        if user is None:
            raise AccessDenied(wrong)
        if not user.active:
            raise AccessDenied(f"Pengguna {user.name} dinonaktifkan; hubungi admin.")
        if user.locked_until is not None and user.locked_until > now:
            raise AccessDenied(_locked_message(user))
        try:
            _HASHER.verify(user.password_hash, password)
            verified = True
        except (VerificationError, InvalidHashError):
            verified = False
        who = _actor_of(session, user)
        counted = user.failed_attempts or user.locked_until is not None
    if verified and not counted:
        return who
    with db.write(administration=True) as session:
        row = session.get(AppUser, user.id)
        assert row is not None
        if verified:
            row.failed_attempts, row.locked_until = 0, None
            return who
        row.failed_attempts += 1
        if row.failed_attempts >= MAX_FAILURES:
            row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            audit.record(session, "lock", "app_user", row.id, f"Pengguna {row.name} dikunci setelah gagal masuk")
        failure = AccessDenied(_locked_message(row) if row.locked_until and row.locked_until > now else wrong)
    raise failure


def _locked_message(user: AppUser) -> str:
    assert user.locked_until is not None
    until = user.locked_until
    return (
        f"Akun {user.name} dikunci setelah {MAX_FAILURES} kali gagal masuk, sampai pukul "
        f"{until:%H.%M} UTC {format_date(until.date())}; admin dapat mengatur ulang sandinya."
    )


def _actor_of(session: Session, user: AppUser) -> Actor:
    return Actor(
        name=user.name,
        role=Role(user.role),
        full_name=user.full_name,
        opd_ids=frozenset(link.opd_id for link in user.opds),
    )


def load_actor(db: Database, name: str) -> Actor:
    """The user ``name`` as an :class:`Actor`, without a password: for a caller that already knows who acts
    (a second handle on a database someone signed in to, a package's recorded user, a test)."""
    with db.read() as session:
        user = session.scalar(select(AppUser).options(selectinload(AppUser.opds)).where(AppUser.name == name))
        if user is None or not user.active:
            raise AccessDenied(f"Pengguna {name} tidak ada atau dinonaktifkan.")
        return _actor_of(session, user)


def sign_in(db: Database, name: str, password: str) -> Actor:
    """Authenticate and make the user the one acting on ``db`` from now on. On a server where the users are
    database roles (``db/row_security.py``), the database is used through the user's own role from now on, so
    that the server's row-level security holds for the app as for a direct connection; the login the database
    was opened with (IT's) stays for administration only."""
    who = authenticate(db, name, password)
    _connect_as_role(db, who, password)
    db.sessions.user = who
    return who


def _connect_as_role(db: Database, who: Actor, password: str) -> None:
    """Connect as the user's own database role. When that role cannot log in (made NOLOGIN by revision
    0013_role_names, or missing in a copy of the database made under another name) while the app password was
    right, IT's login (when it may manage roles) sets the role's password from the one typed, and connects again."""
    if not db.is_server:
        return
    with db.administration.connect() as conn:
        if not row_security.installed(conn):  # roles never made here (the migrating login may not): one login
            db.connect_as(None)
            return
        manage = row_security.can_manage_roles(conn)
        role = row_security.user_role(row_security.database_tag(conn), who.name)
    if manage:  # a copy under another name gets its own groups and roles now (another desk may be doing it too)
        with suppress(DBAPIError), db.administration.begin() as conn:
            row_security.ready(conn)
    engine = _role_engine(db, role, password)
    if engine is None and manage:
        with db.administration.begin() as conn:
            row_security.save_login(conn, who.name, who.role, password)
        engine = _role_engine(db, role, password)
    if engine is None:
        raise AccessDenied(
            f"Pengguna {who.name} tidak dapat tersambung ke server dengan peran basis datanya sendiri "
            f"({role}); minta admin mengatur ulang sandinya."
        )
    db.connect_as(engine)


def _role_engine(db: Database, role: str, password: str) -> Engine | None:
    """An engine logged in as ``role``, or None when the server refuses the login."""
    from ..db.engine import make_engine
    from ..db.server import Credentials

    engine = make_engine(db.url, credentials=Credentials(role, password))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception:  # noqa: BLE001 - a login refused, whatever the driver calls it
        engine.dispose()
        return None
    return engine


def act_as(db: Database, who: Actor | None) -> None:
    """Make ``who`` the acting user on ``db`` (already authenticated, e.g. a second handle on the same database)."""
    db.sessions.user = who


def needs_sign_in(db: Database) -> bool:
    """Whether opening ``db`` asks for a sign-in (more than the single desk's administrator)."""
    return signed_in(db) is None and automatic_actor(db) is None


# --- managing users ---------------------------------------------------------------------------------------


def list_users(db: Database) -> list[UserRow]:
    now = utcnow()
    with db.read() as session:
        users = session.scalars(select(AppUser).options(selectinload(AppUser.opds)).order_by(AppUser.name)).all()
        codes = {opd_id: code for opd_id, code in session.execute(select(Opd.id, Opd.code))}
        return [
            UserRow(
                id=user.id,
                name=user.name,
                full_name=user.full_name,
                role=Role(user.role),
                role_label=ROLE_LABELS[Role(user.role)],
                opd_codes=tuple(sorted(codes.get(link.opd_id, "?") for link in user.opds)),
                active=user.active,
                locked=user.locked_until is not None and user.locked_until > now,
            )
            for user in users
        ]


def _opd_ids(session: Session, codes: Iterable[str]) -> list[str]:
    return [opd_id_named(session, code, field="opds") for code in codes]


def add_user(
    db: Database, name: str, role: Role | str, password: str, *, opd_codes: Iterable[str] = (), full_name: str = ""
) -> str:
    """Add a user (admin only; on a database without users the first must be an admin). Returns its id."""
    require(db, "users")
    name = name.strip()
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError.single(
            "role", f"Peran {role} tidak dikenal (admin, verifikator, operator, pimpinan, evaluator)."
        ) from None
    if not name or len(name) > 60 or any(char.isspace() for char in name):
        raise ValidationError.single("name", "Nama pengguna wajib diisi, tanpa spasi, paling panjang 60 karakter.")
    check_password_rules(password)
    codes = list(opd_codes)
    if role in SCOPED_ROLES and not codes:
        raise ValidationError.single("opds", "Operator OPD memerlukan sedikitnya satu perangkat daerah.")
    if role not in SCOPED_ROLES and codes:
        raise ValidationError.single("opds", f"Peran {ROLE_LABELS[role]} tidak dibatasi pada perangkat daerah.")
    with db.write(administration=True) as session:  # database roles: IT's login (below)
        if session.scalar(select(AppUser.id).where(AppUser.name == name)) is not None:
            raise ValidationError.single("name", f"Pengguna {name} sudah ada.")
        if role != Role.ADMIN and session.scalar(select(func.count()).select_from(AppUser)) == 0:
            raise ValidationError.single("role", "Pengguna pertama harus admin.")
        user = AppUser(name=name, full_name=full_name.strip(), role=role.value, password_hash=hash_password(password))
        user.active, user.failed_attempts = True, 0
        user.opds = [UserOpd(opd_id=opd_id) for opd_id in _opd_ids(session, codes)]
        session.add(user)
        session.flush()
        row_security.save_login(session.connection(), name, role.value, password)
        audit.record(
            session,
            "create",
            "app_user",
            user.id,
            f"Pengguna {name} ({ROLE_LABELS[role]}) ditambahkan",
            {"role": role.value, "opds": codes},
        )
        return user.id


def _user(session: Session, name: str) -> AppUser:
    user = session.scalar(select(AppUser).where(AppUser.name == name))
    if user is None:
        raise ValidationError.single("name", f"Pengguna {name} tidak ada.")
    return user


def set_active(db: Database, name: str, active: bool) -> None:
    """Disable (or enable again) a user; the last active admin cannot be disabled."""
    who = require(db, "users")
    with db.write(administration=True) as session:  # database roles: IT's login (below)
        user = _user(session, name)
        if not active and user.role == Role.ADMIN:
            admins = session.scalar(
                select(func.count())
                .select_from(AppUser)
                .where(AppUser.role == Role.ADMIN.value, AppUser.active.is_(True))
            )
            if (admins or 0) <= 1 and user.active:
                raise ValidationError.single("name", "Admin aktif terakhir tidak dapat dinonaktifkan.")
        if not active and user.name == who.name and not who.automatic:
            raise ValidationError.single(
                "name", "Pengguna yang sedang masuk tidak dapat menonaktifkan dirinya sendiri."
            )
        user.active = active
        row_security.save_login(session.connection(), user.name, user.role, None, active=active)
        audit.record(
            session,
            "enable" if active else "disable",
            "app_user",
            user.id,
            f"Pengguna {name} {'diaktifkan' if active else 'dinonaktifkan'}",
        )


def reset_password(db: Database, name: str, password: str) -> None:
    """An admin sets a new password; the lock-out and the failure count are cleared."""
    require(db, "users")
    check_password_rules(password)
    with db.write(administration=True) as session:  # database roles: IT's login (below)
        user = _user(session, name)
        user.password_hash = hash_password(password)
        user.failed_attempts = 0
        user.locked_until = None
        row_security.save_login(session.connection(), user.name, user.role, password, active=user.active)
        audit.record(session, "reset-password", "app_user", user.id, f"Sandi pengguna {name} diatur ulang")


def update_user(
    db: Database, name: str, *, role: Role | str, opd_codes: Iterable[str] = (), full_name: str = ""
) -> None:
    """Change a user's role, OPDs and full name (admin only)."""
    require(db, "users")
    role = Role(role)
    codes = list(opd_codes)
    if role in SCOPED_ROLES and not codes:
        raise ValidationError.single("opds", "Operator OPD memerlukan sedikitnya satu perangkat daerah.")
    with db.write(administration=True) as session:  # database roles: IT's login (below)
        user = _user(session, name)
        if user.role == Role.ADMIN and role != Role.ADMIN:
            admins = session.scalar(
                select(func.count())
                .select_from(AppUser)
                .where(AppUser.role == Role.ADMIN.value, AppUser.active.is_(True))
            )
            if (admins or 0) <= 1:
                raise ValidationError.single("role", "Admin aktif terakhir harus tetap admin.")
        before = {"role": user.role, "full_name": user.full_name}
        user.role = role.value
        user.full_name = full_name.strip()
        wanted = set(_opd_ids(session, codes)) if role in SCOPED_ROLES else set()
        user.opds = [link for link in user.opds if link.opd_id in wanted] + [
            UserOpd(opd_id=opd_id) for opd_id in wanted - {link.opd_id for link in user.opds}
        ]
        row_security.save_login(session.connection(), user.name, user.role, None, active=user.active)
        audit.record(
            session,
            "update",
            "app_user",
            user.id,
            f"Pengguna {name} diubah",
            {"before": before, "after": {"role": role.value, "full_name": user.full_name, "opds": codes}},
        )


def opd_choices(db: Database) -> list[tuple[str, str]]:
    """(code, name) of the active OPDs, for the Pengguna screen."""
    with db.read() as session:
        return [
            (code, name)
            for code, name in session.execute(
                select(Opd.code, Opd.name).where(Opd.is_active.is_(True)).order_by(Opd.code)
            )
        ]


def require_row(db: Database, action: str, table: str, row_id: str | None) -> Actor:
    """:func:`require` for the OPD an existing row belongs to (found through ``sync_scope``'s parents); a row
    that does not exist is left to the service to report."""
    from ..db.sync_scope import UNKNOWN, connection_lookup, opd_of

    who = require(db, action)
    if who.role not in SCOPED_ROLES or row_id is None:
        return who
    with db.read() as session:
        lookup = connection_lookup(session.connection())
        values = lookup(table, row_id)
        if values is None:
            return who
        opd_id = opd_of(table, values, lookup)
    if opd_id != UNKNOWN:
        require_opd(db, opd_id, who=who)
    return who


def require_rows(db: Database, action: str, *rows: tuple[str, str | None]) -> Actor:
    """:func:`require_row` for several (table, id) pairs: a row and its new parent, or an id of either kind."""
    who = require(db, action)
    for table, row_id in rows:
        require_row(db, action, table, row_id)
    return who
