"""Server mode (PostgreSQL): where the server is, who connects, the password, and what the driver's errors mean.

One place for every connection to a server, so that the login of a person (issue 17: each user a database role)
plugs in here: :class:`Credentials` name the role and its password; :func:`server_engine` builds the engine with
them. Without credentials the address's user connects, with the password from the URL, the OS keyring (stored by
the "Sambungkan ke server" dialog) or libpq's own ``PGPASSWORD`` / ``.pgpass``; never from a plain file of ours.

IT deploys the address (no password) as an INI file::

    [server]
    host = 192.168.10.5
    port = 5432
    database = kinerja
    user = kinerja
    sslmode = prefer

at ``%PROGRAMDATA%\\Kinerja Desktop\\server.ini`` (all users of a Windows computer; ``/etc/xdg/Kinerja Desktop`` on
Linux) or ``%LOCALAPPDATA%\\Kinerja Desktop\\server.ini`` (one user; what the dialog writes). The user's file wins.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from .errors import (
    ConcurrentChangeError,
    KinerjaDbError,
    RowBusyError,
    ServerConfigError,
    ServerDatabaseMissingError,
    ServerLoginError,
    ServerPermissionError,
    ServerUnavailableError,
)

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONFIG_NAME = "server.ini"
KEYRING_SERVICE = "Kinerja Desktop"
CONNECT_TIMEOUT_S = 5
LOCK_TIMEOUT_S = 15  # a row another computer keeps locked longer is "sedang diubah", not a frozen window
SSL_MODES = ("", "disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def is_server_url(text: str | os.PathLike[str] | None) -> bool:
    """``postgresql://…`` (with or without a driver name): a server, not a file path."""
    return isinstance(text, str) and text.split(":", 1)[0].split("+", 1)[0].lower() in ("postgresql", "postgres")


def normalise_url(url: str) -> str:
    """Any PostgreSQL URL with the driver this app ships (psycopg 3)."""
    parsed = make_url(url)
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=DRIVER)
    return parsed.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Credentials:
    """Who connects (a database role) and its password; None: libpq's own (PGPASSWORD, .pgpass, trust)."""

    user: str
    password: str | None = None


@dataclass(frozen=True)
class ServerAddress:
    """A server database without any password: what the dialog asks for and the config file holds."""

    host: str
    database: str = "kinerja"
    user: str = "kinerja"
    port: int = DEFAULT_PORT
    sslmode: str = ""

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        parsed = make_url(url)
        query = dict(parsed.query)
        host = parsed.host or str(query.get("host", "") or "")
        port = parsed.port or int(str(query.get("port", DEFAULT_PORT)))
        return cls(
            host=host,
            database=parsed.database or "",
            user=parsed.username or "",
            port=port,
            sslmode=str(query.get("sslmode", "") or ""),
        )

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (a socket folder as ``host`` goes into the query, as libpq wants it)."""
        query: dict[str, str] = {}
        host: str | None = self.host
        port: int | None = self.port
        if self.host.startswith("/"):
            query.update(host=self.host, port=str(self.port))
            host, port = None, None
        if self.sslmode:
            query["sslmode"] = self.sslmode
        return URL.create(
            DRIVER, username=self.user or None, password=password, host=host, port=port,
            database=self.database, query=query,
        ).render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        """``kinerja di 192.168.10.5:5432``, for messages and the title bar."""
        return f"“{self.database}” di {self.host}:{self.port}"

    @property
    def keyring_name(self) -> str:
        """The key of this address's password in the OS keyring."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def as_user(self, user: str) -> ServerAddress:
        return replace(self, user=user)


def server_label(url: str) -> str:
    try:
        return ServerAddress.from_url(url).label
    except Exception:  # noqa: BLE001 - only a label for a message
        return make_url(url).render_as_string(hide_password=True)


# ---------------------------------------------------------------------------------------------- config file


CONFIG_ENV = "KINERJA_SERVER_CONFIG"  # another settings file (e.g. on a share IT manages); empty: none at all


def config_paths() -> list[Path]:
    """Where the server settings are looked for, the user's own first (``KINERJA_SERVER_CONFIG`` overrides)."""
    from platformdirs import site_config_path, user_data_path

    override = os.environ.get(CONFIG_ENV)
    if override is not None:
        return [Path(override)] if override else []
    return [
        user_data_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / CONFIG_NAME,
        site_config_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / CONFIG_NAME,
    ]


def read_config(path: Path) -> ServerAddress:
    """The address in an INI file; a password there is refused (it belongs in the keyring)."""
    parser = configparser.ConfigParser()
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ServerConfigError(str(path), f"tidak dapat dibaca ({exc})") from exc
    if not parser.has_section("server"):
        raise ServerConfigError(str(path), "bagian [server] tidak ada")
    section = parser["server"]
    if "password" in section:
        raise ServerConfigError(
            str(path), "berisi kata sandi; kata sandi tidak boleh disimpan di berkas, hapus baris “password”"
        )
    host = section.get("host", "").strip()
    if not host:
        raise ServerConfigError(str(path), "alamat server (host) kosong")
    try:
        port = int(section.get("port", str(DEFAULT_PORT)))
    except ValueError as exc:
        raise ServerConfigError(str(path), "port harus bilangan") from exc
    if not 0 < port < 65536:
        raise ServerConfigError(str(path), "port harus antara 1 dan 65535")
    sslmode = section.get("sslmode", "").strip()
    if sslmode not in SSL_MODES:
        raise ServerConfigError(str(path), f"sslmode “{sslmode}” tidak dikenal")
    return ServerAddress(
        host=host,
        port=port,
        database=section.get("database", "kinerja").strip() or "kinerja",
        user=section.get("user", "kinerja").strip() or "kinerja",
        sslmode=sslmode,
    )


def find_config(paths: list[Path] | None = None) -> tuple[ServerAddress, Path] | None:
    """The first settings file that exists, read; None when there is none (the app uses its SQLite file)."""
    for path in paths if paths is not None else config_paths():
        if path.is_file():
            return read_config(path), path
    return None


def write_config(path: Path, address: ServerAddress) -> None:
    """Save an address (never a password), as the dialog does for its user."""
    parser = configparser.ConfigParser()
    parser["server"] = {
        "host": address.host,
        "port": str(address.port),
        "database": address.database,
        "user": address.user,
    }
    if address.sslmode:
        parser["server"]["sslmode"] = address.sslmode
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write("# Kinerja Desktop: alamat server basis data (tanpa kata sandi; README, bagian untuk TI)\n")
        parser.write(handle)
    os.replace(temporary, path)


# ---------------------------------------------------------------------------------------------- passwords


class PasswordStore:
    """The OS keyring (Windows Credential Manager, macOS Keychain, Secret Service); ``available`` says if any."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def problem(self) -> str | None:
        """Why passwords cannot be kept on this computer, or None."""
        try:
            import keyring
            from keyring.backends import fail
        except ImportError:  # pragma: no cover - keyring is a dependency
            return "paket keyring tidak terpasang"
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return "komputer ini tidak memiliki penyimpanan kata sandi sistem (keyring)"
        return None

    def get(self, address: ServerAddress) -> str | None:
        if self.problem():
            return None
        import keyring

        try:
            return keyring.get_password(self.service, address.keyring_name)
        except Exception:  # noqa: BLE001 - a locked or broken keyring is "no stored password"
            return None

    def set(self, address: ServerAddress, password: str) -> str | None:
        """Keep the password; returns why it could not be kept (then it is asked again next time)."""
        problem = self.problem()
        if problem:
            return problem
        import keyring

        try:
            keyring.set_password(self.service, address.keyring_name, password)
        except Exception as exc:  # noqa: BLE001 - said to the user, never fatal
            return f"keyring menolak menyimpan ({exc})"
        return None

    def delete(self, address: ServerAddress) -> None:
        if self.problem():
            return
        import keyring

        try:
            keyring.delete_password(self.service, address.keyring_name)
        except Exception:  # noqa: BLE001 - nothing stored is fine
            pass


# ---------------------------------------------------------------------------------------------- engine


def server_engine(url: str, credentials: Credentials | None = None, *, keyring: PasswordStore | None = None) -> Engine:
    """An engine for a server database; the password is added at each connect, never kept in the URL's text."""
    parsed = make_url(normalise_url(url))
    if credentials is not None:
        parsed = parsed.set(username=credentials.user, password=None)
    address = ServerAddress.from_url(parsed.render_as_string(hide_password=False))
    store = keyring if keyring is not None else PasswordStore()
    options = f"-c lock_timeout={LOCK_TIMEOUT_S * 1000} -c idle_in_transaction_session_timeout=600000"
    engine = create_engine(
        parsed,
        pool_pre_ping=True,  # a connection the server dropped (restart) is replaced, not handed to a session
        pool_size=2,
        max_overflow=4,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "Kinerja Desktop",
            "options": options,
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )
    password_of: Callable[[], str | None]
    if credentials is not None:
        password_of = lambda: credentials.password  # noqa: E731
    elif parsed.password is None:
        password_of = lambda: store.get(address)  # noqa: E731
    else:
        password_of = lambda: None  # noqa: E731 - the URL's own

    @event.listens_for(engine, "do_connect")
    def _password(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        password = password_of()
        if password is not None:
            cparams["password"] = password

    return engine


# ---------------------------------------------------------------------------------------------- errors


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return str(getattr(orig, "sqlstate", "") or "")


def is_disconnect(exc: BaseException) -> bool:
    """The server is gone or unreachable (not a refused statement)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    state = _sqlstate(exc)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    markers = (
        "connection refused", "could not connect", "server closed the connection", "connection is closed",
        "the connection is lost", "no such file or directory", "timeout expired", "could not translate host name",
        "connection timed out", "terminating connection", "the database system is shutting down",
        "the database system is starting up", "consuming input failed", "sending query failed", "bad connection",
    )
    return type(getattr(exc, "orig", exc)).__name__ in ("OperationalError", "InterfaceError") and any(
        marker in text for marker in markers
    )


def server_error(exc: BaseException, url: str) -> KinerjaDbError | None:
    """The driver's error as the Indonesian error it is, or None when it is not about the server or the session."""
    state = _sqlstate(exc)
    label = server_label(url)
    text = str(getattr(exc, "orig", exc)).lower()
    # A failed connect carries the server's FATAL message, not always its SQLSTATE.
    login = ("password authentication failed", "no password supplied", "authentication failed", "role \"")
    if state in ("28P01", "28000") or any(marker in text for marker in login):
        return ServerLoginError(label, make_url(url).username or "")
    if state == "3D000" or ("database \"" in text and "does not exist" in text):
        return ServerDatabaseMissingError(label, make_url(url).database or "")
    if state == "42501":
        return ServerPermissionError(label, make_url(url).username or "", _first_line(exc))
    if state in ("40001", "40P01"):  # serialization failure, deadlock: another computer's change won
        return ConcurrentChangeError()
    if state == "55P03":
        return RowBusyError(LOCK_TIMEOUT_S)
    if is_disconnect(exc):
        return ServerUnavailableError(label, unavailable_reason(exc))
    return None


def unavailable_reason(exc: BaseException) -> str:
    """Why a server did not answer, in Indonesian (the driver's own words are English and technical)."""
    text = str(getattr(exc, "orig", exc)).lower()
    reasons = (
        (("could not translate host name", "name or service not known", "nodename nor servname"),
         "nama server tidak dikenal di jaringan"),
        (("connection refused", "no such file or directory"), "server tidak menerima sambungan (mati atau salah port)"),
        (("timeout expired", "timed out"), "server tidak menjawab dalam waktu yang ditentukan"),
        (("shutting down", "terminating connection", "administrator command"), "server sedang dimatikan"),
        (("starting up",), "server sedang dinyalakan"),
        (("no route to host", "network is unreachable"), "jaringan ke server tidak tersedia"),
    )
    for markers, reason in reasons:
        if any(marker in text for marker in markers):
            return reason
    return "sambungan ke server terputus"


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


def quote_identifier(name: str) -> str:
    """A database or role name inside SQL (names come from IT's settings, never from a form field)."""
    return '"' + name.replace('"', '""') + '"'


def url_with_database(url: str, database: str) -> str:
    """The same server and login, another database (the maintenance database to create or drop one)."""
    return make_url(url).set(database=database).render_as_string(hide_password=False)
