"""Small charts drawn as SVG on the server: no script, no stylesheet of their own (colours come from
classes in reader.css), every label escaped. Each returns Markup ready for a template."""
from __future__ import annotations

from typing import Callable, Sequence

from markupsafe import Markup, escape


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
                  f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>{"".join(body)}</svg>')


def hbars(items: Sequence[tuple[str, float, str]], label: str, width: int = 300, row: int = 18,
          fmt: Callable[[float], str] = lambda v: f"{v:g}", max_value: float | None = None) -> Markup:
    """One horizontal bar per ``(name, value, css class)``, the name left, the value right."""
    if not items:
        return Markup("")
    top = max_value if max_value is not None else max(v for _, v, _ in items) or 1
    name_w, value_w = 118, 40
    bar_w = width - name_w - value_w
    body = []
    for i, (name, value, cls) in enumerate(items):
        y = i * row
        w = max(1.0, bar_w * min(value, top) / top) if value > 0 and top > 0 else 0.0
        body.append(f'<text class="lbl" x="{name_w - 6}" y="{y + row - 5}" text-anchor="end">{escape(name)}</text>'
                    f'<rect class="bar {escape(cls)}" x="{name_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}">'
                    f'<title>{escape(name)}: {escape(fmt(value))}</title></rect>'
                    f'<text class="val" x="{name_w + bar_w + 4}" y="{y + row - 5}">{escape(fmt(value))}</text>')
    return _svg(width, row * len(items), body, label)


def stacked(parts: Sequence[tuple[str, float, str]], label: str, width: int = 300, height: int = 16) -> Markup:
    """One bar split into ``(name, value, css class)`` parts, in order, with a legend below (parts
    of 0 left out)."""
    total = sum(v for _, v, _ in parts)
    body, x = [], 0.0
    for name, value, cls in parts:
        w = width * value / total if total else 0
        if w > 0:
            body.append(f'<rect class="bar {escape(cls)}" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}">'
                        f'<title>{escape(name)}: {value:g}</title></rect>')
        x += w
    lx = 0
    for name, value, cls in parts:
        if not value:
            continue
        text = f"{name} {value:g}"
        body.append(f'<rect class="bar {escape(cls)}" x="{lx}" y="{height + 6}" width="10" height="10"></rect>'
                    f'<text class="lbl" x="{lx + 14}" y="{height + 15}">{escape(text)}</text>')
        lx += 26 + 6.6 * len(text)
    return _svg(width, height + 20, body, label)


def columns(items: Sequence[tuple[str, float]], label: str, width: int = 300, height: int = 90,
            cls: str = "col") -> Markup:
    """Vertical bars (a histogram or a count by month); the first, middle and last names are
    written below, so they never crowd, and each bar names itself on hover."""
    if not items:
        return Markup("")
    top = max(v for _, v in items) or 1
    n = len(items)
    gap = 2 if n < 40 else 1 if n < 120 else 0
    w = max(0.5, (width - gap * (n - 1)) / n)
    plot_h = height - 16
    named = {0: "start", n - 1: "end"} if n > 1 else {0: "start"}
    if n > 4:
        named[n // 2] = "middle"
    body = []
    for i, (name, value) in enumerate(items):
        h = plot_h * value / top
        x = i * (w + gap)
        body.append(f'<rect class="bar {escape(cls)}" x="{x:.1f}" y="{plot_h - h:.1f}" width="{w:.1f}" height="{h:.1f}">'
                    f'<title>{escape(name)}: {value:g}</title></rect>')
        if i in named:
            anchor = named[i]
            tx = x if anchor == "start" else x + w if anchor == "end" else x + w / 2
            body.append(f'<text class="lbl" x="{tx:.1f}" y="{height - 3}" text-anchor="{anchor}">{escape(name)}</text>')
    body.append(f'<line class="axis" x1="0" y1="{plot_h}" x2="{width}" y2="{plot_h}"></line>')
    return _svg(width, height, body, label)


def _day_number(day: str) -> int | None:
    """Days since 1 January of year 1 for a day, month or year ("2025-03-04", "2025-03", "2025")."""
    import datetime as dt

    parts = (day or "").split("-")
    try:
        y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


def timeline(items: Sequence[dict], label: str, width: int = 720, row: int = 22) -> Markup:
    """Stories along a line of days, one row per counterpart (the other entity of an event, or
    "claims"), each a dot sized by its independent outlets, hollow where every piece of its support
    is anonymous, and a link to the story. ``items`` are ``corpus.views`` timeline items; those
    without a date are listed in text by the page, not drawn."""
    dated = [(it, _day_number(it.get("date_start") or "")) for it in items]
    dated = [(it, d) for it, d in dated if d is not None]
    if not dated:
        return Markup("")
    rows: list[str] = []
    for it, _ in dated:
        name = _row_name(it)
        if name not in rows:
            rows.append(name)
    lo, hi = min(d for _, d in dated), max(d for _, d in dated)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    name_w, pad = 150, 14
    plot_w = width - name_w - 2 * pad
    axis_y = row * len(rows) + 6
    body = []
    for i, name in enumerate(rows):
        y = i * row + row / 2
        body.append(f'<text class="lbl" x="{name_w - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(_clip(name, 22))}</text>'
                    f'<line class="grid" x1="{name_w}" y1="{y:.1f}" x2="{width - pad}" y2="{y:.1f}"></line>')
    for it, d in dated:
        x = name_w + pad + plot_w * (d - lo) / (hi - lo)
        y = rows.index(_row_name(it)) * row + row / 2
        r = 3.5 + 1.8 * min(int(it.get("independent_outlets") or 1), 6)
        cls = "dot anon" if it.get("anonymous_only") else "dot"
        tip = f"{it.get('date_start')} · {it.get('title') or it.get('type')} · {it.get('independent_outlets')} independent outlet(s)"
        body.append(f'<a href="/stories/{escape(it["id"])}"><circle class="{cls} t-{escape(it.get("kind") or "")}" '
                    f'cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(tip)}</title></circle></a>')
    first, last = min(it.get("date_start") for it, _ in dated), max(it.get("date_start") for it, _ in dated)
    body.append(f'<line class="axis" x1="{name_w}" y1="{axis_y}" x2="{width - pad}" y2="{axis_y}"></line>')
    if first == last:  # one day: one label, under the dots (drawn in the middle)
        body.append(f'<text class="lbl" x="{name_w + pad + plot_w / 2:.1f}" y="{axis_y + 14}" '
                    f'text-anchor="middle">{escape(first)}</text>')
    else:
        body.append(f'<text class="lbl" x="{name_w + pad}" y="{axis_y + 14}" text-anchor="start">{escape(first)}</text>'
                    f'<text class="lbl" x="{width - pad}" y="{axis_y + 14}" text-anchor="end">{escape(last)}</text>')
    return _svg(width, axis_y + 20, body, label)


def _row_name(item: dict) -> str:
    if item.get("kind") == "claim":
        return "claims"
    other = item.get("counterpart") or {}
    return other.get("name") or "(no other party)"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def graph(nodes: Sequence[dict], edges: Sequence[dict], label: str, size: int = 760,
          link: Callable[[dict], str] = lambda n: f"/entities/{n['id']}") -> Markup:
    """The actor graph: entities on a circle (the most connected first, at the top), an arrow from
    actor to recipient per event type, its width by independent outlets and its colour by the type's
    family (``k-`` classes in reader.css); each node a link to its entity page. A layout of our own:
    a circle keeps every label readable, which force layouts of small graphs do not."""
    import math

    if not nodes:
        return Markup("")
    degree = {n["id"]: 0 for n in nodes}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + e["weight"]
        degree[e["target"]] = degree.get(e["target"], 0) + e["weight"]
    order = _circle_order(nodes, edges, degree)
    c = size / 2
    radius = size / 2 - 110
    at = {}
    for i, n in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * i / len(order)
        at[n["id"]] = (c + radius * math.cos(angle), c + radius * math.sin(angle), angle)
    top = max((e["weight"] for e in edges), default=1) or 1
    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="11" markerHeight="11" '
            'markerUnits="userSpaceOnUse" orient="auto"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"></path>'
            '</marker></defs>']
    pairs: dict[tuple[str, str], int] = {}
    for e in sorted(edges, key=lambda e: e["weight"]):
        (x1, y1, _), (x2, y2, _) = at[e["source"]], at[e["target"]]
        k = pairs.get((e["source"], e["target"]), 0)
        pairs[(e["source"], e["target"])] = k + 1
        # a curve bent to one side, more for each further type between the same two, so the arrows
        # one way and the other and several types never lie on one another
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        bend = 0.12 + 0.1 * k
        qx, qy = mx - dy * bend, my + dx * bend
        # end short of the node's circle
        ex, ey = x2 - dx / length * 9, y2 - dy / length * 9
        w = 1 + 5 * e["weight"] / top
        tip = f"{_name(nodes, e['source'])} → {_name(nodes, e['target'])}: {e['type']}, {e['stories']} stor{'y' if e['stories'] == 1 else 'ies'}, {e['weight']} independent outlet(s)"
        body.append(f'<path class="edge k-{escape(family(e["type"]))}" d="M {x1:.1f} {y1:.1f} Q {qx:.1f} {qy:.1f} {ex:.1f} {ey:.1f}" '
                    f'stroke-width="{w:.1f}" marker-end="url(#arrow)"><title>{escape(tip)}</title></path>')
    for n in order:
        x, y, angle = at[n["id"]]
        lx, ly = x + 12 * math.cos(angle), y + 12 * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        ly += 4 if abs(math.sin(angle)) < 0.9 else (14 if math.sin(angle) > 0 else -6)
        body.append(f'<a href="{escape(link(n))}"><circle class="node t-{escape((n.get("type") or "").lower())}" cx="{x:.1f}" '
                    f'cy="{y:.1f}" r="7"><title>{escape(n["name"])} · {n.get("articles", 0)} article(s)</title></circle>'
                    f'<text class="lbl node-lbl" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(_clip(n["name"], 26))}</text></a>')
    return _svg(size, size, body, label)


def _circle_order(nodes: Sequence[dict], edges: Sequence[dict], degree: dict[str, float]) -> list[dict]:
    """Nodes in the order they go round the circle: each connected group together, the largest
    first, walked breadth-first from its best-connected node, so that most arrows join neighbours
    instead of crossing the circle."""
    by_id = {n["id"]: n for n in nodes}
    near: dict[str, set[str]] = {n["id"]: set() for n in nodes}
    for e in edges:
        near[e["source"]].add(e["target"])
        near[e["target"]].add(e["source"])
    rank = lambda i: (-degree.get(i, 0), by_id[i]["name"], i)  # noqa: E731
    seen: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(by_id, key=rank):
        if start in seen:
            continue
        group, queue = [], [start]
        seen.add(start)
        while queue:
            here = queue.pop(0)
            group.append(here)
            for other in sorted(near[here] - seen, key=rank):
                seen.add(other)
                queue.append(other)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g), rank(g[0])))
    return [by_id[i] for g in groups for i in g]


def _name(nodes: Sequence[dict], node_id: str) -> str:
    return next((n["name"] for n in nodes if n["id"] == node_id), node_id)


# PLOVER's four quad classes, for the graph's colours: verbal and material cooperation and conflict.
_FAMILIES = {
    "verbal-coop": {"AGREE", "CONSULT", "SUPPORT"},
    "material-coop": {"CONCEDE", "COOPERATE", "AID", "RETREAT"},
    "verbal-conflict": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "material-conflict": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}


def family(event_type: str) -> str:
    base = (event_type or "").split(":")[0].upper()
    for family, types in _FAMILIES.items():
        if base in types:
            return family
    return "other"


FAMILY_LABELS = {"verbal-coop": "verbal cooperation", "material-coop": "material cooperation",
                 "verbal-conflict": "verbal conflict", "material-conflict": "material conflict", "other": "other"}
