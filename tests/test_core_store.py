"""The foundation against the real Neo4j server the suite starts: server, schema, geography,
registry writes, first analyses and the planted-fault check."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from graphreg.analysis import overlapping_help, unassisted_households
from graphreg.analysis.run import analyse, compare_with_planted
from graphreg.db import Store
from graphreg.errors import CrossCheckError, InputError, MissingToolError
from graphreg.geography import import_geography, read_division
from graphreg.project import project_county
from graphreg.schema import apply_schema
from graphreg.server import ManagedServer, bolt_answers
from graphreg.settings import Settings
from graphreg.synth import FaultRates, generate, write_registry

D = dt.date
COUNTY = "520423"


def _geo() -> dict:
    return read_division(counties=[COUNTY])


def test_managed_server_is_loopback_only_with_a_private_password(settings: Settings,
                                                                  session_store: Store) -> None:
    if settings.external:
        pytest.skip("an external NEO4J_URI server is in use")
    srv = ManagedServer(settings)
    st = srv.status()
    assert st.running and st.answering and st.uri == f"bolt://127.0.0.1:{settings.bolt_port}"
    conf = (srv.home / "conf" / "neo4j.conf").read_text()
    assert f"server.bolt.listen_address=127.0.0.1:{settings.bolt_port}" in conf
    assert "server.http.enabled=false" in conf and "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert stat.S_IMODE(srv.password_file.stat().st_mode) == 0o600
    # start again: the running server is reused, same pid
    assert srv.start().pid == st.pid
    # not reachable on any other address of the machine
    import socket
    addrs = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for a in addrs - {"127.0.0.1", "127.0.1.1"}:
        assert not bolt_answers(a, settings.bolt_port)


def test_missing_java_and_maven_say_what_to_do(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from dataclasses import replace
    srv = ManagedServer(replace(settings, cache=tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(MissingToolError, match="apt-get install openjdk-17-jre-headless.*NEO4J_URI"):
        srv.java()
    with pytest.raises(MissingToolError, match="apt-get install maven.*NEO4J_URI"):
        srv.fetch()


def test_schema_twice_changes_nothing(store: Store) -> None:
    before = store.query("schema_objects")
    apply_schema(store)
    assert store.query("schema_objects") == before
    names = {r["name"] for r in before}
    assert {"household_id", "village_code", "unit_id", "measure_id"} <= names
    assert store.query("code_list_counts") == [{"causes": 12, "measure_types": 16, "addresses": 29}]


def test_geography_import_then_reimport_changes_nothing(store: Store) -> None:
    geo = _geo()
    first = import_geography(store, geo)
    n_v = len(geo["villages"])
    assert first.levels["villages"].created == n_v and first.levels["townships"].created == len(geo["townships"])
    calls: list[tuple[str, int, int]] = []
    second = import_geography(store, geo, batch_size=1000, progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "villages"] == [
        ("villages", min(n_v, k), n_v) for k in range(1000, n_v + 1000, 1000)]
    assert {k: (v.created, v.updated, v.unchanged) for k, v in second.levels.items()} == {
        k: (0, 0, len(geo[k])) for k in geo}
    assert store.query("geography_counts") == [{"provinces": 1, "cities": 1, "counties": 1,
                                                "townships": len(geo["townships"]),
                                                "villages": n_v}]


def _small_registry(store: Store) -> None:
    """Village V1 (with a work team) holds h1..h4, village V2 holds h5.
    h1: cadre + medical from dept; h2: nothing; h3: medical from dept AND from an enterprise,
    overlapping 2017-03-01..2017-06-30, plus credit from the enterprise; h4: only an old
    measure of the same type from two units that does NOT overlap; h5: nothing, no work team."""
    import_geography(store, _geo())
    v1, v2 = "520423001210", "520423001251"
    hh = [{"id": f"h{i}", "village": v1 if i < 5 else v2, "county": COUNTY, "head_name": f"户主{i}",
           "size": 3, "attribute": "一般贫困户", "standard": "国家", "status": "未脱贫",
           "registered_year": 2014, "income": 2000, "main_cause": 1, "other_causes": []}
          for i in range(1, 6)]
    store.write("merge_households", hh)
    units = [{"id": i, "name": n, "kind": k, "county": COUNTY, "base": COUNTY, "capacity": 5,
              "skills": []} for i, n, k in (("dept", "卫健局", "department"),
                                            ("ent", "企业", "enterprise"),
                                            ("cad", "干部", "cadre"), ("wt", "工作队", "work_team"))]
    store.write("merge_units", units)
    store.write("merge_assists", [
        {"unit": "cad", "target": "h1", "level": "household", "since": D(2015, 1, 1), "until": None, "role": "帮扶责任人"},
        {"unit": "wt", "target": v1, "level": "village", "since": D(2015, 1, 1), "until": None, "role": "驻村"}])
    m = lambda i, u, h, t, s, e: {"id": i, "unit": u, "household": h, "type": t, "cost": 100,  # noqa: E731
                                  "start": s, "end": e, "content": t}
    store.write("merge_measures", [
        m("m1", "dept", "h1", "medical", D(2016, 1, 1), D(2016, 12, 31)),
        m("m2", "dept", "h3", "medical", D(2016, 1, 1), D(2017, 6, 30)),
        m("m3", "ent", "h3", "medical", D(2017, 3, 1), D(2018, 2, 28)),
        m("m4", "ent", "h3", "credit", D(2017, 3, 1), None),
        m("m5", "dept", "h4", "medical", D(2015, 1, 1), D(2015, 12, 31)),
        m("m6", "ent", "h4", "medical", D(2016, 1, 1), None)])


def test_unassisted_and_overlaps_on_a_small_graph(store: Store) -> None:
    _small_registry(store)
    G = project_county(store, COUNTY)
    un = unassisted_households(G)
    assert [(u.household, u.village, u.main_cause, u.village_help) for u in un] == [
        ("h2", "520423001210", 1, True), ("h5", "520423001251", 1, False)]
    ov = overlapping_help(G)
    assert [o.as_dict() for o in ov] == [{
        "household": "h3", "type": "medical", "unit_a": "dept", "unit_b": "ent",
        "measure_a": "m2", "measure_b": "m3", "start": "2017-03-01", "end": "2017-06-30",
        "type_name": "医疗扶持"}]
    res = analyse(store, county_codes=[COUNTY])
    assert res.summary() | {"seconds": 0} == {
        "counties": 1, "households": 5, "unassisted": 2, "unassisted_village_help_only": 1,
        "overlaps": 1, "households_with_overlap": 1, "seconds": 0}


def test_open_ended_measures_overlap_everything_after_their_start(store: Store) -> None:
    _small_registry(store)
    store.write("merge_measures", [{"id": "m7", "unit": "cad", "household": "h4", "type": "medical",
                                    "cost": 1, "start": D(2020, 1, 1), "end": None, "content": ""}])
    ov = overlapping_help(project_county(store, COUNTY))
    assert [(o.household, o.unit_a, o.unit_b, str(o.start), o.end) for o in ov] == [
        ("h3", "dept", "ent", "2017-03-01", dt.date(2017, 6, 30)),
        ("h4", "cad", "ent", "2020-01-01", None)]


def test_empty_county_and_unknown_county(store: Store) -> None:
    import_geography(store, _geo())
    assert analyse(store).summary()["households"] == 0
    with pytest.raises(InputError, match="Unknown code: county 999999"):
        analyse(store, county_codes=["999999"])
    with pytest.raises(InputError, match=f"No households are registered in counties {COUNTY}"):
        analyse(store, county_codes=[COUNTY])  # a real county, but no registry there


def test_cross_check_disagreement_is_an_error(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _small_registry(store)
    import graphreg.analysis.run as run
    monkeypatch.setattr(run, "unassisted_households", lambda G: [])
    with pytest.raises(CrossCheckError, match="NetworkX found 0 unassisted households .* Cypher counts 2"):
        analyse(store, county_codes=[COUNTY])


def test_generated_county_finds_exactly_the_planted_faults_and_rewrites_nothing(store: Store) -> None:
    geo = _geo()
    import_geography(store, geo)
    reg = generate(geo, households=1500, seed=11, rates=FaultRates(0.05, 0.05, 0.04))
    w1 = write_registry(store, reg)
    assert w1["households"].created == 1500 and w1["measures"].created == len(reg.measures)
    res = analyse(store, county_codes=[COUNTY])
    assert sorted(u.household for u in res.unassisted) == reg.faults["unassisted"]
    assert sorted((o.household, o.type, o.unit_a, o.unit_b) for o in res.overlaps) == \
        reg.faults["overlap"]
    assert len(reg.faults["unassisted"]) == 75 and len(reg.faults["overlap"]) == 60
    assert compare_with_planted(store, res) == {
        "unassisted": {"planted": 75, "found": 75, "matched": 75, "missed": 0, "extra": 0},
        "overlap": {"planted": 60, "found": 60, "matched": 60, "missed": 0, "extra": 0}}
    # writing the same registry again creates nothing
    w2 = write_registry(store, reg)
    assert all(v.created == 0 and v.nodes_created == 0 and v.relationships_created == 0
               for v in w2.values()), {k: v.as_dict() for k, v in w2.items()}
    assert store.value("count_households") == 1500


def test_server_lifecycle_fetch_start_connect_stop(settings: Settings, tmp_path: Path) -> None:
    """A second managed server in its own home: start, answer a query, stop, start again with
    the data kept, stop."""
    if settings.external:
        pytest.skip("an external NEO4J_URI server is in use")
    import socket
    from dataclasses import replace

    from graphreg.db import connect
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    other = replace(settings, home=tmp_path / "home2", bolt_port=port, heap="512m", pagecache="64m")
    srv = ManagedServer(other)
    assert not srv.status().running
    # A password starting with "-" was once taken for an option by set-initial-password (a
    # generated token_urlsafe password did that one time in 64) and the server never started.
    srv.password_file.parent.mkdir(parents=True)
    srv.password_file.write_text("-starts-with-a-dash\n")
    srv.password_file.chmod(0o600)
    try:
        with connect(other) as st:
            apply_schema(st)
            st.write("merge_provinces", [{"code": "52", "name": "贵州省"}])
        assert srv.status().running
        assert srv.stop() is True
        assert not srv.status().running and not bolt_answers("127.0.0.1", port)
        with connect(other) as st:  # starts again; the data survived the stop
            assert st.query("geography_counts")[0]["provinces"] == 1
    finally:
        srv.stop()
    assert srv.stop() is False


def test_connect_to_a_wrong_uri_says_what_to_do() -> None:
    from graphreg.db import connect
    from graphreg.errors import NotConnectedError
    bad = Settings.from_env({"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"})
    with pytest.raises(NotConnectedError, match="(?s)Could not connect to Neo4j at bolt://127.0.0.1:9.*Check NEO4J_URI"):
        connect(bad)


def test_another_port_for_a_running_server_fails_at_once(settings: Settings,
                                                         session_store: Store) -> None:
    """Bug found by a new user: GRAPHREG_BOLT_PORT changed while the server ran made every
    command wait 120 s and fail with an unrelated log."""
    if settings.external:
        pytest.skip("an external NEO4J_URI server is in use")
    from dataclasses import replace
    from graphreg.errors import ServerError
    import time
    other = replace(settings, bolt_port=settings.bolt_port + 1 if settings.bolt_port < 65535 else 1024)
    t = time.monotonic()
    with pytest.raises(ServerError, match=f"is running on port {settings.bolt_port}, not on "
                                          f"GRAPHREG_BOLT_PORT={other.bolt_port}"):
        ManagedServer(other).start()
    assert time.monotonic() - t < 5
