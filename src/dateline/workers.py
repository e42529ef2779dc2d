"""Watched worker processes: where ``analyze_many(..., workers=N)`` analyses.

Each worker is a process forked from a server process that has loaded the model once, so a
replacement starts in a moment with the model in memory. The parent hands a worker one batch at a
time and watches it; the worker reports as each stage of each document starts (reading, parsing,
annotating):

- a stage that runs over its time budget (``Limits.seconds``, more for longer inputs) gets the worker
  killed and its document an E116 row;
- a worker whose resident memory goes over ``Limits.memory_mb`` is killed; its document is tried
  again alone in a fresh worker (the memory may have been held by an earlier one) and gets E117 if it
  breaks the bound there too;
- a worker that dies (a crash, the kernel's out-of-memory killer) likewise: its document is tried
  again alone, and gets E118 the second time;
- a breach while several documents are parsed together is retried one document at a time, to find
  the one to blame.

The documents of the batch not yet finished go on in a replacement worker. Between batches a worker
whose memory has grown past ``Limits.recycle_mb`` is replaced by a fresh one, so memory stays flat
over any number of documents. Outcomes come back in the order offered.

Exact copies (``known`` given): with each new batch the parent tells a worker the ids of the
articles analysed since it last heard (at first, ``known`` itself), so a worker recognises a copy
of an article another worker analysed without annotating it. A retried batch is not checked (what
the worker has heard may come after it in the order offered); ``analyze_many`` settles its copies.
"""
from __future__ import annotations

import collections
import multiprocessing as mp
import os
import signal
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional

from . import errors
from .errors import ModelError
from .pipeline import Outcome, analyze_batch
from .read import Offered

TICK = 0.2  # seconds between looks at the workers' clocks and memory

STAGES = {None: "starting on", "read": "reading", "parse": "parsing", "annotate": "annotating"}


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one document's analysis in a watched worker."""

    seconds: float = 30.0  # a stage of one document; reading gets more per MB, parsing and annotating per 50,000 characters
    memory_mb: int = 2048  # a worker over this is stopped, and the document it was on gets E117
    recycle_mb: int = 1024  # a worker over this after a batch is replaced by a fresh one
    batch_bytes: int = 8_000_000  # input bytes in one batch, at most (and at least one document)

    def budget(self, stage: Optional[str], size: int) -> float:
        per = 1_000_000 if stage == "read" else 50_000
        return self.seconds * (1 + size / per)


def analyze_watched(offered: Iterable[Offered], *, published: Optional[str], batch_size: int, workers: int,
                    max_bytes: int, limits: Limits, known: Optional[set[str]] = None) -> Iterator[Outcome]:
    """Outcomes in the order offered; with ``known`` (article ids), copies of those and of articles
    analysed in this run are recognised before annotating."""
    pool = _Pool(workers, published, max_bytes, batch_size, limits, known)
    try:
        yield from pool.run(offered)
    finally:
        pool.close()


def _context():
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["dateline._preload"])
    return ctx


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _serve(conn, published: Optional[str], max_bytes: int) -> None:
    """A worker's life: take a batch (and the ids of articles analysed since the last, or None not
    to look for copies in it), report each stage, send each outcome, say when idle."""
    from . import nlp

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when work stops
    try:
        try:
            nlp.load()
        except ModelError as exc:
            conn.send(("fatal", exc))
            return
        seen: set[str] = set()
        while (message := conn.recv()) is not None:
            batch, news = message
            if news is not None:
                seen.update(news)
            report = lambda stage, indices, size: conn.send(("stage", stage, indices, size))  # noqa: E731
            for i, outcome in analyze_batch(batch, published, max_bytes, report, None if news is None else seen):
                conn.send(("done", i, outcome))
            conn.send(("idle", rss_mb(os.getpid())))
    except (EOFError, OSError):  # the parent has gone
        return


@dataclass(slots=True)
class _Job:
    items: list[tuple[int, Offered]]  # (sequence number, document)
    alone: bool = False  # a retry of one document in a fresh worker
    retry: bool = False  # documents given before, after a breach
    done: set[int] = field(default_factory=set)
    starts: int = 0


class _Worker:
    def __init__(self, ctx, published: Optional[str], max_bytes: int):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, published, max_bytes), daemon=True)
        self.process.start()
        child.close()
        self.job: Optional[_Job] = None
        self.stage: Optional[str] = None
        self.indices: list[int] = []
        self.budget = 0.0
        self.deadline = float("inf")
        self.dead = False
        self.heard = 0  # how much of the pool's list of analysed articles this worker has been told

    def give(self, job: _Job, limits: Limits, analysed: Optional[list[str]]) -> None:
        news = None
        if analysed is not None and not job.retry:
            news, self.heard = analysed[self.heard:], len(analysed)
        job.starts += 1
        self.job, self.stage, self.indices = job, None, []
        self.budget = limits.seconds
        self.deadline = time.monotonic() + self.budget
        try:
            self.conn.send(([item for _, item in job.items], news))
        except OSError:  # it died before taking the batch: the next check finds it
            self.dead = True

    def stop(self) -> None:
        if self.process.is_alive() and not self.dead:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()

    def kill(self) -> str:
        """Kill the process; what stopped it, for the error message."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
        code = self.process.exitcode
        if code is None or code == -signal.SIGKILL:
            return "killed"
        return f"signal {-code}" if code < 0 else f"exit status {code}"


class _Pool:
    def __init__(self, workers: int, published: Optional[str], max_bytes: int, batch_size: int, limits: Limits,
                 known: Optional[set[str]]):
        self.ctx = _context()
        # the ids of the articles analysed (known, then as outcomes come), in the order workers are
        # told, and as a set (``known`` itself, added to)
        self.analysed = None if known is None else list(known)
        self.seen = known
        self.published, self.max_bytes, self.batch_size, self.limits = published, max_bytes, batch_size, limits
        self.workers = [self._start() for _ in range(workers)]
        self.queue: collections.deque[_Job] = collections.deque()
        self.results: dict[int, Outcome] = {}
        self.seq = self.next_out = 0
        self.max_outstanding = workers * batch_size * 3

    def _start(self) -> _Worker:
        return _Worker(self.ctx, self.published, self.max_bytes)

    def close(self) -> None:
        for w in self.workers:
            w.stop()

    def run(self, offered: Iterable[Offered]) -> Iterator[Outcome]:
        source = iter(offered)
        exhausted = False
        while True:
            for k, w in enumerate(self.workers):
                while w.job is None:
                    if not self.queue and not exhausted and self.seq - self.next_out < self.max_outstanding:
                        exhausted = not self._pull(source)
                        continue
                    if not self.queue:
                        break
                    w.give(self.queue.popleft(), self.limits, self.analysed)
            while self.next_out in self.results:
                yield self.results.pop(self.next_out)
                self.next_out += 1
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                if exhausted and not self.queue:
                    return
                continue
            wait([w.conn for w in busy], timeout=TICK)
            for w in busy:
                self._drain(w)
            for k, w in enumerate(self.workers):
                if w.job is not None:
                    self._check(k, w)

    def _pull(self, source: Iterator[Offered]) -> bool:
        """Take the next batch from the source; False once the source is exhausted."""
        batch: list[tuple[int, Offered]] = []
        held = 0
        more = True
        while len(batch) < self.batch_size and held < self.limits.batch_bytes \
                and self.seq - self.next_out < self.max_outstanding:
            item = next(source, None)
            if item is None:
                more = False
                break
            seq, self.seq = self.seq, self.seq + 1
            if item.error is not None:  # refused while reading: nothing for a worker to do
                self.results[seq] = Outcome(item.origin, item.content_hash, item.size, error=item.error)
            else:
                batch.append((seq, item))
                held += item.size
        if batch:
            self.queue.append(_Job(batch))
        return more

    def _drain(self, w: _Worker) -> None:
        while not w.dead and w.job is not None:
            try:
                if not w.conn.poll():
                    return
                message = w.conn.recv()
            except (EOFError, OSError):
                w.dead = True
                return
            kind = message[0]
            if kind == "stage":
                _, w.stage, w.indices, size = message
                w.budget = self.limits.budget(w.stage, size)
                w.deadline = time.monotonic() + w.budget
            elif kind == "done":
                _, i, outcome = message
                w.job.done.add(i)
                self.results[w.job.items[i][0]] = outcome
                if self.analysed is not None and outcome.record is not None and outcome.record.id not in self.seen:
                    self.seen.add(outcome.record.id)
                    self.analysed.append(outcome.record.id)
            elif kind == "idle":
                w.job = None
                if message[1] > self.limits.recycle_mb:
                    self.workers[self.workers.index(w)] = self._start()
                    w.stop()
                return
            elif kind == "fatal":
                raise message[1]

    def _check(self, k: int, w: _Worker) -> None:
        if w.dead or not w.process.is_alive():
            self._breach(k, w, "died")
        elif time.monotonic() > w.deadline:
            self._breach(k, w, "time")
        elif self.limits.memory_mb and rss_mb(w.process.pid) > self.limits.memory_mb:
            self._breach(k, w, "memory")

    def _breach(self, k: int, w: _Worker, cause: str) -> None:
        """Replace the worker; blame the document it was on, or retry it alone; requeue the rest."""
        job, stage, indices = w.job, w.stage, w.indices
        detail = w.kill()
        self.workers[k] = self._start()
        remaining = [i for i in range(len(job.items)) if i not in job.done]
        suspects = [i for i in indices if i not in job.done]
        retry: list[_Job] = []
        if len(suspects) > 1 or (not suspects and job.starts < 2):
            retry = [_Job([job.items[i]], alone=True, retry=True) for i in remaining] if len(suspects) > 1 \
                else [_Job([job.items[i] for i in remaining], job.alone, retry=True, starts=job.starts)]
        else:
            suspects = suspects or remaining  # it failed twice before saying which document: all of them
            for i in suspects:
                if cause != "time" and not job.alone:
                    retry.append(_Job([job.items[i]], alone=True, retry=True))
                    continue
                seq, item = job.items[i]
                words = STAGES[stage]
                error = errors.over_time(words, w.budget) if cause == "time" else \
                    errors.over_memory(words, self.limits.memory_mb) if cause == "memory" else \
                    errors.worker_died(words, detail)
                self.results[seq] = Outcome(item.origin, item.content_hash, item.size, error=error)
            rest = [job.items[i] for i in remaining if i not in suspects]
            if rest:
                retry.append(_Job(rest, retry=True))
        self.queue.extendleft(reversed(retry))
