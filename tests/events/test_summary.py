"""English summaries written from event records, in ACLED "notes" style."""
from __future__ import annotations

from hadath.events.summary import summarise


def _record(**fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "type": "armed_clash", "modality": "asserted", "date": "2024-11-30",
        "actor1": {"canonical": "Hayat Tahrir al-Sham"},
        "actor2": {"canonical": "Military Forces of Syria"},
        "location": {"canonical": "Aleppo", "surface": "حلب"},
        "sources": ["Syrian Observatory for Human Rights", "العرب"],
        "fatalities": [{"count": 155, "min": None, "side": "Hayat Tahrir al-Sham",
                        "source": "Syrian Observatory for Human Rights"}],
    }
    record.update(fields)
    return record


def test_a_monitors_report_with_figures() -> None:
    assert summarise(_record()) == (
        "According to Syrian Observatory for Human Rights, Hayat Tahrir al-Sham clashed with "
        "Military Forces of Syria in Aleppo on 2024-11-30; 155 killed (Hayat Tahrir al-Sham) "
        "per Syrian Observatory for Human Rights.")


def test_a_party_speaking_of_itself_and_background() -> None:
    own = _record(type="withdrawal", actor2=None, fatalities=[],
                  sources=["Military Forces of Syria"],
                  actor1={"canonical": "Military Forces of Syria"})
    assert summarise(own).startswith("Military Forces of Syria said it withdrew its forces")
    old = _record(type="territory_regained", modality="historical", date="2016",
                  actor1={"canonical": "Military Forces of Syria"}, actor2=None, fatalities=[])
    assert summarise(old) == ("Background: Military Forces of Syria regained territory in "
                              "Aleppo in 2016.")
