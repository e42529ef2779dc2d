"""The watched workers (``analyze_many(..., workers=N)``): a document over its time or memory bound
is stopped with its own error while the others go on, a worker killed mid-batch costs only time,
and outcomes come back in the order offered."""
from __future__ import annotations

import multiprocessing

from dateline.pipeline import analyze_many
from dateline.read import Offered
from dateline.workers import Limits

SHORT = [
    "PARIS, March 3 (AFP) - The minister said on Monday that the talks would resume next week.",
    "The mayor told reporters that the bridge would reopen in June, according to a city statement.",
]
# 29,000 tags, just under the markup bound: reading it takes seconds, far over a half-second budget.
SLOW_PAGE = ("<html><body><article>" + "<span>word</span> " * 29_000 + "<p>" + SHORT[0] + "</p></article></body></html>")


def _docs(middle: Offered) -> list[Offered]:
    return [Offered("a", SHORT[0].encode(), "text"), middle, Offered("b", SHORT[1].encode(), "text")]


def test_a_document_over_its_time_bound_is_stopped_and_the_rest_go_on():
    outcomes = list(analyze_many(_docs(Offered("slow.html", SLOW_PAGE.encode(), "html")), workers=1,
                                 limits=Limits(seconds=0.5)))
    assert [o.origin for o in outcomes] == ["a", "slow.html", "b"]
    assert outcomes[1].error.code == "E116" and "reading" in str(outcomes[1].error)
    assert outcomes[0].record is not None and outcomes[2].record is not None


def test_a_worker_over_its_memory_bound_is_stopped():
    outcomes = list(analyze_many([Offered("a", SHORT[0].encode(), "text")], workers=1, limits=Limits(memory_mb=1)))
    assert outcomes[0].error.code == "E117" and "over 1 MB" in str(outcomes[0].error)


def test_a_killed_worker_costs_only_time():
    long_text = "\n\n".join(f"{SHORT[0]} {SHORT[1]} Paragraph {i}." for i in range(500))  # seconds to parse
    outcomes = analyze_many(_docs(Offered("long.txt", long_text.encode(), "text")), workers=1)
    first = next(outcomes)
    killed = multiprocessing.active_children()
    for process in killed:  # the worker, now parsing the long text
        process.kill()
    rest = list(outcomes)
    assert killed and [o.origin for o in [first, *rest]] == ["a", "long.txt", "b"]
    assert all(o.error is None for o in [first, *rest])


def test_workers_stop_when_the_caller_stops_early():
    outcomes = analyze_many([Offered(f"d{i}", SHORT[i % 2].encode(), "text") for i in range(6)], workers=2,
                            batch_size=1)
    assert next(outcomes).record is not None
    outcomes.close()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
