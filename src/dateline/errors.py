"""Every error and warning dateline can give, with a code a user can search for.

    DatelineError                 base of everything dateline raises on purpose
    ├── InputError                one offered document cannot be analysed; the batch goes on
    │     (codes E1xx: empty, binary, too large, undecodable, no body, bad WARC/JSONL record,
    │      over a bound on markup, time or memory, not a file)
    ├── ModelError                the spaCy model cannot be loaded (E2xx)
    ├── StoreError                the DuckDB file cannot be opened or written (E3xx)
    ├── UsageError                the command line asks for something impossible (E4xx)
    └── EngineError               the Spark job cannot start, fails, or its output cannot be used (E5xx)

Warnings are not raised: they are strings ``"Wxxx: message"`` kept on ``Record.warnings``.
Each message says what was wrong and what to do about it.
"""
from __future__ import annotations


class DatelineError(Exception):
    code = "E000"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code}: {self.args[0]}"

    def __reduce__(self):  # keep the code when an error crosses to another process
        return self.__class__, (self.args[0], self.code)


class InputError(DatelineError):
    code = "E100"


class ModelError(DatelineError):
    code = "E200"


class StoreError(DatelineError):
    code = "E300"


class UsageError(DatelineError):
    code = "E400"


# Error codes a re-run of `dateline analyze` tries again (the file may have become readable, the
# worker may have been unlucky, the store may have been full); every other error row is final: the
# same bytes would fail the same way, so a re-run skips them unless given --force.
RETRIED_ON_RERUN = frozenset({"E108", "E118", "E303"})
class EngineError(DatelineError):
    code = "E500"


# Store and usage errors of the corpus layer.
def corpus_failed(exc: BaseException) -> StoreError:
    return StoreError(f"the corpus step failed and changed nothing ({exc.__class__.__name__}: {exc}); the "
                      "articles are stored: run `dateline analyze` again on any input to retry it", "E305")


def no_such_entity(name: str, db: str) -> UsageError:
    return UsageError(f"no entity named {name!r} in the corpus of {db}; `dateline query \"SELECT name, articles "
                      "FROM corpus_entities ORDER BY articles DESC\"` lists them", "E405")


# Input errors: one document.
def empty_input() -> InputError:
    return InputError("the input is empty or whitespace only; nothing to analyse", "E101")


def binary_input(what: str) -> InputError:
    return InputError(f"the input looks binary ({what}), not text or HTML; offer the article's text or page", "E102")


def too_large(size: int, limit: int, more: bool = False) -> InputError:
    return InputError(f"the input is {'more than ' if more else ''}{size:,} bytes, over the limit of {limit:,}; "
                      "split it or raise --max-bytes", "E103")


def undecodable(detail: str) -> InputError:
    return InputError(f"the input's encoding cannot be read ({detail}); re-save it as UTF-8", "E104")


def no_body(detail: str) -> InputError:
    return InputError(f"no article body found ({detail}); is this an article page?", "E105")


def bad_warc(detail: str) -> InputError:
    return InputError(f"a WARC record cannot be read ({detail}); the archive may be truncated or corrupt", "E106")


def bad_jsonl(line_no: int, detail: str) -> InputError:
    return InputError(f"line {line_no} is not a JSON object with 'text' or 'html' ({detail})", "E107")


def unreadable(path: str, detail: str) -> InputError:
    return InputError(f"{path} cannot be read ({detail})", "E108")


def text_too_long(chars: int, limit: int) -> InputError:
    return InputError(f"the article body is {chars:,} characters, over the limit of {limit:,}; is this one article?", "E109")


def unreadable_content(detail: str) -> InputError:
    return InputError(f"the input could not be read ({detail}); please report this with the file", "E111")


def not_an_article(content_type: str) -> InputError:
    return InputError(f"the record is {content_type}, not a text or HTML page; nothing to analyse", "E110")


def annotator_failed(exc: BaseException) -> InputError:
    return InputError(f"an annotator failed on this article ({exc.__class__.__name__}: {exc}); "
                      "please report it with the input", "E112")


def too_many_tags(count: int, limit: int) -> InputError:
    return InputError(f"the page has {count:,} tags, over the limit of {limit:,} (the longest real news pages have "
                      "under 10,000); it was not parsed: save the article's own page or its text", "E113")


def too_many_attributes(count: int, limit: int) -> InputError:
    return InputError(f"one tag of the page has {count:,} attributes, over the limit of {limit:,}; it was not "
                      "parsed: the page is damaged or built to stall parsers", "E114")


def too_many_paragraphs(count: int, limit: int, where: str = "the article body") -> InputError:
    return InputError(f"{where} has {count:,} paragraphs, over the limit of {limit:,}; is this one article? "
                      "Split it into articles", "E115")


def over_time(stage: str, seconds: float) -> InputError:
    return InputError(f"{stage} this document took longer than {seconds:,.0f} s, the limit for its size, and was "
                      "stopped; split it, or raise --timeout if the machine is just busy", "E116")


def over_memory(stage: str, megabytes: int) -> InputError:
    return InputError(f"{stage} this document took the worker over {megabytes:,} MB of memory, and it was stopped; "
                      "split the document, or raise --max-memory", "E117")


def worker_died(stage: str, detail: str) -> InputError:
    return InputError(f"the worker process stopped while {stage} this document ({detail}), twice; "
                      "please report it with the input", "E118")


def not_a_file(path: str, kind: str) -> InputError:
    return InputError(f"{path} is a {kind}, not a file: dateline reads regular files, folders and standard input "
                      "(pipe a stream in with `-`)", "E119")


def not_jsonl(line_no: int, detail: str) -> InputError:
    return InputError(f"from line {line_no} on, the file was not read: {detail}; is it a JSONL file? "
                      "Give it the extension of what it holds", "E120")


def unexpected_read_failure(exc: BaseException) -> InputError:
    return InputError(f"the input could not be read ({exc.__class__.__name__}: {exc}); "
                      "please report it with the input", "E199")


# Usage errors: the command line.
def bad_port(port: int) -> UsageError:
    return UsageError(f"--port {port} is not a port number; give one from 1 to 65535 (8000 is the default)", "E410")


def pasted_not_rendered(missing: int, cache: str, name: str = "pasted") -> UsageError:
    return UsageError(f"{missing} pages of the {name} set are not rendered in {cache}; run "
                      f"`dateline evaluate {name} --build-cache` first (it needs chromium)", "E412")


def no_browser(executable: str) -> UsageError:
    return UsageError(f"rendering pages needs Playwright for Python and chromium at {executable}; "
                      "install them (pip install playwright; apt-get install chromium)", "E413")


# Engine errors: the Spark job and its Parquet output.
def spark_unavailable(detail: str) -> EngineError:
    return EngineError(f"Spark cannot be started ({detail}); install Java 17 (apt-get install openjdk-17-jre-headless "
                       "or set JAVA_HOME) and `pip install 'dateline[spark]'`", "E501")


def spark_job_failed(detail: str) -> EngineError:
    return EngineError(f"the Spark job failed ({detail}); run the same command again: finished input files "
                       "are kept and skipped", "E502")


def output_unwritable(folder: str, detail: str) -> EngineError:
    return EngineError(f"the output folder {folder} cannot be written ({detail}); choose a folder every worker can write", "E503")


def no_spark_output(folder: str) -> EngineError:
    return EngineError(f"{folder} holds no finished `dateline spark` output (no documents/*.parquet); "
                       "run `dateline spark INPUT... --output {folder}` first", "E504")


def not_an_attach_file(path: str) -> EngineError:
    return EngineError(f"{path} is a dateline store with tables of its own; attach into a new file with --db", "E505")


# Warnings: kept on the record.
def w_unbalanced_quotes(count: int) -> str:
    return f"W001: {count} quotation mark(s) without a partner; quotes near them are a best guess"


def w_not_english(language: str) -> str:
    return f"W002: the article looks like '{language}', not English; English annotators were skipped"


def w_replaced_chars(count: int) -> str:
    return f"W003: {count} byte sequence(s) were not valid in the detected encoding and were replaced with U+FFFD"


def w_legacy_bytes(count: int) -> str:
    return f"W005: {count} byte sequence(s) were not valid UTF-8 and were read as Windows-1252 (mixed encodings)"


def w_published_unknown() -> str:
    return "W004: no publication date in metadata or dateline; relative dates keep XXXX (pass --published)"
