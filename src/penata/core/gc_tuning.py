"""How Penata uses Python's cyclic garbage collector.

Reference counting frees almost everything Penata allocates; the cyclic collector only finds
reference cycles. Two habits keep it from costing whole requests:

- `freeze_after_startup()`: the web entry points (wsgi.py, asgi.py) load Django, the URL
  configuration and every view module, then move all those objects to the collector's
  permanent generation. Without it each full collection walks the ~250,000 start-up objects
  again; measured on the unit dashboard it made one request in ten take twice as long.
- `gc_paused`: a function that builds a large structure that stays alive (a province's
  OrgGraph: some 300,000 objects) runs with the collector paused, which would otherwise walk
  the growing heap again and again for nothing.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():  # an outer call already paused it
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


def freeze_after_startup() -> None:
    """Load what every request needs, then keep the collector from walking it again."""
    from django.urls import get_resolver

    # Resolving the URL patterns imports every view module (and what they import).
    _ = get_resolver().url_patterns
    gc.collect()
    gc.freeze()
