"""The in-process store for rate limits: limits' memory storage, swept by one thread.

limits' MemoryStorage drops expired counters from a threading.Timer that fires once, 10 ms on,
and is started anew by the next increment whenever it has already fired: on a busy server, a
new thread on about every other check, 0.4 ms a check here (see README, Performance). This one
keeps a single sweeper thread for as long as the storage exists, so the Timer is never renewed.
It is registered with limits as a storage scheme of its own (limits' documented way to add one).
"""

from __future__ import annotations

import threading
import time
import weakref

from limits.storage import MemoryStorage

SCHEME = "credcheck-memory"
SWEEP_SECONDS = 1.0


class SweptMemoryStorage(MemoryStorage):
    """limits' memory storage, with its expired counters dropped once a second by one thread."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.timer.cancel()
        # limits renews its Timer only when self.timer is no longer alive: this one always is
        self.timer = Sweeper(self)
        self.timer.start()


class Sweeper(threading.Thread):
    """Drops expired fixed-window counters, every SWEEP_SECONDS, while its storage exists."""

    def __init__(self, storage: MemoryStorage) -> None:
        super().__init__(name="ratelimit-sweeper", daemon=True)
        # a weak reference: an app that is gone takes its storage and this thread with it
        self._storage = weakref.ref(storage)

    def run(self) -> None:
        while (storage := self._storage()) is not None:
            for key in list(storage.expirations):
                storage.get(key)  # get() drops a counter whose window has passed
            del storage
            time.sleep(SWEEP_SECONDS)
