import datetime as dt, time
from pathlib import Path
from graphreg.db import connect
from graphreg.settings import Settings
from graphreg.ids import make_id
from graphreg.ledger import import_ledgers, LedgerError, export_ledger, history
import pytest

def test_smoke(store, tmp_path):
    from graphreg.geography import import_geography, read_division
    import_geography(store, read_division(counties=["520423"]))
    V = "520423001210"
    (tmp_path/"h.csv").write_text(f"户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因,其他致贫原因,识别年度\nH1,{V},NA,3,因病,缺资金;2,2014\nH2,{V},Nan,2,1,,2015\n", encoding="utf-8")
    a = make_id("520423", dt.date(1970,1,2), 5)
    b = make_id("520423", dt.date(1990,1,2), 6)
    (tmp_path/"m.csv").write_text(f"户编号,姓名,身份证号码,与户主关系\nH1,NA,{a},户主\nH2,Nan,{b},户主\nH1,X,{b},之子\n", encoding="gb18030")
    (tmp_path/"u.csv").write_text("unit_id,name,kind,county,base,capacity,skills\nU1,卫生局,department,520423,520423,0,medical;health\n")
    (tmp_path/"a.csv").write_text(f"unit,level,target,since\nU1,户,H1,2016/3/1\nU1,村,{V},2016年3月1日\n")
    (tmp_path/"me.csv").write_text(f"措施编号,帮扶单位编号,户编号,措施类型,投入资金,开始日期,结束日期\nM1,U1,H1,医疗扶持,\"1,200\",2016.3.1,2017-01-01\n")
    inputs = [("households", tmp_path/"h.csv"), ("members", tmp_path/"m.csv"), ("units", tmp_path/"u.csv"), ("assignments", tmp_path/"a.csv"), ("measures", tmp_path/"me.csv")]
    r = import_ledgers(store, inputs, key=b"k")
    print(r.as_dict())
    r = import_ledgers(store, inputs, key=b"k")
    print(r.as_dict())
    export_ledger(store, "households", tmp_path/"out.csv")
    print((tmp_path/"out.csv").read_text("utf-8-sig"))
    for x in history(store, "household", "H1"): print(x)
    assert 0
