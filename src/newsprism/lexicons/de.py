"""German news cues: "sagte", "erklärte", "laut", "zufolge"; "wies … zurück", "dementierte", "nicht unabhängig
überprüft"; „…“ and »…«; "drei Millionen", "12. März 2024"."""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon

_W = r"(?<![\w-])"
_I = re.I | re.U

LEXICON = Lexicon(
    code="de",
    deny=re.compile(
        _W + r"(dementier\w*|Dementi\w*|bestritt\w*|bestreit\w*|bestritten|abgestritten|"
        r"(?:weis|wies|wiesen|weist|weisen)\b(?:\s+[\w-]+){0,10}?\s+(?:entschieden\s+|energisch\s+|als\s+[\w-]+\s+)?"
        r"zurück|zurückgewiesen|zurückzuweisen|zurückweis\w*|widersprach\w*|widersprochen|widerspr[ie]ch\w*|"
        r"(?:ist|sei|seien|sind|war|waren)\s+(?:\w+\s+){0,2}(?:falsch|unwahr|erfunden|frei erfunden|haltlos|"
        r"unzutreffend|nicht zutreffend|nicht korrekt|nicht richtig|nicht wahr)|"
        r"nicht zutreffend|unzutreffend|kategorisch falsch|frei erfunden|Falschmeldung\w*|Fake[- ]News|"
        r"Desinformation|haltlos\w*|unbegründet\w*|Unsinn|"
        r"nie (?:davon )?gehört|nichts (?:davon )?bekannt|keine Kenntnis|"
        r"(?<!noch )(?<!wie )(?:nie|niemals)\b(?! zuvor)(?! mehr)|keineswegs|auf keinen Fall|in keiner Weise|"
        r"(?:stellte|stellten|stellt|stellen)\b(?:\s+[\w-]+){0,8}?\s+in ?Frage|infrage gestellt|"
        r"plädier\w* auf nicht schuldig|Richtigstellung|(?:veröffentlichte|brachte) eine Korrektur|"
        r"(?:Bericht|Artikel|Meldung) (?:\w+ ){0,2}zurückgezogen)", _I),
    doubt=re.compile(
        _W + r"(nicht (?:unabhängig )?(?:überprüf|bestätig|verifizier)\w*|(?:ließ|lässt|ließen) sich nicht "
        r"(?:unabhängig )?(?:überprüfen|bestätigen|verifizieren)|konnte\w* (?:\w+ ){0,4}nicht (?:unabhängig )?"
        r"(?:überprüf|bestätig|verifizier)\w*|unbestätigt\w*|unklar,? ob|nicht klar,? ob|ungewiss|"
        r"bleibt (?:abzuwarten|unklar)|Zweifel\w*|bezweifel\w*|anzweifel\w*|zweifelhaft\w*|skeptisch\w*|"
        r"keine (?:Belege|Beweise|Hinweise|Anzeichen)|ohne (?:Belege|Beweise))", _I),
    confirm=re.compile(
        _W + r"((?:bestätigt|bestätigte|bestätigten|verifiziert\w*|untermauert\w*)\s+(?:\w+\s+){0,2}"
        r"(?:Bericht\w*|Angaben|Meldung\w*|Darstellung|Informationen|Vorwürfe)|unabhängig bestätigt)", _I),
    absent=re.compile(
        r"\b(?:hat|habe|hatte|haben|hätten|hätte)\s+(?:\w+\s+){0,4}nicht\s+(?:\w+\s+){0,2}"
        r"(?:gesagt|ausgesagt|behauptet|erwähnt|angegeben|erklärt)\b|\bnicht ausgesagt\b|\bkeine Rede davon\b", _I),
    negation=re.compile(_W + r"(nicht|nie|niemals|kein\w*|niemand|nichts|weder|noch nie)\b", _I),
    negated_cue=re.compile(r"(?:\b(?:nicht|nie|niemals|kein\w*)\b)(?:\W+\w+)?\W*$", _I),
    attribution=re.compile(
        _W + r"(sagte\w*|sagt|sagen|gesagt|erklärte\w*|erklärt|betonte\w*|teilte\w* (?:\w+ ){0,4}mit|mitgeteilt|"
        r"berichtete\w*|berichtet|meldete\w*|schrieb\w*|twitterte\w*|fügte\w* (?:\w+ ){0,3}hinzu|"
        r"äußerte\w*|bekräftigte\w*|versicherte\w*|warnte\w*|kündigte\w* (?:\w+ ){0,4}an|"
        r"laut|zufolge|nach Angaben|Angaben zufolge|wie (?:\w+ ){1,4}(?:mitteilte|berichtete|sagte)|"
        r"so (?:der|die|das)\b|hieß es|heißt es|Sprecher\w*|Quellen?\b|Kreisen)\b", _I),
    hedge=re.compile(
        _W + r"(angeblich\w*|mutmaßlich\w*|vermeintlich\w*|offenbar|offenkundig|vermutlich|wohl\b|"
        r"(?:soll|sollen|sollte|sollten)\s+(?:\w+\s+){0,6}(?:haben|sein|worden)|Berichten zufolge|"
        r"Medienberichten zufolge|möglicherweise|womöglich|falls (?:sie|es|das) (?:zutr\w+|stimm\w+)|"
        r"wenn (?:die|das) \w+ stimmt)\b", _I),
    anonymous=re.compile(
        _W + r"(ungenannt\w*|anonym\w*|nicht namentlich genannt\w*|(?:Person|Personen|Quelle|Quellen|Insider|"
        r"Beamte|Vertreter)\b(?:,)? (?:\w+ ){0,4}(?:vertraut|Kenntnis)|mit (?:\w+ ){0,4}vertraut|Insider\w*|"
        r"informierte\w* Kreise\w*|aus (?:\w+ )?Kreisen)\b", _I),
    quotes=(("\u201e", "\u201c"), ("\u00bb", "\u00ab"), ("\u201a", "\u2018"), ("\u201c", "\u201d"), ('"', '"')),
    titles=re.compile(
        r"^(?:(?:Regierungs|Partei|Polizei|Presse|Kreml|Pentagon)?(?:Sprecher|Sprecherin|Präsident|Präsidentin|"
        r"Bundeskanzler|Bundeskanzlerin|Kanzler|Kanzlerin|Minister|Ministerin|Außenminister|Außenministerin|"
        r"Bürgermeister|Bürgermeisterin|Chefredakteur|Chefredakteurin|Abgeordnete|Abgeordneter|Senator|"
        r"Senatorin|Direktor|Direktorin|Chef|Chefin|Anwalt|Anwältin|Sonderermittler|Staatsanwalt|Richter|"
        r"Richterin|Herr|Frau|Dr\.|Prof\.)\s+)+", re.U),
    months={"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
            "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
            "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
            "dezember": 12, "dez": 12},
    numbers={"null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3,
             "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
             "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
             "tausend": 1000, "dutzend": 12},
    scales={"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
            "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    reports=r"Bericht(?:e|s|en)?|Artikel[ns]?|Meldung(?:en)?|Darstellung(?:en)?|Vorwurf|Vorwürfen?|Behauptung(?:en)?|Enthüllung(?:en)?",
    of=r"von|des|der",
    articles=re.compile(r"(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen)", _I),
)
