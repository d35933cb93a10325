"""French news cues: "a déclaré", "a affirmé", "selon", "d'après"; "a démenti", "a rejeté", "n'a pas pu être
vérifié"; « … »; "trois millions", "12 mars 2024"."""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon

_W = r"(?<![\w-])"
_I = re.I | re.U

LEXICON = Lexicon(
    code="fr",
    deny=re.compile(
        _W + r"(d[ée]menti\w*|d[ée]ment\w*|d[ée]mentent|nié|nie\b|nient|niait|nier|"
        r"(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,2}(?:rejeté|réfuté|contesté|récusé)|rejett?\w*|réfut\w*|"
        r"contest[ée]\w*|conteste\w*|(?:est|sont|était|étaient|serait)\s+(?:\w+\s+){0,2}(?:faux|fausse|fausses|"
        r"inexact\w*|infondé\w*|mensonger\w*|sans fondement)|inexact\w*|infondé\w*|sans fondement|"
        r"catégoriquement faux|fausse nouvelle|fake news|désinformation|absurde|grotesque|"
        r"jamais entendu parler|n'est pas au courant|aucune connaissance|"
        r"(?:ne\s+|n')(?:\w+\s+){0,2}jamais\b(?! vu)|en aucun cas|nullement|"
        r"remis\w* en (?:question|cause)|remet\w* en (?:question|cause)|plaid\w* non coupable|"
        r"rectificatif|(?:a |ont )?rectifié|retir[ée]\w* (?:son|leur|l')\s*(?:article|information))", _I),
    doubt=re.compile(
        _W + r"((?:n'a|n'ont|ne peut|ne pouvait|n'a pas pu|n'ont pas pu|n'avait pas pu|ne pouvons)\s+(?:\w+\s+){0,3}"
        r"(?:pas\s+)?(?:être\s+)?(?:vérifi|confirm|corrobor)\w*|pas (?:été )?(?:\w+ )?(?:vérifié|confirmé|"
        r"corroboré)\w*|non (?:vérifié|confirmé)\w*|invérifiable\w*|(?:il )?n'est pas clair si|on ignore si|"
        r"reste à voir|doute\w*|sceptique\w*|aucune (?:preuve|indication)|sans preuve\w*|"
        r"de manière indépendante)", _I),
    confirm=re.compile(
        _W + r"((?:a |ont )?(?:confirmé|corroboré|vérifié)\s+(?:\w+\s+){0,2}(?:informations?|article|récit|"
        r"affirmations?|révélations?|allégations?)|confirmé de manière indépendante)", _I),
    absent=re.compile(r"\b(?:n'a|n'ont|n'avait|n'avaient)\s+(?:\w+\s+){0,2}pas\s+(?:\w+\s+){0,2}"
                      r"(?:dit|déclaré|affirmé|mentionné|précisé|indiqué)\b", _I),
    negation=re.compile(_W + r"(ne|n'|pas|jamais|aucun\w*|personne|rien|ni)\b", _I),
    negated_cue=re.compile(r"(?:\b(?:ne|n'|pas|jamais)\b|n')(?:\W*\w+){0,2}\W*$", _I),
    attribution=re.compile(
        _W + r"(a déclaré|ont déclaré|déclar\w*|a dit|ont dit|dit-il|dit-elle|a affirmé|affirm\w*|a indiqué|"
        r"indiqu\w*|a expliqué|expliqu\w*|a précisé|précis\w*|a ajouté|ajout\w*|a souligné|a assuré|"
        r"a annoncé|a écrit|a tweeté|a estimé|a rapporté|rapport\w*|selon|d'après|citant|"
        r"de source\w*|porte-parole|sources?\b)", _I),
    hedge=re.compile(
        _W + r"(présumé\w*|supposé\w*|prétendu\w*|apparemment|vraisemblablement|"
        r"aurait|auraient|serait|seraient|selon (?:des|plusieurs) (?:informations|médias|sources)|"
        r"peut-être|sans doute|si (?:elles|ils|cela) (?:étaient|était) (?:avérée?s?|vrai))\b", _I),
    anonymous=re.compile(
        _W + r"(sous (?:couvert|le couvert) (?:de l')?anonymat|anonyme\w*|source\w* proche\w*|"
        r"(?:une )?source\w* (?:bien )?informée\w*|personnes? (?:proches?|au fait|familière)\w*)", _I),
    quotes=(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ("\u2039", "\u203a"), ('"', '"')),
    months={"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
            "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
            "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12},
    numbers={"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
             "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "trente": 30,
             "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000, "douzaine": 12},
    scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
            "mds": 1e9},
    reports=r"articles?|rapports?|informations?|révélations?|allégations?|affirmations?|accusations?",
    of=r"de|du|des|d'",
    articles=re.compile(r"(?:le|la|les|l'|un|une|du|des|de|d')", _I),
)
