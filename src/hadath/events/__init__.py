"""Stage 6, events: SPEC event records from an article. `extract_events(article) -> list[dict]`."""
from hadath.events.extract import extract_events

__all__ = ["extract_events"]
