"""The fused record keeps every report, figure, source and outlet; fatalities_best follows
ACLED's rule; assignment and regrouping are deterministic."""
from hand_records import event, killed, location, report

from hadath.fusion import FATALITIES_RULE, Candidate, assign, fused_record, profile, regroup


def test_every_figure_with_its_source_never_added() -> None:
    # "27 according to the governor, 30 according to the ministry" (two outlets)
    a = report(event("a-1", "explosion", sources=["Governor of Idlib"],
                     fatalities=[killed(27, "Governor of Idlib", "a")]), "enabbaladi.net",
               "2024-11-30T10:00")
    b = report(event("b-1", "attack_on_civilians", sources=["Ministry of Health of Syria"],
                     fatalities=[killed(30, "Ministry of Health of Syria", "b")]), "sana.sy",
               "2024-11-30T14:00")
    fused = fused_record("F-1", [b, a])
    assert [(f["count"], f["source"], f["article_id"], f["outlet"]) for f in fused["fatalities"]] == [
        (27, "Governor of Idlib", "a", "enabbaladi.net"),
        (30, "Ministry of Health of Syria", "b", "sana.sy")]
    assert fused["fatalities_best"] == 27  # the most conservative figure, not 57, not 28.5
    assert fused["fatalities_best_source"] == "Governor of Idlib"
    assert fused["fatalities_rule"] == FATALITIES_RULE
    assert fused["type"] == "explosion"  # the bombing, with civilian victims
    assert fused["sources"] == ["Governor of Idlib", "Ministry of Health of Syria"]
    assert fused["outlets"] == ["enabbaladi.net", "sana.sy"] and fused["n_outlets"] == 2
    assert [r["event_id"] for r in fused["reports"]] == ["a-1", "b-1"] and fused["n_reports"] == 2
    assert (fused["first_reported"], fused["last_reported"]) == ("2024-11-30T10:00", "2024-11-30T14:00")
    assert [ev["outlet"] for ev in fused["evidence"]] == ["enabbaladi.net", "sana.sy"]


def test_credible_figures_and_sides() -> None:
    # a party's claim counts only when no report asserts the event; one source's named sides
    # are added (155 + 20), and the lowest source total wins
    asserted = report(event("a-1", "armed_clash", actor1="Hayat Tahrir al-Sham", fatalities=[
        killed(155, "Syrian Observatory for Human Rights", "a", side="Hayat Tahrir al-Sham"),
        killed(20, "Syrian Observatory for Human Rights", "a", side="Military Forces of Syria")]))
    claimed = report(event("b-1", "armed_clash", actor1="Hayat Tahrir al-Sham", modality="claimed",
                           fatalities=[killed(400, "Military Forces of Syria", "b",
                                              side="Hayat Tahrir al-Sham")]))
    smaller = report(event("c-1", "armed_clash", actor1="Hayat Tahrir al-Sham", fatalities=[
        killed(120, "Reuters", "c", side="Hayat Tahrir al-Sham")]))
    best = fused_record("F-1", [asserted, claimed, smaller])
    assert best["fatalities_best"] == 120 and best["fatalities_best_source"] == "Reuters"
    assert fused_record("F-4", [asserted])["fatalities_best"] == 175
    assert len(best["fatalities"]) == 4  # the claim is kept, only not chosen
    assert fused_record("F-2", [claimed])["fatalities_best"] == 400
    denied = report(event("d-1", modality="denied", fatalities=[killed(9, "x", "d")]))
    assert fused_record("F-3", [denied])["fatalities_best"] is None


def test_a_generic_toll_is_a_total_not_an_addend() -> None:
    # "27 civilians" (SOHR) and "30 people" (the ministry): bare nouns, not sides; the lowest
    generic = [report(event("a-1", fatalities=[killed(27, "Syrian Observatory for Human Rights", "a",
                                                      side="civilians")])),
               report(event("b-1", fatalities=[killed(30, "Government of Syria", "b", side="people")]))]
    assert fused_record("F-1", generic)["fatalities_best"] == 27
    # "30 people, among them 10 soldiers": the generic toll is the source's total
    among = report(event("c-1", fatalities=[killed(30, "Reuters", "c", side="people"),
                                            killed(10, "Reuters", "c", side="Military Forces of Syria")]))
    assert fused_record("F-2", [among])["fatalities_best"] == 30
    # one source's two sides: 155 fighters and 79 soldiers are 234 dead
    sides = report(event("d-1", "armed_clash", fatalities=[
        killed(155, "Syrian Observatory for Human Rights", "d", side="Hayat Tahrir al-Sham"),
        killed(79, "Syrian Observatory for Human Rights", "d", side="Military Forces of Syria")]))
    assert fused_record("F-3", [sides])["fatalities_best"] == 234


def test_a_wire_copy_adds_its_outlet_not_its_figures_twice() -> None:
    original = event("a-1", fatalities=[killed(12, "Syrian Civil Defence", "a")],
                     sources=["Syrian Civil Defence"])
    copy = report(original, "alquds.co.uk", "2024-11-30T12:00", copy_of="a-1", article_id="c")
    fused = fused_record("F-1", [report(original, "enabbaladi.net"), copy])
    assert fused["outlets"] == ["enabbaladi.net", "alquds.co.uk"] and fused["n_reports"] == 2
    assert len(fused["fatalities"]) == 1 and len(fused["evidence"]) == 1
    assert fused["reports"][1]["copy_of"] == "a-1"
    # the copy published first: its report comes first, yet the figure is the original's
    first = report(original, "alquds.co.uk", "2024-11-30T08:00", copy_of="a-1", article_id="c")
    fused = fused_record("F-2", [report(original, "enabbaladi.net", "2024-11-30T10:00"), first])
    assert [(f["article_id"], f["outlet"]) for f in fused["fatalities"]] == [("a", "enabbaladi.net")]


def test_the_shared_reading() -> None:
    a = report(event("a-1", place="Idlib Governorate", modality="claimed"))
    b = report(event("b-1", place="Saraqib", date="2024-11-29"), published="2024-12-01")
    fused = fused_record("F-1", [a, b])
    assert fused["location"]["canonical"] == "Saraqib"  # the most precise place
    assert fused["modality"] == "asserted"  # asserted if any report asserts it
    assert (fused["date"], fused["date_end"], fused["time_precision"]) == ("2024-11-29", "2024-11-30", 2)
    assert fused["summary_en"] == "air_strike in Saraqib."


def candidate(fused_id: str, record: dict, first: str = "2024-11-30") -> Candidate:
    return Candidate(fused_id, profile(record), first)


def test_one_report_of_each_type_per_article() -> None:
    # a clash and the takeover it ended in, told by one article, join one stored takeover
    stored = [candidate("F-t", event("x-1", "territory_taken", actor1="Hayat Tahrir al-Sham"))]
    clash = report(event("n-1", "armed_clash", actor1="Hayat Tahrir al-Sham"))
    taken = report(event("n-2", "territory_taken", actor1="Hayat Tahrir al-Sham"))
    assert assign([clash, taken], stored) == {"n-1": "F-t", "n-2": "F-t"}
    # ... but not when the event holds a takeover of that article already
    held = [Candidate("F-t", stored[0].profile, "2024-11-30", frozenset({"territory_taken"}))]
    assert assign([clash, taken], held) == {"n-1": "F-t", "n-2": None}


def test_one_report_per_article_and_the_best_match() -> None:
    stored = [candidate("F-a", event("x-1")), candidate("F-b", event("y-1", date="2024-11-29"))]
    # two strikes of one article, both compatible with both events: each gets one
    joined = assign([report(event("n-1")), report(event("n-2", date="2024-11-29"))], stored)
    assert joined == {"n-1": "F-a", "n-2": "F-b"}
    # a third with nothing left stands alone
    joined = assign([report(event("n-1")), report(event("n-2")), report(event("n-3"))], stored[:1])
    assert list(joined.values()).count("F-a") == 1 and list(joined.values()).count(None) == 2
    # on a tie the older event wins, whatever the order of the candidates
    twins = [candidate("F-z", event("x-1"), "2024-11-29"), candidate("F-c", event("y-1"), "2024-11-30")]
    assert assign([report(event("n-1"))], twins) == assign([report(event("n-1"))], twins[::-1]) == {"n-1": "F-z"}


def test_an_admin_level_report_between_two_towns_joins_neither() -> None:
    towns = [candidate("F-i", event("x-1", place="Idlib")), candidate("F-s", event("y-1", place="Saraqib"))]
    governorate = report(event("n-1", place="Idlib Governorate"))
    assert assign([governorate], towns) == {"n-1": None}
    assert assign([governorate], towns[:1]) == {"n-1": "F-i"}
    both = towns + [candidate("F-g", event("z-1", place="Idlib Governorate"))]
    assert assign([governorate], both) == {"n-1": "F-g"}


def test_regroup_keeps_the_earliest_report_first() -> None:
    # Idlib governorate bridged Idlib city and Saraqib; without the bridge, two events
    city = report(event("a-1", place="Idlib"), published="2024-11-30T08:00")
    town = report(event("b-1", place="Saraqib"), published="2024-11-30T09:00")
    copy = report(town.record, "alquds.co.uk", copy_of="b-1", article_id="c")
    groups = regroup([copy, town, city])
    assert [[r.event_id for r in g] for g in groups] == [["a-1"], ["b-1", "b-1"]]
    assert groups[1][1].copy_of == "b-1"
    assert regroup([]) == []


def test_locations_keep_their_fields() -> None:
    fused = fused_record("F-1", [report(event("a-1", location=location("Douma")))])
    assert fused["location"]["admin1"] == "Rif-dimashq" and fused["id"] == "F-1"
