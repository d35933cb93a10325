"""Portuguese news cues: "disse", "afirmou", "segundo", "de acordo com"; "negou", "desmentiu", "rejeitou", "não
pôde ser verificado"; “ … ” and « … »; "três milhões", "12 de março de 2024"."""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon

_W = r"(?<![\w-])"
_I = re.I | re.U

LEXICON = Lexicon(
    code="pt",
    deny=re.compile(
        _W + r"(negou|negaram|nega\b|negam|negado|desmentiu|desmentiram|desmente\w*|desmentido|"
        r"rejeitou|rejeitaram|rejeita\w*|refut\w*|contestou|contestaram|contesta\w*|"
        r"(?:é|são|era|eram|seria)\s+(?:\w+\s+){0,2}(?:fals[oa]s?|incorret\w*|inexat\w*|infundad\w*)|"
        r"incorret\w*|inexat\w*|infundad\w*|sem fundamento|categoricamente fals[oa]|notícias? falsas?|"
        r"fake news|desinformação|absurd\w*|nunca ouviu falar|não tem conhecimento|não (?:está|estava) ciente|"
        r"(?<!que )(?<!do )(?:nunca|jamais)\b(?! antes)|em momento algum|de modo algum|"
        r"pôs em (?:dúvida|causa)|questionou|questionaram|se declar\w* inocente|declarou-se inocente|"
        r"retific\w*|errata)", _I),
    doubt=re.compile(
        _W + r"(não (?:pôde|puderam|pode|conseguiu|conseguiram|foi possível)\s+(?:ser\s+)?(?:\w+\s+)?"
        r"(?:verific|confirm|corrobor|comprov)\w*|não (?:foi |foram )?(?:\w+ )?(?:verificad|confirmad|"
        r"corroborad|comprovad)\w*|sem confirmação|não está claro se|não se sabe se|resta saber|"
        r"dúvida\w*|duvid\w*|cétic\w*|céptic\w*|nenhuma prova|sem provas|de forma independente|"
        r"de maneira independente)", _I),
    confirm=re.compile(
        _W + r"((?:confirm|corrobor|verific)\w*\s+(?:\w+\s+){0,2}(?:a notícia|a reportagem|o relato|as informações|"
        r"as acusações|o artigo)|confirmad\w* de forma independente)", _I),
    absent=re.compile(r"\bnão (?:\w+\s+){0,2}(?:disse|declarou|afirmou|mencionou|especificou|indicou|"
                      r"tinha dito|havia dito)\b", _I),
    negation=re.compile(_W + r"(não|nunca|jamais|nenhum|nenhuma|ninguém|nada|nem)\b", _I),
    negated_cue=re.compile(r"\b(?:não|nunca|jamais)\b(?:\W+\w+)?\W*$", _I),
    attribution=re.compile(
        _W + r"(disse|disseram|afirmou|afirmaram|declarou|declararam|explicou|acrescentou|ressaltou|sublinhou|"
        r"assegurou|garantiu|indicou|informou|anunciou|escreveu|tuitou|segundo|de acordo com|conforme|"
        r"citando|porta-voz|fontes?\b)", _I),
    hedge=re.compile(
        _W + r"(suposta\w*|suposto\w*|alegada\w*|alegado\w*|alegadamente|supostamente|aparentemente|"
        r"teria|teriam|seria|seriam|segundo (?:informações|a imprensa|fontes)|possivelmente|talvez|"
        r"se (?:for|forem) verdade)\b", _I),
    anonymous=re.compile(
        _W + r"((?:sob (?:condição de )?)?anonimato|anônim\w*|anónim\w*|fontes? (?:próximas?|ligadas?|"
        r"familiarizadas?)|pessoas? (?:próximas?|familiarizadas?|a par))", _I),
    quotes=(("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u2018", "\u2019"), ('"', '"')),
    months={"janeiro": 1, "jan": 1, "fevereiro": 2, "fev": 2, "março": 3, "marco": 3, "mar": 3, "abril": 4,
            "abr": 4, "maio": 5, "junho": 6, "jun": 6, "julho": 7, "jul": 7, "agosto": 8, "ago": 8, "setembro": 9,
            "set": 9, "outubro": 10, "out": 10, "novembro": 11, "nov": 11, "dezembro": 12, "dez": 12},
    numbers={"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
             "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "vinte": 20, "trinta": 30,
             "quarenta": 40, "cinquenta": 50, "cem": 100, "cento": 100, "mil": 1000, "dúzia": 12},
    scales={"mil": 1e3, "milhão": 1e6, "milhao": 1e6, "milhões": 1e6, "milhoes": 1e6, "bilhão": 1e9,
            "bilhões": 1e9, "mil milhões": 1e9},
    reports=r"reportage(?:m|ns)|artigos?|notícias?|relatórios?|revelaç(?:ão|ões)|acusaç(?:ão|ões)|afirmaç(?:ão|ões)",
    of=r"de|do|da|dos|das",
    articles=re.compile(r"(?:o|a|os|as|um|uma|uns|umas|do|da|dos|das|de)", _I),
)
