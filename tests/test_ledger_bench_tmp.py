import time
from graphreg.geography import import_geography, read_division
from graphreg.ledger import export_ledger, import_ledgers, KINDS, graph_snapshot
from graphreg.schema import apply_schema, wipe
from graphreg.synth import generate, write_registry

def test_bench(store, tmp_path):
    geo = read_division(counties=["520423"])
    import_geography(store, geo)
    reg = generate(geo, households=10000, seed=1, key=b"k")
    t = time.time(); write_registry(store, reg); print("synth write", round(time.time()-t, 1))
    before = graph_snapshot(store, skip_labels=("Batch", "PlantedFault"))
    t = time.time()
    files = []
    for k in KINDS:
        p = tmp_path / f"{k}.csv"; export_ledger(store, k, p); files.append((k, p))
    print("export all", round(time.time()-t, 1))
    wipe(store); apply_schema(store); import_geography(store, geo)
    t = time.time(); r = import_ledgers(store, files, key=b"k"); print("import all", round(time.time()-t, 1), [(f.kind, f.rows, f.created) for f in r.files], len(r.warnings))
    after = graph_snapshot(store, skip_labels=("Batch", "PlantedFault"))
    print("same graph", after == before)
    for part in ("nodes", "relationships"):
        print(part, "only before", list((before[part] - after[part]).items())[:3])
        print(part, "only after", list((after[part] - before[part]).items())[:3])
    t = time.time(); r = import_ledgers(store, files, key=b"k"); print("re-import", round(time.time()-t, 1), sum(f.unchanged for f in r.files), sum(f.rows for f in r.files))
    assert 0
