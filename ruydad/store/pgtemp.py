"""A throwaway PostgreSQL server in a directory: for the backend tests, the benchmarks and a first try.

``initdb`` a data directory, ``pg_ctl start`` it on a free port of 127.0.0.1 with its unix socket in
the same directory, hand back a URL, and remove everything on :meth:`TempPostgres.stop`. PostgreSQL
refuses to run as root, so as root the server runs as the unprivileged ``postgres`` user (created by
Debian's package) with the directory handed over to it; otherwise it runs as the caller.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"


def find_pg_bin() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``: ``$PG_BIN``, the PATH, or Debian's layout."""
    configured = os.environ.get("PG_BIN")
    if configured and (Path(configured) / "initdb").exists():
        return Path(configured)
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TempPostgres:
    """A running throwaway server; ``url`` connects to its ``ruydad`` database as a superuser."""

    directory: Path
    port: int
    bin_dir: Path
    run_as: str | None
    user: str
    database: str = "ruydad"
    _stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{self.database}"

    def url_for(self, database: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A fresh empty database on this server (one per test keeps tests independent); its URL."""
        import psycopg

        with psycopg.connect(self.url_for("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        _run(self.run_as, [str(self.bin_dir / "pg_ctl"), "-D", str(self.directory / "data"), "-m", "immediate",
                           "-w", "stop"], check=False)
        shutil.rmtree(self.directory, ignore_errors=True)


def _run(run_as: str | None, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    command = ["runuser", "-u", run_as, "--", *args] if run_as else args
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return result


def start_temp_postgres(directory: Path | None = None, *, fsync: bool = False) -> TempPostgres:
    """Start a server; ``fsync=False`` (the default) trades crash safety for test speed.

    Raises ``FileNotFoundError`` when no PostgreSQL binaries are installed.
    """
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server binaries (initdb) found; install Debian's postgresql")
    run_as: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError as exc:
            raise FileNotFoundError(f"running as root and there is no {SERVER_USER!r} user to run the "
                                    "server as") from exc
        run_as = SERVER_USER
    root = Path(tempfile.mkdtemp(prefix="ruydad-pg-", dir=directory))
    if run_as:
        info = pwd.getpwnam(run_as)
        os.chown(root, info.pw_uid, info.pw_gid)
    user = run_as or pwd.getpwuid(os.geteuid()).pw_name
    data = root / "data"
    _run(run_as, [str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
                  "--no-locale", "--no-sync"])
    port = _free_port()
    options = (f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} "
               "-c max_connections=50 -c shared_buffers=128MB -c max_wal_size=2GB")
    if not fsync:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    server = TempPostgres(root, port, bin_dir, run_as, user)
    try:
        _run(run_as, [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options,
                      "-w", "-t", "60", "start"])
        _wait_ready(server)
        server.create_database(server.database)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_ready(server: TempPostgres, timeout: float = 30.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(server.url_for("postgres"), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
