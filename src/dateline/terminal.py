"""Records drawn for a terminal with rich: the card ``analyze`` prints for each article, and the
who-said-what tables of ``show --format table``. Everything fits 100 columns: long text is cut to
its first words, and rich wraps what is left inside its column."""
from __future__ import annotations

import io
from typing import Iterable, Optional

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from .present import ANONYMOUS_KINDS, ArticleView, event_summary
from .record import Record

ANON_STYLE = "bold yellow"


def summary_card(origin: str, status: str, record: Record) -> Table:
    """One article at a glance: where it came from, what was found, the sourcing in one line."""
    table = Table(title=record.title or origin, title_justify="left", show_header=False, min_width=60)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value")
    table.add_row("id", f"{record.id} ({status})")
    table.add_row("from", origin)
    table.add_row("published", f"{record.published or '?'} ({record.published_from})")
    if record.dateline:
        table.add_row("dateline", f"{record.dateline.text!r} place={record.dateline.place} date={record.dateline.date}")
    table.add_row("outlet", record.outlet or "")
    if record.authors:
        table.add_row("authors", ", ".join(record.authors))
    table.add_row("language", record.language or "")
    table.add_row("words / headings", f"{len(record.text.split())} / {len(record.headings)}")
    table.add_row("chrome removed", str(len(record.removed)))
    ents = sorted(record.entities, key=lambda e: -len(e.mentions))[:8]
    table.add_row("entities", f"{len(record.entities)}: " + ", ".join(f"{e.name} ({e.type})" for e in ents))
    counts = {"timexes": record.timexes, "sources": record.sources, "attributions": record.attributions,
              "claims": record.claims, "loaded": record.loaded_terms, "events": record.events}
    table.add_row("found", "  ".join(f"{k} {len(v)}" for k, v in counts.items()))
    sc = record.scorecard
    if sc is not None:
        table.add_row("sourcing", f"attributed {sc.share_attributed:.0%} of {sc.claims} claims; "
                      f"anonymous {sc.anonymous_share:.0%} of {sc.attributions} attributions; "
                      f"{sc.distinct_named_sources} named sources; loaded/1k words "
                      f"authorial {sc.loaded_authorial_per_1k:.1f} quoted {sc.loaded_quoted_per_1k:.1f}")
    for w in record.warnings:
        table.add_row("warning", w)
    return table


def _section(title: str, columns: list[str], widths: dict[str, int | None]) -> Table:
    """A table of one part. ``widths`` fixes a column's width (None: it shares the room left over);
    both wrap at words. A column not named keeps its content's width on one line."""
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  header_style="bold", pad_edge=False, expand=True)
    for name in columns:
        if name not in widths:
            table.add_column(name, no_wrap=True, justify="right" if name in ("said", "check") else "left")
        elif widths[name] is None:
            table.add_column(name, ratio=1)
        else:
            table.add_column(name, width=widths[name])
    return table


def _anon(anonymity: Optional[str]) -> Text:
    """``anon``: the source itself is unnamed; ``via anon``: a named source carried by an unnamed one."""
    if anonymity is None:
        return Text("")
    return Text("anon", style=ANON_STYLE) if anonymity == "anonymous" else Text("via anon", style="yellow")


def _who(source_text: Optional[str], source_id: Optional[str]) -> str:
    return f"{source_text} ({source_id})" if source_id else (source_text or "")


def _sources(view: ArticleView) -> Table:
    t = _section("Sources: who is heard, and who carried them",
                 ["id", "source", "kind", "descriptor", "affiliation", "carried by", "said"],
                 {"source": 18, "kind": 10, "descriptor": 16, "affiliation": 12, "carried by": None})
    for s in view.source_rows():
        chain = " ← ".join(f"{c['text']} ({c['id']}, unnamed)" if c["kind"] in ANONYMOUS_KINDS
                           else _who(c["text"], c["id"]) for c in s["chain"])
        kind = Text(s["kind_label"], style=ANON_STYLE if s["anonymity"] == "anonymous" else "")
        carried = Text(chain, style="yellow" if s["anonymity"] == "via_anonymous" else "")
        t.add_row(s["id"], s["text"], kind, s["descriptor"] or "", s["affiliation"] or "", carried,
                  str(s["attributions"]))
    return t


def _attributions(view: ArticleView) -> Table:
    t = _section("Who said what", ["id", "source", "", "kind", "cue", "what (first words)"],
                 {"source": 20, "kind": 12, "cue": 12, "what (first words)": None})
    for a in view.attribution_rows():
        cue = (a["cue"] or "—") + (" (distancing)" if a["distancing"] else "")
        kind = a["kind"].replace("_", " ") + (", thought" if a["mode"] == "thought" else "")
        t.add_row(a["id"], _who(a["source_text"], a["source"]), _anon(a["anonymity"]), kind, cue, a["first_words"])
    return t


def _claims(view: ArticleView) -> Table:
    t = _section("Claims and their voice", ["id", "voice", "", "kind", "hedges", "check", "claim (first words)"],
                 {"voice": 20, "kind": 10, "hedges": 10, "claim (first words)": None})
    for c in view.claim_rows(words=10):
        voice = _who(c["source_text"], c["source"]) if c["voice"] == "source" and c["source"] else c["voice"]
        t.add_row(c["id"], voice, _anon(c["anonymity"]), c["kind"].replace("_", " "),
                  ", ".join(c["hedges"] + c["distancing"]), f"{c['checkworthy']:.2f}", c["first_words"])
    return t


def _loaded(view: ArticleView) -> Table:
    t = _section("Loaded terms", ["term", "category", "voice", "about"], {"term": None, "voice": None, "about": 18})
    for term in view.loaded_rows():
        voice = f"quoted: {_who(term['source_text'], term['source'])}" if term["voice"] == "quoted" and term["source"] \
            else term["voice"]
        t.add_row(term["text"], term["category"].replace("_", " "), voice, term["target_name"] or "")
    return t


def _events(view: ArticleView) -> Table:
    t = _section("Events", ["id", "type", "who → whom", "status", "date", "word", "on whose word"],
                 {"type": 13, "who → whom": None, "word": 13, "on whose word": None})
    for e in view.event_rows():
        kind = e["type"] + (f" ({e['mode']})" if e["mode"] else "")
        word = Text(_who(e["source_text"], e["source"]), style=ANON_STYLE if e["anonymity"] else "") \
            if e["source"] else Text("the article")
        t.add_row(e["id"], kind, event_summary(e), e["status"], e["date"] or "", e["trigger"], word)
    return t


def _timexes(view: ArticleView) -> Table:
    t = _section("Time expressions", ["id", "text", "type", "value", "anchored on"], {"text": None})
    for x in view.timex_rows():
        t.add_row(x["id"], x["text"], x["type"], x["value"], x["anchor"] or "")
    return t


def record_tables(record: Record, origin: str = "stored") -> RenderableType:
    """``show --format table``: the card, then sources, who said what, claims, loaded terms,
    events and time expressions, each a table; empty sections say so in one line."""
    view = ArticleView(record)
    parts: list[RenderableType] = [summary_card(record.url or "(no address)", origin, record)]
    counts = view.anonymity_counts()
    if record.attributions:
        carried = (f" and {counts['via_anonymous']} from a named one carried by an unnamed source (via anon)"
                   if counts["via_anonymous"] else "")
        parts.append(Text(f"Of {sum(counts.values())} attributed statements, {counts['anonymous']} come from an "
                          f"unnamed source (anon){carried}.", style=ANON_STYLE if counts["anonymous"] else ""))
    sections = [(record.sources, _sources), (record.attributions, _attributions), (record.claims, _claims),
                (record.loaded_terms, _loaded), (record.events, _events), (record.timexes, _timexes)]
    for items, draw in sections:
        table = draw(view)
        parts.append(table if items else Text(f"{table.title}: none found", style="dim"))
    return Group(*parts)


def render(renderable: RenderableType, width: int) -> str:
    """What ``renderable`` prints at ``width`` columns, as plain text."""
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(renderable)
    return out.getvalue()
