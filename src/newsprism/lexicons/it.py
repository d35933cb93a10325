"""Italian news cues: "ha detto", "ha dichiarato", "secondo"; "ha smentito", "ha negato", "non è stato possibile
verificare"; « … »; "tre milioni", "12 marzo 2024"."""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon

_W = r"(?<![\w-])"
_I = re.I | re.U

LEXICON = Lexicon(
    code="it",
    deny=re.compile(
        _W + r"(smentit\w*|smentisc\w*|smentita|smentiscono|negat[oaie]\b|ha negato|hanno negato|nega\b|negano|"
        r"respint\w*|respinge\w*|(?:ha|hanno)\s+(?:\w+\s+){0,2}(?:confutato|contestato|rigettato)|confut\w*|"
        r"contest\w*|(?:è|sono|era|erano|sarebbe)\s+(?:\w+\s+){0,2}(?:fals[oaie]|inesatt\w*|infondat\w*|"
        r"privo di fondamento)|inesatt\w*|infondat\w*|privo di fondamento|priva di fondamento|"
        r"categoricamente falso|notizia falsa|notizie false|fake news|disinformazione|bufala\w*|assurd\w*|"
        r"mai sentito|non (?:è|era) a conoscenza|nessuna conoscenza|messo in dubbio|mette\w* in dubbio|"
        r"(?:non|né) (?:\w+ ){0,3}mai\b(?! più)|in nessun modo|"
        r"(?:si è )?dichiarat\w* non colpevole|rettific\w*|ritirat\w* (?:l'articolo|la notizia))", _I),
    doubt=re.compile(
        _W + r"(non (?:è stato|è stata|è|sono stati|sono state|ha potuto|hanno potuto|può|possiamo)\s+"
        r"(?:\w+\s+){0,2}(?:verificat|confermat|verificare|confermare|corroborat|comprovat)\w*|"
        r"non (?:ancora )?(?:verificat|confermat)\w*|non verificabil\w*|non è chiaro se|resta da vedere|"
        r"dubbi\w*|dubit\w*|scettic\w*|nessuna prova|senza prove|in modo indipendente|"
        r"in maniera indipendente)", _I),
    confirm=re.compile(
        _W + r"((?:confermat|verificat|corroborat)\w*\s+(?:\w+\s+){0,2}(?:la notizia|l'articolo|il resoconto|"
        r"le informazioni|le accuse|il rapporto)|confermat\w* in modo indipendente)", _I),
    absent=re.compile(r"\bnon (?:ha|hanno|aveva|avevano)\s+(?:\w+\s+){0,2}(?:detto|dichiarato|affermato|"
                      r"menzionato|precisato|specificato|indicato)\b", _I),
    negation=re.compile(_W + r"(non|mai|nessun\w*|nessuno|niente|nulla|né)\b", _I),
    negated_cue=re.compile(r"\b(?:non|mai)\b(?:\W+\w+){0,2}\W*$", _I),
    attribution=re.compile(
        _W + r"(ha detto|hanno detto|ha dichiarato|hanno dichiarato|dichiar\w*|ha affermato|afferm\w*|"
        r"ha spiegato|spieg\w*|ha aggiunto|aggiung\w*|ha sottolineato|sottolinea\w*|ha precisato|ha riferito|"
        r"rifer\w*|ha annunciato|ha scritto|ha twittato|ha assicurato|secondo|stando a|citando|"
        r"portavoce|fonti?\b)", _I),
    hedge=re.compile(
        _W + r"(presunt\w*|presumibilmente|apparentemente|avrebbe|avrebbero|sarebbe|sarebbero|"
        r"secondo indiscrezioni|secondo (?:alcuni|i) media|forse|probabilmente|se (?:fosse|fossero) ver\w+)\b", _I),
    anonymous=re.compile(
        _W + r"((?:in condizione di |sotto )?anonimato|anonim\w*|fonti? (?:vicin\w*|informat\w*|a conoscenza)|"
        r"persone? (?:vicin\w*|a conoscenza|informat\w*))", _I),
    quotes=(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"')),
    months={"gennaio": 1, "genn": 1, "febbraio": 2, "febbr": 2, "marzo": 3, "aprile": 4, "maggio": 5,
            "giugno": 6, "luglio": 7, "agosto": 8, "settembre": 9, "sett": 9, "ottobre": 10, "ott": 10,
            "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12},
    numbers={"zero": 0, "uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
             "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "venti": 20,
             "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "mille": 1000, "dozzina": 12},
    scales={"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
            "mld": 1e9},
    reports=r"articol[oi]|rapport[oi]|notizi[ae]|rivelazion[ei]|accus[ae]|affermazion[ei]|inchiest[ae]",
    of=r"di|del|della|dello|dei",
    articles=re.compile(r"(?:il|lo|la|i|gli|le|l'|un|uno|una|un'|del|dello|della|dei|degli|delle|di)", _I),
)
