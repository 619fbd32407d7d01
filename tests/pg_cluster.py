"""A throw-away PostgreSQL cluster for the tests: ``initdb`` into a folder, ``pg_ctl`` with a Unix socket there.

Used by ``tests/conftest.py`` (the PostgreSQL half of the suite, when no ``KINERJA_TEST_PG`` URL is given) and by
``.ci/run`` (``python tests/pg_cluster.py start DIR`` prints the URL, ``stop DIR`` ends it), and by the tests
that stop and start a server under a running app. Run as root, the cluster belongs to an unprivileged user
(Debian's ``postgres``, else ``nobody``): PostgreSQL refuses to run as root. The cluster trusts local
connections (nothing listens on TCP) and does not fsync: it holds only test data.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

SUPERUSER = "kinerja"
# Test data only: no fsync, minimal WAL (cloning a template database copies files, nothing to log).
SETTINGS = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "wal_level=minimal", "-c", "max_wal_senders=0",
            "-c", "listen_addresses=", "-c", "max_connections=60", "-c", "shared_buffers=32MB")


def binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian keeps them off PATH), or None when PostgreSQL is absent."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    return Path(versions[-1]).parent if versions else None


def _owner() -> pwd.struct_passwd | None:
    """Who runs the server: ourselves, or (as root) an unprivileged account."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("no unprivileged account to run PostgreSQL as (postgres or nobody)")


def _free_port() -> int:
    # The port names the socket file (.s.PGSQL.<port>); nothing listens on TCP.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A cluster in ``folder`` (``data/``, the socket and the log beside it)."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        port_file = self.folder / "port"
        if port is None and port_file.exists():
            port = int(port_file.read_text())
        self.port = port or _free_port()
        bindir = binaries()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no pg_ctl)")
        self.bindir = bindir

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        owner = _owner()
        command = [str(self.bindir / args[0]), *args[1:]]
        if owner is not None:
            command = ["setpriv", f"--reuid={owner.pw_uid}", f"--regid={owner.pw_gid}", "--clear-groups", *command]
        result = subprocess.run(command, check=False, capture_output=True, text=True, cwd=self.folder)
        if check and result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {(result.stderr or result.stdout).strip()[-1000:]}")
        return result

    def init(self) -> Cluster:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "port").write_text(str(self.port))
        owner = _owner()
        if owner is not None:
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.folder.chmod(0o755)  # the test process (root without capabilities, too) reaches the socket
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        return self

    def start(self) -> Cluster:
        options = " ".join([f"-p {self.port}", f"-k {self.folder}", *SETTINGS])
        result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30",
                           "start", check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr.strip()}\n{log}")
        return self

    def stop(self, mode: str = "fast") -> None:
        if self.running():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop", check=False)

    def running(self) -> bool:
        result = self._run("pg_ctl", "-D", str(self.data), "status", check=False)
        return result.returncode == 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(folder: Path) -> Cluster:
    """The cluster in ``folder`` started (made first when the folder holds none)."""
    cluster = Cluster(folder)
    if not (cluster.data / "PG_VERSION").exists():
        cluster.init()
    return cluster.start()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop", "url"):
        print("usage: pg_cluster.py start|stop|url DIR", file=sys.stderr)
        return 2
    verb, folder = argv[0], Path(argv[1]).absolute()
    if verb == "start":
        started = time.monotonic()
        cluster = start_cluster(folder)
        print(f"PostgreSQL started in {time.monotonic() - started:.1f} s: {cluster.url()}", file=sys.stderr)
        print(cluster.url())
    elif verb == "url":
        print(Cluster(folder).url())
    else:
        Cluster(folder).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
