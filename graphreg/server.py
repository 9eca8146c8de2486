"""The managed Neo4j Community server: fetch, configure, start, stop, status.

graphreg runs its own Neo4j 5.26 LTS Community server unless ``NEO4J_URI`` points at another
one. The server's jars come from Maven Central (``org.neo4j:neo4j``) through ``mvn
dependency:copy-dependencies`` into a per-user cache; the server runs on Java 17 with
``org.neo4j.server.CommunityEntryPoint``, Bolt on 127.0.0.1 only, HTTP off, and data, logs and
run files under the graphreg home. The password is generated on first start and kept in
``HOME/password`` (mode 0600).

Example (not run as a doctest: it downloads 116 MB and starts a JVM)::

    >>> from graphreg.settings import Settings
    >>> server = ManagedServer(Settings.from_env())   # doctest: +SKIP
    >>> server.start()                                 # doctest: +SKIP
    >>> server.status().running                        # doctest: +SKIP
    True
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import MissingToolError, ServerError
from .settings import Settings

JAVA_HINT = (
    "Install Java 17 (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`), "
    "or point graphreg at an existing Neo4j 5 with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD."
)
MAVEN_HINT = (
    "Install Maven (Debian/Ubuntu: `apt-get install maven`) so graphreg can fetch Neo4j from "
    "Maven Central, or point graphreg at an existing Neo4j 5 with NEO4J_URI, NEO4J_USERNAME "
    "and NEO4J_PASSWORD."
)

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>graphreg</groupId><artifactId>managed-neo4j</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
      <version>{version}</version></dependency>
  </dependencies>
</project>
"""


@dataclass(frozen=True)
class ServerStatus:
    """What :meth:`ManagedServer.status` found."""

    running: bool
    pid: int | None
    uri: str
    home: Path
    fetched: bool
    version: str
    answering: bool


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _java_major(java: str) -> int:
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise MissingToolError(f"Could not read the Java version from `{java} -version`. {JAVA_HINT}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def bolt_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """True when something accepts TCP connections on ``host:port``."""
    with contextlib.suppress(OSError):
        with socket.create_connection((host, port), timeout=timeout):
            return True
    return False


class ManagedServer:
    """A Neo4j Community server that graphreg fetches and runs under ``settings.home``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.home / "neo4j"
        self.lib = settings.cache / f"neo4j-{settings.neo4j_version}" / "lib"

    # ---- files -------------------------------------------------------------------------
    @property
    def password_file(self) -> Path:
        return self.settings.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "graphreg-neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    def fetched(self) -> bool:
        return (self.lib.parent / ".complete").exists()

    # ---- tools -------------------------------------------------------------------------
    def java(self) -> str:
        java_home = os.environ.get("JAVA_HOME")
        java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
        if not java or not Path(java).exists():
            raise MissingToolError(f"Java was not found on PATH. {JAVA_HINT}")
        major = _java_major(java)
        if major < 17:
            raise MissingToolError(f"Neo4j 5.26 needs Java 17 or newer; `{java}` is Java {major}. {JAVA_HINT}")
        return java

    def fetch(self) -> Path:
        """Download the server's jars into the cache (once; concurrent callers wait)."""
        if self.fetched():
            return self.lib
        mvn = shutil.which("mvn")
        if not mvn:
            raise MissingToolError(f"Maven (`mvn`) was not found on PATH. {MAVEN_HINT}")
        root = self.lib.parent
        with _file_lock(root.parent / f".{root.name}.lock"):
            if self.fetched():
                return self.lib
            root.mkdir(parents=True, exist_ok=True)
            (root / "pom.xml").write_text(_POM.format(version=self.settings.neo4j_version))
            tmp = root / "lib.partial"
            shutil.rmtree(tmp, ignore_errors=True)
            proc = subprocess.run(
                [mvn, "-B", "-q", "-f", str(root / "pom.xml"), "dependency:copy-dependencies",
                 "-DincludeScope=runtime", f"-DoutputDirectory={tmp}"],
                capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
                raise ServerError(
                    f"Fetching org.neo4j:neo4j:{self.settings.neo4j_version} from Maven Central "
                    f"failed (mvn exit {proc.returncode}):\n{tail}\n"
                    "Check that this machine reaches Maven Central, or set NEO4J_URI to use an "
                    "existing Neo4j 5 server.")
            shutil.rmtree(self.lib, ignore_errors=True)
            tmp.rename(self.lib)
            (root / ".complete").write_text(self.settings.neo4j_version + "\n")
        return self.lib

    # ---- configuration -----------------------------------------------------------------
    def password(self) -> str:
        """The server's password, generated (and stored 0600) the first time."""
        f = self.password_file
        if f.exists():
            return f.read_text().strip()
        f.parent.mkdir(parents=True, exist_ok=True)
        alphabet = string.ascii_letters + string.digits
        pw = "".join(secrets.choice(alphabet) for _ in range(32))
        fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(pw + "\n")
        return pw

    def config_text(self) -> str:
        s, h = self.settings, self.home
        lines = [
            "# Written by graphreg; edits are overwritten at the next start.",
            f"server.directories.data={h / 'data'}",
            f"server.directories.logs={h / 'logs'}",
            f"server.directories.run={h / 'run'}",
            f"server.directories.import={h / 'import'}",
            f"server.directories.plugins={h / 'plugins'}",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            "server.bolt.enabled=true",
            f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
            "server.bolt.tls_level=DISABLED",
            "server.http.enabled=false",
            "server.https.enabled=false",
            f"server.memory.heap.initial_size={s.heap}",
            f"server.memory.heap.max_size={s.heap}",
            f"server.memory.pagecache.size={s.pagecache}",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            "db.tx_log.rotation.retention_policy=2 files",
        ]
        lines += [f"{k}={v}" for k, v in s.extra.items()]
        return "\n".join(lines) + "\n"

    def _prepare(self) -> None:
        for d in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.home / d).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(self.config_text())
        marker = self.home / "data" / ".graphreg-password-set"
        if not marker.exists():
            env = dict(os.environ, NEO4J_HOME=str(self.home), NEO4J_CONF=str(self.home / "conf"))
            proc = subprocess.run(
                [self.java(), "-cp", f"{self.lib}/*", "org.neo4j.cli.AdminTool", "dbms",
                 "set-initial-password", "--", self.password()],  # "--": a password may start with "-"
                capture_output=True, text=True, env=env, check=False)
            if proc.returncode != 0:
                raise ServerError(
                    "Setting the initial password failed:\n" + (proc.stdout + proc.stderr)[-2000:])
            marker.write_text("1\n")

    # ---- process -----------------------------------------------------------------------
    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid
        # a reused pid that is not our JVM does not count
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"CommunityEntryPoint" not in cmd:
                return None
        except OSError:
            pass
        return pid

    def status(self) -> ServerStatus:
        pid = self._pid()
        return ServerStatus(
            running=pid is not None, pid=pid, uri=self.settings.bolt_uri, home=self.home,
            fetched=self.fetched(), version=self.settings.neo4j_version,
            answering=bolt_answers("127.0.0.1", self.settings.bolt_port))

    def start(self, *, timeout: float = 120.0) -> ServerStatus:
        """Start the server (fetching it first if needed); reuse it when it already runs."""
        with _file_lock(self.settings.home / ".server.lock"):
            st = self.status()
            if st.running:
                port = self.running_port()
                if port is not None and port != self.settings.bolt_port:
                    raise ServerError(
                        f"The managed server in {self.home} is running on port {port}, not on "
                        f"GRAPHREG_BOLT_PORT={self.settings.bolt_port}. Unset GRAPHREG_BOLT_PORT "
                        f"(or set it to {port}), or stop the server first (`GRAPHREG_BOLT_PORT="
                        f"{port} graphreg server stop`) to change its port.")
                self._wait_for_bolt(st.pid, timeout)
                return self.status()
            if bolt_answers("127.0.0.1", self.settings.bolt_port):
                raise ServerError(
                    f"Port {self.settings.bolt_port} on 127.0.0.1 is taken by another program. "
                    "Set GRAPHREG_BOLT_PORT to a free port, or stop that program.")
            java = self.java()
            self.fetch()
            self._prepare()
            log = open(self.console_log, "ab")
            proc = subprocess.Popen(
                [java, f"-Xms{self.settings.heap}", f"-Xmx{self.settings.heap}",
                 "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                 "-cp", f"{self.lib}/*", "org.neo4j.server.CommunityEntryPoint",
                 f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}",
                 "--console-mode"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, cwd=self.home,
                env=dict(os.environ, NEO4J_HOME=str(self.home)))
            log.close()
            self.pid_file.write_text(f"{proc.pid}\n")
            self._wait_for_bolt(proc.pid, timeout, proc)
            return self.status()

    def _wait_for_bolt(self, pid: int | None, timeout: float,
                       proc: subprocess.Popen[bytes] | None = None) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise ServerError(
                    f"Neo4j exited with code {proc.returncode} while starting. Last lines of "
                    f"{self.console_log}:\n{self._log_tail()}")
            if bolt_answers("127.0.0.1", self.settings.bolt_port) and self._log_says_started():
                return
            time.sleep(0.25)
        raise ServerError(
            f"Neo4j did not answer on 127.0.0.1:{self.settings.bolt_port} within {timeout:.0f}s. "
            f"Last lines of {self.console_log}:\n{self._log_tail()}")

    def running_port(self) -> int | None:
        """The Bolt port written in the configuration the server was started with."""
        try:
            conf = (self.home / "conf" / "neo4j.conf").read_text()
        except OSError:
            return None
        m = re.search(r"^server\.bolt\.listen_address=127\.0\.0\.1:(\d+)$", conf, re.M)
        return int(m.group(1)) if m else None

    def _log_says_started(self) -> bool:
        try:
            with open(self.console_log, "rb") as fh:
                fh.seek(0, 2)
                fh.seek(max(0, fh.tell() - 8192))
                tail = fh.read().decode("utf-8", "replace")
        except OSError:
            return False
        starts = tail.rfind("Starting...")
        started = tail.rfind("Started.")
        return started > starts

    def _log_tail(self, n: int = 20) -> str:
        try:
            return "\n".join(self.console_log.read_text("utf-8", "replace").splitlines()[-n:])
        except OSError:
            return "(no console log)"

    def stop(self, *, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then SIGKILL after ``timeout``). False if not running."""
        pid = self._pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._pid() is None:
                break
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.2)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True
