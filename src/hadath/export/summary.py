"""What one export wrote: how many events, and how many it left out and why (said on stderr)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ExportSummary:
    format: str
    written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    reports: int = 0  # parquet: rows of reports.parquet

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] += 1

    def lines(self) -> list[str]:
        """"wrote 12 events", then one line per reason an event was left out."""
        noun = "event" if self.written == 1 else "events"
        head = f"{self.format}: wrote {self.written} {noun}"
        if self.reports:
            head += f" and {self.reports} report{'s' if self.reports != 1 else ''}"
        left = [f"{self.format}: left out {n} event{'s' if n != 1 else ''}: {reason}"
                for reason, n in sorted(self.left_out.items())]
        return [head, *left]
