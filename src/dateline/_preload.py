"""Imported once by the fork server that starts the watched workers (``workers.py``): it loads the
model there, so every worker forked from it starts with the model already in memory. A model that
cannot be loaded is left for each worker to report (E201)."""
from . import nlp, pipeline  # noqa: F401 -- imported for the workers, which fork from here

try:
    nlp.load()
except Exception:  # noqa: BLE001 -- the worker loads again and reports the error properly
    pass
