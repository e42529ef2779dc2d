"""Imported once by the fork server that starts the watched workers (``workers.py``): it loads the
model there and analyses one short article, so every worker forked from it starts with the model
and the annotators' word lists already in memory. A model that cannot be loaded is left for each
worker to report (E201)."""
from . import nlp, pipeline

WARM_UP = ("WASHINGTON, June 3 (Reuters) - The minister said on Monday that the talks would resume next "
           "week in Geneva.\n\n\"We are ready,\" a senior official told reporters, according to a statement.")

try:
    nlp.load()
    pipeline.analyze(WARM_UP)
except Exception:  # noqa: BLE001 -- the worker loads again and reports the error properly
    pass
