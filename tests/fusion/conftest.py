"""The fusion tests build records by hand (hand_records.py) and real articles with the events
tests' helper (tests/events/event_articles.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
