import time
from graphreg.geography import import_geography, read_division
from graphreg.ledger import export_ledger, import_ledgers, KINDS
from graphreg.schema import apply_schema, wipe
from graphreg.synth import generate, write_registry

def test_bench(store, tmp_path):
    geo = read_division(counties=["520423"])
    import_geography(store, geo)
    reg = generate(geo, households=10000, seed=1, key=b"k")
    t = time.time(); write_registry(store, reg); print("synth write", round(time.time()-t, 1))
    t = time.time()
    files = []
    for k in KINDS:
        p = tmp_path / f"{k}.csv"; export_ledger(store, k, p); files.append((k, p))
    print("export all", round(time.time()-t, 1), {k: sum(1 for _ in open(p, encoding="utf-8-sig")) - 1 for k, p in files})
    wipe(store); apply_schema(store); import_geography(store, geo)
    t = time.time(); r = import_ledgers(store, files, key=b"k"); print("import all", round(time.time()-t, 1), [(f.kind, f.rows, f.created) for f in r.files])
    t = time.time(); r = import_ledgers(store, files, key=b"k"); print("re-import", round(time.time()-t, 1), [(f.kind, f.unchanged) for f in r.files])
    assert 0
