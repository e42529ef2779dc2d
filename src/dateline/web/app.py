"""The reader: FastAPI, server-rendered with Jinja2, no script.

Every page is a view function returning plain data; the same data renders as HTML at ``PATH`` and
as JSON at ``PATH.json`` (the JSON route is declared first: ``{article_id}`` would match the dot).
The pages only read: the store is opened once, read-only (``Store(path, read_only=True)``).

To add a page: a view ``(request, **path and query
parameters) -> (data, extras)`` whose ``data`` is plain JSON-able (what ``corpus.views`` returns)
and ``extras`` what only the HTML needs (charts as Markup), or a function making them where they
cost queries the JSON twin need not pay; a template that extends ``base.html``
(blocks ``title``, ``main``); ``route(path, template, view)`` inside ``create_app``; and an entry in
``NAV`` for the bar at the top.
"""
from __future__ import annotations

import contextlib
import functools
import inspect
import re
from pathlib import Path
from urllib.parse import urlencode
from typing import Any, Callable, Optional

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..corpus import views
from ..present import ANONYMOUS_KINDS, KIND_LABELS, ArticleView
from . import charts
from .data import UNKNOWN_OUTLET, Filters, Reader
from .highlight import article_html, snippet_html, span_anchor

HERE = Path(__file__).parent
_ID = re.compile(r"^[0-9a-f]{4,64}$")
_ENTITY_ID = re.compile(r"^e\d{1,6}$")
_STORY_ID = re.compile(r"^[\w.:-]{1,80}$")
CORPUS_PAGE = 100  # stories or entities a page of the corpus lists

# The pages in the navigation bar: (label, path). Pages of the corpus add themselves here.
NAV: list[tuple[str, str]] = [("Articles", "/"), ("Stories", "/stories"), ("Entities", "/entities"),
                              ("Graph", "/graph")]

# Scripts are not used anywhere, so none may run: whatever an article's text holds stays text.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.0%}"
    env.filters["kind"] = lambda k: KIND_LABELS.get(k, (k or "").replace("_", " "))
    # An article's address is linked only when it is a web address: never javascript: or data:.
    env.filters["web_url"] = lambda u: u if isinstance(u, str) and re.match(r"^https?://", u, re.I) else None
    env.globals.update(nav=NAV, version=__version__, unknown_outlet=UNKNOWN_OUTLET)
    return env


def create_app(db: str | Path, allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """The reader over the store at ``db``. ``allowed_hosts`` limits the Host header (the server
    bound to 127.0.0.1 answers only to local names, so a web page elsewhere cannot rebind a name
    to it and read the store)."""
    reader = Reader(db)
    env = _environment()

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        reader.close()

    app = FastAPI(title="dateline reader", version=__version__, docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.reader = reader
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def page(template: str, view: Callable[..., tuple[dict[str, Any], dict[str, Any]]]):
        """An HTML route and its JSON twin from one view returning (data, extras for HTML only); the
        extras may be a function making them, called for the HTML page only (a chart's queries)."""
        @functools.wraps(view)
        def as_html(request: Request, **kwargs) -> HTMLResponse:
            data, extras = view(request, **kwargs)
            extras = extras() if callable(extras) else extras
            json_path = request.url.path.rstrip("/") + ("/.json" if request.url.path == "/" else ".json")
            json_url = json_path.replace("//", "/") + (f"?{request.url.query}" if request.url.query else "")
            html = env.get_template(template).render(request=request, data=data, json_url=json_url, **extras)
            return HTMLResponse(html)

        @functools.wraps(view)
        def as_json(request: Request, **kwargs) -> JSONResponse:
            data, _ = view(request, **kwargs)
            return JSONResponse(data)

        # FastAPI reads the parameters (path, query) from the signature: the view's own.
        as_html.__signature__ = as_json.__signature__ = inspect.signature(view)
        return as_html, as_json

    def route(path: str, template: str, view) -> None:
        as_html, as_json = page(template, view)
        json_path = "/.json" if path == "/" else path + ".json"
        app.add_api_route(json_path, as_json, methods=["GET"], include_in_schema=False)
        app.add_api_route(path, as_html, methods=["GET"], include_in_schema=False)

    def get_record(article_id: str):
        record = reader.article(article_id) if _ID.match(article_id) else None
        if record is None:
            raise HTTPException(404, f"No article {article_id!r} in this store.")
        return record

    def index(request: Request, q: str = "", outlet: str = "", date_from: str = "", date_to: str = "",
              entity: str = "", anon_min: str = "", anon_max: str = "", page: str = "1"):
        # A form sends its empty fields as empty strings: they mean "not filtered".
        filters = Filters(q=q, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity,
                          anon_min=_percent("anon_min", anon_min), anon_max=_percent("anon_max", anon_max))
        result = reader.articles(filters, page=int(_number("page", page) or 1))
        data = {"filters": filters.as_dict(), **result, "outlets": reader.outlets()}
        snippets: dict[str, Markup] = {}
        if filters.words():
            texts = reader.texts([a["id"] for a in result["articles"]])
            for article_id, text in texts.items():
                snippets[article_id] = _search_snippet(text, filters.words())
        months = list(result["by_month"].items())
        bins = [(f"{10 * i}–{10 * i + 10}%", n) for i, n in enumerate(result["anonymous_share_histogram"])]
        extras = {
            "snippets": snippets,
            "month_chart": charts.columns(months, "articles by month of publication", width=320, cls="col"),
            "anon_chart": charts.columns(bins, "articles by share of anonymous attributions", width=320,
                                         cls="col anon-col"),
            "query_for_page": lambda n: _query_with(request, page=n),
        }
        return data, extras

    def article(request: Request, article_id: str):
        record = get_record(article_id)
        view = ArticleView(record)
        sc = record.scorecard
        data = {"article": record.to_dict(), "view": view.as_dict()}
        counts = view.anonymity_counts()
        extras = {
            "record": record, "v": data["view"], "text_html": article_html(view),
            "anonymity_chart": charts.stacked(
                [("unnamed", counts["anonymous"], "anon"), ("via unnamed", counts["via_anonymous"], "via-anon"),
                 ("named", counts["named"], "named")], "attributed statements by whether their source is named"),
            "kinds_chart": charts.hbars(
                [(KIND_LABELS.get(k, k), n, f"k-{k}") for k, n in sorted((sc.sources_by_kind if sc else {}).items(),
                                                                         key=lambda kv: (-kv[1], kv[0]))],
                "sources by kind"),
            "affiliation_chart": charts.hbars(
                [(k, n, "aff") for k, n in sorted((sc.sources_by_affiliation if sc else {}).items(),
                                                 key=lambda kv: (-kv[1], kv[0]))], "sources by affiliation"),
            "anonymous_kinds": ANONYMOUS_KINDS,
        }
        return data, extras

    def entity(request: Request, article_id: str, entity_id: str):
        record = get_record(article_id)
        view = ArticleView(record)
        ent = view.entities.get(entity_id) if _ENTITY_ID.match(entity_id) else None
        if ent is None:
            raise HTTPException(404, f"No entity {entity_id!r} in article {article_id}.")
        source_ids = {s.id for s in record.sources if s.entity == ent.id}
        said = [a for a in view.attribution_rows(words=40) if a["source"] in source_ids]
        loaded = [t for t in view.loaded_rows() if t["target"] == ent.id]
        events = [e for e in view.event_rows() if ent.id in (e["actor"], e["recipient"])]
        mentions = [{"start": s, "end": e, "text": record.text[s:e]} for s, e in ent.mentions]
        data = {
            "article": {"id": record.id, "title": record.title, "outlet": record.outlet, "published": record.published},
            "entity": {"id": ent.id, "name": ent.name, "type": ent.type, "country": ent.country, "kb": ent.kb},
            "mentions": mentions, "sources": [s for s in view.source_rows() if s["id"] in source_ids],
            "said": said, "loaded_terms_about": loaded, "events": events,
            "elsewhere": reader.elsewhere(ent.name, ent.kb, record.id),
            "corpus_entity": reader.corpus(views.corpus_entity_of, record.id, ent.id),
        }
        extras = {"snippets": [snippet_html(record.text, m["start"], m["end"]) for m in mentions[:30]]}
        return data, extras

    def corpus_entity_ref(name_or_id: str) -> Optional[dict[str, Any]]:
        """A corpus entity named by its id or by a name or alias (the most written about of them)."""
        if not name_or_id.strip():
            return None
        found = reader.corpus(views.find_entities, name_or_id.strip(), limit=1)
        if not found:
            raise HTTPException(404, f"No entity {name_or_id[:80]!r} in the corpus of this store.")
        return found[0]

    def one_page(view, page: str, **filters) -> tuple[int, list[dict[str, Any]], bool]:
        """(page number, its rows, whether more follow) of a corpus list view, a row more asked for
        to know whether another page follows."""
        n = max(1, int(_number("page", page) or 1))
        rows = reader.corpus(view, **filters, limit=CORPUS_PAGE + 1, offset=(n - 1) * CORPUS_PAGE)
        return n, rows[:CORPUS_PAGE], len(rows) > CORPUS_PAGE

    def stories(request: Request, entity: str = "", outlet: str = "", min_outlets: str = "1", kind: str = "",
                anonymous: str = "", page: str = "1"):
        if kind not in ("", "event", "claim") or anonymous not in ("", "only", "none"):
            raise HTTPException(400, "kind is event or claim; anonymous is only or none.")
        ref = corpus_entity_ref(entity)
        least = int(_number("min_outlets", min_outlets) or 1)
        n, rows, more = one_page(views.stories, page, entity=ref["id"] if ref else None, outlet=outlet or None,
                                 min_outlets=least, kind=kind or None,
                                 anonymous_only={"only": True, "none": False}.get(anonymous))
        data = {"filters": {"entity": ref, "outlet": outlet, "min_outlets": least, "kind": kind, "anonymous": anonymous},
                "page": n, "more": more, "stories": rows}
        return data, {"query_for_page": lambda p: _query_with(request, page=p)}

    def story(request: Request, story_id: str):
        found = reader.corpus(views.story, story_id) if _STORY_ID.match(story_id) else None
        if found is None:
            raise HTTPException(404, f"No story {story_id!r} in this store.")
        texts = reader.texts(sorted({m["article_id"] for m in found["members"]}))
        context: dict[int, Markup] = {}
        for i, m in enumerate(found["members"]):
            m["href"] = f"/articles/{m['article_id']}#{span_anchor(m['item_id'])}"
            if m["article_id"] in texts and m["start"] is not None:
                context[i] = snippet_html(texts[m["article_id"]], m["start"], m["end"], context=110)
        return found, {"context": context}

    def entities(request: Request, q: str = "", type: str = "", page: str = "1"):
        n, rows, more = one_page(views.entities, page, query=q or None, type=type or None)
        data = {"filters": {"q": q, "type": type}, "page": n, "more": more, "entities": rows}
        return data, {"query_for_page": lambda p: _query_with(request, page=p)}

    def corpus_entity(request: Request, entity_id: str):
        found = reader.corpus(views.entity, entity_id) if _STORY_ID.match(entity_id) else None
        if found is None:
            raise HTTPException(404, f"No entity {entity_id!r} in the corpus of this store.")
        counterparts: dict[str, dict[str, Any]] = {}
        for item in found["timeline"]:
            other = item.get("counterpart")
            if other and other["id"] != entity_id:
                c = counterparts.setdefault(other["id"], {**other, "stories": 0})
                c["stories"] += 1
        found["counterparts"] = sorted(counterparts.values(), key=lambda c: (-c["stories"], c["name"]))
        return found, lambda: {"timeline_chart": charts.timeline(found["timeline"], f"timeline of {found['name']}"),
                               "graph_chart": _small_graph(entity_id)}

    def pair(request: Request, entity_id: str, other_id: str):
        a = reader.corpus(views.find_entities, entity_id, limit=1) if _STORY_ID.match(entity_id) else []
        b = reader.corpus(views.find_entities, other_id, limit=1) if _STORY_ID.match(other_id) else []
        if not a or not b or a[0]["id"] != entity_id or b[0]["id"] != other_id:
            raise HTTPException(404, f"No entities {entity_id!r} and {other_id!r} in the corpus of this store.")
        items = reader.corpus(views.pair_timeline, entity_id, other_id)
        data = {"entity": a[0], "other": b[0], "timeline": items}
        return data, {"timeline_chart": charts.timeline(items, f"timeline of {a[0]['name']} and {b[0]['name']}")}

    def _small_graph(entity_id: str) -> Markup:
        g = reader.corpus(views.graph, entity=entity_id, limit=40)
        return charts.graph(g["nodes"], g["edges"], "who does what to whom around this entity", size=520)

    def graph(request: Request, entity: str = "", min_weight: str = "1"):
        ref = corpus_entity_ref(entity)
        weight = int(_number("min_weight", min_weight) or 1)
        g = reader.corpus(views.graph, entity=ref["id"] if ref else None, min_weight=weight, limit=120)
        data = {"filters": {"entity": ref, "min_weight": weight}, **g}
        names = {n["id"]: n["name"] for n in g["nodes"]}
        extras = {"graph_chart": charts.graph(g["nodes"], g["edges"], "who does what to whom, by event type"),
                  "families": charts.FAMILY_LABELS, "names": names, "family_of": charts.family}
        return data, extras

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # asked for by browsers on pages without a <link rel="icon">, such as JSON
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    route("/", "index.html", index)
    route("/articles/{article_id}", "article.html", article)
    route("/articles/{article_id}/entities/{entity_id}", "entity.html", entity)
    route("/stories", "stories.html", stories)
    route("/stories/{story_id}", "story.html", story)
    route("/entities", "entities.html", entities)
    route("/entities/{entity_id}", "corpus_entity.html", corpus_entity)
    route("/entities/{entity_id}/with/{other_id}", "pair.html", pair)
    route("/graph", "graph.html", graph)

    def error_page(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        html = env.get_template("error.html").render(request=request, status=status, message=message, json_url=None)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else "No such page."
        return error_page(request, exc.status_code, str(message))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        names = ", ".join(str(e.get("loc", ["", "?"])[-1]) for e in exc.errors())
        return error_page(request, 400, f"Bad value for: {names}. Numbers are expected there.")

    return app


def _number(name: str, value: str) -> Optional[float]:
    if not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a number, not {value[:40]!r}.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise HTTPException(400, f"{name} must be a finite number.")
    return number


def _percent(name: str, value: str) -> Optional[float]:
    number = _number(name, value)
    return None if number is None else min(100.0, max(0.0, number))


def _query_with(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items()})
    return "?" + urlencode({k: v for k, v in params.items() if v != ""})


def _search_snippet(text: str, words: list[str]) -> Markup:
    lowered = text.lower()
    hits = [(lowered.find(w.lower()), w) for w in words]
    hits = [(i, w) for i, w in hits if i >= 0]
    if not hits:
        return Markup("")
    i, w = min(hits)
    return snippet_html(text, i, i + len(w), context=70)
