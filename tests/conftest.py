"""Test fixtures: a real Neo4j server that the suite starts itself.

Unless NEO4J_URI is set (then that server is used, and wiped: set GRAPHREG_TEST_WIPE_OK=1 to
allow it), the session starts a managed Neo4j 5.26 Community server in a temporary graphreg
home on a free loopback port, and stops it at the end. The jars come from the user's graphreg
cache (fetched with Maven the first time). Each test that asks for ``store`` gets an empty
database with the schema and code lists applied.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from graphreg.db import Store, connect
from graphreg.schema import apply_schema, wipe
from graphreg.server import ManagedServer
from graphreg.settings import Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    base = Settings.from_env()
    if base.external:
        if os.environ.get("GRAPHREG_TEST_WIPE_OK") != "1":
            pytest.exit("NEO4J_URI is set: the tests wipe that database. Set "
                        "GRAPHREG_TEST_WIPE_OK=1 to allow it, or unset NEO4J_URI.", returncode=4)
        yield base
        return
    home = tmp_path_factory.mktemp("graphreg-home")
    s = replace(base, home=home, bolt_port=_free_port(), heap="768m", pagecache="256m")
    saved = {k: os.environ.get(k) for k in ("GRAPHREG_HOME", "GRAPHREG_BOLT_PORT",
                                            "GRAPHREG_NEO4J_HEAP", "GRAPHREG_NEO4J_PAGECACHE")}
    os.environ.update(GRAPHREG_HOME=str(home), GRAPHREG_BOLT_PORT=str(s.bolt_port),
                      GRAPHREG_NEO4J_HEAP=s.heap, GRAPHREG_NEO4J_PAGECACHE=s.pagecache)
    try:
        yield s
    finally:
        ManagedServer(s).stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def session_store(settings: Settings) -> Iterator[Store]:
    store = connect(settings)
    apply_schema(store)
    yield store
    store.close()


@pytest.fixture
def store(session_store: Store) -> Store:
    """An empty database with schema and code lists."""
    wipe(session_store)
    apply_schema(session_store)
    return session_store


@pytest.fixture(scope="module")
def small(session_store: Store) -> Store:
    """The small registry of tests/test_diagram_data.py with provenance, built once per module:
    the tests that use it only read."""
    from test_diagram_data import build_small_registry, stamp_provenance
    wipe(session_store)
    apply_schema(session_store)
    build_small_registry(session_store)
    stamp_provenance(session_store)
    return session_store
