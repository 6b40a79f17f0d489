"""Events as GeoJSON (RFC 7946): a FeatureCollection of points, ``[lon, lat]``."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any, Dict, List

import polars as pl

__all__ = ["events_geojson"]


def _jsonable(v: Any) -> Any:
    if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
        return v.isoformat()
    if isinstance(v, _dt.timedelta):
        return v.total_seconds()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)  # Decimal, bytes, ...: their text


def events_geojson(events: pl.DataFrame) -> Dict[str, Any]:
    """The rows of ``events`` with finite ``lat`` and ``lon`` as Point features.

    ``properties`` hold every other column (categoricals as strings, dates as ISO 8601
    strings). Rows without coordinates are skipped and counted in the foreign member
    ``skipped_without_coordinates``.

    Examples
    --------
    >>> import polars as pl
    >>> ev = pl.DataFrame({"doc_id": [0, 0], "type": ["ASSAULT", "AID"], "lat": [49.99, None], "lon": [36.23, None]})
    >>> fc = events_geojson(ev)
    >>> fc["features"][0]["geometry"], fc["skipped_without_coordinates"]
    ({'type': 'Point', 'coordinates': [36.23, 49.99]}, 1)
    """
    if "lat" not in events.columns or "lon" not in events.columns:
        raise ValueError(f"events need 'lat' and 'lon' columns; got {events.columns}")
    lat = events.get_column("lat").cast(pl.Float64)
    lon = events.get_column("lon").cast(pl.Float64)
    ok = (lat.is_not_null() & lon.is_not_null() & lat.is_finite() & lon.is_finite()).fill_null(False)
    kept = events.filter(ok)
    props = kept.drop("lat", "lon").with_columns(
        pl.col(c).cast(pl.String) for c, dt in kept.schema.items() if isinstance(dt, (pl.Categorical, pl.Enum))
    )
    features: List[Dict[str, Any]] = []
    for x, y, row in zip(kept.get_column("lon").to_list(), kept.get_column("lat").to_list(), props.iter_rows(named=True)):
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(x), float(y)]},
                "properties": {k: _jsonable(v) for k, v in row.items()},
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "skipped_without_coordinates": events.height - kept.height,
    }
