"""HTML (and plain-text) rendering of one document with its entities, quotes and events."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import polars as pl

__all__ = ["Rendered", "render", "repr_html", "LABEL_COLOURS", "EVENT_COLOURS"]

# displaCy-like colours per label
LABEL_COLOURS: Dict[str, str] = {
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "EVENT": "#ffeb80",
    "PRODUCT": "#bfeeb7",
    "LAW": "#ff8197",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "PERCENT": "#e4e7d2",
    "MONEY": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2",
    "CARDINAL": "#e4e7d2",
}
DEFAULT_COLOUR = "#ddd"

# event trigger underline colour by kind of happening
_VIOLENCE = "#d00000"
_MOVES = "#e07000"
_TALK = "#0068c9"
_OTHER = "#6b6b6b"
EVENT_COLOURS: Dict[str, str] = {
    **dict.fromkeys(["ASSAULT", "FIGHT", "CASUALTIES", "DESTROY", "THREATEN", "ARREST"], _VIOLENCE),
    **dict.fromkeys(["SEIZE", "RETREAT", "DISPLACE", "MOBILIZE", "DISRUPT"], _MOVES),
    **dict.fromkeys(["CONSULT", "NEGOTIATE", "DEMAND", "ACCUSE", "AGREE", "PROTEST", "AID", "SANCTION"], _TALK),
}
QUOTE_COLOUR = "#6c63ff"

_QUOTE = 0
_ENTITY = 1
_TRIGGER = 2


@dataclass
class _Span:
    layer: int
    start: int
    end: int
    tag: str  # label / event type / quote kind
    title: str  # tooltip
    after: str = ""  # extra marker text (speaker, attached event types)
    extra: List[str] = field(default_factory=list)  # event types attached to an entity

    def key(self) -> Tuple[int, int, int]:
        return (self.layer, self.start, -self.end)


@dataclass
class Rendered:
    """One rendered document. Displays as HTML in Jupyter, as bracketed text in a terminal.

    Attributes
    ----------
    html
        The HTML fragment (a ``<div>``), self-contained (inline styles).
    text
        Plain-text rendering: ``[Izium|GPE]``, ``«quote»{speaker}``, ``<<shelling|ASSAULT>>``.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def save(self, path: Any) -> None:
        """Write a standalone HTML page to ``path``."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>")
            fh.write(self.html)
            fh.write("</body></html>\n")


def _non_overlapping(spans: List[_Span]) -> List[_Span]:
    """Greedy: keep the longest spans first, drop any that overlap a kept one."""
    kept: List[_Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if s.end <= s.start:
            continue
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def _fmt(v: Any) -> str:
    return "" if v is None else str(v)


def _tip(row: Dict[str, Any], keys: List[str]) -> str:
    """The tooltip: one ``key: value`` line per non-empty field."""
    return "\n".join(f"{k}: {row[k]}" for k in keys if row.get(k) not in (None, ""))


def _collect(
    text: str, entities: pl.DataFrame, quotes: pl.DataFrame, events: pl.DataFrame
) -> List[_Span]:
    n = len(text)

    def ok(r: Dict[str, Any]) -> bool:
        s, e = r.get("start"), r.get("end")
        return s is not None and e is not None and 0 <= s < e <= n

    qs = [
        _Span(
            _QUOTE,
            r["start"],
            r["end"],
            _fmt(r.get("kind")),
            _tip(r, ["kind", "speaker", "speaker_canonical", "speaker_entity_id", "cue", "confidence", "quote_id"]),
            after=_fmt(r.get("speaker_canonical") or r.get("speaker")) or "?",
        )
        for r in quotes.iter_rows(named=True)
        if ok(r)
    ]
    es = [
        _Span(
            _ENTITY,
            r["start"],
            r["end"],
            _fmt(r.get("label")),
            _tip(r, ["label", "canonical", "entity_id", "role", "country", "value"]),
        )
        for r in entities.iter_rows(named=True)
        if ok(r)
    ]
    ts = [
        _Span(
            _TRIGGER,
            r["start"],
            r["end"],
            _fmt(r.get("type")),
            _tip(
                r,
                ["type", "subtype", "actor", "target", "location", "country", "date", "date_source",
                 "killed", "injured", "quantity", "modality", "source", "event_id"],
            ),
        )
        for r in events.iter_rows(named=True)
        if ok(r)
    ]
    qs = _non_overlapping(qs)
    es = _non_overlapping(es)
    ts = _non_overlapping(ts)
    # a trigger overlapping an entity: keep the entity, put the event type after it
    kept_ts: List[_Span] = []
    for t in ts:
        hit = next((e for e in es if not (t.end <= e.start or t.start >= e.end)), None)
        if hit is None:
            kept_ts.append(t)
        else:
            hit.extra.append(t.tag)
            hit.title += "\n\nevent\n" + t.title
    return qs + es + kept_ts


def _esc(s: str) -> str:
    s = html.escape(s, quote=True)
    return s.replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>\n")


def _open_html(s: _Span, cont: bool) -> str:
    t = html.escape(s.title, quote=True)
    if s.layer == _QUOTE:
        return (
            f'<span class="nf-quote nf-{html.escape(s.tag)}" title="{t}" style="background:#f3f3ff;'
            f'border-bottom:2px solid {QUOTE_COLOUR};padding:0.1em 0;">'
        )
    if s.layer == _ENTITY:
        c = LABEL_COLOURS.get(s.tag, DEFAULT_COLOUR)
        return (
            f'<mark class="nf-ent" data-label="{html.escape(s.tag)}" title="{t}" style="background:{c};'
            'padding:0.1em 0.3em;margin:0 0.1em;border-radius:0.3em;line-height:1;">'
        )
    c = EVENT_COLOURS.get(s.tag, _OTHER)
    return (
        f'<span class="nf-event" data-type="{html.escape(s.tag)}" title="{t}" '
        f'style="border-bottom:2px dashed {c};font-weight:bold;">'
    )


def _close_html(s: _Span, final: bool) -> str:
    if s.layer == _QUOTE:
        out = "</span>"
        if final:
            out += (
                '<sup class="nf-speaker" style="color:#6c63ff;font-size:0.7em;font-weight:bold;'
                f'margin-left:0.2em;">— {html.escape(s.after)}</sup>'
            )
        return out
    if s.layer == _ENTITY:
        tag = ""
        if final:
            tag = (
                '<span style="font-size:0.65em;font-weight:bold;margin-left:0.4em;'
                f'vertical-align:middle;">{html.escape(s.tag)}</span>'
            )
            for ev in s.extra:
                tag += _event_marker(ev)
        return tag + "</mark>"
    return "</span>" + (_event_marker(s.tag) if final else "")


def _event_marker(tag: str) -> str:
    return (
        f'<sub class="nf-event-type" style="color:{EVENT_COLOURS.get(tag, _OTHER)};font-size:0.65em;font-weight:bold;'
        f'margin-left:0.2em;">{html.escape(tag)}</sub>'
    )


def _open_text(s: _Span, cont: bool) -> str:
    return {_QUOTE: "«", _ENTITY: "[", _TRIGGER: "<<"}[s.layer]


def _close_text(s: _Span, final: bool) -> str:
    if s.layer == _QUOTE:
        return "»" + (f"{{{s.after}}}" if final else "")
    if s.layer == _ENTITY:
        return (f"|{s.tag}" + "".join(f"|{x}" for x in s.extra) if final else "") + "]"
    return (f"|{s.tag}" if final else "") + ">>"


def _layout(text: str, spans: List[_Span], esc, open_, close_) -> str:
    """Nest spans by layer (quotes outside, entities, then triggers), splitting across crossings."""
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: List[str] = []
    stack: List[_Span] = []
    for a, b in zip(bounds, bounds[1:]):
        active = sorted((s for s in spans if s.start <= a and b <= s.end), key=_Span.key)
        common = 0
        while common < len(stack) and common < len(active) and stack[common] is active[common]:
            common += 1
        for s in reversed(stack[common:]):
            out.append(close_(s, s.end <= a))
        for s in active[common:]:
            out.append(open_(s, s.start < a))
        stack = active
        out.append(esc(text[a:b]))
    for s in reversed(stack):
        out.append(close_(s, True))
    return "".join(out)


def _legend(spans: List[_Span]) -> str:
    """What the colours and marks mean: the entity labels, event types and quote mark present."""
    from . import LABELS  # the label set, in its documented order

    order = {lab: i for i, lab in enumerate(LABELS)}
    labels = sorted({s.tag for s in spans if s.layer == _ENTITY}, key=lambda lab: (order.get(lab, len(order)), lab))
    types = sorted({s.tag for s in spans if s.layer == _TRIGGER} | {x for s in spans for x in s.extra})
    items: List[str] = []
    for lab in labels:
        items.append(
            f'<mark class="nf-legend-label" data-legend-label="{html.escape(lab)}" title="entity label {html.escape(lab)}" '
            f'style="background:{LABEL_COLOURS.get(lab, DEFAULT_COLOUR)};padding:0.05em 0.3em;'
            f'border-radius:0.3em;font-size:0.75em;">{html.escape(lab)}</mark>'
        )
    for ty in types:
        c = EVENT_COLOURS.get(ty, _OTHER)
        items.append(
            f'<span class="nf-legend-event" data-legend-type="{html.escape(ty)}" title="event type {html.escape(ty)}" '
            f'style="border-bottom:2px dashed {c};color:{c};font-size:0.75em;font-weight:bold;">{html.escape(ty)}</span>'
        )
    if any(s.layer == _QUOTE for s in spans):
        items.append(
            '<span class="nf-legend-quote" title="quotation, followed by its speaker" '
            f'style="background:#f3f3ff;border-bottom:2px solid {QUOTE_COLOUR};font-size:0.75em;">quote — speaker</span>'
        )
    if not items:
        return ""
    return (
        '<div class="nf-legend" style="margin-top:0.6em;line-height:1.6;">'
        '<span style="font-size:0.75em;color:#666;margin-right:0.4em;">Legend:</span>'
        + " ".join(items)
        + "</div>"
    )


def render(
    text: Optional[str],
    entities: pl.DataFrame,
    quotes: pl.DataFrame,
    events: pl.DataFrame,
    header: str = "",
) -> Rendered:
    """Render one document (tables already filtered to it)."""
    text = text or ""
    spans = _collect(text, entities, quotes, events)
    body_html = _layout(text, spans, _esc, _open_html, _close_html)
    body_text = _layout(text, spans, lambda s: s, _open_text, _close_text)
    legend = _legend(spans)
    head = f'<div style="font-weight:bold;margin-bottom:0.5em;">{html.escape(header)}</div>' if header else ""
    html_out = (
        '<div class="newsframe-doc" style="line-height:2.0;font-family:sans-serif;'
        'max-width:60em;padding:0.5em;">'
        f"{head}<div>{body_html}</div>"
        + legend
        + "</div>"
    )
    return Rendered(html=html_out, text=(header + "\n" if header else "") + body_text)


# ------------------------------------------------------------------ notebook repr
REPR_ROWS = 5
_CELL_CHARS = 60


def _cell(v: Any) -> str:
    if v is None:
        return '<span style="color:#aaa;">null</span>'
    if isinstance(v, float):
        v = f"{v:.6g}"  # a Float32 confidence shows as 0.9, not 0.8999999761581421
    if isinstance(v, list):
        v = "[" + ", ".join("null" if x is None else str(x) for x in v) + "]"
    s = str(v)
    if len(s) > _CELL_CHARS:
        s = s[: _CELL_CHARS - 1] + "…"
    return html.escape(s, quote=True)


def repr_html(tables: Dict[str, pl.DataFrame], rows: int = REPR_ROWS) -> str:
    """An ``Extraction`` in a notebook: per table its row count and first ``rows`` rows.

    All values are escaped; long cells are cut to 60 characters; wide tables scroll.

    Examples
    --------
    >>> import polars as pl
    >>> html_ = repr_html({"entities": pl.DataFrame({"text": ["<b>Kyiv</b>"], "label": ["GPE"]})})
    >>> "&lt;b&gt;Kyiv&lt;/b&gt;" in html_ and "<b>Kyiv" not in html_
    True
    """
    counts = ", ".join(f"{name}={df.height}" for name, df in tables.items())
    parts = [
        '<div class="newsframe-extraction" style="font-family:sans-serif;">',
        f'<div style="font-weight:bold;">Extraction({html.escape(counts)})</div>',
    ]
    for name, df in tables.items():
        n = df.height
        shown = min(n, rows)
        parts.append(
            f'<details class="nf-table" data-table="{html.escape(name)}"{" open" if n else ""}>'
            f"<summary><b>{html.escape(name)}</b>: {n} row{'s' if n != 1 else ''} × {df.width} columns"
            + (f" (first {shown})" if n > shown else "")
            + "</summary>"
        )
        if n:
            head = "".join(
                f'<th title="{html.escape(str(dt), quote=True)}" style="text-align:left;">{html.escape(c)}</th>'
                for c, dt in df.schema.items()
            )
            body = "".join(
                "<tr>" + "".join(f'<td style="text-align:left;">{_cell(v)}</td>' for v in r) + "</tr>"
                for r in df.head(rows).iter_rows()
            )
            parts.append(
                '<div style="overflow-x:auto;"><table class="dataframe" style="font-size:0.8em;">'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
            )
        parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)
