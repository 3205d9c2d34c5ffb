"""The shapes the API answers with, for its OpenAPI document: the fused event record of
docs/fused_events.md, the article of SPEC "Output of one article", pages and summaries.

Records reach the client as the store keeps them (the routes hand them over without a second
pass through these models); every model allows extra fields, so that a field the store adds
later is served before it is documented. The tests check real answers against these models.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Actor(_Open):
    canonical: str | None = None
    surface: str | None = Field(None, description="As the article writes it (Arabic).")
    kind: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")


class Location(_Open):
    surface: str | None = None
    canonical: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2.")
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = Field(None, description="1 town, 2 near a town or district, "
                                                        "3 governorate or vaguer.")


class Figure(_Open):
    """One source's figure, exactly as given: never added to another, never averaged."""

    count: int | float | None = None
    min: bool | None = Field(None, description="\"at least\" (ما لا يقل عن).")
    approx: bool | None = None
    vague: bool | None = Field(None, description="A word such as عشرات (dozens).")
    side: Any = None
    source: Any = None
    article_id: str | None = None
    outlet: str | None = None


class Evidence(_Open):
    """A span of an article's text: `text == article.text[start:end]`."""

    article_id: str | None = None
    sentence: int | None = None
    start: int
    end: int
    text: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


class Report(_Open):
    """One article's report of the event."""

    event_id: str | None = None
    article_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    type: str | None = None
    modality: str | None = None
    confidence: float | None = None
    evidence: list[Evidence] = []


class Event(_Open):
    """A fused event: one real-world event with every report of it."""

    id: str
    type: str | None = None
    modality: str | None = None
    date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = []
    location: Location | None = None
    fatalities: list[Figure] = []
    injured: list[Figure] = []
    detained: list[Figure] = []
    fatalities_best: int | None = Field(None, description="ACLED's rule: the most "
                                                          "conservative credible figure.")
    fatalities_best_source: str | None = None
    fatalities_rule: str | None = None
    sources: list[Any] = []
    outlets: list[str] = []
    reports: list[Report] = []
    evidence: list[Evidence] = []
    first_reported: str | None = None
    last_reported: str | None = None
    n_reports: int | None = None
    n_outlets: int | None = None
    confidence: float | None = None
    summary_en: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, whatever the page.")
    limit: int
    offset: int
    events: list[Event]


class ArticleMeta(_Open):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    text: str = Field(description="Headline and body, cleaned; every offset indexes it.")
    duplicate_of: str | None = None


class Article(_Open):
    """An article with every layer the pipeline extracted (SPEC "Output of one article")."""

    article: ArticleMeta
    sentences: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    times: list[dict[str, Any]]
    numbers: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """An article to ingest: its text or its HTML page, and whatever metadata is known."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text; a first line may be the headline.")
    html: str | None = Field(None, description="A whole page or a fragment.")
    id: str | None = Field(None, max_length=200, description="Stable id; made from the URL or "
                                                             "the text when absent.")
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO date or date-time; "
                                                                   "relative dates resolve "
                                                                   "against it.")


class ArticleSaved(BaseModel):
    id: str
    status: str = Field(description="new, updated, unchanged or duplicate (a wire copy or near "
                                    "duplicate of `duplicate_of`: its outlet joins the "
                                    "original's events).")
    duplicate_of: str | None = None
    events: list[dict[str, Any]] = Field(description="This article's events (its reports).")
    fused_events: list[str] = Field(description="Ids of the fused events its reports belong to.")


class ActorCount(BaseModel):
    name: str
    events: int = Field(description="Events with this actor on either side.")
    as_actor1: int
    as_actor2: int


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    actors: list[ActorCount]


class PlaceCount(BaseModel):
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int


class PlacePage(BaseModel):
    total: int
    limit: int
    offset: int
    places: list[PlaceCount]


class Count(BaseModel):
    key: str | None
    events: int


class Stats(BaseModel):
    total: int
    by_day: list[Count]
    by_type: list[Count]
    by_country: list[Count]
    by_modality: list[Count]
