"""A denial in German, French or Spanish is a ``denies`` cell of the claim row it answers, beside the English
outlets' cells on the same story. Fictional articles written for this test: the invented Republic of Norland is
reported to have asked the invented Vessary Republic for 40 military drones; Norland's foreign ministry denies it.
"""

from __future__ import annotations

import pytest

from newsprism.pipeline import FailurePolicy, process_articles
from newsprism.records import Article, ClaimGroup, Story
from newsprism.resources import Resources
from newsprism.settings import Settings

pytestmark = pytest.mark.slow


def art(aid: str, outlet: str, title: str, text: str, language: str, day: str = "2031-03-14") -> Article:
    return Article(id=aid, title=title, text=text, language=language, outlet=outlet, published=day)


EN = [
    art("en-ledger", "Daily Ledger", "Norland asked Vessary for military drones, officials say", (
        "Norland has asked the Vessary Republic for 40 military drones, two senior Vessary officials told the Daily "
        "Ledger on Thursday.\n\n"
        "The request was made in a letter sent to the Vessary defence ministry last week, the officials said.\n\n"
        "Vessary has not decided how to respond, according to the officials, who spoke on condition of anonymity."),
        "en"),
    art("en-courier", "Harbour Courier", "Norland sought drones from Vessary, report says", (
        "Norland asked the Vessary Republic to supply it with 40 military drones, the Daily Ledger reported on "
        "Thursday, citing Vessary officials.\n\n"
        "The drones would be used to patrol Norland's northern border, the newspaper said.\n\n"
        "Vessary's defence ministry did not reply to a request for comment."), "en", "2031-03-15"),
]
DENIALS = {
    "de": art("de-rundschau", "Nordland Rundschau", "Norland weist Bericht über Drohnen-Anfrage zurück", (
        "Das Außenministerium von Norland hat am Freitag einen Bericht des Daily Ledger zurückgewiesen, wonach "
        "Norland die Republik Vessary um 40 Militärdrohnen gebeten habe.\n\n"
        "„Norland hat Vessary nie um Drohnen gebeten“, sagte Ministeriumssprecherin Lena Voss in Holmstadt.\n\n"
        "Der Bericht sei frei erfunden, erklärte das Ministerium."), "de", "2031-03-15"),
    "fr": art("fr-echo", "L'Écho du Nord", "Norland dément avoir demandé des drones à Vessary", (
        "Le ministère des Affaires étrangères de Norland a démenti vendredi l'information du Daily Ledger selon "
        "laquelle Norland aurait demandé 40 drones militaires à la République de Vessary.\n\n"
        "« Norland n'a jamais demandé de drones à Vessary », a déclaré la porte-parole Lena Voss à Holmstadt.\n\n"
        "Le ministère a qualifié l'article de fausse nouvelle."), "fr", "2031-03-15"),
    "es": art("es-diario", "Diario del Norte", "Norland niega haber pedido drones a Vessary", (
        "El Ministerio de Asuntos Exteriores de Norland negó el viernes la información del Daily Ledger según la "
        "cual Norland habría pedido 40 drones militares a la República de Vessary.\n\n"
        "«Norland nunca ha pedido drones a Vessary», dijo la portavoz Lena Voss en Holmstadt.\n\n"
        "El ministerio calificó el informe de falso."), "es", "2031-03-15"),
}


# Dutch has no lexicon: its article is read by the English cues, and still joins the story by the encoder
DUTCH = art("nl-bode", "Noorder Bode", "Norland vroeg Vessary om militaire drones, meldt Daily Ledger", (
    "Norland heeft de Republiek Vessary gevraagd om 40 militaire drones, meldde de Daily Ledger donderdag op gezag "
    "van twee hoge functionarissen uit Vessary.\n\n"
    "Het verzoek zou vorige week in een brief aan het ministerie van Defensie van Vessary zijn gedaan."), "nl",
    "2031-03-15")


@pytest.fixture(scope="module")
def story(resources: Resources) -> tuple[Story, dict[str, Article]]:
    articles = [*EN, *DENIALS.values(), DUTCH]
    result = process_articles(articles, resources, Settings(), FailurePolicy())
    (found,) = [s for s in result.stories if "en-ledger" in s.article_ids]
    return found, {a.id: a for a in articles}


def _request_row(story: Story) -> ClaimGroup:
    """The row the English outlets tell the request in (both English articles report or attribute it)."""
    rows = [g for g in story.claims
            if {s.article_id for s in g.sources if s.stance in {"reports", "attributes"}} >= {"en-ledger", "en-courier"}
            and any("40" in s.text for s in g.sources)]
    assert rows, [(g.text, [(s.article_id, s.stance) for s in g.sources]) for g in story.claims]
    return rows[0]


def test_the_three_denials_and_an_article_in_a_language_without_rules_join_the_english_story(
        story: tuple[Story, dict[str, Article]]) -> None:
    found, _ = story
    assert set(found.article_ids) == {"en-ledger", "en-courier", "nl-bode", *(a.id for a in DENIALS.values())}


@pytest.mark.parametrize("language", sorted(DENIALS))
def test_a_denial_in_each_language_is_a_denies_cell_of_the_row_it_answers(
        story: tuple[Story, dict[str, Article]], language: str) -> None:
    found, _ = story
    row = _request_row(found)
    cells = [s for s in row.sources if s.article_id == DENIALS[language].id]
    assert cells, (language, row.text, [(s.article_id, s.stance, s.text[:50]) for s in row.sources])
    assert all(c.stance in {"denies", "doubts"} for c in cells), [(c.stance, c.text) for c in cells]
    assert any(c.stance == "denies" for c in cells)
    assert row.status in {"disputed", "denied"}
