"""dateline: who said what, on whose authority, about which events, and when.

The public API is what this module exports; nothing else is promised.

    >>> import dateline
    >>> record = dateline.analyze("WASHINGTON (Reuters) - The minister said on Monday ...")
    >>> record.attributions
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import DatelineError, InputError, ModelError, StoreError, UsageError
from .pipeline import analyze, analyze_many
from .record import Record
from .store import Store

__all__ = ["analyze", "analyze_many", "Record", "Store", "DatelineError", "InputError", "ModelError",
           "StoreError", "UsageError", "__version__"]
