"""The serving process keeps what lives long out of the cycle collector's full passes."""

from __future__ import annotations

import gc

from ui.cmd_serve import _freeze_survivors, long_lived_out_of_gc


def test_what_lives_at_start_and_what_survives_a_full_pass_is_not_walked_again() -> None:
    try:
        long_lived_out_of_gc()
        frozen = gc.get_freeze_count()
        assert frozen > 0 and _freeze_survivors in gc.callbacks
        kept = [[] for _ in range(1000)]  # made after start-up, and alive after the next full pass
        gc.collect()
        # frozen objects still die by reference count, so the count may also lose a few meanwhile
        assert gc.get_freeze_count() >= frozen + len(kept) // 2
        long_lived_out_of_gc()
        assert gc.callbacks.count(_freeze_survivors) == 1
    finally:
        while _freeze_survivors in gc.callbacks:
            gc.callbacks.remove(_freeze_survivors)
        gc.unfreeze()
