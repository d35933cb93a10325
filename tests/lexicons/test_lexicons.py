"""Cue lexicons of other languages: chosen by the article's language, each reading its press's denials and doubts;
English and languages without a lexicon read exactly as before."""

from __future__ import annotations

import pytest

from newsprism.answers import response_of
from newsprism.lexicons import LANGUAGES, lexicon_for


def test_a_lexicon_for_each_language_and_none_for_english_or_unknown() -> None:
    assert LANGUAGES == ("de", "es", "fr", "it", "pt")
    assert all(lexicon_for(code).code == code for code in LANGUAGES)  # type: ignore[union-attr]
    assert lexicon_for("fr-CH").code == "fr"  # type: ignore[union-attr]
    assert lexicon_for("en") is None and lexicon_for(None) is None and lexicon_for("ar") is None


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Peskow wies die Berichte als Falschmeldung zurück.", "denies"),
    ("de", "Das Ministerium dementierte den Bericht am Montag.", "denies"),
    ("de", "Die Angaben seien frei erfunden, sagte ein Sprecher.", "denies"),
    ("de", "Die Zeitung hat den Bericht nicht unabhängig überprüft.", "doubts"),
    ("de", "Cohen habe nicht ausgesagt, dass der Präsident ihn unter Druck gesetzt habe.", "doubts"),
    ("de", "Das Ministerium hat den Bericht nicht dementiert.", None),
    ("de", "„Wir haben nie um Drohnen gebeten“, sagte die Sprecherin.", "denies"),
    ("de", "So viele Besucher wie noch nie kamen zum Fest.", None),
    ("de", "Cohen wurde wegen Lügen gegenüber dem Kongress zu drei Jahren Haft verurteilt.", None),
    ("fr", "Le Kremlin a démenti ces informations mardi.", "denies"),
    ("fr", "Le ministère a rejeté catégoriquement l'article du journal.", "denies"),
    ("fr", "Ces affirmations n'ont pas pu être vérifiées de manière indépendante.", "doubts"),
    ("fr", "Le Kremlin n'a pas démenti ces informations.", None),
    ("fr", "« Nous n'avons jamais demandé de drones », a déclaré la porte-parole.", "denies"),
    ("fr", "Plus que jamais, la ville attend les secours.", None),
    ("es", "El portavoz negó rotundamente el informe del diario.", "denies"),
    ("es", "El Gobierno desmintió la noticia el martes.", "denies"),
    ("es", "La información no pudo ser verificada de forma independiente.", "doubts"),
    ("es", "Según el diario, el Gobierno pidió ayuda militar.", None),
    ("it", "Il Cremlino ha smentito la notizia.", "denies"),
    ("it", "Non è stato possibile verificare la notizia in modo indipendente.", "doubts"),
    ("pt", "O Kremlin negou as informações na terça-feira.", "denies"),
    ("pt", "A informação não pôde ser verificada de forma independente.", "doubts"),
    ("pt", "O ministério confirmou a notícia do jornal.", "confirms"),
])
def test_response_of_reads_each_language(language: str, text: str, expected: str | None) -> None:
    assert response_of(text, language) == expected


@pytest.mark.parametrize("text", [
    "The ministry denied the report.", "The Times could not independently verify the claims.",
    "Russia asked China for military equipment, officials said.", "He pleaded guilty to making false statements.",
])
def test_english_and_languages_without_a_lexicon_read_as_before(text: str) -> None:
    assert response_of(text, "en") == response_of(text, None) == response_of(text, "ar") == response_of(text)
