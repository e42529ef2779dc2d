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
