"""A progress line for long commands: done/total, items per second and time left, on one line.

Used by rebuild_search_index and the scale benchmark's data generation. On a terminal the line
redraws itself; in a log (not a TTY) it prints a line every few seconds instead.
"""

import sys
import time

BAR_WIDTH = 24


class Progress:
    def __init__(self, total, label, *, stream=None, every=0.5):
        self.total = max(total, 0)
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.is_terminal = getattr(self.stream, "isatty", lambda: False)()
        self.every = every if self.is_terminal else max(every, 5.0)
        self.last_shown = 0.0

    def advance(self, count=1):
        self.done += count
        now = time.monotonic()
        if now - self.last_shown >= self.every or self.done >= self.total:
            self.last_shown = now
            self._show(now)

    def rate(self, now=None):
        elapsed = (now or time.monotonic()) - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _show(self, now):
        rate = self.rate(now)
        left = (self.total - self.done) / rate if rate else 0
        filled = int(BAR_WIDTH * self.done / self.total) if self.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = (
            f"{self.label} [{bar}] {self.done:,}/{self.total:,}  {rate:,.0f}/s  {left:,.0f} s left"
        )
        if self.is_terminal:
            self.stream.write(f"\r{line}\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self):
        """End the line; returns (count, seconds, rate) for the command's closing message."""
        elapsed = time.monotonic() - self.started
        if self.is_terminal:
            self.stream.write("\n")
            self.stream.flush()
        return self.done, elapsed, (self.done / elapsed if elapsed else 0.0)
