"""The needle tests that let long paragraphs skip costly cue regexes must never change a verdict."""

from __future__ import annotations

from newsprism.clean import patterns as P

FILLER = ("The harbour board of Velmont met on Thursday evening and agreed, after a long and at times heated "
          "debate, to postpone the vote on the new ferry timetable until the spring session of the council.")

PHRASES = [
    "We use cookies to improve your visit", "This site uses cookies.", "Accept all cookies", "Cookie policy",
    "Diese Seite verwendet Cookies", "4 min read", "12 mins. read", "3 minutes read", "5 Minuten Lesezeit",
    "Reading time: 4 minutes", "Bild anzeigen", "Video verfügbar bis 12.03.", "Available until June",
    "Tel.: +49 30 1234", "Email: (030) 55 66", "This is copyrighted property of the Velmont Courier",
    "Alle Angaben ohne Gewähr", "Written permission must be obtained", "© 2031 Velmont Courier",
    "(c) 2031 Velmont Courier. All rights reserved.", "Copyright 2030 Harbour Media, alle Rechte vorbehalten",
    "Photo: Getty Images", "Ana Lind/AFP", "via Reuters", "Shutterstock", "Donate now", "Please support us!",
    "Your support keeps us going", "Become a member today", "Support independent press", "Payment methods",
    "PayPal", "one-time gift", "Monthly donation", "Remind me later", "Jetzt spenden", "Unterstützen Sie uns",
    "Faire un don", "Soutenez-nous", "Apoya", "Dona ahora", "Wesprzyj nas", "A small favor to ask",
    "We need your help", "Independent journalism", "Keep our journalism free", "Sign up for our newsletter",
    "Signup", "Check your inbox", "Get it by e-mail", "Be notified", "Notify me", "Subscribe to our feed",
    "Jetzt abonnieren", "Hier anmelden", "Melde dich an", "Suscríbete", "Inscrivez-vous", "Zapisz się",
    "Your email address", "Subscribe", "Subscription offer", "Abonnement", "Das Abo", "Top jobs of the week",
    "Jobs of the day", "Job offers", "Stellenangebote", "Download our app", "Get the app", "Free trial",
    "Special offer", "Exclusive offers", "Find new jobs", "Jobs today", "Readers also read", "Most popular",
    "Trending", "You might also like", "Don't miss", "Dont miss", "Recommended for you", "Popular now",
    "Meistgelesen", "Beliebt", "Más leídas", "Lo más visto", "Les plus lus", "More from Velmont",
    "More stories", "Latest news", "Full story", "Unlock this article", "To continue reading",
    "Log in to read", "Already a subscriber?",
    "The Velmont Courier is your newspaper", "Keep us going", "Keep it going", "This paper relies on readers",
    "Funded by readers", "Supported by readers", "Keep following our coverage", "Stay tuned",
    "For more updates", "COOKİE POLİCY", "WE USE COOKIES", "SUBSCRİBE",
    "Wir verwenden Cookies", "Utilizamos cookies", "Nous utilisons des cookies", "Używamy plików cookies",
    "Copyright 2031 Velmont Courier", "(c) 2030 - 2031 velmont-courier.example", "We may earn a commission",
    "This post contains affiliate links", "erhält der Courier ggf. eine Provision", "Provision vom Händler",
    "Your browser is out of date", "a browser version with limited support", "Update your browser",
    "All content is licensed under a Creative Commons licence",
    "Dieser Beitrag steht unter einer Creative-Commons-Lizenz",
]

GUARDED = [rx for rx in P._SPLIT]


def _lines() -> list[str]:
    out = []
    for phrase in PHRASES:
        for text in (phrase, phrase.upper(), phrase.lower()):
            out += [f"{text} {FILLER}", f"{FILLER} {text}", f"{FILLER} {text} {FILLER}"]
    return out


def test_needles_never_reject_a_match() -> None:
    hits = 0
    for line in _lines():
        low = P.lowered(line)
        for rx in GUARDED:
            if rx.search(line):
                hits += 1
                assert P.may_match(rx, low), (rx.pattern[:60], line[:80])
    assert hits >= len(PHRASES)  # every phrase is a real match of some guarded cue, or the test proves nothing


def _strong_plain(text: str) -> str | None:
    if not P.maybe_junk(text):
        return None
    cues = P._FLOATING if text.count(" ") > 40 else P.STRONG
    return next((c for c, rx in cues if rx.search(text)), None)


def _appeal_plain(text: str) -> int:
    if not P.maybe_junk(text):
        return 0
    score = sum((2 if c == "donation" else 1) * len(rx.findall(text)) for c, rx in P._APPEAL)
    return score + (len(P._PRONOUNS.findall(text)) >= 4)


def test_cue_functions_agree_with_plain_regexes() -> None:
    for line in [*_lines(), FILLER, FILLER * 3]:
        assert P.strong_category(line) == _strong_plain(line), line[:80]
        assert P.appeal_score(line) == _appeal_plain(line), line[:80]


def test_needles_do_rule_out_an_ordinary_paragraph() -> None:
    low = P.lowered(FILLER * 2)
    assert not any(P.may_match(rx, low) for rx in GUARDED)
    assert P.may_match(P.STRONG[7][1], P.lowered(f"{FILLER} We use cookies on this site."))


def _branches(source: str) -> list[str]:
    """Top-level alternatives of a cue, inside its one enclosing group when it has one (``\\b(a|b)\\b``)."""
    out: list[str] = []
    for part in _split_top(source):
        inner = part.removeprefix(r"\b").removesuffix(r"\b")
        if inner.startswith("(") and inner.endswith(")") and _closing(inner) == len(inner) - 1:
            out += _split_top(inner[3:-1] if inner.startswith("(?:") else inner[1:-1])
        else:
            out.append(part)
    return out


def _closing(text: str) -> int:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "\\":
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i
    return -1


def _split_top(text: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    return [*parts, text[start:]]


def _literal_head(branch: str) -> str:
    """The literal text a branch opens with (a character made optional by ``?``/``*``/``{`` is dropped)."""
    out = ""
    for ch in branch:
        if ch in "?*{":
            return out[:-1]
        if ch in "()[]+.^$|\\":
            return out
        out += ch
    return out


def test_every_literal_branch_has_a_needle() -> None:
    """A cue added to a guarded pattern without its needle would silently miss long lines: caught here."""
    for rx, (plain, _heads, _rxs) in P._SPLIT.items():
        for branch in _branches(rx.pattern):
            head = _literal_head(branch).lower()
            if len(head) >= 3:
                assert any(n in head or head in n or n in branch.lower() for n in plain), (rx.pattern[:40], branch)


SHORT_LINES = [
    "Home", "  Startseite ", "Menu:", "« Previous post", "Older posts »", "Next →", "News » Politics » Vote",
    "Tel.: +49 30 1234", "© 2031 Velmont Courier", "4 min read", "Reading time: 3 minutes", "Foto: Ana Lind",
    "Please support us", "Donate now", "Share this article", "Udostępnij", "Leave a comment",
    "Kommentar von Ana Lind", "Video verfügbar bis 12.03.", "copyrighted property", "The harbour board met.",
    "Velmont council", "Ferry timetable »", "Home » Velmont", "Weather", "",
]


def _short_category_by_list(text: str) -> str | None:
    """What ``short_category`` answered before its cues were split and needle-gated: the lists in order."""
    if not P.maybe_junk(text):
        return None
    first = next((c for c, rx in P.STRONG + P.SHORT if rx.search(text)), None)
    return first or P.widget_category(text)


def test_anchored_split_keeps_the_first_category() -> None:
    """Splitting mixed cues into anchored and free patterns, and asking their needles first, must not change
    which category a short line gets."""
    assert len(P._SHORT_LINE_CUES) > len(P.STRONG + P.SHORT)  # some cue was split
    assert any(needles is not None for _, _, needles in P._SHORT_LINE_CUES)  # and some is needle-gated
    hits = 0
    for line in SHORT_LINES + [p for p in PHRASES if len(p.split()) <= 12]:
        for text in (line, line.upper(), f"{line} »", f"Velmont: {line}"):
            want = _short_category_by_list(text)
            assert P.short_category(text) == want, text
            hits += want is not None
    assert hits > 40


def test_branches_split_only_at_the_top_level() -> None:
    assert P._branches(r"^a(b|c)|[|x]d|\|e") == [r"^a(b|c)", r"[|x]d", r"\|e"]
    assert P._branches(r"[]|]x|y") == [r"[]|]x", "y"]
    assert P._branches(r"[^]|]x|^y") == [r"[^]|]x", "^y"]
    for _, rx in P.STRONG + P.SHORT:
        assert "|".join(P._branches(rx.pattern)) == rx.pattern


def test_cached_categories_match_uncached_at_every_position() -> None:
    """A short line's cue category is cached per process, keyed without the page position where the position
    cannot matter: whichever order the positions come in, the cached answer is the one computed afresh."""
    from newsprism.clean import text as T

    lines = [
        *SHORT_LINES[:-1],
        "Please support independent journalism in Velmont today with a gift of any size, it keeps us going.",
        "Subscribe now to read every story of the Courier, cancel at any time, no questions asked at all.",
        "By Ana Lind", "June 3, 2031", "Photo: Ana Lind/AFP",
    ]
    for order in ((True, False), (False, True)):
        T.clear_line_caches()
        for short in (12, 25):
            for edge in order:
                for line in lines:
                    shape = T._shape_of(line)
                    got = T._category(line, T._shape(line), edge=edge, short=short)
                    assert got == T._category_of(line, shape, edge=edge, short=short), (line, edge, short)
    T.clear_line_caches()
