"""Stories across languages, on fictional articles written for these tests: one event (a bridge in the invented
town of Orvalla closed after cracks were found) told in English, German, French and Spanish, beside an unrelated
English event the same week (a football club in the invented city of Castelmar sacks its coach)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.cluster import cluster_stories
from newsprism.cluster.crosslingual import ENCODER_KEY, _move, is_foreign
from newsprism.records import Article, Story
from newsprism.resources import Resources
from newsprism.settings import Settings


def art(aid: str, title: str, text: str, language: str | None, published: str = "2031-05-06") -> Article:
    return Article(id=aid, title=title, text=text, language=language, published=published)


BRIDGE_EN = art("bridge-en", "Orvalla closes Kessin Bridge after engineers find cracks", (
    "The town of Orvalla closed the Kessin Bridge to all traffic on Tuesday after engineers found deep cracks in "
    "two of its steel supports. Mayor Ilse Brandauer said the bridge, which carries about 18,000 vehicles a day "
    "over the river Wend, would stay shut for at least three months while repairs are planned. Buses will be "
    "diverted through the northern ring road."), "en")
BRIDGE_EN2 = art("bridge-en2", "Cracked supports shut Orvalla's main river crossing", (
    "Drivers in Orvalla face long detours after the Kessin Bridge was closed on Tuesday. An inspection found cracks "
    "in the steel supports of the 60-year-old crossing over the Wend, and Mayor Ilse Brandauer said it was too "
    "dangerous to keep open. Repairs could take months, the town said."), "en", "2031-05-07")
CLUB_EN = art("club-en", "Castelmar Rovers sack coach Dario Menotti after five straight defeats", (
    "Castelmar Rovers dismissed head coach Dario Menotti on Tuesday after a fifth consecutive league defeat left the "
    "club two points above the relegation zone. Chairman Paul Okafor thanked Menotti for his work and said an "
    "interim coach would lead training this week. Supporters had called for a change after Saturday's 4-0 loss."),
    "en")
CLUB_EN2 = art("club-en2", "Rovers part ways with Menotti as relegation fears grow", (
    "Castelmar Rovers have fired their coach Dario Menotti following a run of five losses in a row. The club, "
    "which lost 4-0 at home on Saturday, now sits just above the relegation places, and chairman Paul Okafor said "
    "the board had to act."), "en", "2031-05-07")
BRIDGE_DE = art("bridge-de", "Orvalla sperrt Kessin-Brücke nach Rissen in den Stützen", (
    "Die Stadt Orvalla hat die Kessin-Brücke am Dienstag für den gesamten Verkehr gesperrt, nachdem Ingenieure "
    "tiefe Risse in zwei Stahlstützen entdeckt hatten. Bürgermeisterin Ilse Brandauer sagte, die Brücke über die "
    "Wend, die täglich rund 18.000 Fahrzeuge nutzen, bleibe mindestens drei Monate geschlossen."), "de")
BRIDGE_FR = art("bridge-fr", "Orvalla ferme le pont Kessin après la découverte de fissures", (
    "La ville d'Orvalla a fermé mardi le pont Kessin à toute circulation après que des ingénieurs ont découvert "
    "des fissures profondes dans deux de ses piliers en acier. La maire Ilse Brandauer a indiqué que l'ouvrage, "
    "qui franchit la Wend, resterait fermé au moins trois mois le temps de préparer les réparations."), "fr")
BRIDGE_ES = art("bridge-es", "Orvalla cierra el puente Kessin tras hallar grietas en sus soportes", (
    "La ciudad de Orvalla cerró el martes el puente Kessin a todo el tráfico después de que unos ingenieros "
    "encontraran grietas profundas en dos de sus soportes de acero. La alcaldesa Ilse Brandauer dijo que el "
    "puente sobre el río Wend permanecerá cerrado al menos tres meses."), "es")
CLUB_ES = art("club-es", "El Castelmar Rovers destituye a su entrenador Dario Menotti", (
    "El Castelmar Rovers despidió el martes a su entrenador, Dario Menotti, tras encadenar cinco derrotas "
    "seguidas en liga que dejan al club a dos puntos del descenso. El presidente Paul Okafor agradeció su trabajo "
    "y anunció que un técnico interino dirigirá los entrenamientos esta semana."), "es")

ENGLISH = [BRIDGE_EN, BRIDGE_EN2, CLUB_EN, CLUB_EN2]


def home(stories: list[Story]) -> dict[str, str]:
    return {aid: s.id for s in stories for aid in s.article_ids}


def test_articles_in_german_french_and_spanish_join_their_events_story(resources: Resources,
                                                                       settings: Settings) -> None:
    where = home(cluster_stories([*ENGLISH, BRIDGE_DE, BRIDGE_FR, CLUB_ES, BRIDGE_ES], resources=resources,
                                 settings=settings))
    bridge, club = where["bridge-en"], where["club-en"]
    assert bridge != club
    assert where["bridge-en2"] == bridge and where["club-en2"] == club
    assert where["bridge-de"] == where["bridge-fr"] == where["bridge-es"] == bridge
    assert where["club-es"] == club


def test_an_article_in_another_language_joins_a_story_that_already_exists(resources: Resources,
                                                                         settings: Settings) -> None:
    first = cluster_stories(ENGLISH, resources=resources, settings=settings)
    before = home(first)
    after = home(cluster_stories([*ENGLISH, BRIDGE_FR], resources=resources, settings=settings, existing=first))
    assert after["bridge-fr"] == before["bridge-en"]
    assert {aid: sid for aid, sid in after.items() if aid != "bridge-fr"} == before  # story ids stay


def test_an_article_with_no_story_in_reach_stays_alone(resources: Resources, settings: Settings) -> None:
    far = replace(BRIDGE_DE, id="bridge-de-late", published="2032-09-01")
    where = home(cluster_stories([*ENGLISH, far], resources=resources, settings=settings))
    assert where["bridge-de-late"] not in {where[a.id] for a in ENGLISH}


class _Spy(Resources):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.loaded: list[str] = []

    def model(self, key, load):  # type: ignore[no-untyped-def]
        self.loaded.append(key)
        return super().model(key, load)


@pytest.mark.parametrize("language", ["en", None])
def test_an_english_only_corpus_never_loads_the_multilingual_encoder(resources: Resources, settings: Settings,
                                                                     language: str | None) -> None:
    spy = _Spy(settings)
    spy._embedder = resources.embedder  # the session's MiniLM: this test is about what else loads
    corpus = [replace(a, language=language) for a in ENGLISH]
    stories = cluster_stories(corpus, resources=spy, settings=settings)
    assert ENCODER_KEY not in spy.loaded
    assert len(stories) == 2


def test_only_languages_other_than_english_are_foreign() -> None:
    assert is_foreign(BRIDGE_DE) and not is_foreign(BRIDGE_EN)
    assert not is_foreign(replace(BRIDGE_EN, language=None)) and is_foreign(replace(BRIDGE_EN, language="AR"))


def test_articles_that_pick_each_others_clusters_end_up_together() -> None:
    # 2 and 3 are alone and each picks the other; 4 leaves the cluster it shared with 0 for cluster 1
    assert _move([[0, 4], [1], [2], [3]], {2: 3, 3: 2, 4: 1}) == [[0], [1, 4], [2, 3]]
