#!/usr/bin/env python3
"""Write python/newsframe/data/world_110m.geojson: the country outlines ``nf.plot.map`` draws.

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain), as
shipped inside the geopandas 0.14.4 wheel (``geopandas/datasets/naturalearth_lowres``;
the last geopandas release that bundles it). ISO 3166-1 alpha-2 codes are added from the
alpha-3 codes with Debian's ``iso-codes`` table (``/usr/share/iso-codes/json/iso_3166-1.json``).

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    python data/make_world_outline.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The shapefile is read here with the standard library (``struct``), so nothing beyond
Python is needed. Coordinates are rounded to 2 decimals (about 1 km, far below what a
1:110m outline resolves), repeated points dropped, and rings that collapse dropped; the
output is deterministic.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "python" / "newsframe" / "data" / "world_110m.geojson"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")
# Natural Earth's own codes where ISO has none (Kosovo is -99; XK is the code in common use).
EXTRA_A2 = {"Kosovo": "XK"}
DECIMALS = 2

Ring = List[Tuple[float, float]]


def read_dbf(raw: bytes, encoding: str = "latin-1") -> List[Dict[str, str]]:
    """Records of a dBASE III file as dicts of stripped strings.

    >>> header = struct.pack("<BBBBIHH20x", 3, 124, 1, 1, 1, 65, 5)
    >>> field = b"name".ljust(11, b"\\0") + b"C" + bytes(4) + bytes([4, 0]) + bytes(14)
    >>> read_dbf(header + field + b"\\r" + b" Kyiv")
    [{'name': 'Kyiv'}]
    """
    n_records, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields: List[Tuple[str, int]] = []
    pos = 32
    while raw[pos] != 0x0D:
        name = raw[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, raw[pos + 16]))
        pos += 32
    out = []
    for i in range(n_records):
        rec = raw[header_len + i * record_len: header_len + (i + 1) * record_len]
        pos, row = 1, {}  # byte 0 is the deletion flag
        for name, size in fields:
            row[name] = rec[pos:pos + size].decode(encoding).strip()
            pos += size
        out.append(row)
    return out


def read_polygons(raw: bytes) -> Iterator[List[Ring]]:
    """The rings of each record of a polygon shapefile (shape type 5), in file order."""
    pos = 100
    while pos < len(raw):
        _, content_words = struct.unpack(">ii", raw[pos:pos + 8])
        body = raw[pos + 8: pos + 8 + 2 * content_words]
        pos += 8 + 2 * content_words
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type == 0:
            yield []
            continue
        if shape_type != 5:
            raise ValueError(f"shape type {shape_type}, expected 5 (polygon)")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts]))
        at = 44 + 4 * n_parts
        xy = struct.unpack(f"<{2 * n_points}d", body[at:at + 16 * n_points])
        points = list(zip(xy[0::2], xy[1::2]))
        yield [points[a:b] for a, b in zip(parts, parts[1:] + [n_points])]


def signed_area(ring: Ring) -> float:
    """Twice the signed area (shoelace); negative for clockwise rings.

    >>> signed_area([(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)]) < 0
    True
    """
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def rounded(ring: Ring) -> Ring:
    """The ring with coordinates rounded and repeated points dropped; [] when it collapses."""
    out: Ring = []
    for x, y in ring:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 and signed_area(out) != 0 else []


def to_geojson_polygons(rings: List[Ring]) -> List[List[Ring]]:
    """Shapefile rings (outer clockwise, holes counter-clockwise, each hole after its outer
    ring) as GeoJSON polygons with RFC 7946 winding (outer counter-clockwise)."""
    polygons: List[List[Ring]] = []
    for ring in (rounded(r) for r in rings):
        if not ring:
            continue
        if signed_area(ring) < 0:  # outer
            polygons.append([ring[::-1]])
        elif polygons:  # a hole of the last outer ring
            polygons[-1].append(ring[::-1])
    return polygons


def iso_a2_table() -> Dict[str, str]:
    data = json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-1"]
    return {c["alpha_3"]: c["alpha_2"] for c in data}


def features(shp: bytes, dbf: bytes, a2: Dict[str, str]) -> List[Dict[str, Any]]:
    out = []
    for rec, rings in zip(read_dbf(dbf), read_polygons(shp)):
        polygons = to_geojson_polygons(rings)
        if not polygons:
            continue
        iso_a3 = rec["iso_a3"] if rec["iso_a3"] != "-99" else None
        geometry: Dict[str, Any] = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        out.append({
            "type": "Feature",
            "properties": {
                "name": rec["name"],
                "iso_a2": a2.get(iso_a3 or "") or EXTRA_A2.get(rec["name"]),
                "iso_a3": iso_a3,
                "continent": rec["continent"],
            },
            "geometry": geometry,
        })
    return sorted(out, key=lambda f: f["properties"]["name"])


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", help="geopandas-0.14.4-py3-none-any.whl")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as zf:
        shp = zf.read(MEMBER + ".shp")
        dbf = zf.read(MEMBER + ".dbf")
        encoding = zf.read(MEMBER + ".cpg").decode("ascii").strip()
    assert encoding.upper() in ("ISO-8859-1", "LATIN1", "LATIN-1"), encoding
    feats = features(shp, dbf, iso_a2_table())
    collection = {
        "type": "FeatureCollection",
        "name": "world_110m",
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), via geopandas 0.14.4 "
                  "naturalearth_lowres; coordinates rounded to 2 decimals",
        "features": feats,
    }
    buf = io.StringIO()
    json.dump(collection, buf, separators=(",", ":"), ensure_ascii=False)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(buf.getvalue() + "\n", encoding="utf-8")
    missing = [f["properties"]["name"] for f in feats if not f["properties"]["iso_a2"]]
    print(f"{args.output}: {len(feats)} countries, {len(buf.getvalue())} bytes; without ISO alpha-2: {missing}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
