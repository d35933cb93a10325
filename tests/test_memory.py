"""release_freed_memory gives the pages a batch freed back to the OS (glibc keeps them otherwise)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from newsprism.memory import release_freed_memory


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _glibc() -> bool:
    try:
        ctypes.CDLL(None).malloc_trim  # noqa: B018 - the lookup is the check
    except (OSError, AttributeError):
        return False
    return sys.platform.startswith("linux")


@pytest.mark.skipif(not _glibc(), reason="malloc_trim is glibc's")
def test_freed_heap_pages_go_back_to_the_os() -> None:
    # 100 KiB blocks sit in the malloc heap (under the mmap threshold); the last one stays alive, so the heap
    # top never shrinks by itself and the freed blocks below it stay resident until trimmed
    blocks = [bytes(100 * 1024) for _ in range(2000)]
    for b in blocks:  # touch every page, so they count as resident
        assert b[4096] == 0
    keep = blocks[-1]
    del blocks
    before = _rss_mib()
    assert release_freed_memory() is True
    assert _rss_mib() < before - 100
    assert len(keep) == 100 * 1024


@pytest.mark.skipif(_glibc(), reason="only where malloc_trim is missing")
def test_without_glibc_it_is_a_no_op() -> None:
    assert release_freed_memory() is False
