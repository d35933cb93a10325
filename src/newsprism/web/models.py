"""Response models of the JSON API, so the OpenAPI document FastAPI serves says exactly what comes back."""

from __future__ import annotations

from pydantic import BaseModel, Field

from newsprism.labels import ClaimStatus, Link, Stance
from newsprism.records import Article, Story
from newsprism.web.catalog import OutletReport, StoryRow


class ErrorOut(BaseModel):
    detail: str


class StorySummary(BaseModel):
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    article_count: int
    disputed_claims: int = Field(description="claims whose status is disputed or denied")
    claim_statuses: dict[str, int]
    languages: list[str] = Field(description="ISO 639-1 codes of the languages its articles are written in")

    @classmethod
    def of(cls, row: StoryRow) -> StorySummary:
        return cls(id=row.id, title=row.title, first_date=row.first_date, last_date=row.last_date,
                   outlets=list(row.outlets), article_count=row.article_count, disputed_claims=row.contested,
                   claim_statuses=dict(row.statuses), languages=list(row.languages))


class StoriesPage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[StorySummary]


class ArticleBrief(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None
    derived_from: list[str]
    removed_count: int

    @classmethod
    def of(cls, a: Article) -> ArticleBrief:
        return cls(id=a.id, title=a.title, outlet=a.outlet, published=a.published, language=a.language,
                   duplicate_of=a.duplicate_of, derived_from=list(a.derived_from), removed_count=len(a.removed))


class ArticlesPage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[ArticleBrief]


class RemovedOut(BaseModel):
    text: str
    category: str
    start: int
    end: int


class CitationOut(BaseModel):
    outlet: str
    text: str
    kind: str


class ArticleDetail(ArticleBrief):
    source_path: str | None
    source_id: str | None
    url: str | None
    authors: list[str]
    text: str
    removed: list[RemovedOut]
    story_ids: list[str]
    citations: list[CitationOut]


class ClaimSourceOut(BaseModel):
    article_id: str
    outlet: str | None
    stance: Stance
    text: str
    attributed_to: str | None
    score: float
    link: Link | None = Field(default=None, description="why a denial or doubt sits on this row")


class ProvenanceEdge(BaseModel):
    source: str = Field(description="article id or outlet name")
    target: str
    kind: str


class ClaimOut(BaseModel):
    id: str
    text: str
    status: ClaimStatus
    reason: str
    first_source: str | None
    independent_origins: int
    sources: list[ClaimSourceOut]
    provenance: list[ProvenanceEdge]


class SummaryOut(BaseModel):
    text: str
    citations: list[str]


class TimelineOut(BaseModel):
    date: str
    text: str
    citations: list[str]
    inferred: bool


class StoryDetail(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    related_story_ids: list[str]
    summary: list[SummaryOut]
    timeline: list[TimelineOut]
    claims: list[ClaimOut]
    articles: list[ArticleBrief]

    @classmethod
    def of(cls, s: Story, articles: list[Article]) -> StoryDetail:
        return cls(
            id=s.id, title=s.title, article_ids=list(s.article_ids), related_story_ids=list(s.related_story_ids),
            summary=[SummaryOut(text=x.text, citations=list(x.citations)) for x in s.summary],
            timeline=[TimelineOut(date=e.date, text=e.text, citations=list(e.citations), inferred=e.inferred)
                      for e in s.timeline],
            claims=[ClaimOut(id=g.id, text=g.text, status=ClaimStatus(g.status), reason=g.reason,
                             first_source=g.first_source, independent_origins=g.independent_origins,
                             sources=[ClaimSourceOut(article_id=x.article_id, outlet=x.outlet, stance=Stance(x.stance),
                                                     text=x.text, attributed_to=x.attributed_to, score=x.score,
                                                     link=Link(x.link) if x.link else None)
                                      for x in g.sources],
                             provenance=[ProvenanceEdge(source=a, target=b, kind=k) for a, b, k in g.provenance])
                    for g in s.claims],
            articles=[ArticleBrief.of(a) for a in articles])


class OutletCount(BaseModel):
    outlet: str
    count: int


class OutletClaim(BaseModel):
    story_id: str
    claim_id: str
    text: str
    status: ClaimStatus
    stance: Stance
    article_id: str


class OutletDetail(BaseModel):
    name: str
    article_count: int
    recent: list[ArticleBrief]
    cites: list[OutletCount]
    cited_by: list[OutletCount]
    claim_statuses: dict[str, int]
    stances: dict[str, int]
    claims: list[OutletClaim]

    @classmethod
    def of(cls, o: OutletReport) -> OutletDetail:
        return cls(name=o.name, article_count=o.article_count, recent=[ArticleBrief.of(a) for a in o.recent],
                   cites=[OutletCount(outlet=n, count=c) for n, c in o.cites],
                   cited_by=[OutletCount(outlet=n, count=c) for n, c in o.cited_by],
                   claim_statuses=o.statuses, stances=o.stances,
                   claims=[OutletClaim(story_id=c["story_id"], claim_id=c["claim_id"], text=c["text"],
                                       status=c["status"], stance=c["stance"], article_id=c["article_id"])
                           for c in o.claims])
