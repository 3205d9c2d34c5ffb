"""Stage 8, fusion: the reports of one real-world event, from any number of articles and
outlets, become one fused event that keeps every report, figure, source and outlet.

A pure module: the store hands it reports and candidate fused events (found through its
indexes) and writes back what it returns. `profile` and `match_score` say whether two events
can be one; `assign` places an article's reports; `fused_record` builds the record.
"""
from hadath.fusion.assign import Candidate, assign, regroup
from hadath.fusion.figures import FATALITIES_RULE, fatalities_best
from hadath.fusion.profile import Profile, day_interval, match_score, profile
from hadath.fusion.record import fused_record
from hadath.fusion.report import REPORT_FIELDS, Report

__all__ = ["FATALITIES_RULE", "REPORT_FIELDS", "Candidate", "Profile", "Report", "assign",
           "day_interval", "fatalities_best", "fused_record", "match_score", "profile",
           "regroup"]
