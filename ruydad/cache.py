"""Results worth keeping between commands: built once, then loaded from the user's cache directory.

Some inputs of every command are costly to prepare and change only with Ruydad itself: the
gazetteer's spelling index, the trained event classifier. :func:`cached` keeps such a result as a
pickle under ``platformdirs.user_cache_dir("ruydad")`` (``$RUYDAD_CACHE_DIR`` overrides; ``off``
disables), named by a digest of the files it was built from (their names and contents), the Ruydad and
Python versions, and any extra key. Change any of them and the next
call builds afresh. A cache that cannot be read or written is ignored, never an error: the result
is then built as if there were no cache. The cache lives in the user's own directory; as with any
pickle, do not point ``RUYDAD_CACHE_DIR`` at a directory others can write.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "RUYDAD_CACHE_DIR"
KEEP_VERSIONS = 3
"""Results of this many input versions are kept per name (two checkouts side by side do not evict
each other); older ones are removed."""
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where results are kept, or None when caching is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.strip().lower() == "off" else Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("ruydad", appauthor=False))


def digest(inputs: Iterable[Path], extra: str = "") -> str:
    """A digest of the inputs' names and contents (a few milliseconds for the megabyte or two these
    are), so that two checkouts or environments with the same files share one cached result."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("ruydad")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        ours = "unknown"
    h = hashlib.sha256(f"{ours}|{sys.version}|{extra}".encode())
    for path in inputs:
        h.update(path.name.encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:24]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector held off while a result is read: unpickling makes many objects at once,
    and each collection it sets off walks them all again. Reading the gazetteer in a fresh process
    took 0.24 s with the collector, 0.05 without; the event classifier 0.13 and 0.01."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached(name: str, inputs: Iterable[Path], extra: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when a result of the same inputs is there."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest(inputs, extra)}.pickle"
    try:
        with path.open("rb") as handle, _collector_paused():
            value: T = pickle.load(handle)
        return value
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or foreign file: build again and replace it
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
        earlier = sorted(folder.glob(f"{name}-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for stale in earlier[KEEP_VERSIONS:]:  # results of older inputs: keep a few, not all
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value
