"""Giving freed memory back to the operating system between batches.

glibc's malloc keeps what a batch freed (the encoder's activations, a window's parses) in its heaps, and a heap
fragmented by a few long-lived objects is never trimmed on its own, so a long run's resident memory only grows.
``malloc_trim`` returns the free pages; elsewhere (macOS, musl) this is a no-op.
"""

from __future__ import annotations

import ctypes
import sys


def release_freed_memory() -> bool:
    """Return the pages freed since the last batch to the OS; True where the C library could do it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(trim(0))
