"""GeoJSON of events, nf.extract_arrow for distributed engines (pickled, fork pool), and
nf.plot (Altair, skipped without it)."""

from __future__ import annotations

import json
import multiprocessing as mp
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from schemas import TABLES, expected

TEXTS = [
    "Russian missiles struck Lviv on Monday, killing 2 people, the governor said.",
    "Shelling hit Kharkiv overnight, officials said.",
    "Ukraine received new air defence systems from Germany last week.",
    "“We will hold,” the mayor of Odesa said after a drone attack on the port.",
]


# ------------------------------------------------------------------ GeoJSON
def _events(rows):
    schema = expected("events")
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema, orient="row")


def _extraction_with(events: pl.DataFrame) -> nf.Extraction:
    docs = pl.DataFrame(schema=expected("documents"))
    return nf.Extraction(docs, pl.DataFrame(schema=expected("entities")), pl.DataFrame(schema=expected("quotes")), events)


def test_geojson_coordinates_are_lon_lat_and_nulls_are_counted(tmp_path):
    import datetime as dt

    ev = _events([
        dict(doc_id=0, event_id=0, type="ASSAULT", location="Kharkiv", lat=49.99, lon=36.23, date=dt.date(2022, 9, 13), killed=3),
        dict(doc_id=0, event_id=1, type="AID", location=None, lat=None, lon=None),
        dict(doc_id=1, event_id=0, type="SEIZE", location="Izium", lat=49.21, lon=37.26, quote_id=0),
        dict(doc_id=1, event_id=1, type="FIGHT", lat=49.0, lon=None),
    ])
    path = _extraction_with(ev).write_geojson(tmp_path / "sub" / "events.geojson")
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert fc["skipped_without_coordinates"] == 2
    assert [f["geometry"]["coordinates"] for f in fc["features"]] == [[36.23, 49.99], [37.26, 49.21]]
    p0 = fc["features"][0]["properties"]
    assert p0["doc_id"] == 0 and p0["type"] == "ASSAULT" and p0["date"] == "2022-09-13" and p0["killed"] == 3
    assert "lat" not in p0 and "lon" not in p0
    assert fc["features"][1]["properties"]["quote_id"] == 0


def test_geojson_of_a_real_extraction(tmp_path):
    res = nf.extract(pl.DataFrame({"id": ["a", "b", "c", "d"], "text": TEXTS, "published": ["2022-03-07"] * 4}))
    fc = json.loads(res.write_geojson(tmp_path / "e.geojson").read_text(encoding="utf-8"))
    located = res.events.filter(pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    assert len(fc["features"]) == located.height
    assert len(fc["features"]) + fc["skipped_without_coordinates"] == res.events.height
    for f, row in zip(fc["features"], located.iter_rows(named=True)):
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (row["lon"], row["lat"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert f["properties"]["doc_id"] in {"a", "b", "c", "d"}
    assert _extraction_with(pl.DataFrame(schema=expected("events"))).to_geojson()["features"] == []


# ------------------------------------------------------------------ extract_arrow
pa = pytest.importorskip("pyarrow") if False else None  # (imported lazily in the tests)


def _arrow_input():
    pa = pytest.importorskip("pyarrow")
    return pa.table({"id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS,
                     "published": ["2022-03-07"] * len(TEXTS), "outlet": ["AP", "BBC", None, "AP"]})


def test_extract_arrow_equals_extract():
    pa = pytest.importorskip("pyarrow")
    tbl = _arrow_input()
    out = nf.extract_arrow(tbl)
    ref = nf.extract(tbl)
    assert list(out) == list(TABLES)
    for t in TABLES:
        assert isinstance(out[t], pa.Table)
        assert_frame_equal(pl.from_arrow(out[t]), getattr(ref, t), categorical_as_str=True)
    assert out["documents"].column("outlet").to_pylist() == ["AP", "BBC", None, "AP"]
    # record batches and options
    out2 = nf.extract_arrow(tbl.to_batches()[0], threads=1, batch_size=2)
    assert pl.from_arrow(out2["entities"]).equals(pl.from_arrow(out["entities"]))


def test_extract_arrow_pickles_by_reference():
    assert pickle.loads(pickle.dumps(nf.extract_arrow)) is nf.extract_arrow
    out = nf.extract_arrow(_arrow_input())
    back = pickle.loads(pickle.dumps(out))
    assert all(back[t].equals(out[t]) for t in TABLES)


_FORK_SCRIPT = textwrap.dedent(
    """
    import multiprocessing as mp, sys
    import pyarrow as pa, polars as pl
    import newsframe as nf
    sys.path.insert(0, {tests!r})
    from test_geo_arrow_plot import TEXTS

    tbl = pa.table({{"id": [f"d{{i}}" for i in range(len(TEXTS))], "text": TEXTS}})
    parts = [tbl.slice(0, 2), tbl.slice(2)]
    # the parent forks before it runs any polars query (polars is not fork-safe)
    with mp.get_context("fork").Pool(2) as pool:
        outs = pool.map(nf.extract_arrow, parts)
    whole = nf.extract_arrow(tbl)
    for t in ("documents", "entities", "quotes", "events"):
        union = pa.concat_tables([o[t] for o in outs]).combine_chunks()
        a = pl.from_arrow(union).with_columns(pl.col(pl.Categorical).cast(pl.String))
        b = pl.from_arrow(whole[t]).with_columns(pl.col(pl.Categorical).cast(pl.String))
        assert a.equals(b), t
    print("fork-ok", sum(o["documents"].num_rows for o in outs))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_extract_arrow_in_a_fork_pool_of_two(tmp_path):
    pytest.importorskip("pyarrow")
    import os

    script = tmp_path / "fork_pool.py"
    script.write_text(_FORK_SCRIPT.format(tests=os.path.dirname(__file__)), encoding="utf-8")
    # a fresh interpreter, so that a hang fails by timeout instead of blocking the suite
    p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "fork-ok 4" in p.stdout


def _fork_check(queue) -> None:
    import warnings

    from newsframe._util import warn_if_forked_after_polars

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warned = warn_if_forked_after_polars()
    queue.put((warned, [str(w.message) for w in caught]))


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_a_child_forked_after_extraction_is_warned():
    nf.extract(TEXTS[:1])  # this process has now run polars queries
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_fork_check, args=(queue,))  # calls no polars: cannot hang
    proc.start()
    proc.join(timeout=60)
    warned, messages = queue.get(timeout=5)
    assert warned and "spawn" in messages[0]


def test_extract_arrow_in_a_spawn_pool():
    pytest.importorskip("pyarrow")
    tbl = _arrow_input()
    with mp.get_context("spawn").Pool(2) as pool:
        outs = pool.map(nf.extract_arrow, [tbl.slice(0, 2), tbl.slice(2)])
    assert [o["documents"].num_rows for o in outs] == [2, 2]


# ------------------------------------------------------------------ nf.plot
def test_plot_needs_altair_or_says_so(monkeypatch):
    monkeypatch.setitem(sys.modules, "altair", None)
    with pytest.raises(ImportError, match=r"newsframe\[plot\]"):
        nf.plot.timeline(pl.DataFrame(schema=expected("events")))


def test_timeline_counts_per_day_and_type():
    pytest.importorskip("altair")
    import datetime as dt

    ev = _events([
        dict(doc_id=0, event_id=0, type="ASSAULT", date=dt.date(2022, 9, 13)),
        dict(doc_id=0, event_id=1, type="ASSAULT", date=dt.date(2022, 9, 13)),
        dict(doc_id=1, event_id=0, type="AID", date=dt.date(2022, 9, 14)),
        dict(doc_id=1, event_id=1, type="AID", date=None),
    ])
    spec = nf.plot.timeline(ev).to_dict()
    values = spec["data"]["values"]
    assert sorted((v["date"], v["type"], v["events"]) for v in values) == [
        ("2022-09-13", "ASSAULT", 2), ("2022-09-14", "AID", 1)]
    assert spec["encoding"]["x"]["field"] == "date" and spec["encoding"]["color"]["field"] == "type"
    assert "1 without a date" in spec["title"]["subtitle"]
    # pandas input and an Extraction work too
    pytest.importorskip("pandas")
    assert nf.plot.timeline(_extraction_with(ev).to_pandas().events).to_dict()["data"]["values"]
    assert nf.plot.timeline(_extraction_with(ev)).to_dict()["data"]["values"]


def test_map_points_graticule_and_outline(tmp_path):
    pytest.importorskip("altair")
    ev = _events([
        dict(doc_id=0, event_id=0, type="ASSAULT", location="Kharkiv", lat=49.99, lon=36.23),
        dict(doc_id=0, event_id=1, type="ASSAULT", location="Kharkiv", lat=49.99, lon=36.23),
        dict(doc_id=1, event_id=0, type="AID", location="Lviv", lat=49.84, lon=24.03),
        dict(doc_id=1, event_id=1, type="AID"),
    ])
    spec = nf.plot.map(ev, outline=None).to_dict()
    graticule, points = spec["layer"]
    assert graticule["data"] == {"graticule": {"step": [5, 5]}}
    pts = sorted((v["location"], v["type"], v["events"], v["lon"], v["lat"]) for v in points["data"]["values"])
    assert pts == [("Kharkiv", "ASSAULT", 2, 36.23, 49.99), ("Lviv", "AID", 1, 24.03, 49.84)]
    assert points["encoding"]["longitude"]["field"] == "lon" and points["encoding"]["latitude"]["field"] == "lat"
    box = points["projection"]["fit"]["geometry"]["coordinates"][0]
    assert min(x for x, _ in box) < 24.03 and max(x for x, _ in box) > 36.23
    outline = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "box"},
               "geometry": {"type": "Polygon", "coordinates": [[[22, 44], [40, 44], [40, 52], [22, 52], [22, 44]]]}}]}
    f = tmp_path / "outline.geojson"
    f.write_text(json.dumps(outline), encoding="utf-8")
    spec = nf.plot.map(ev, outline=f).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["geoshape", "geoshape", "circle"]
    assert spec["layer"][0]["data"]["values"][0]["properties"]["name"] == "box"
    with pytest.raises(ValueError, match="GeoJSON"):
        nf.plot.map(ev, outline={"type": "Point"})


def test_map_draws_the_shipped_world_outline_by_default(monkeypatch):
    pytest.importorskip("altair")
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the map must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    ev = _events([dict(doc_id=0, event_id=0, type="ASSAULT", location="Kharkiv", lat=49.99, lon=36.23),
                  dict(doc_id=1, event_id=0, type="AID", location="Lviv", lat=49.84, lon=24.03)])
    spec = nf.plot.map(ev).to_dict()
    outline, graticule, points = spec["layer"]
    assert outline["mark"]["type"] == "geoshape" and outline["mark"]["clip"] is True
    features = outline["data"]["values"]
    codes = {f["properties"]["iso_a2"] for f in features}
    assert {"UA", "PL", "BY", "RU", "MD"} <= codes
    # zoomed to the events: far-away countries are not carried in the chart
    assert "AU" not in codes and "BR" not in codes and len(features) < 40
    ua = next(f for f in features if f["properties"]["iso_a2"] == "UA")
    ring = ua["geometry"]["coordinates"][0]
    assert min(x for x, _ in ring) < 24 and max(x for x, _ in ring) > 40  # Ukraine's extent, west to east
    assert outline["projection"] == points["projection"] == graticule["projection"]
    assert "Natural Earth" in spec["title"]["subtitle"]
    # no coordinates at all: the whole world
    world = nf.plot.map(_events([dict(doc_id=0, event_id=0, type="AID")])).to_dict()["layer"][0]["data"]["values"]
    assert len(world) == 177


def test_world_outline_is_package_data():
    from importlib import resources

    raw = resources.files("newsframe").joinpath("data", nf.plot.WORLD_OUTLINE).read_text(encoding="utf-8")
    assert len(raw) < 300_000
    world = json.loads(raw)
    assert world["type"] == "FeatureCollection" and len(world["features"]) == 177
    by_code = {f["properties"]["iso_a2"]: f for f in world["features"]}
    assert by_code["UA"]["properties"]["name"] == "Ukraine" and by_code["UA"]["properties"]["iso_a3"] == "UKR"
    assert nf.plot.world_outline() == world
    copy = nf.plot.world_outline()
    copy["features"].clear()
    assert len(nf.plot.world_outline()["features"]) == 177  # callers get their own copy
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml")
    if pyproject.exists():  # a source checkout: the wheel must carry the file
        assert "python/newsframe/data/*.geojson" in pyproject.read_text(encoding="utf-8")


def test_charts_save_as_html_without_network(tmp_path):
    pytest.importorskip("altair")
    res = nf.extract(pl.DataFrame({"text": TEXTS, "published": ["2022-03-07"] * 4}))
    for name, chart in (("t", nf.plot.timeline(res.events)), ("m", nf.plot.map(res.events))):
        out = tmp_path / f"{name}.html"
        chart.save(str(out))
        assert out.stat().st_size > 1000
