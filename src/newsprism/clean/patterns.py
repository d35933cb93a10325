"""Context-free cues of page junk: call-to-action wording, credits, engagement counters, chrome.

The wording is what pages in many languages use for the same widgets (subscribe, donate, share, read more,
cookies...), not phrases of any one site. Each cue names the category it points to. Long lines (body paragraphs
that merely mention a newsletter) only match the ``strong`` cues; short lines match all of them.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), _I)


# Cues that decide a line of any length: the line is built around the widget.
STRONG: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("engagement", re.compile(r"^\s*\d[\d.,]*\s*[km]?\s*(views?|comments?|likes?|shares?|reads?|replies|"
                              r"kommentare?|aufrufe|vues|vistas|comentarios?)(?=\d|\b).{0,40}$", _I)),
    ("source-line", re.compile(r"^\s*(source|sources|quelle|fuente|fonte|źródło|origine)\s*:\s*\S.{0,80}$", _I)),
    ("related-link", re.compile(
        r"^\s*(?:>+|»+|→|▶|►|\*)?\s*(read (?:more|also|here|next)|also read|see also|more on this|more|related|"
        r"related (?:articles?|stories|content|news)|recommended|lesen sie (?:auch|mehr)|lesen sie hier|"
        r"mehr zum thema|auch interessant|weiterlesen|vea también|lea también|lee también|leia também|"
        r"lire aussi|à lire aussi|czytaj (?:też|także|więcej)|zobacz też|leggi anche|mire|mira|lea|lea más|"
        r"le puede interesar|te puede interesar|puedes ver|vea|ver|watch|listen|auch lesen|dowiedz się więcej)"
        r"\s*[:>»|-]\s*\S", _I)),
    ("related-link", re.compile(r"^\s*(?:>>|»|→)\s*\S", _I)),
    ("credit", re.compile(
        r"^\s*[(\[]?\s*(?:photo|photos|photograph|picture|image|images|foto|fotos|bild|bilder|credit|credits|"
        r"crédits?(?: photos?)?|crédito|copyright|©|video)\s*(?:credit)?\s*[:/©]\s*[^.]{1,80}[)\]]?\s*$", _I)),
    ("credit", re.compile(r"^\s*[(\[]?[^()\[\].]{0,60}(?:getty images|shutterstock|istock(?:photo)?|"
                          r"imago|picture alliance|dpa-bildfunk|/ap|/afp|/reuters|via reuters|via getty)"
                          r"[^()\[\]]{0,40}[)\]]?\s*$", _I)),
    ("credit", re.compile(r"^\s*\(\s*[^()]{2,60}/[^()]{2,60}\s*\)\s*$")),
    ("cookie-notice", re.compile(r"\b(we use cookies|uses cookies|use of cookies|cookie (?:policy|settings|"
                                 r"preferences|consent)|verwendet cookies|nutzt cookies|utiliza cookies|"
                                 r"utilise des cookies|accept (?:all )?cookies|(?:wir )?(?:verwenden|nutzen) cookies|"
                                 r"utilizamos cookies|usamos cookies|nous utilisons des cookies|"
                                 r"używamy (?:plików )?cookies|utilizziamo (?:i )?cookie)\b", _I)),
    ("scraper-artifact", re.compile(r"^\s*[a-z]+(?:[ _][a-z]+)*[-_]\d+\s*$|^\s*(?:%d|%s|\{\{.*\}\}|undefined|"
                                    r"null|nan|loading\s*\.{0,3}|lade\s*\.{0,3}|javascript is (?:disabled|"
                                    r"required).*|please enable javascript.*)\s*$", _I)),
    ("page-chrome", re.compile(r"^\s*(?:top|bottom|end|start) of (?:page|article|content)\s*$|"
                               r"^\s*(?:skip to (?:main )?content|skip navigation|back to top|nach oben|"
                               r"zum inhalt springen|springe direkt zu:?)\s*$", _I)),
    ("credit", re.compile(r"^\s*(?:fot\.|fot:|foto:|photo:|bild:|image:|imagen:)\s*\S.{0,80}$|"
                          r"^\s*(?:photo(?:graph)?s?|pictures?|fotos?|images?) (?:by|von|courtesy of) \S.{0,70}$|"
                          r"^\s*[a-z]{2,5}/[A-Z]{2,6}\s*$", _I)),
    ("byline", re.compile(r"^\s*(?:release date|last modified|last updated|letzte änderung|letzte aktualisierung|"
                          r"stand|veröffentlicht(?: am)?|veröffentlichung|published(?: on)?|updated|news date|"
                          r"fecha|date|publiziert(?: am)?|pubblicato(?: il)?|publicado(?: el)?|opublikowano)"
                          r"\s*:?\s*(?:\d|$|\w+ \d)", _I)),
    ("section-label", re.compile(r"^\s*(?:category|categories|kategorie|kategorien|rubrik|tags?|schlagwörter|"
                                 r"temas?|sección|section)\s*:\s*.{0,60}$", _I)),
    ("page-chrome", re.compile(r"\b\d+\s*(?:min(?:ute)?s?\.? read|minuten? lesezeit)\b|^\s*(?:lesezeit|reading time)\b|"
                               r"^\s*(?:bild|foto|video|image|photo|galerie|gallery)\s+(?:anzeigen|ansehen|vergrößern|"
                               r"enlarge|view|öffnen)\s*$|\bverfügbar bis\b|\bavailable until\b", _I)),
    ("page-chrome", re.compile(r"^\s*(?:tel|telefon|phone|fax|e-?mail|mail)\s*[.:]\s*[+\d(]|"
                               r"copyrighted property|chroniony prawem autorskim|alle angaben ohne gewähr|"
                               r"written permission must be obtained|^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}", _I)),
    ("page-chrome", re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4})?.{0,80}(?:all rights reserved|"
                               r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)", _I)),
    ("advertisement", AFFILIATE := re.compile(
        r"\b(affiliate[- ]links?|(?:we|i|the site|this site) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?"
        r"(?:commission|compensation)|(?:erhält|erhalten|bekommt|bekommen) \S.{0,40}?eine provision|"
        r"provision vom händler|references to products from one or more of our advertisers)\b", _I)),
    ("page-chrome", BROWSER := re.compile(
        r"\b(browser version with limited support|(?:your|ihr|dein) browser (?:is|ist) (?:out of date|outdated|"
        r"veraltet|not supported|nicht unterstützt)|(?:update|upgrade) your browser|browser not (?:compatible|"
        r"supported)|enable javascript in your browser)\b", _I)),
    ("page-chrome", LICENCE := re.compile(
        r"\b(?:all |the )?(?:content|contents|texts?|inhalte?|texte|this (?:work|article|post|site|blog)|"
        r"(?:dieses|dieser|diese) (?:werk|artikel|beitrag|inhalt|texte?)|texte auf dieser (?:webseite|seite))"
        r"\b.{0,60}?\b(?:is|are|ist|sind|steht|stehen) (?:licensed |lizenziert |veröffentlicht )?"
        r"(?:under|unter) (?:a |the |einer |der )?creative[ -]commons", _I)),
    ("newsletter", re.compile(
        r"^\s*(?:ich (?:bin mit|akzeptiere|stimme|willige)|i (?:agree|accept|consent)|j'accepte|acepto)\b.{0,120}"
        r"(?:datenschutz|privacy|terms|einverstanden|conditions|privacidad|confidentialité|newsletter)|"
        r"^\s*by (?:clicking|submitting|signing up|subscribing)\b.{0,80}\b(?:i|you) (?:consent|agree|accept)\b", _I)),
    # a numbered figure caption: "Figure 3: ...", "Abb. 2: ...", "Bild 4. ..."
    ("caption", re.compile(r"^\s*(?:abbildung|abb\.|figure|fig\.|grafik|bild|foto|photo|figura|gráfico|rysunek|"
                           r"rys\.)\s*\d+[a-z]?\s*[:.|]\s+\S", _I)),
    # a wire service's sign-off: "(Reporting by A in X; Editing by B)", "(Additional reporting by C)"; kept last,
    # as _NEEDLES finds the entries above by their position
    ("credit", re.compile(r"^\s*[(\[]\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\s"
                          r"[^()\[\]]{2,240}[)\]]\s*\.?\s*$", _I)),
)

# Cues for short lines only (up to ~25 words): a button, a label, a widget's heading.
SHORT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("related-link", _rx(
        r"^\s*(read more|read also|read next|also read|see also|more|related|related (?:articles?|stories|posts?|"
        r"content|news|links?)|more (?:on this|news|articles|stories) ?(?:topic)?|weiterlesen|mehr (?:zum thema|"
        r"lesen|dazu|themen)|lesen sie auch|weitere (?:artikel|beiträge|informationen|themen|nachrichten)|"
        r"vea también|lea también|notas relacionadas|contenido relacionado|lire aussi|leia também|czytaj też|"
        r"zobacz też|leggi anche|dowiedz się więcej|auch interessant|schon gelesen|zum weiterlesen|auch lesen|"
        r"empfohlene (?:artikel|beiträge)|weitere (?:artikel|beiträge|themen)\b.{0,40}|mehr zum thema\b.{0,40}|"
        r"(?:das|dieses) (?:thema|könnte) .{0,30}interessieren|le puede interesar|puedes ver|te puede interesar|"
        r"más sobre .{1,40}|temas|inhaltsverzeichnis|table of contents|pour lire la suite|lire la suite|"
        r"auch auf .{1,30}|kommentierte artikel|beiträge aus .{1,30}|top-themen.{0,30}|"
        r"(?:lesen sie|read) (?:auch|also) (?:die|the) .{0,40}|"
        r"(?:weiterlesen|read more|continue reading|lire la suite|leer más)\s*[:›»>]?\s*\d+\s*(?:min\w*|minuten?))"
        r"\s*[:.…?]*\s*$")),
    ("donation", _rx(
        r"\b(donate|donation|donating|contribut(?:e|ion)|support (?:us|our|today|independent|quality|"
        r"local|this|the work)|your support|become a (?:member|supporter|patron|subscriber)|"
        r"support (?:the|a)? ?(?:free|independent) press|"
        r"payment methods?|paypal|patreon|one-time|monthly (?:gift|donation)|remind me later|"
        r"spenden|jetzt spenden|unterstütze|unterstützen sie|faire un don|soutenez|apoya|dona ahora|"
        r"wesprzyj|small favou?r to ask|we need your help|independent (?:journalism|news|media)|"
        r"keep (?:our )?journalism (?:free|open)|is your (?:paper|newspaper|news source)|keep (?:it|us) going|"
        r"relies on (?:readers|you)|(?:funded|supported) by readers|"
        r"help us .{0,40}(?:as little as|from just|for just|from only|for only) [$£€]\s?\d+)\b",
        r"^\s*(?:please\s+)?support\b.{0,40}!\s*$")),
    ("newsletter", _rx(
        r"\b(newsletters?|sign up|signup|sign-up|inbox|by e-?mail|per e-?mail|be notified|get notified|"
        r"notify me|subscribe to our|abonnieren|anmelden|melde dich|suscr[ií]bete|inscrivez-vous|"
        r"zapisz się|e-?mail address|your email)\b")),
    ("promo", _rx(
        r"\b(subscribe|subscription|subscriber|abonnement|abo\b|jobs? (?:of the day|board)|top jobs|"
        r"job offers?|stellenangebote|download (?:our|the) app|get the app|free trial|special offer|"
        r"exclusive (?:offers?|angebote)|(?:find|search|browse) (?:the best |new |your )?jobs|"
        r"jobs? (?:now|today)|angebote|readers (?:are )?(?:also )?read(?:ing)?|most (?:read|popular|"
        r"viewed|shared)|trending|you (?:may|might) (?:also )?like|don'?t miss|recommended for you|"
        r"popular (?:now|stories|articles)|meistgelesen|beliebt|más leídas|lo más|les plus lus|"
        r"more from|more stories|latest (?:news|stories|articles)|full story|unlock|"
        r"to continue reading|log in to read|already a subscriber|keep following|stay tuned|for more updates)\b")),
    ("engagement", _rx(
        r"\b(share (?:this|on|via|article|story)|share$|teilen(?: mit)?:?$|tweet(?: this)?$|"
        r"^like this:?|^gefällt mir|follow us|folge uns|síguenos|suivez-nous|follow .{1,40} on "
        r"(?:twitter|facebook|instagram|x)|on (?:facebook|twitter|whatsapp|telegram|linkedin)$|"
        r"\d+\s*(?:views?|comments?|likes?|shares?)(?=\d|\b))",
        r"^\s*(?:podziel się|udostępnij|compartir|compartilhar|partager|condividi)\s*:?\s*$")),
    ("comments", _rx(
        r"\b(leave a (?:comment|reply)|post a comment|add a comment|comments? (?:are )?closed|"
        r"\d+ comments?|no comments|view comments|show comments|kommentar (?:verfassen|schreiben)|"
        r"kommentare?$|hinterlasse einen kommentar|antworten$|reply$|antwort abbrechen|comentarios$|"
        r"commentaires$|log in to comment|join the (?:conversation|discussion)|nicht eingeloggt|"
        r"eingeloggt sein|must be logged in|logged in to|keine kommentare|in den kommentaren|in the comments|"
        r"en los comentarios|dans les commentaires|kommentieren sie(?: hier)?$|jetzt kommentieren)\b",
        r"^\s*(?:comment|kommentar|pingback|trackback)\s+(?:by|von|de|from)\s+\S.{0,60}$")),
    ("advertisement", _rx(
        r"^\s*\*?(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité)\b\s*[-:,|].{0,80}$",
        r"^\s*(advertisement|advertising|anzeige|werbung|\*?werbung\b.*|sponsored(?: content| by)?|"
        r"publicidad|publicité|pubblicità|reklama|ad|ads|about these ads|paid content|partner content)\s*$")),
    ("cookie-notice", _rx(r"\b(cookies?|datenschutzeinstellungen|privacy settings|cookie consent)\b")),
    ("navigation", _rx(
        r"^\s*(home|homepage|startseite|start|menu|menü|main menu|hauptmenü|search|suche|suchen|navigation|"
        r"next|previous|prev|zurück|weiter|vorheriger beitrag|nächster beitrag|next (?:article|post|story)|"
        r"previous (?:article|post|story)|older posts?|newer posts?|sie sind hier:?|you are here:?|"
        r"categories|kategorien|archiv|archive|tags?|schlagwörter|inhalt|contents?|sitemap|login|log in|"
        r"anmelden|register|registrieren|close|schließen)\s*:?\s*$",
        r"^\s*[«‹←]|[»›→]\s*$",
        # a breadcrumb trail: "Home » World » Headline", "News > Politics > ..." (a word is taken whole: cut into
        # pieces it never reaches a separator, and trying every cut is where a short line's time went)
        r"^\s*(?:[^\W\d]++\s?){1,3}[»›>]\s*[^»›>\d]{1,40}[»›>]\s*\S")),
    ("page-chrome", _rx(
        r"^\s*(impressum|imprint|datenschutz(?:erklärung)?|privacy(?: policy)?|terms(?: of (?:use|service))?|"
        r"agb|kontakt|contact(?: us)?|about(?: us)?|über uns|faq|legal notice|mentions légales|aviso legal|"
        r"rss|print|drucken|e-?mail|facebook|twitter|instagram|youtube|linkedin|whatsapp|telegram|pinterest|"
        r"xing|tiktok)\b.{0,40}$")),
)


# Widget families that pages in several languages share: headings of link lists, comment counters and pingbacks,
# share and feedback prompts, embed placeholders, file downloads, blog post footers, newsletter and paywall prompts.
# Short lines only, like SHORT. A page has many short lines, so these are asked in two calls, not one per family:
# the cues that open the line in one anchored match (it fails at the first letter on most lines), and the few that
# can sit anywhere only when the line holds one of their words.
_AT_START: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("related-link", (
        r"(?:ähnliche|verwandte|weitere|andere|empfohlene|beliebte|neueste|aktuelle|otras|otros|últimas|autres|"
        r"dernières|altri|altre|related|similar|other|popular)\s+(?:artikel|beiträge|berichte|nachrichten|"
        r"meldungen|themen|links|noticias|artículos|notas|articles|stories|posts|news|coverage|notizie|articoli)\b"
        r"[^.!?]{0,40}$",
        r"(?:artikel|beiträge|berichte|artículos|noticias|notas|articles|stories) (?:zum thema|relacionad[oa]s|"
        r"liés|connexes|associés)\b[^.!?]{0,40}$",
        r"(?:también )?(?:te|le) (?:puede|podría) interesar\b",
        r"(?:zobacz|czytaj) (?:także|również)\b",
        r"(?:mehr|more|más|plus) (?:aus|zu|zum|zur|from|on|about|de|sobre|du|des) (?:[^\s.!?]+\s?){1,4}$",
        r"(?:explore further|empfehlungen? (?:aus der|der) redaktion|editor'?s'? picks?)\b[^.!?]{0,30}$",
        r"(?:vorschau auf den )?(?:nächsten?|vorherigen?) (?:artikel|beitrag)\b[^.!?]{0,30}$")),
    ("comments", (
        r"\d+\s+(?:responses?|replies|comments?|antworten|kommentare?|réponses|commentaires|respuestas|"
        r"comentarios|risposte|commenti|odpowiedzi|komentarz[ey]?)\s+(?:to|zu|auf|à|a|on|de|para|per|na)\b",
        r"(?:vos|your|ihre|sus) (?:réactions|reactions|comments|kommentare|comentarios)\s*\(\d+\)\s*$",
        r"(?:write|post|add) (?:a |your )?(?:comment|reply|response)\s*$",
        r"(?:pingback|trackback)\b",
        r"para comentar\b")),
    ("engagement", (
        r"(?:teile|teilt|share|partagez|comparte)\s+(?:diesen|diese|dieses|this|cet|cette|este|esta)\s+"
        r"(?:artikel|beitrag|seite|article|post|story|page|artículo|nota)\b",)),
    ("page-chrome", (
        r"(?:externer|eingebetteter|empfohlener(?: redaktioneller| externer)?) inhalt\s*$",
        r"(?:external|embedded|recommended) content\s*$",
        r"(?:(?:bild|foto|image|photo|galerie|gallery|video)\s+(?:anzeigen|ansehen|schließen|vergrößern|öffnen|"
        r"enlarge|view|close|open)\s*)+$",
        r"(?:pdf[- ]version|download (?:as )?pdf|\S.{0,40} als pdf(?: herunterladen)?)\s*$",
        r"this entry was posted (?:in|on)\b",
        r"(?:dieser eintrag|dieser beitrag) wurde .{0,40}veröffentlicht\b")),
    ("newsletter", (
        r"(?:verpasse?n? (?:sie )?keine|nichts mehr (?:verpassen|versäumen)|ne manquez (?:plus )?rien|"
        r"no te pierdas|never miss)\b",)),
    ("promo", (r"(?:schon|bereits|already) (?:registriert|registered|angemeldet|abonnent\w*)\b",)),
)
_ANYWHERE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("related-link", (r"\bmeist ?(?:gelesen|gesucht|geklickt|kommentiert)\w*|\bam meisten gelesen\b",)),
    ("comments", (r"\bkommentare? (?:geschlossen|deaktiviert)\b|\bcomments? (?:are )?(?:closed|disabled)\b|"
                  r"\bkommentarfunktion\b|\b(?:debes|tienes que) registrarte\b",)),
    ("engagement", (
        r"\b(?:gefallen|gefällt|enjoyed|liked|aimé|gustó)\b.{0,40}\b(?:teilen|share|partager|compartir)\b",
        r"\b(?:bei|auf|on) pinterest (?:speichern|merken|pinnen|teilen|save|pin)\b",
        r"\bletters? to the editor\b|\bgive us (?:your )?feedback\b|"
        r"\bwe (?:want|would love|'d love) to hear (?:from you|what you think)\b|"
        r"\bwie gefällt (?:ihnen|dir) (?:unsere?|die|diese) (?:website|webseite|seite|angebot)\b")),
    ("page-chrome", (
        r"\b(?:um|to) (?:den|diesen|the|this) (?:inhalt|content) (?:von \S+ |from \S+ )?(?:zu laden|anzuzeigen|"
        r"load)\b",
        r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\b\s*[|,(]?\s*\d[\d.,]*\s*(?:kb|mb|kib|mib)\b",
        r"\bbookmark the permalink\b|\bverschlagwortet mit\b")),
    ("newsletter", (r"\bin (?:dein|ihr|euer) postfach\b|\bto your inbox\b|\bdans votre boîte\b",
                    r"\bwir informieren (?:sie|dich|euch) (?:regelmäßig|täglich|wöchentlich|kostenlos)\b")),
    ("promo", (r"\b(?:registrieren|anmelden|einloggen) und weiterlesen\b|\b(?:besuchen sie|visit) (?:unseren?|our) "
               r"(?:\w+[- ])?(?:shop|store)\b",)),
)
# A literal that every match of an ``_ANYWHERE`` cue holds (lower case); a test checks each cue's phrases.
_ANYWHERE_NEEDLES = ("meist", "kommentar", "comment", "registrarte", "gefall", "gefäll", "enjoyed", "liked", "aimé",
                     "gustó", "pinterest", "editor", "feedback", "to hear", "inhalt", "content", "kb", "mb", "kib",
                     "mib", "permalink", "verschlagwortet", "postfach", "inbox", "boîte", "informieren",
                     "weiterlesen", "shop", "store")


def _named(prefix: str, cues: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "|".join(f"(?P<{prefix}{k}>{'|'.join(alts)})" for k, (_, alts) in enumerate(cues))


WIDGET_START = re.compile(rf"\s*(?:{_named('s', _AT_START)})", _I)
WIDGET_ANYWHERE = re.compile(_named("a", _ANYWHERE), _I)
# One scan of the lowered line, not one per needle (case-blind matching of these literals would cost far more).
_ANYWHERE_GATE = re.compile("|".join(map(re.escape, _ANYWHERE_NEEDLES)))
_WIDGET_CATEGORY = {f"{p}{k}": c for p, cues in (("s", _AT_START), ("a", _ANYWHERE)) for k, (c, _) in enumerate(cues)}

# Words that make an imperative call to action when they open a short line.
CTA_START = re.compile(
    r"^\s*(subscribe|sign up|join|follow|share|click|tap|download|register|log ?in|donate|support|get|try|"
    r"find|discover|learn more|watch|listen|jetzt|hier|klicken|abonnieren|melde|entdecke|suscríbete|"
    r"regístrate|descarga|inscrivez|abonnez|découvrez|if you (?:enjoyed|liked|value|appreciate)|"
    r"for the latest|do you want|want to|we want to hear|submit|zapraszamy|hazte|únete|"
    r"mit unserem newsletter|lust auf mehr|kennt ihr|nutzen sie|sie möchten)\b", _I)

# "X is a reporter covering ...": a third-person sentence about a writer.
AUTHOR_BIO = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+\s+(?:is|was|has been|works as|writes|covers|reports)\b.{0,200}"
    r"\b(journalist|reporter|correspondent|editor|writer|author|columnist|contributor|freelance|"
    r"producer|anchor|blogger|analyst|staff|desk|covering|covers|newsroom)\b"
    # "X writes about public safety for The Y"
    r"|^\s*(?:[A-Z][\w.'’-]+\s+){1,3}(?:writes|reports) (?:about|on) .{3,150}\bfor (?:the )?[A-Z]"
    # the same in German, French, Spanish: "X ist Redakteurin im Ressort ...", "X est journaliste ..."
    r"|^\s*(?!(?i:der|die|das|ein|eine|le|la|les|el|los|las|un|une|una)\s)(?:[A-ZÀ-Ý][\w.'’-]+\s+){1,3}"
    r"(?:ist|war|arbeitet als|schreibt|est|était|es|era|trabaja como)\s(?:\w+\s+){0,6}?"
    r"(?i:journalist|redakteur|korrespondent|reporter|kolumnist|volontär|autor|journaliste|rédact(?:eur|rice)|"
    r"correspondant|periodista|redactor|corresponsal|columnista)(?:in|e|a)?\b", re.DOTALL)
BIO_FOLLOW = re.compile(r"^\s*(?:he|she|they)\s+(?:is|was|has|currently|previously|also|holds|lives|writes|"
                        r"covers|joined|worked|graduated)\b", _I)

BYLINE = re.compile(r"^\s*(?i:by|von|par|por|di|de|door|av|autor(?:in)?|author|written by|text:|texto:)\s+"
                    r"[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}(?:\s*(?:,|and|und|y|et|&)\s*"
                    r"[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3})*\s*(?:[,|/•·-].{0,60})?$")

MONTHS = (r"jan(?:uary|uar|vier)?|feb(?:ruary|ruar|rero)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun[ei]?|juin|"
          r"jul[iy]?|juillet|aug(?:ust)?|août|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|"
          r"dec(?:ember)?|dez(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
          r"octubre|noviembre|diciembre|janvier|février|mars|avril|juillet|septembre|octobre|novembre|"
          r"décembre")
DATE_IN_TEXT = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}/\d{1,2}/\d{4}|"
    rf"\d{{1,2}}\.?\s+(?:de\s+)?(?:{MONTHS})\.?\s+(?:de\s+)?\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\b", _I)
DATE_LINE = re.compile(
    rf"^\s*(?:(?:published|updated|posted|veröffentlicht|aktualisiert|stand|publicado|publié|am|on|le|el)"
    rf"\s*:?\s*)?(?:[A-Za-zäéû]+,?\s+)?(?:{DATE_IN_TEXT.pattern})(?:,?\s*(?:um\s+)?\d{{1,2}}[:.]\d{{2}}"
    rf"(?:\s*(?:uhr|am|pm|h))?)?(?:\s*[|/•·-].{{0,60}})?\s*$", _I)

TERMINAL = re.compile(r"[.!?…。！？]['\"”’»)\]）」』]*\s*$")
VERBISH = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
    r"said|says|say|told|tells|asked|added|according|ist|sind|war|waren|hat|haben|wird|werden|kann|"
    r"est|sont|était|ont|es|son|fue|era|ha|han|è|sono|jest|są)\b|\b\w{3,}(?:ed|ing)\b", _I)
WORD = re.compile(r"\w+", re.UNICODE)


# Cues are tried one by one: joined into one alternation they lose the regex engine's anchoring shortcuts and
# run several times slower.
_APPEAL = tuple((c, rx) for c, rx in SHORT if c in ("donation", "newsletter", "promo"))
_PRONOUNS = re.compile(r"\b(we|our|us|you|your)\b", _I)


def _prefixes(cues: tuple[tuple[str, re.Pattern[str]], ...]) -> frozenset[str]:
    """The first five letters of every word of four letters or more that the cues spell out."""
    words: set[str] = set()
    for _, rx in cues:
        source = re.sub(r"\\[a-zA-Z]", " ", rx.pattern)
        words.update(w.lower()[:5] for w in re.findall(r"[^\W\d_]{4,}", source))
    return frozenset(words)


# Function words some cues spell out that open almost any sentence; their cues have a rarer word too.
_COMMON = frozenset({"auch", "unter", "sind", "über", "einen", "nach", "inter", "weite", "mehr", "hier", "also",
                     "alle", "this", "dazu", "from", "more", "about", "jetzt", "komme", "start", "folge", "stell",
                     "zurüc", "recht", "daten", "with", "your", "best", "find", "part", "cont", "teil", "medi",
                     # everyday words of the affiliate, browser, licence, consent and credit cues
                     "eine", "einer", "dein", "under", "seite", "site", "webse", "blog", "texte", "texts", "werk",
                     "steht", "stehe", "stimm", "willi", "agree", "condi", "confi", "erhal", "erhäl", "bekom",
                     "refer", "produ", "recei", "earn", "versi", "limit", "creat", "nutze", "court", "graph",
                     "leer", "track", "compa", "parta",
                     # everyday words of the shared widget families (_AT_START, _ANYWHERE)
                     "gesch", "unser", "ihre", "ihnen", "euch", "ander", "para", "este", "versc", "koste", "wurde",
                     "berei", "aktue", "neues", "regel", "redak", "besuc", "beric", "other", "what", "want",
                     "would", "love", "visit"})
_TRIGGERS = _prefixes(STRONG + SHORT + (("", WIDGET_START), ("", WIDGET_ANYWHERE))) - _COMMON
_SYMBOLS = re.compile(r"[©»«>→←▶►(\[%{|/:_\d]")


def maybe_junk(text: str) -> bool:
    """A cheap test that rules most body lines out before the cue patterns run."""
    if _SYMBOLS.search(text):  # first: it spares the word split on most paragraphs (digits, colons, brackets)
        return True
    words = WORD.findall(text.lower())
    if len(words) <= 3:
        return True
    return any(w[:5] in _TRIGGERS for w in words if len(w) >= 4)


# A cue added to one of these patterns needs its literal here too (and a phrase in the test), or long lines miss it.
# Literal pieces, at least one of which every match of a costly cue contains (lower case; "^x": the line starts
# with x). They let a paragraph skip the cue's regex, which would try its alternatives at every word: the result
# is the same, as tests/clean/test_patterns_speed.py checks cue by cue.
_ABO = re.compile(r"\babo\b")
_NEEDLES: dict[re.Pattern[str], tuple[str | re.Pattern[str], ...]] = {
    STRONG[5][1]: ("getty images", "shutterstock", "istock", "imago", "picture alliance", "dpa-bildfunk", "/ap",
                   "/afp", "/reuters", "via reuters", "via getty"),
    STRONG[7][1]: ("cookie",),
    STRONG[13][1]: ("min read", "mins read", "min. read", "mins. read", "minute read", "minutes read",
                    "minute. read", "minutes. read", "lesezeit", "^reading time", "^bild", "^foto", "^video",
                    "^image", "^photo", "^galerie", "^gallery", "verfügbar bis", "available until"),
    STRONG[14][1]: ("^tel", "^phone", "^fax", "^e-mail", "^email", "^mail", "copyrighted property",
                    "chroniony prawem autorskim", "alle angaben ohne gewähr", "written permission must be obtained",
                    "©", "^(c)", "^copyright"),
    STRONG[15][1]: ("©", "(c)", "copyright"),
    AFFILIATE: ("affiliate", "commission", "compensation", "provision", "references to products"),
    BROWSER: ("browser",),
    LICENCE: ("creative commons", "creative-commons"),
    SHORT[1][1]: ("donat", "contribut", "support", "become a ", "payment method", "paypal", "patreon", "one-time",
                  "monthly ", "remind me later", "spenden", "unterstütze", "faire un don", "soutenez", "apoya",
                  "dona ahora", "wesprzyj", "small favo", "we need your help", "independent ", "journalism",
                  "is your ", "keep it going", "keep us going", "relies on ", "funded by readers",
                  "supported by readers", "help us "),
    SHORT[2][1]: ("newsletter", "sign up", "signup", "sign-up", "inbox", "mail", "notified", "notify me",
                  "subscribe to our", "abonnieren", "anmelden", "melde dich", "suscr", "inscrivez-vous",
                  "zapisz się"),
    SHORT[3][1]: ("subscri", "abonnement", _ABO, "job", "angebote", "download ", "get the app", "free trial",
                  "special offer", "exclusive ", "readers ", "most ", "trending", "you may", "you might",
                  "don't miss", "dont miss", "recommended for you", "popular ", "meistgelesen", "beliebt",
                  "más leídas", "lo más", "les plus lus", "more from", "more stories", "latest ", "full story",
                  "unlock", "to continue reading", "log in to read", "keep following", "stay tuned",
                  "for more updates"),
}
# Case folds the regex engine makes under IGNORECASE that str.lower() does not (dotless i, dotted capital I,
# long s, Kelvin sign): folded here too so a needle test never rejects a line the regex would match.
_FOLDS = (("\u0131", "i"), ("\u0307", ""), ("\u017f", "s"), ("\u212a", "k"))


def lowered(text: str) -> str:
    """The line as the needle tests read it: lower case, with the regex engine's extra case folds."""
    low = text.lower()
    if not low.isascii():
        for old, new in _FOLDS:
            if old in low:
                low = low.replace(old, new)
    return low


_Split = tuple[tuple[str, ...], tuple[str, ...], tuple[re.Pattern[str], ...]]


def _split(needles: tuple[str | re.Pattern[str], ...]) -> _Split:
    plain = tuple(n for n in needles if isinstance(n, str) and not n.startswith("^"))
    heads = tuple(n[1:] for n in needles if isinstance(n, str) and n.startswith("^"))
    return plain, heads, tuple(n for n in needles if isinstance(n, re.Pattern))


_NEEDLE_MIN_CHARS = 160
_SPLIT: dict[re.Pattern[str], _Split] = {rx: _split(needles) for rx, needles in _NEEDLES.items()}


def may_match(rx: re.Pattern[str], low: str) -> bool:
    """False only when ``rx`` cannot match the line whose ``lowered`` form is ``low``."""
    if len(low) < _NEEDLE_MIN_CHARS:
        return True  # on a short line the regex itself is as cheap as the needle test
    split = _SPLIT.get(rx)
    return split is None or _has_needle(split, low)


def _has_needle(split: _Split, low: str) -> bool:
    plain, heads, rxs = split
    for needle in plain:
        if needle in low:
            return True
    if heads and low.lstrip().startswith(heads):
        return True
    return any(n.search(low) for n in rxs)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split at ``|`` outside groups and character classes)."""
    out: list[str] = []
    depth, start, i, in_class, first = 0, 0, 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or i == first  # "[]...]", "[^]...]": a leading "]" is a member
        elif ch == "[":
            in_class = True
            first = i + 2 if pattern[i + 1:i + 2] == "^" else i + 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


_Cue = tuple[str, re.Pattern[str], _Split | None]


def _anchored_first(cues: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[_Cue, ...]:
    """The same cues in the same order, each cue that mixes ``^``-anchored alternatives with free ones split into
    two of the same category: the anchored ones in one pattern, which the regex engine tries at the line's start
    only, then the rest. A mixed pattern is tried at every position of the line (ten times the cost on a short
    line), and short lines are most of a page; the first category that matches is the same. Each part keeps its
    cue's needles (``_NEEDLES``): a part of a pattern matches only where the whole one could."""
    out: list[_Cue] = []
    for category, rx in cues:
        needles = _SPLIT.get(rx)
        parts = _branches(rx.pattern)
        anchored = [b for b in parts if b.startswith("^")]
        free = [b for b in parts if not b.startswith("^")]
        if not anchored or not free:
            out.append((category, rx, needles))
            continue
        out.append((category, re.compile("|".join(anchored), rx.flags), needles))
        out.append((category, re.compile("|".join(free), rx.flags), needles))
    return tuple(out)


def short_category(text: str, *, hint: bool | None = None, low: str | None = None) -> str | None:
    """The junk category a short line's wording points to, or None (``hint``: ``maybe_junk`` already asked;
    ``low``: the line ``lowered``, when the caller has it). A costly cue's needle test (a few substring checks)
    runs before its regex: about half the regex's cost on a short line."""
    if not (maybe_junk(text) if hint is None else hint):
        return None
    if low is None:
        low = lowered(text)
    for category, rx, needles in _SHORT_LINE_CUES:
        if (needles is None or _has_needle(needles, low)) and rx.search(text):
            return category
    return widget_category(text, low=low)


_SHORT_LINE_CUES = _anchored_first(STRONG + SHORT)


def widget_category(text: str, *, low: str | None = None) -> str | None:
    """The category of a short line that one of the shared widget families (``_AT_START``, ``_ANYWHERE``) matches."""
    m = WIDGET_START.match(text)
    if m is None and _ANYWHERE_GATE.search(lowered(text) if low is None else low):
        m = WIDGET_ANYWHERE.search(text)
    return _WIDGET_CATEGORY[m.lastgroup] if m is not None and m.lastgroup else None


_FLOATING = tuple((c, rx) for c, rx in STRONG if c in ("cookie-notice", "page-chrome"))


def strong_category(text: str, *, hint: bool | None = None, low: str | None = None) -> str | None:
    """The junk category of a long line: only cues that make the whole line a widget, or a heavy appeal.

    Past 40 words only the cues that can sit anywhere in a paragraph (cookies, copyright) are tried: the others
    are anchored to short lines, and trying them on long paragraphs is where the time would go."""
    if not (maybe_junk(text) if hint is None else hint):
        return None
    low = lowered(text) if low is None else low
    many = text.count(" ") > 40
    for category, rx in (_FLOATING if many else STRONG):
        if may_match(rx, low) and rx.search(text):
            return category
    return None


def appeal_score(text: str, *, hint: bool | None = None, low: str | None = None) -> int:
    """How much a paragraph reads as an appeal to the reader (donate, subscribe), not as news."""
    if not (maybe_junk(text) if hint is None else hint):
        return 0
    low = lowered(text) if low is None else low
    score = 0
    for category, rx in _APPEAL:
        hits = len(rx.findall(text)) if may_match(rx, low) else 0
        score += 2 * hits if category == "donation" else hits
    pronouns = len(_PRONOUNS.findall(text))
    if pronouns >= 4:
        score += 1
    return score


# Function words of the languages the pages come in: prose is dense with them, menus and teasers are not.
_STOP_TEXT = """
the a an of to in and or is are was were be been has have had it its this that with for on at by from as not but
he she they we you i his her their our your will would can could said says which who what when there than also
der die das und ist sind war ein eine einer eines einem den dem des nicht mit sich auf für von zu im in am auch
es er sie wir ich dass wie als nach bei aus oder wird werden hat haben noch nur so man über um vor
le la les un une des du de et est sont était dans pour pas que qui sur avec ce il elle ils au aux par plus se ne
el los las y es son fue en por con para que no se lo su al una del como más pero
il lo gli di che non per con una sono è da nel della
o os as um uma do da em para com não que é na no
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


# A page's own script or style sheet that a scraper saved as text ("var twitterVia = 'MailOnline'; DM.has(...)",
# "(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; ..."). Each pattern is one sign of browser
# code; prose, and the program listings of a tutorial, rarely show two of them (see ``is_script``).
_SCRIPT_SIGNS = (
    re.compile(r"\b(?:window|document|navigator|googletag|dataLayer|jQuery|console|localStorage)\.[\w$]+"),
    re.compile(r"\bfunction\s*[\w$]*\s*\([^)]*\)\s*\{"),
    re.compile(r"\b(?:var|let|const)\s+[\w$]+\s*=(?!=)"),
    re.compile(r"(?:^|[\s;(=])\$\(|\bjQuery\("),
    re.compile(r"=>\s*[{(\w]"),
    re.compile(r"</?(?:script|style|noscript|iframe|div|span)\b[^>]*>", _I),
    re.compile(r"(?:^|\})\s*[.#@]?[\w-]+(?:[\s,>.#:][\w-]+)*\s*\{\s*[\w-]+\s*:\s*[^;{}]+;"),
    re.compile(r"\b[\w$]+\.[\w$]+\(\s*['\"{\[]"),
    re.compile(r"\)\s*;\s*(?:$|[\w$}])"),
    re.compile(r"[!=]==|&&|\|\|"),
    re.compile(r"\b(?:if|for|while)\s*\([^)]*\)\s*\{"),
)
_NOT_SCRIPT_CHARS = str.maketrans("", "", "{}()[];=<>$")  # deletes the brackets and operators code is dense with


def is_script(text: str) -> bool:
    """The line is browser code, not text: two signs of it (``_SCRIPT_SIGNS``) and code's density of brackets and
    operators (5% of its characters). A sentence that mentions "document.cookie" is one sign; a Python listing
    in a tutorial has neither the signs nor, often, the density."""
    if "(" not in text and ";" not in text and "{" not in text and "=" not in text and "<" not in text:
        return False  # most prose: no sign can match and the density is not reached (cheap, before the count)
    t = text.strip()
    if len(t) < 16 or len(t) - len(t.translate(_NOT_SCRIPT_CHARS)) < 0.05 * len(t):
        return False
    signs = 0
    for rx in _SCRIPT_SIGNS:
        if rx.search(t):
            signs += 1
            if signs == 2:
                return True
    return False
