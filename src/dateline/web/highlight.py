"""An article's text as HTML with its findings marked, every character escaped.

The record's spans overlap freely (a claim runs through a quote, a loaded term sits inside a claim,
one quote contains another), and HTML elements must nest. So the text is cut at every span
boundary, longer spans open first, and a span that crosses the end of one it sits in is closed
there and opened again after it: one finding may become several elements, all carrying the same
``data-id``. Only the first piece carries ``class="first"`` (where a quote's label is drawn).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..present import KIND_LABELS, ArticleView, event_summary
from ..record import Record

_BLOCK = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    layer: int  # among spans of equal extent, the lower layer is the outer element
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)

    anchor: str = ""  # an id a link can point at (a story's evidence), on the first piece only

    def open_tag(self, first: bool) -> str:
        classes = self.classes + (" first" if first else "")
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs.items())
        anchor = f' id="{escape(self.anchor)}"' if first and self.anchor else ""
        return f'<span class="{classes}"{anchor}{attrs}>'


def _nest(text: str, start: int, end: int, marks: list[Mark], started: set[int]) -> str:
    """``text[start:end]`` with ``marks`` (clipped to it) as properly nested spans; ``started``
    holds the marks already drawn in an earlier block."""
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    opens: dict[int, list[Mark]] = {}
    for m in inside:
        opens.setdefault(max(m.start, start), []).append(m)
    bounds = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    out: list[str] = []
    stack: list[Mark] = []
    for here, nxt in zip(bounds, bounds[1:] + [None]):
        ending = [i for i, m in enumerate(stack) if min(m.end, end) == here]
        reopen: list[Mark] = []
        if ending:
            cut = ending[0]
            out.append("</span>" * len(stack[cut:]))
            reopen = [m for m in stack[cut:] if min(m.end, end) != here]
            del stack[cut:]
        if nxt is None:
            break
        for m in sorted(reopen + opens.get(here, []), key=lambda m: (-min(m.end, end), m.layer)):
            out.append(m.open_tag(first=id(m) not in started))
            started.add(id(m))
            stack.append(m)
        out.append(str(escape(text[here:nxt])))
    return "".join(out)


def marks_for(view: ArticleView) -> list[Mark]:
    """Every finding of the record as a mark, with a title a reader sees on hover."""
    r: Record = view.record
    marks: list[Mark] = []
    for c in view.claim_rows():
        anonymity = c["anonymity"] or ""
        who = f"{c['source_text']} ({c['source']})" if c["source_text"] else c["voice"]
        title = f"claim {c['id']} · {c['kind'].replace('_', ' ')} · voice: {who}"
        if c["hedges"] or c["distancing"]:
            title += " · hedged: " + ", ".join(c["hedges"] + c["distancing"])
        marks.append(Mark(c["start"], c["end"], 0, f"cl v-{c['voice']} {_anon_class(anonymity)}".strip(),
                          {"data-id": c["id"], "title": title}, anchor=span_anchor(c["id"])))
    for a in view.attribution_rows():
        source = view.sources.get(a["source"] or "")
        kind = source.kind if source else "none"
        anonymity = a["anonymity"]
        chain = " ← ".join(f"{s.text} ({KIND_LABELS.get(s.kind, s.kind)})" for s in view.chain(a["source"]))
        title = f"{a['id']} · {a['kind'].replace('_', ' ')}" + (" (thought)" if a["mode"] == "thought" else "")
        title += f" · {chain or 'no source found'}"
        tag = (a["source"] or "?") + {"anonymous": " · unnamed", "via_anonymous": " · via unnamed"}.get(anonymity, "")
        classes = f"q k-{kind} {_anon_class(anonymity)}" + (" thought" if a["mode"] == "thought" else "")
        start, end = a["content"]
        marks.append(Mark(start, end, 1, classes.strip(),
                          {"data-id": a["id"], "data-source": a["source"] or "", "data-anonymity": anonymity or "named",
                           "data-tag": tag, "title": title}))
    for a in r.attributions:
        source = view.sources.get(a.source or "")
        kind = source.kind if source else "none"
        if a.speaker:
            marks.append(Mark(a.speaker[0], a.speaker[1], 2, f"spk k-{kind}",
                              {"data-id": f"{a.id}-speaker", "title": f"speaker of {a.id}: {source.text if source else '?'}"}))
        if a.cue:
            distancing = " distancing" if a.distancing else ""
            marks.append(Mark(a.cue[0], a.cue[1], 3, "cue" + distancing,
                              {"data-id": f"{a.id}-cue", "title": f"cue of {a.id}" + (" (distancing)" if distancing else "")}))
    for i, t in enumerate(view.loaded_rows()):
        about = f" · about {t['target_name']}" if t["target_name"] else ""
        voice = f"quoted: {t['source_text']}" if t["voice"] == "quoted" and t["source_text"] else t["voice"]
        marks.append(Mark(t["start"], t["end"], 4, f"ld v-{t['voice']}",
                          {"data-id": f"l{i + 1}", "title": f"loaded term · {t['category'].replace('_', ' ')} · {voice}{about}"}))
    for x in view.timex_rows():
        anchor = f" (anchored on {x['anchor']})" if x["anchor"] else ""
        marks.append(Mark(x["start"], x["end"], 5, "tx",
                          {"data-id": x["id"], "data-value": x["value"], "title": f"{x['type']} {x['value']}{anchor}"}))
    for e in view.event_rows():
        word = f" · on the word of {e['source_text']}" if e["source_text"] else ""
        mode = f" ({e['mode']})" if e["mode"] else ""
        marks.append(Mark(e["start"], e["end"], 6, f"ev st-{e['status']}",
                          {"data-id": e["id"], "title": f"event {e['type']}{mode} · {event_summary(e)} · {e['status']}"
                                                         f"{' · ' + e['date'] if e['date'] else ''}{word}"},
                          anchor=span_anchor(e["id"])))
    if r.dateline is not None and r.dateline.end > r.dateline.start:
        marks.append(Mark(r.dateline.start, r.dateline.end, 0, "dl", {"title": "dateline"}))
    return marks


def span_anchor(item_id: str) -> str:
    """The id of an event's or a claim's span on its article page: ``/articles/A#f-ev3``."""
    return f"f-{item_id}"


def _anon_class(anonymity: str | None) -> str:
    return {"anonymous": "anon", "via_anonymous": "via-anon"}.get(anonymity or "", "")


def article_html(view: ArticleView) -> Markup:
    """The whole text: paragraphs as ``<p>``, the record's headings as ``<h3>``, findings marked."""
    r = view.record
    marks = marks_for(view)
    headings = {(h.start, h.end) for h in r.headings}
    blocks = []
    started: set[int] = set()
    for m in _BLOCK.finditer(r.text):
        s, e = m.start(), m.end()
        while s < e and r.text[s].isspace():
            s += 1
        while e > s and r.text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        tag = "h3" if (s, e) in headings else "p"
        blocks.append(f'<{tag} data-offset="{s}">{_nest(r.text, s, e, marks, started)}</{tag}>')
    return Markup("\n".join(blocks))


def snippet_html(text: str, start: int, end: int, context: int = 80) -> Markup:
    """A few words either side of ``text[start:end]``, the span itself in ``<mark>``."""
    a = max(0, start - context)
    b = min(len(text), end + context)
    while a > 0 and not text[a - 1].isspace() and start - a < context + 20:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - end < context + 20:
        b += 1
    return Markup(("… " if a > 0 else "") + str(escape(text[a:start])) + "<mark>" + str(escape(text[start:end]))
                  + "</mark>" + str(escape(text[end:b])) + (" …" if b < len(text) else ""))
