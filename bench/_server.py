"""A managed Neo4j for a benchmark: its own home and free port, so it disturbs nothing."""

from __future__ import annotations

import contextlib
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from graphreg.db import Store, connect
from graphreg.schema import apply_schema
from graphreg.server import ManagedServer
from graphreg.settings import Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def bench_server(heap: str = "2g", pagecache: str = "2g", home: Path | None = None
                 ) -> Iterator[tuple[Settings, Store]]:
    with tempfile.TemporaryDirectory(prefix="graphreg-bench-") as tmp:
        s = replace(Settings.from_env(), home=home or Path(tmp), bolt_port=free_port(),
                    heap=heap, pagecache=pagecache, uri=None)
        try:
            with connect(s) as store:
                apply_schema(store)
                yield s, store
        finally:
            ManagedServer(s).stop()
