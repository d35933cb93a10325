"""Spanish news cues: "dijo", "afirmó", "según", "de acuerdo con"; "negó", "desmintió", "rechazó", "no pudo ser
verificado"; « … » and “ … ”; "tres millones", "12 de marzo de 2024"."""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon

_W = r"(?<![\w-])"
_I = re.I | re.U

LEXICON = Lexicon(
    code="es",
    deny=re.compile(
        _W + r"(neg[óo]\b|negaron|niega\w*|negado|desminti\w*|desmient\w*|desmentido|"
        r"rechaz[óo]\b|rechazaron|rechaza\w*|refut\w*|calific\w* (?:\w+ ){0,3}de (?:falso|falsa|falsas|falsos|"
        r"mentira|absurd\w*)|(?:es|son|era|eran|sería)\s+(?:\w+\s+){0,2}(?:falso|falsa|falsos|falsas|incorrect\w*|"
        r"inexact\w*|infundad\w*)|incorrect\w*|inexact\w*|infundad\w*|sin fundamento|categóricamente falso|"
        r"noticias? falsas?|fake news|desinformación|bulo\w*|absurd\w*|"
        r"nunca (?:había )?oído|no tiene conocimiento|no (?:está|estaba) al tanto|"
        r"(?<!que )(?:nunca|jamás)\b(?! antes)|en ningún momento|de ningún modo|"
        r"cuestion[óo]|cuestionaron|cuestiona\w*|puso en (?:duda|entredicho)|se declar\w* no culpable|"
        r"rectific\w*|fe de erratas|retir[óo] (?:la|el|su) (?:noticia|artículo|información))", _I),
    doubt=re.compile(
        _W + r"(no (?:pudo|pudieron|ha podido|han podido|puede|se ha podido|se pudo)\s+(?:ser\s+)?"
        r"(?:\w+\s+)?(?:verific|confirm|corrobor|comprob)\w*|no (?:ha |han )?(?:sido )?(?:\w+ )?"
        r"(?:verificad|confirmad|corroborad|comprobad)\w*|sin confirmar|sin verificar|no está claro si|"
        r"se desconoce si|queda por ver|duda\w*|dudos\w*|escéptic\w*|ninguna prueba|sin pruebas|"
        r"de forma independiente|de manera independiente)", _I),
    confirm=re.compile(
        _W + r"((?:confirm|corrobor|verific)\w*\s+(?:\w+\s+){0,2}(?:la información|la noticia|el informe|"
        r"el reportaje|las informaciones|las acusaciones|el artículo)|confirmado de (?:forma|manera) independiente)",
        _I),
    absent=re.compile(r"\bno (?:\w+\s+){0,2}(?:dijo|declaró|afirmó|mencionó|precisó|especificó|indicó|ha dicho|"
                      r"había dicho)\b", _I),
    negation=re.compile(_W + r"(no|nunca|jamás|ningún|ninguna|ninguno|nadie|nada|ni)\b", _I),
    negated_cue=re.compile(r"\b(?:no|nunca|jamás)\b(?:\W+\w+)?\W*$", _I),
    attribution=re.compile(
        _W + r"(dijo|dijeron|ha dicho|afirm[óo]\w*|afirmaron|declar[óo]\w*|declararon|señal[óo]\w*|"
        r"explic[óo]\w*|asegur[óo]\w*|indic[óo]\w*|añadi[óo]\w*|agreg[óo]|sostuvo|subray[óo]|"
        r"anunci[óo]|escribi[óo]|tuite[óo]|inform[óo]|según|de acuerdo con|citando|portavoz\w*|"
        r"fuentes?\b)", _I),
    hedge=re.compile(
        _W + r"(presunt\w*|supuest\w*|al parecer|aparentemente|habría|habrían|sería|serían|"
        r"según (?:informaciones|medios|fuentes)|posiblemente|quizás?|tal vez|de ser cierto)\b", _I),
    anonymous=re.compile(
        _W + r"(bajo (?:condición de )?anonimato|anónim\w*|fuentes? (?:cercanas?|conocedoras?|próximas?|"
        r"familiarizadas?)|(?:una )?persona\w* (?:familiarizada|al tanto|cercana)\w*)", _I),
    quotes=(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ('"', '"')),
    months={"enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4, "mayo": 5,
            "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9,
            "sept": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12},
    numbers={"cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
             "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "treinta": 30,
             "cuarenta": 40, "cincuenta": 50, "cien": 100, "ciento": 100, "mil": 1000, "docena": 12},
    scales={"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12,
            "billones": 1e12},
    reports=r"informes?|artículos?|noticias?|reportajes?|revelaci(?:ón|ones)|acusaci(?:ón|ones)|afirmaci(?:ón|ones)",
    of=r"de|del",
    articles=re.compile(r"(?:el|la|los|las|un|una|unos|unas|del|de)", _I),
)
