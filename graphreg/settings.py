"""Where graphreg keeps its files and which Neo4j it talks to.

Everything is read from the environment so that the same code serves a laptop, CI and a
production server:

- ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``: an existing Neo4j 5
  server (Desktop, a server, a cluster, Aura). When ``NEO4J_URI`` is set graphreg never starts
  its own server and never needs Java or Maven.
- ``GRAPHREG_HOME``: data, logs, configuration and the password of the managed server
  (default ``$XDG_DATA_HOME/graphreg`` or ``~/.local/share/graphreg``).
- ``GRAPHREG_CACHE``: the Neo4j jars fetched from Maven Central (default
  ``$XDG_CACHE_HOME/graphreg`` or ``~/.cache/graphreg``), shared by every home.
- ``GRAPHREG_BOLT_PORT`` (default 17687), ``GRAPHREG_NEO4J_HEAP`` (default ``2g``),
  ``GRAPHREG_NEO4J_PAGECACHE`` (default ``2g``): the managed server's port and memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

NEO4J_VERSION = "5.26.19"
DEFAULT_BOLT_PORT = 17687
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _xdg(var: str, fallback: str) -> Path:
    base = os.environ.get(var)
    return Path(base) if base else Path.home() / fallback


@dataclass(frozen=True)
class Settings:
    """Resolved configuration. Build it with :meth:`from_env`."""

    home: Path
    cache: Path
    bolt_port: int = DEFAULT_BOLT_PORT
    heap: str = "2g"
    pagecache: str = "2g"
    neo4j_version: str = NEO4J_VERSION
    uri: str | None = None
    username: str = "neo4j"
    password: str | None = None
    database: str = "neo4j"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def external(self) -> bool:
        """True when an existing server is configured through ``NEO4J_URI``."""
        return self.uri is not None

    @property
    def bolt_uri(self) -> str:
        return self.uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        e = dict(os.environ if env is None else env)
        home = Path(e["GRAPHREG_HOME"]) if e.get("GRAPHREG_HOME") else _xdg(
            "XDG_DATA_HOME", ".local/share") / "graphreg"
        cache = Path(e["GRAPHREG_CACHE"]) if e.get("GRAPHREG_CACHE") else _xdg(
            "XDG_CACHE_HOME", ".cache") / "graphreg"
        port = e.get("GRAPHREG_BOLT_PORT") or str(DEFAULT_BOLT_PORT)
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(
                f"GRAPHREG_BOLT_PORT={port!r} is not a port number; set it to a number from 1 to 65535")
        uri = e.get("NEO4J_URI") or None
        if uri and uri.split("://", 1)[0] not in _SCHEMES:
            raise ValueError(
                f"NEO4J_URI={uri!r} is not a Bolt address; it must start with one of "
                f"{', '.join(s + '://' for s in _SCHEMES)} (for example bolt://127.0.0.1:7687)")
        return cls(
            home=home.expanduser(),
            cache=cache.expanduser(),
            bolt_port=int(port),
            heap=e.get("GRAPHREG_NEO4J_HEAP") or "2g",
            pagecache=e.get("GRAPHREG_NEO4J_PAGECACHE") or "2g",
            uri=uri,
            username=e.get("NEO4J_USERNAME") or "neo4j",
            password=e.get("NEO4J_PASSWORD") or None,
            database=e.get("NEO4J_DATABASE") or "neo4j",
        )
