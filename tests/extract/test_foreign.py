"""Sentences, quotes and figures of articles in a language with a lexicon, read by its rules."""

from __future__ import annotations

from newsprism.extract.foreign import direct_quotes, figures, sentence_spans
from newsprism.lexicons import lexicon_for
from newsprism.resources import Resources

DE = lexicon_for("de")
FR = lexicon_for("fr")
ES = lexicon_for("es")
assert DE is not None and FR is not None and ES is not None

TEXT_DE = ("Präsident Wladimir W. Putin traf am 12. März 2024 Dr. Anna Berger in Moskau. Sie sprachen zwei Stunden.\n"
           "„Das ist eine Falschmeldung und nichts weiter“, sagte der Sprecher Peter Carr am Abend.")


def test_sentences_split_at_end_marks_not_after_initials_ordinals_or_titles() -> None:
    spans = [TEXT_DE[s:e] for s, e in sentence_spans(TEXT_DE)]
    assert spans == ["Präsident Wladimir W. Putin traf am 12. März 2024 Dr. Anna Berger in Moskau.",
                     "Sie sprachen zwei Stunden.",
                     "„Das ist eine Falschmeldung und nichts weiter“, sagte der Sprecher Peter Carr am Abend."]


def test_a_direct_quote_in_german_marks_with_its_cue_and_speaker(resources: Resources) -> None:
    doc = resources.nlp(TEXT_DE)
    (quote,) = direct_quotes("a1", TEXT_DE, doc, DE)
    assert quote.text == "Das ist eine Falschmeldung und nichts weiter"
    assert TEXT_DE[quote.start:quote.end] == quote.text
    assert quote.cue == "sagte" and quote.direct
    assert quote.speaker == "Peter Carr"


def test_quotes_in_french_and_spanish_marks_with_the_cue_before() -> None:
    fr = "Le porte-parole a déclaré : « Nous n'avons jamais demandé de drones à qui que ce soit. »"
    (q,) = direct_quotes("f", fr, None, FR)
    assert q.text.startswith("Nous n'avons jamais demandé") and q.cue is not None
    es = "«No hemos pedido ningún dron a nadie», dijo el portavoz del ministerio."
    (q,) = direct_quotes("e", es, None, ES)
    assert q.text == "No hemos pedido ningún dron a nadie" and q.cue == "dijo"


def test_figures_and_dates_read_in_each_language() -> None:
    assert figures("Die Reparatur kostet 3,5 Millionen Euro und 1.250 Franken.", DE) == ["3500000", "1250"]
    assert figures("Er wurde am 12. März 2024 zu drei Jahren Haft verurteilt.", DE) == ["2024-03-12", "3"]
    assert figures("Rusia pidió 12.000 soldados el 3 de marzo de 2022 y tres millones de dólares.", ES) == [
        "2022-03-03", "12000", "3000000"]
    assert figures("Le budget atteint 2,4 milliards d'euros en juin 2016.", FR) == ["2016-06", "2400000000"]
    assert figures("Une délégation est arrivée.", FR) == []  # "une" is an article, not a count


def test_a_sentence_speaker_is_the_name_next_to_its_cue_not_any_name_in_it(resources: Resources) -> None:
    from newsprism.extract.foreign import foreign_claims
    from newsprism.records import Article

    text = ("Senatorin Maria Lindqvist aus Ohio, die Vorsitzende des Ausschusses, sagte am Montag, die Brücke "
            "bleibe gesperrt.\n"
            "Die Sperrung werde mindestens einen Monat dauern, sagte Bürgermeister Tomas Hegg am Abend.\n"
            "Er sagte, er übernehme die volle Verantwortung für die Verzögerungen bei Kessin Bau.\n"
            "Zudem erklärten sie, die Stadt habe die Risse schon im Januar 2024 gemeldet.\n"
            "Nach Angaben der Polizei Orvalla wurde bei der Sperrung niemand verletzt.")
    article = Article(id="de1", language="de", text=text)
    doc = resources.nlp(text)
    claims = foreign_claims(article, doc, direct_quotes("de1", text, doc, DE), [], DE)
    who = {c.text.split()[0]: c.attributed_to for c in claims}
    assert who["Senatorin"] == "Maria Lindqvist"  # the opening name, its apposition closed before the cue
    assert who["Die"] == "Tomas Hegg"  # the name right after the cue, role noun stripped
    assert who["Er"] is None  # "Er sagte": no name next to the cue; Kessin Bau is what he spoke of
    assert who["Zudem"] is None  # a word that opens a sentence is no name
    assert who["Nach"] == "Polizei Orvalla"


def test_an_outlets_article_is_part_of_its_name_and_a_name_that_opens_a_sentence_speaks(
        resources: Resources) -> None:
    from newsprism.extract.foreign import _bare_name

    assert _bare_name("Der Spiegel", DE, "ORG") == "Der Spiegel" and _bare_name("Le Monde", FR, "ORG") == "Le Monde"
    assert _bare_name("der Sprecher Peter Carr", DE, "PERSON") == "Peter Carr"
    assert _bare_name("le porte-parole Jean Dupont", FR, "PERSON") == "Jean Dupont"
    from newsprism.extract.foreign import foreign_claims
    from newsprism.records import Article

    text = "Peter Carr sagte am Freitag, die Darstellung der Zeitung sei nicht zutreffend."
    doc = resources.nlp(text)
    (claim,) = foreign_claims(Article(id="de2", language="de", text=text), doc, [], [], DE)
    assert claim.attributed_to == "Peter Carr"
