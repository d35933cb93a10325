"""Answers: whether a sentence on its own denies, doubts or vouches for another claim ("disputed the allegations",
"could not be independently verified", "confirmed the report"), the judgement the rules backend gives the matrix.

Kept apart from the stance backends (``newsprism.stance``), whose cue lexicons it reads: a claim's own wording is
read by DENY_RE and DOUBT_RE there, what one sentence does to another claim here.
"""

from __future__ import annotations

import re

from newsprism.lexicons import Lexicon, lexicon_for
from newsprism.stance import _IDIOM_RE, _NEG_BEFORE_RE, _W, DENY_RE, DOUBT_RE

__all__ = ["ABSENT", "DEFENDS_RE", "VERDICT", "labels_only", "outlet_verdict", "response_in", "response_of"]


# Whose telling a response names: a determiner or a named owner ("the account", "his claim", "the Post's report")
_WHOSE = r"(?:the |these |those |this |that |its |their |his |her |[A-Z][\w.-]*(?:'s|\u2019s) )"


# A sentence that answers another claim: a denial, rejection or doubt stated as what someone does or says about a
# report, claim or charge ("disputed the allegations", "stands by its reporting", "was not accurate", "will plead
# not guilty"), wider than DENY_RE, which reads a claim's own wording.
_ANSWER_DENY_RE = re.compile(
    _W + r"(disput(?:ed|es|ing)|dispute (?:the|that|this|these|those|claims?|reports?|allegations?|it)|"
    r"challeng\w* (?:the |these |those |such |its |their )?(?:(?:a )?(?:host|series|number|string|raft|list) of )?"
    r"(?:facts?|claims?|reports?|allegations?|accounts?|charges?|statements?|assertions?)|"
    # "challenged one major aspect of the story line", "challenged the accuracy of the report", "contested the
    # account": what is challenged is what a report says, not a law, a ruling or a rival
    r"(?:challeng|contest)\w* (?:(?:the|its|their|one|an?|some|several|two|three|many|parts|part|aspects?|"
    r"elements?|details?|major|key|central|main|of|accuracy|veracity|truth|credibility|basis|premise) ){0,6}?"
    r"(?:(?:news|media|[A-Z][\w.'\u2019]+) )?(?:story(?: ?line)?|report(?:ing)?|claims?|allegations?|accounts?|"
    r"article|narrative|findings?|version)\b|"
    # the claim called rubbish in the words of politics: "the report is garbage", "these attacks are garbage",
    # "the claims were bogus" (see ``_EVALUATIVE``: said of a policy they judge it, not a claim)
    r"garbage|hogwash|baloney|malarkey|balderdash|poppycock|bogus|"
    r"stands? by (?:its|our|their|his|her|the) (?:report\w*|story|account|sources?)|"
    r"(?:was|were|is|are) (?:not |in)accurate|inaccura\w+|accurate|phony|categorically|disavow\w*|"
    r"defend\w* (?:itself|themselves|himself|herself|against)|plead\w* not guilty|"
    # "have nothing to do with the president" distances; "have nothing to do with each other" argues
    r"nothing to do with(?! (?:each other|one another)\b)|"
    r"falsely accused|politically motivated|vow\w* to (?:beat|fight) (?:\w+ ){0,6}?charges|retract\w*|"
    r"(?:issued|ran|published|appended) an? correction|"
    r"correct(?:ed|ing|s) (?:the|its|their|an?|that|this) (?:\w+ )?(?:report|story|article|claim|figure|account)s?|"
    # "pushed back hard on that notion", "pushed back Friday on a report", "pushed back against the newspaper's story"
    r"(?:bat|batt|knock|beat|push|shoot|shot|swat)\w* (?:down|back)(?: \w+){0,2}?(?: on| against)? (?:the |these |"
    r"those |such |any |that |this |a |an )?(?:[\w'\u2019]+ )?(?:reports?|claims?|allegations?|accusations?|"
    r"charges?|suggestions?|rumou?rs?|notion|idea|story|stories|article|account)|"
    # a report brushed off, scoffed at or laughed off: "brushed aside the allegations", "scoffed at the idea that
    # the port would close", "laughed off the claims", "poured cold water on reports of a deal"
    r"(?:brush\w* (?:off|aside)|scoff\w* at|laugh\w* off|pour\w* cold water on)(?: \w+){0,1}? (?:the |these |"
    r"those |such |any |that |this |a |an )?(?:[\w'\u2019]+ )?(?:reports?|reporting|claims?|allegations?|"
    r"accusations?|charges?|suggestions?|rumou?rs?|notion|idea|story|stories|article|account|speculation)|"
    # the fact-checkers' own verdicts, and a picture or a story shown to be made: "rated it Pants on Fire", "the
    # photo has been doctored", "the image was photoshopped", "the story originated on a satirical website"
    r"pants on fire|(?:three|four) pinocchios|"
    # words denied as said, or as meant: "I never said that", "she never said that", "his words had been taken out
    # of context", figures "plucked out of thin air"
    r"\b(?:I|he|she|they|we)\s+[\"\u201c]?(?:never|did not|didn't|did n't)\s+(?:ever\s+)?(?:say|said)\s+(?:that|this|"
    r"it|those words|any such thing|anything like (?:that|it))\b(?!\s+(?:before|again|publicly|in public|to anyone|"
    r"often|much))|"
    r"(?:words|remarks?|comments?|quotes?|quotation|statements?)\s+(?:were|was|had been|have been|has been|are|is)\s+"
    r"(?:\w+\s+)?(?:taken|quoted|lifted|ripped|twisted)\s+out of context|"
    r"(?:plucked|pulled|conjured|made up)\s+out of thin air|"
    # a telling contradicted by another: "witnesses contradicted the police account", "the records contradict his
    # claim that ...", "his account has been contradicted by two witnesses"; a statement walked back
    r"(?<!avoid )(?<!avoids )(?<!avoided )(?<!avoiding )(?<!without )(?<!not )(?<!never )"
    r"contradict(?:s|ed|ing)? " + _WHOSE + r"(?:[\w'\u2019-]+ )?(?:accounts?|claims?|statements?|version|reports?|"
    r"assertions?|testimony|story|narrative|allegations?)|"
    r"(?:accounts?|claims?|statements?|version|story|testimony|allegations?) (?:(?:has|have|had) been|was|were|is|"
    r"are) (?:\w+ )?contradicted|"
    r"walk\w* back (?:\w+ ){0,3}?(?:statements?|claims?|remarks?|comments?|reports?|assertions?|story)|"
    # "Empire News considers itself satirical", "was duped by a fake website", "put an end to the rumours"
    r"(?:considers|describes|calls|bills|labels) itself (?:as )?(?:an? )?(?:\w+ )?(?:satir\w+|parod\w+)|"
    r"(?:was|were|been|being|got|get) (?:\w+ )?(?:duped|hoodwinked|punked|hoaxed) by|"
    r"(?:put (?:an end|a stop) to|put to rest|quash\w*|squash\w*|dispel\w*|scotch\w*) (?:the |these |those |such |"
    r"any |all )?(?:\w+ )?(?:rumou?rs?|reports?|speculation|claims?|allegations?)|"
    r"(?:put|laid|lay) (?:the |these |those |such )?(?:rumou?rs?|reports?|speculation|claims?) to rest|"
    r"(?:photos?|images?|pictures?|videos?|footage|clips?|screenshots?|photographs?)\b[^.;:!?]{0,40}?\b(?:was|were|"
    r"is|are|has been|(?<!might )(?<!may )(?<!could )(?<!would )have been|had been)\s+(?:\w+\s+)?(?:doctored|"
    r"photoshopped|manipulated|faked|staged|digitally altered)|"
    r"satirical (?:news )?(?:web ?sites?|sites?|outlets?|publications?|pages?)|satire (?:web ?sites?|sites?)|"
    r"parody (?:accounts?|sites?|web ?sites?)|"
    r"without (?:any )?foundation(?=\s*(?:[,.;:!?\"\u201d')]|$|\s+(?:in fact|and|or)\b))|"
    # "It is garbage, complete and utter lies"
    r"(?:complete|utter|total|outright|blatant|bald-faced|flat-out|absolute)(?: and utter)? (?:lies|falsehoods?)|"
    r"(?:lacks?|lacked|lacking|without|no) (?:any |a )?(?:legal |factual )?(?:basis|merit)|meritless|"
    r"much ado about nothing|hit (?:job|piece)s?|partisan (?:plot|attack|stunt)s?|"
    # "activists said the lawmakers were lying": who calls the speakers liars denies what they said (not "bodies
    # were lying in the street")
    r"(?:is|are|was|were|'re) (?:\w+ )?lying(?! (?:on|in|at|under|down|around|beside|near|low|still|face)\b)|"
    r"(?:are|were|is|was|called \w+|calling \w+) (?:a |\w+ )?liars?|"
    r"(?:reject|dismiss|refut|rebut)\w*|den(?:y|ies|ied|ying|ial|ials))\b", re.I)  # not "Denice", "Denis"
# What a claim is called when it is denied ("is off base", "was completely wrong")
VERDICT = (r"(?:wrong|incorrect|mistaken|off[- ]base|off the mark|wide of the mark|erroneous|a lie|lies|preposterous|"
           r"ludicrous|"
           r"(?:pure |complete |total )?fiction|(?:a )?fantasy|(?:a )?myth|inaccurate|"
           r"not (?:correct|right|true|accurate))")
# A verdict said of a claim, report or statement at the end of its clause: "any suggestion that this is a budget
# issue is off base, or political", "the claims were completely wrong", "the figures are incorrect". Not "the report
# said the minister was wrong to resign" (a verb between the noun and the verdict) nor "wrong about" (a clause goes
# on after the verdict).
_CLAIM_VERDICT_RE = re.compile(
    r"\b(?:claims?|reports?|story|stories|suggestions?|notion|idea|allegations?|assertions?|accusations?|charges?|"
    r"accounts?|figures?|numbers?|characteri[sz]ations?|descriptions?|version|statements?|comments?|remarks?|"
    r"rumou?rs?|what (?:he|she|they|you|I|we) (?:said|says|say|claimed|claims|wrote|told \w+))"
    r"(?:\s+that\b[^.;:!?]{0,120}?)?\s+(?:is|was|are|were)\s+[\"\u201c']?(?:(?:simply|completely|totally|just|flat|"
    r"dead|plain|flatly|entirely|utterly|absolutely|clearly|wholly|all|both|quite)\s+)?" + VERDICT
    + r"(?=\s*(?:[,.;:!?\"\u201d')]|$|\s(?:and|or|but)\b))", re.I)
# "Asked if there was any budget consideration behind it, she said: 'No.'": a no to a question denies what the
# question asks; the question is what it answers (see compare.responses.answered_object)
_NO_ANSWER_RE = re.compile(
    r"\bAsked (?:\w+ ){0,4}?(?:if|whether)\b[^\"\u201c\u201d]{5,}?,\s+(?:[\w.-]+\s+){1,5}?"
    r"(?:said|says|replied|replies|answered|answers|responded|responds)\W{0,3}\s*[\"\u201c']?"
    r"(?:no|nope|absolutely not|of course not|certainly not|not at all|never)\b(?!\s+(?:\w+\s+)?(?:one|longer|"
    r"more|matter|doubt)\b)|"
    r"[\"\u201c'](?:no|nope|absolutely not|of course not|certainly not|not at all|never)[.!,]?[\"\u201d']?,?\s+"
    r"(?:[\w.-]+\s+){1,4}?(?:said|replied|answered|responded)\s+(?:\w+\s+)?when asked (?:\w+ ){0,4}?(?:if|whether)\b",
    re.I)
# "false" and friends that name a crime or a thing, not a verdict on a claim ("making false statements")
_NOT_A_VERDICT_RE = re.compile(r"\bfalse (?:(?:and|or) \w+ |(?:income |tax |financial |official |sworn ){1,2})?"
                               r"(?:statements?|testimony|witness|information|pretenses|"
                               r"flag)\b|"
                               r"\b(?:testif\w*|lie|lying|swear\w*|sworn) falsely\b|"
                               r"\bpleaded guilty\b|\bmade up of\b|"
                               # a person dismissed is no claim denied: "whom readers dismiss as too obvious"
                               r"\bwhom (?:\w+ ){1,3}(?:dismiss|reject|disavow)\w*|"
                               # certainty, an attitude, no comment and an open question are no verdict on a claim
                               r"\bbeyond (?:the shadow of )?(?:a|any) doubt\b|\bwithout (?:a|any) doubt\b|"
                               r"\bdismissive\b|"
                               r"\b(?:neither|not|n't) (?:\w+ )?confirm,? (?:n?or|,) deny\b|"
                               r"\bconfirm, deny or comment\b|"
                               r"^\W*whether\b[^.;]*\bremains? to be seen\b|"
                               r"\bnot aware (?:of )?[\"\u201c']?(?:how|what|whether|the extent)\b", re.I)
# what follows an accusation is its content, not a verdict: "the indictment alleges that he ... denying ..."
_ACCUSATION_RE = re.compile(r"\b(?:alleg(?:es|ed|ing) that|accus(?:es|ed|ing) \w+ of|charg(?:es|ed|ing) \w+ with|"
                            r"indict\w* \w+ (?:on|for))\b", re.I)


_LEGAL_RE = re.compile(r"\b(?:indictments?|complaints?|charges?|charging documents?|prosecutors?|grand jury|"
                       r"court|judge|filings?|lawsuits?|suit|affidavits?|special counsel|attorneys? general)\b", re.I)
_LIAR_RE = re.compile(r"accus(?:es|ed|ing) (?:\w+ ){1,3}?of (?:lying|being a liar|making (?:it|things|this) up)\b",
                      re.I)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What a rejection, dismissal or denial turns down when it is no verdict on a claim: a proposal, a bill, money, a
# right ("rejected a compromise", "dismissed the legislation", "denying entry", "agencies are denied funding").
# Saying no to a thing answers no report; a claim word among the object's first words keeps the verdict.
_WITHHELD = _word_set(
    "compromise proposal offer plan idea bill legislation measure request funding funds money entry bail access "
    "permission permit visa application appeal motion amendment nomination nominee bid deal agreement treaty "
    "invitation demand call service benefit coverage treatment loan parole asylum admission membership approval "
    "licence license budget package settlement overture initiative reform ceasefire truce resignation candidacy "
    "candidate contract exemption waiver extension subsidy aid status citizenship residency case lawsuit suit "
    "complaint petition veto agenda approach strategy policy framework ultimatum terms conditions order rule "
    "regulation tariff tax action pick choice concession counteroffer counterproposal subpoena option declaration "
    "party contribution donation alliance visit trip presence appointment endorsement support")
_CLAIM_WORDS = _word_set(
    "report reporting claim allegation accusation charge suggestion story account rumor rumour assertion "
    "characterization characterisation description statement notion premise narrative version that")
_FILLER = _word_set("the a an his her their its our my your this these those any all such some of several "
                    "every each two three both new latest")
_OBJECT_RE = re.compile(r"[A-Za-z][\w'-]*")
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\."
_PERSON_AFTER_RE = re.compile(r"\s+(?:" + _TITLE + r"\s+)?(?!" + _TITLE + r")[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
                              r"(?=\s*(?:[,.;:)]|$|\s+(?:and|who|as|in|on|at|from|after|before|for)\b))")
_AUXILIARIES = _word_set("is are was were be been has have had will would could can should may might must did does do")
# "If they had nothing to do with 9/11, they have nothing to fear", "if Trump declares a fabricated emergency": a
# condition states nothing; "asked allies to refute negative stories": a denial someone was asked for, not made
_CONDITIONAL_RE = re.compile(r"\b(?:if|unless)\b[^,;:.!?]*$", re.I)
_REQUESTED_RE = re.compile(r"\b(?:ask|urg|order|press|pressur|instruct|encourag|call(?:ed|ing|s)? on|want|push)\w*\s+"
                           r"(?:[\w'-]+\s+){0,8}?to\s+$|"
                           # "sought to prevent his inquiry from being dismissed as partisan"
                           r"\b(?:prevent|stop|keep|avoid|spare)\w*\s+(?:[\w'-]+\s+){0,12}?from\s+(?:being\s+)?$", re.I)
_RELATIVE_BEFORE_RE = re.compile(
    r"\b([A-Za-z][\w-]*)\s+(?:(?:that|which)\s+(?:[\w'-]+\s+){1,3}?|\w+ly\s+|(?:they|he|she|we|it|I|you)\s+)"
    r"(?:had\s+|has\s+|have\s+)?$")
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(\w+?)s?\s+(?:was|were|is|are|has been|have been|had been|being|(?:could|may|might|will|would|should|"
    r"can|must) (?:\w+ )?be)\s+(?:\w+ly\s+|soon\s+)?$", re.I)


def _withholding(t: str, m: re.Match[str]) -> bool:
    """The denial word at ``m`` turns down a thing, not a claim ("rejected Democrats' proposals", "denying entry",
    "the legislation was dismissed", "are denied funding")."""
    word = m.group(0).lower()
    if not word.startswith(("reject", "dismiss", "deni", "deny", "disavow")):
        return False
    if any(w.rstrip("s") in _CLAIM_WORDS for w in word.split()[1:]):
        return False
    if word.startswith("dismissal"):  # a court's or an employer's act: "won a dismissal of all charges"
        return True
    if word.startswith("rejection") and re.match(r"[\s.,;:!?]*$", t[m.end():]) and any(
            w.lower().rstrip("s") in _WITHHELD for w in _OBJECT_RE.findall(t[: m.start()])[-1:]):
        return True  # "to obviate the veto rejection": a thing turned down, named before the noun
    if word.startswith("rejection") and re.match(r"\s+of\s", t[m.end():]):
        # "his rejection of international alliances": the noun denies only a claim ("rejection of the report")
        return not any(w.lower().rstrip("s") in _CLAIM_WORDS for w in _OBJECT_RE.findall(t[m.end():m.end() + 50])[1:5])
    before, after = t[: m.start()], t[m.end():]
    # a thing withheld from someone: "protections previously denied to them" (not "denied to reporters that ...")
    if word == "denied" and re.match(r"\s+to\s+(?:them|him|her|us|me|those|many|millions)\b(?![^.;]*\bthat\b)", after):
        return True
    # a right or a thing withheld from someone: "agencies are denied funding", "was denied bail"
    if word == "denied" and re.search(r"\b(?:is|are|was|were|be|been|being)\s+$", before, re.I) and re.match(
            r"\s+(?!by\b|as\b|that\b)[a-z]", after):
        return True
    # a person turned away ("tried to dismiss her and her lawyer", "after he dismissed her."), unless "as" follows
    if re.match(r"\s+(?:him|them|me|us|her(?=\s*(?:[.,;:)]|$|and\b|or\b|from\b|after\b|before\b|on\b|in\b|again\b)))"
                r"(?!\s+as\b)", after):
        return True
    # a person turned away by name ("while dismissing Ann Coulter, who has not"); "dismissed Obama's concerns" stays
    if not word.startswith(("deni", "deny")) and _PERSON_AFTER_RE.match(after):
        return True
    heads = 0
    words = _OBJECT_RE.findall(after[:80])[:6]  # the object's first words, in order
    for k, w in enumerate(words):
        low = w.lower().removesuffix("'s").removesuffix("'")
        if (low == "that" and k + 1 < len(words) and words[k + 1].lower().rstrip("s") in _WITHHELD
                and not (k + 2 < len(words) and words[k + 2].lower() in _AUXILIARIES)):
            continue  # "dismissed that option": a determiner ("denied that option had been discussed": a clause)
        if low.rstrip("s") == "claim" and k + 1 < len(words) and words[k + 1].lower() == "against":
            return True  # "dismissed their claims against foreign entities": lawsuits
        if low in _CLAIM_WORDS or low.rstrip("s") in _CLAIM_WORDS or low == "as":
            return False  # "rejected the claims", "denied that ...", "dismissed it as ..."
        if low in _WITHHELD or low.rstrip("s") in _WITHHELD:
            # "the idea that X" is a claim ("a compromise that his deputy floated" is a thing)
            return not (low == "idea" and k + 1 < len(words) and words[k + 1].lower() == "that")
        if low not in _FILLER:
            heads += 1
            if heads == 3:
                break
    # the thing turned down stands before it: "the same approach that he rejected", "action specifically rejected
    # by Congress"
    ahead = _RELATIVE_BEFORE_RE.search(before[-60:])
    if ahead and ahead.group(1).lower().rstrip("s") in _WITHHELD:
        return True
    passive = _PASSIVE_BEFORE_RE.search(before[-60:])  # "the legislation was immediately dismissed"
    if not passive:
        return False
    # the subject's head may stand before its modifiers: "an earlier plan for a bus line was rejected"
    subject = [w.lower().removesuffix("'s") for w in _OBJECT_RE.findall(re.split(r"[,;:]", before)[-1])][-9:]
    if any(w.rstrip("s") in _CLAIM_WORDS for w in subject):
        return False
    return any(w in _WITHHELD or w.rstrip("s") in _WITHHELD for w in subject)


# Words that label what someone else says ("US disinformation", "a politically motivated investigation", "a witch
# hunt"): as the answer to a claim they deny it, but a sentence whose only verdict is such a label is also the
# speaker's own claim, to be told as such when it answers nothing
_LABEL_RE = re.compile(r"\b(?:dis|mis)information\b|\bpolitically motivated\b|\bwitch[- ]hunts?\b|\bhoax\w*|"
                       r"\bhit (?:job|piece)s?\b|\bpartisan (?:plot|attack|stunt)s?\b|"
                       r"\bsmear(?: campaign)?s?\b|\bfake news\b|\bpropaganda\b|\bphony\b", re.I)


def labels_only(text: str) -> bool:
    """The sentence answers a claim only by labelling it (see ``_LABEL_RE``): without its labels it answers nothing."""
    return bool(_LABEL_RE.search(text)) and response_of(re.sub(r"\s+", " ", _LABEL_RE.sub(" ", text))) is None


# a habit stated with a rare frequency: "rarely issues statements ... disputing reports in the press"
# (and the novelty of an act told as a description: "it appeared to be the first time he had publicly challenged",
# "I'm not aware that any justice before has ever commented on a candidate")
_HABIT_RE = re.compile(r"\b(?:rarely|seldom|hardly ever|almost never)\b|\b(?:be|was|is|been) the first time\b|"
                       r"\b(?:not|n't) aware (?:\[?that\]? |of )?(?:any|anyone|anybody)\b(?=[^.;:?!]{0,80}?\b(?:ever|"
                       r"before|previously)\b)", re.I)
# the source of a report defending it ("we stand by our reporting", "re-confirmed its reporting and seen no
# indication ... inaccurate"): it answers the challenge, whatever doubt words follow
DEFENDS_RE = re.compile(r"\bstands? by (?:its|our|their|his|her|the) (?:report\w*|story|account|sources?)|"
                        r"\bre-?confirm\w*\W{0,2}\s+(?:its|our|their|the) (?:report\w*|story)", re.I)


# What a source did not say or show: "the indictment does not charge him with conspiring", "did not specify
# whether China had responded", "made no mention of whether Mr. Trump played a role"
ABSENT = re.compile(r"\b(?:did|does|do|has|have|had)(?: not|n't) (?:\w+ly )?(?:say|mention|allege|specify|charge|"
                    r"accuse|claim|indicate|show(?! up)|identify|present|provide evidence)\b"
                    # "did not mention them during his remarks": things or people left out, no proposition doubted
                    r"(?! (?:them|him|her|it|us|me)\b)|\bmade no mention\b|"
                    r"\bno mention of\b|\bno (?:visual |hard )?evidence (?:has been|was) (?:produced|presented)\b",
                    re.I)


# A claim left without its support: "has not provided any economic analysis to back up Trump's claims", "provided no
# details to substantiate the allegation", "did not offer any proof for his assertion" doubt what they name ("offered
# no evidence", "no evidence" alone, are DOUBT_RE's)
_UNBACKED_RE = re.compile(
    r"\b(?:(?:has|have|had|did|does|do)(?: not|n't) (?:yet )?(?:provided?|offere?d?|given|give|produced?|presented?|"
    r"released?|shown|show|made public) (?:any )?|(?:provided|offered|gave|produced|presented|released|showed) no )"
    r"(?:[\w-]+ ){0,2}?(?:evidence|proof|data|analysis|analyses|details|documentation|documents|figures|support|"
    r"backing|basis)\s+(?:to (?:back up|back|support|substantiate|prove|justify|bolster)|for|of|behind)\s+"
    r"(?:(?:the|his|her|its|their|these|those|that|this|such|any)\s+|[A-Z][\w.-]*(?:'s|\u2019s)\s+)"
    r"(?:[\w'\u2019-]+ )?(?:claims?|assertions?|allegations?|accusations?|statements?|figures?|numbers?|estimates?)\b")


# A claim called overstated rather than false, or its accuracy questioned: "the story was misleading", "said the
# figures were exaggerated", "the report was wildly overblown", "pure speculation", "questioned the accuracy of the
# figures". The claim word must be the subject or the object ("the fears were overblown" is a view of a danger).
_OVERSTATED_RE = re.compile(
    r"\b(?:reports?|reporting|claims?|story|stories|allegations?|accusations?|accounts?|figures?|numbers?|estimates?|"
    r"assertions?|suggestions?|characteri[sz]ations?|descriptions?|article|headlines?)\s+(?:is|was|are|were|seems?|"
    r"seemed)\s+[\"\u201c']?(?:(?:wildly|greatly|grossly|vastly|hugely|highly|very|deeply|somewhat|a bit|a little|"
    r"clearly|simply|just|pure|mere|all)\s+)?(?:misleading|exaggerated|overblown|overstated|overhyped|inflated|"
    r"speculation|speculative|premature)\b|"
    r"\b(?:question\w*|doubt\w*) (?:the )?(?:accuracy|veracity|credibility|validity|reliability) of "
    r"(?!(?:the |its |their |his |her )?(?:twitter|facebook|instagram|social media|e-?mail|bank|user) accounts?\b)"
    r"(?:the |these |those |its |their |his |her |[A-Z][\w.-]*(?:'s|\u2019s) )?(?:[\w-]+ )?(?:reports?|reporting|"
    r"claims?|story|stories|allegations?|accounts?|figures?|numbers?|estimates?|data|statements?|assertions?)\b", re.I)


# Doubt as the wires word it: "There was no immediate confirmation of the report", "the authenticity of the video could
# not be established", "it was not immediately clear whether the report was accurate"
_WIRE_DOUBT_RE = re.compile(
    r"\bno (?:immediate |independent |official )?confirmation (?:of|from|for)\b|"
    # "questioned whether the photo was genuine", "raised questions about the claim", "called into question"
    r"\bquestion(?:s|ed|ing)? whether\b[^.;:!?]{0,80}?\b(?:genuine|true|real|accurate|authentic|correct)\b|"
    r"\brais\w* (?:\w+ )?questions (?:about|over|regarding) " + _WHOSE + r"?(?:[\w'\u2019-]+ )?(?:claims?|reports?|"
    r"accounts?|story|stories|figures|numbers|allegations?|study|findings|statements?|assertions?|authenticity|"
    r"veracity|accuracy)\b|"
    r"\bcall(?:s|ed|ing)? into question " + _WHOSE + r"?(?:[\w'\u2019-]+ )?(?:claims?|reports?|accounts?|story|"
    r"stories|figures|numbers|allegations?|findings|statements?|assertions?|authenticity|veracity|accuracy|"
    r"credibility)\b|"
    r"\b(?:claims?|reports?|accounts?|story|stories|figures|numbers|allegations?|findings|statements?|assertions?)"
    r" (?:(?:has|have|had) been|was|were|is|are) (?:\w+ )?called into question\b|"
    r"\b(?:authenticity|veracity|accuracy|truth(?:fulness)?|provenance)\b[^.;:!?]{0,80}?\b(?:could not|couldn't|"
    r"cannot|can't|has not been|have not been|had not been)(?: be)? (?:independently )?(?:established|determined)\b|"
    r"\b(?:could not|couldn't|cannot|can't|has not been|have not been|had not been)(?: be)? (?:independently )?"
    r"authenticated\b|"
    r"\bnot (?:immediately |yet )?clear whether (?:the |these |those |such |this |that )?(?:[\w'-]+ )?(?:reports?|"
    r"claims?|accounts?|story|stories|allegations?|rumou?rs?|video|photo|image)\b", re.I)
# what declining to confirm leaves: no confirmation ("officials declined to confirm the report")
_DECLINED_RE = re.compile(r"\b(?:declin\w*|refus\w*|unwilling|reluctant|unable|would not|wouldn't|did not|didn't)\s+"
                          r"(?:to\s+)?(?:immediately\s+)?(?:publicly\s+)?$", re.I)


# A speaker saying he did not do what is said of him: "told the Post that he was not working on the FBI's behalf",
# "saying that he was not actually speaking to Mr. Assange", "said he had no knowledge of the offer", "saying she
# had never met him". Only these forms: a conduct in progress denied, knowledge disclaimed, a meeting denied; most
# other negations a speaker makes of himself are no denial ("he was not surprised", "it didn't go far enough"), nor is
# a decision announced ("Comey said he wasn't recommending any charges", "she is not seeking re-election").
_SELF_DENY_RE = re.compile(
    r"\b(?:said|says|saying|told(?: \w+){1,3}?|insisted|insists|maintained|maintains) (?:that )?"
    r"(?:he|she|they|it|we|I) (?:(?:was|were|is|are)(?: not|n't)(?! only| just) (?:actually |ever |even )?"
    r"(?!(?:going|recommending|planning|seeking|considering|proposing|asking|urging|calling|endorsing|supporting|"
    r"backing|expecting|intending|hoping|trying|looking|ruling|basing|choosing|selecting|picking|running)\b)\w+ing\b|"
    r"(?:had|has|have) no (?:\w+ )?(?:knowledge|connection|involvement|role|contact)\b|"
    r"(?:had )?never (?:met|spoken|talked)\b)|"
    # "has long maintained his innocence"
    r"\b(?:maintain\w*|insist\w*|protest\w*) (?:his|her|their) innocence\b",
    re.I)


# What someone else said, called untrue or unfair by pointing back at it: "that wasn't a fair comparison", "this is
# not the case", "that is not accurate" (the last also through DENY_RE's wider words)
_NOT_SO_RE = re.compile(r"\b(?:that|this)(?:'s| is| was)(?: not|n't) (?:a |an )?(?:fair|accurate|true|correct|"
                        r"appropriate|honest)(?: (?:comparison|characteri[sz]ation|description|account|picture))?\b|"
                        r"\b(?:that|this|it)(?:'s| is| was| has)(?: (?:just|simply|clearly|certainly|absolutely))?"
                        r"(?: not|n't| never)(?: been)? the case\b|"
                        # what was said to have happened, said not to have: "That never happened", "It didn't happen"
                        r"^\W*(?:that|this|it|none of (?:that|this|it))(?: (?:just|simply|certainly|absolutely))?"
                        r" (?:never|did not|didn't|did n't) (?:ever )?(?:happen(?:ed)?|take place|took place|"
                        r"occur(?:red)?)"
                        r"(?=\s*(?:[,.;:!?\"\u201d')]|$|\s(?:and|but)\b))|"
                        # "It was a myth all along", "That's an urban legend", "The photo is not real"
                        r"^\W*(?:that|this|it)(?:'s| is| was)(?: all| just| simply| definitely| clearly)? (?:an? )?"
                        r"(?:(?:urban|complete|total) )?(?:myth|legend|hoax)(?: all along)?"
                        r"(?=\s*(?:[,.;:!?\"\u201d')]|$))|"
                        # (of a picture or a claim named: "this is not real" may say a staged artwork is art)
                        r"\b(?:the|this|that) (?:photo(?:graph)?|image|picture|video|footage|story|claim|report|"
                        r"rumou?r)(?:'s|\s+[\"\u201c]?"
                        r"(?:is|was|are|were))(?: definitely| certainly| clearly| simply| just)?"
                        r"\s+[\"\u201c]?not real\b|"
                        # "These are lies", "That is a lie", "It's all lies"
                        r"^\W*(?:these|those|that|this|it|they)(?:'s|'re| is| are| was| were)(?: all| just| simply)?"
                        r" (?:a )?(?:lies|a lie|lie)\b", re.I)


# A source vouching for a report it did not write: "the ministry confirmed the report", "independently confirmed".
_CONFIRM_RE = re.compile(
    _W + r"((?:confirm|corroborat|verifi|verify|acknowledg)\w* (?:the |this |that |these |those |such |its |their )?"
    r"(?:\w+ )?(?:reports?|reporting|claims?|accounts?|story|news|information|allegations?|details?)|"
    r"independently (?:confirmed|verified|corroborated)|(?:confirmed|verified|corroborated) (?:it|this|that) )", re.I)


def response_of(text: str, language: str | None = None) -> str | None:
    """``denies`` or ``doubts`` when the sentence answers a claim (rejects, disputes or doubts it), ``confirms``
    when it vouches for one ("the ministry confirmed the report"), else None.

    The one judgement of whether a sentence is a response: the comparison attaches such sentences to the claim
    they answer instead of grouping them by wording. A negated verdict word ("is no hoax") affirms, and a crime
    named with "false" ("pleaded guilty to making false statements") judges nothing. ``language``: the sentence's
    language; one with a lexicon (``newsprism.lexicons``) is read with its own words, any other as English."""
    lexicon = lexicon_for(language)
    if lexicon is not None:
        return response_in(text, lexicon)
    t = _NOT_A_VERDICT_RE.sub(" ", _IDIOM_RE.sub(" ", text.replace("\u2019", "'")))
    habit = _HABIT_RE.search(t)
    if habit:  # "rarely issues statements ... disputing reports": a habit, not a response
        t = t[: habit.start()]
    accused = _ACCUSATION_RE.search(t)
    if accused:
        if _LIAR_RE.match(t, accused.start()) and not _LEGAL_RE.search(t[: accused.start()]):
            # "Trump accused Cohen of lying to the special counsel": what Cohen said is denied ("the indictment
            # accuses Stone of lying to Congress" is a charge, told as such)
            return "denies"
        t = t[: accused.start()]
    absent = ABSENT.search(t)
    if absent and not _LEFT_OPEN_RE.match(t, absent.end()):
        return "doubts"
    if _UNBACKED_RE.search(t):
        return "doubts"
    wire = _WIRE_DOUBT_RE.search(t)
    if wire and not _in_question(t, wire.start()):
        return "doubts"
    overstated = _OVERSTATED_RE.search(t)
    if overstated and not _NEG_BEFORE_RE.search(t[: overstated.start()]) and not _in_question(t, overstated.start()):
        return "doubts"
    if DEFENDS_RE.search(t):
        return "denies"
    for m in DOUBT_RE.finditer(t):
        if not _doubts_nothing(t, m):
            return "doubts"
    for rx in (DENY_RE, _ANSWER_DENY_RE, _CLAIM_VERDICT_RE):
        for m in rx.finditer(t):
            if m.group(0).lower() == "accurate" and not re.search(r"\b(?:was|were|is|are|its?|been) accurate|"
                                                                   r"report was accurate", t, re.I):
                continue
            if (_withholding(t, m) or _in_question(t, m.start()) or _EMBEDDED_RE.search(t[: m.start()])
                    or _factive(t, m) or _EPITHET_RE.match(t, m.start()) or _press_called(t, m) or _normative(t, m)
                    or _dismissed_thing(t, m) or _offer_turned_down(t, m)
                    or _DISPUTES_NOUN_RE.match(t, m.start())
                    or _judges_no_claim(t, m) or _names_a_thing(t, m)
                    or _names_the_topic(t, m) or _narrated_unawareness(t, m) or _in_denial(t, m)
                    or _fakes_made(t, m) or _generic_habit(t, m)
                    or _mentions_a_denial(t, m) or _left_standing(t, m) or _HYPOTHETICAL_RE.search(t[: m.start()])
                    or _CONDITIONAL_RE.search(t[: m.start()]) or _REQUESTED_RE.search(t[: m.start()])
                    or _NO_ONE_RE.search(t[: m.start()])):
                continue
            if not _NEG_BEFORE_RE.search(t[: m.start()]):
                return "denies"
    if _SELF_DENY_RE.search(t) or _NOT_SO_RE.search(t) or _NO_ANSWER_RE.search(t):
        return "denies"
    for m in _CONFIRM_RE.finditer(t):
        if _DECLINED_RE.search(t[: m.start()]):
            continue  # declining to confirm is no answer
        if _NO_ONE_RE.search(t[: m.start()]):
            return "doubts"  # "nobody can verify the claims"
        if not _NEG_BEFORE_RE.search(t[: m.start()]):
            return "confirms"
    return None


# The outlet's own verdict on what it reports someone said: "claimed, falsely, that", "falsely claimed", "said,
# without evidence,", "making a false claim". The sentence relays the speaker's claim and denies it in the outlet's
# voice: the denial is the outlet's, not the speaker's.
_SAYING = (r"(?:claim\w*|said|says|saying|stat\w+|assert\w*|insist\w*|suggest\w*|told|tells|tweet\w*|wr[io]te|"
           r"writes|argu\w+|repeat\w*)")
_OUTLET_VERDICT_RE = re.compile(
    r"\b(?:falsely|inaccurately|wrongly|erroneously|misleadingly|baselessly),? " + _SAYING + r"\b|"
    r"\b" + _SAYING + r",? (?:falsely|inaccurately|wrongly|erroneously|misleadingly|baselessly)\b|"
    r"\b" + _SAYING + r",? without (?:offering |providing |citing |any )*(?:evidence|proof)\b|"
    r"\b(?:making|made|makes|repeated|repeating|repeats) (?:a |the |his |her |their )?(?:\w+ )?"
    r"(?:false|baseless|unfounded|inaccurate|misleading|unsupported) (?:claims?|assertions?|statements?)\b", re.I)


def outlet_verdict(text: str) -> bool:
    """The sentence's denial is the outlet's own fact-check of what it relays ("X claimed, falsely, that ..."), so
    the denier is the outlet, not the speaker the sentence quotes."""
    return bool(_OUTLET_VERDICT_RE.search(text.replace("\u2019", "'")))


# A verdict inside an embedded question or free relative: "did not list what testimony he considered false",
# "would not say which parts she found inaccurate" name a judgement without making it
_EMBEDDED_RE = re.compile(r"\b(?:what|which|whatever|whichever)\b(?:\s+[\w'-]+){0,6}?\s+(?:consider\w*|deem\w*|"
                          r"call\w*|regard\w*|thought|thinks?|found|finds?|view\w*|believ\w*)\s+(?:[\w'-]+\s+){0,2}$",
                          re.I)
_EVALUATIVE = frozenset({"ridiculous", "absurd", "nonsense", "rubbish", "garbage", "hogwash", "baloney", "malarkey",
                         "balderdash", "poppycock", "bogus"})
_CLAIM_WORD_RE = re.compile(r"\b(?:reports?|claims?|allegations?|accusations?|attacks?|charges?|story|stories|"
                            r"suggestions?|ideas?|notions?|rumou?rs?|assertions?|statements?|comments?|remarks?|theory|theories)\b",
                            re.I)


def _judges_no_claim(t: str, m: re.Match[str]) -> bool:
    """"Ridiculous" and its kin deny only what someone said ("called the report ridiculous", "that's absurd"); said
    of a state of affairs ("How ridiculous, we're the only country ...", "the rule is 'ridiculous'") they judge a
    policy, not a claim."""
    if m.group(0).lower() not in _EVALUATIVE:
        return False
    return not (_CLAIM_WORD_RE.search(t) or re.search(r"\b(?:that|this|it)(?:'s| is| was)\W+(?:\w+ ){0,2}$",
                                                          t[: m.start()], re.I))


# Verdict adjectives that, said of a thing rather than a claim, name the thing: "filing false tax returns", "a false
# prophet", "questionable purchases", "fake accounts"; before a claim word ("a false story", "fake news") or
# standing alone ("the report is false", "false, he said") they judge a claim.
_ATTRIBUTIVE = frozenset({"false", "fake", "questionable", "bogus", "phony", "made up", "made-up"})
_CLAIM_NOUNS = _word_set(
    "report reports reporting claim claims allegation allegations accusation accusations charge charges story "
    "stories news narrative narratives rumor rumors rumour rumours assertion assertions account accounts "
    "statement statements suggestion suggestions information impression premise theory theories characterization "
    "attack attacks")
_NOT_A_NOUN = _word_set(
    "and or but nor in on at by for of to as that than because when since from with about if so yet both either "
    "is are was were be been it this these those he she they we i you who which and/or")


def _names_a_thing(t: str, m: re.Match[str]) -> bool:
    """The verdict word at ``m`` stands before a noun that is no claim (see ``_ATTRIBUTIVE``)."""
    if m.group(0).lower() not in _ATTRIBUTIVE:
        return False
    words = re.findall(r"[A-Za-z][\w'-]*|[^\sA-Za-z]", t[m.end():m.end() + 60])[:4]
    # a noun in lower case, or a short acronym ("a fake ID", "false IDs")
    if not words or not (words[0][:1].islower() or (words[0].rstrip("s").isupper() and len(words[0]) <= 5)) \
            or words[0] in _NOT_A_NOUN:
        return False
    return not any(w.lower() in _CLAIM_NOUNS for w in words if w[:1].isalpha())


# what makes "remains unclear" a doubt of a claim: a question after it ("it remains unclear whether ..."), or a
# subject that is one ("whether they asked remains unclear", "that remains to be seen", "the report's accuracy")
_OPEN_QUESTION_RE = re.compile(r"\s*,?\s*(?:whether|if|how|why|what|who|when|where|which)\b", re.I)
_QUESTION_SUBJECT_RE = re.compile(r"^\s*(?:it|that|this|which|whether|if|what|who|how|why)\b", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[,;:\u2014\u2015]|\s-+\s|\b(?:and|but|though|although|while|as|because)\b", re.I)
# an open question about what is yet to come: "how much the endorsement will help"
_TO_COME_RE = re.compile(r"[^.;:?!]*?\b(?:will|would|could|might)\b(?! have\b)", re.I)


def _unknown_detail(t: str, m: re.Match[str]) -> bool:
    """"The type of structure he wants remains unclear", "the long-term damage remains to be seen", "it remains to be
    seen how much the endorsement will help": a thing not yet known or yet to happen, which doubts no claim; "it
    remains unclear whether Russia asked" does."""
    if not m.group(0).lower().startswith("remain"):
        return False
    if _OPEN_QUESTION_RE.match(t, m.end()):
        return _TO_COME_RE.match(t, m.end()) is not None
    clause = re.sub(r"\b(?:still|also|so far|as yet|yet)\b", " ", _clause_before(t, m), flags=re.I)
    return not _QUESTION_SUBJECT_RE.match(clause) and not _claim_words(clause)


def _open_future(t: str, m: re.Match[str]) -> bool:
    """"It's unclear whether Obama might drop that demand": what may or may not come, not a doubt of what was said
    ("it is unclear whether Russia asked", "unclear whether the subpoenas would be issued" still doubt); nor what
    someone meant by it ("unclear whether the acknowledgment was intended to stoke speculation")."""
    return m.group(0).lower().endswith("whether") and (_MAYBE_RE.match(t, m.end()) is not None
                                                       or _WILL_RE.match(t, m.end()) is not None
                                                       or _PURPOSE_RE.match(t, m.end()) is not None)


# "unclear whether Neeson will hold on to his role": what is to come ("unclear whether he will have been told" looks
# back and still doubts)
_WILL_RE = re.compile(r"[^.;:?!]*?\b(?:will|won't)\b(?! have\b)", re.I)


_PURPOSE_RE = re.compile(r"[^;:?!]{0,160}?\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:intended|meant|designed|aimed|"
                         r"calculated|an? (?:attempt|effort|ploy|bid|move|signal))\s+(?:to|at)\b", re.I)


# "skeptical whether Republicans will keep their word", "skeptical that the committee would agree in the future",
# "doubted that the fight would inflict much damage on Democrats in November": misgivings about what is to come, not a
# doubt of what was said ("doubted that Russia would have asked" looks back, and still doubts)
_FUTURE_DOUBT_RE = re.compile(r"\W*\s+(?:that|whether|if)\s+[^.;:?!]*?(?:\bwill\b|\bin the future\b|"
                              r"\bwould\s+(?!have\b|not have\b|n't have\b)(?:\w+ly\s+)?\w+)", re.I)


def _doubts_the_future(t: str, m: re.Match[str]) -> bool:
    word = m.group(0).lower()
    return word.startswith(("skeptic", "sceptic", "doubt")) and _FUTURE_DOUBT_RE.match(t, m.end()) is not None


_MAYBE_RE = re.compile(r"[^.;:?!]*?\b(?:might|could|may)\b(?! have\b)", re.I)


# "it was unclear whether the subpoenas would seek documents or testimony, or both": which of two, not whether
_WHICH_OF_RE = re.compile(r"[^.;:?!]*?\bor\b(?! not\b)", re.I)


def _which_of(t: str, m: re.Match[str]) -> bool:
    """An open question between alternatives asks which one, and doubts none of what is said."""
    return m.group(0).lower().endswith("whether") and _WHICH_OF_RE.match(t, m.end()) is not None


# "gave no indication that he was ready to leave the race", "no sign the story was fading", "no indication yet that it
# will reach the floor": what someone shows, or what has not happened yet, doubts nothing said
_SHOWN_RE = re.compile(r"\b(?:gave|give|gives|giving|showed|show|shows|showing|offered|offers)\s+$", re.I)
_NOT_YET_RE = re.compile(r"[^.;:?!]*?\b(?:will|would|yet|soon|ready|fading|abating|slowing|easing|letting up|"
                         r"ending|going away)\b", re.I)


def _no_sign_of_change(t: str, m: re.Match[str]) -> bool:
    word = m.group(0).lower()
    if not word.startswith(("no sign", "no indication")):
        return False
    return bool(_SHOWN_RE.search(t[: m.start()]) or _NOT_YET_RE.match(t, m.end()))


# "was not aware that the lawyers had provided the documents": what one did not know is taken as true (a factive
# verb), not denied ("was not aware of any such request" does deny it)
_FACTIVE_THAT_RE = re.compile(r"\s*,?\s+that\b", re.I)


def _factive(t: str, m: re.Match[str]) -> bool:
    return m.group(0).lower() in {"not aware", "unaware"} and _FACTIVE_THAT_RE.match(t, m.end()) is not None


# "rejected the notion that the party should expand its tent", "denied that a clarification would be needed": what
# ought to be done is argued, not a fact denied
_NORMATIVE_RE = re.compile(r"^(?:\s+[\w'\u2019-]+){0,5}?\s+that\s+(?:(?![.;:?!,]|\b(?:and|but)\b).)*?"
                           r"\b(?:should|ought to|must|need(?:s|ed)? to|"
                           r"would (?:be )?(?:need|requir)\w*|(?:is|are|be|was|were) (?:needed|required|"
                           r"necessary))\b", re.I)


def _normative(t: str, m: re.Match[str]) -> bool:
    return _NORMATIVE_RE.match(t[m.end():]) is not None


# "did not say where the ad would run": a place, time or manner withheld doubts nothing said ("did not say that X",
# "did not say whether X", "did not specify what type of weapons" still leave the claim in doubt)
_LEFT_OPEN_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:where|when|how|why)\b", re.I)
# "the only document that was not part of an e-mail chain": what something is, not a doubt of what was asked for
_RELATIVE_RE = re.compile(r"\b(?:that|which|who)\s+(?:was|were|is|are|had been|has been)\s+$", re.I)
# "a move that fueled disputes with Trump's team": the noun, not someone disputing
_DISPUTES_NOUN_RE = re.compile(r"disputes\s+(?:with|over|between|among)\b", re.I)


def _described_part(t: str, m: re.Match[str]) -> bool:
    """What something is, said in a relative clause: "the only document that was not part of an e-mail chain",
    "companies whose pay gaps mirror national numbers where there is no proof of a discriminatory policy"."""
    word = m.group(0).lower()
    before = t[: m.start()]
    return (word.startswith("not ") and _RELATIVE_RE.search(before) is not None) or (
        word.startswith("no ") and _WHERE_THERE_RE.search(before) is not None)


_WHERE_THERE_RE = re.compile(r"\b(?:where|in which|whenever|wherever)\s+there\s+(?:is|was|are|were|has been)\s+$",
                             re.I)


def _clause_before(t: str, m: re.Match[str]) -> str:
    """The words of the cue's own clause before it ("the type of structure he wants" in "..., and the type of
    structure he wants remains unclear")."""
    return _CLAUSE_BREAK_RE.split(t[: m.start()])[-1]


def _claim_words(text: str) -> bool:
    return any(w.lower() in _CLAIM_NOUNS for w in re.findall(r"[A-Za-z]+", text))


# "has long been skeptical of the negotiations", "doubts about the plan": misgivings about a thing, not a doubt of
# what is said ("skeptical of the ministry's claims", "doubts about whether it happened" still are)
_OF_A_THING_RE = re.compile(r"\s+(?:of|about|over|toward|towards|regarding)\s+(?P<np>[^.;:,?!]*)", re.I)


def _doubts_a_thing(t: str, m: re.Match[str]) -> bool:
    if not m.group(0).lower().startswith(("skeptic", "sceptic", "doubt")):
        return False
    found = _OF_A_THING_RE.match(t, m.end())
    if found is None:
        return False
    np_ = found.group("np")
    return not _claim_words(np_) and not _ARGUED_RE.search(np_)


# what holds claims of its own: "doubts about the merits of the lawsuit", "skeptical of the figures"
_ARGUED_RE = re.compile(r"\b(?:whether|if|that|merits?|evidence|case|lawsuit|suit|premise|figures?|numbers?|data|"
                        r"statistics|findings?|estimates?|results?)\b", re.I)


# "a Steele run was looking increasingly doubtful": how likely something is, not a doubt of what is said ("the claim
# is doubtful" still is)
_LIKELIHOOD_RE = re.compile(r"\b(?:is|was|are|were|looks?|looked|looking|seems?|seemed|appears?|appeared|became|"
                            r"becoming|remains?|remained)\s+(?:\w+ly\s+)?$", re.I)


def _unlikely(t: str, m: re.Match[str]) -> bool:
    if m.group(0).lower() != "doubtful" or not _LIKELIHOOD_RE.search(t[: m.start()]):
        return False
    return not _claim_words(_clause_before(t, m))


# "the lawsuit may soon be dismissed": a thing dismissed (a case thrown out), not a claim denied ("the allegations
# were dismissed as baseless" still is)
_PASSIVE_RE = re.compile(r"\b(?:be|been|being|is|was|were|are|get|got)\s+(?:\w+ly\s+)?$", re.I)


def _offer_turned_down(t: str, m: re.Match[str]) -> bool:
    """"Pelosi rejected it even before he spoke, and Schumer denounced the offer as more hostage taking": "it" is the
    offer the sentence names, a thing turned down, not a claim denied ("rejected it as false" still denies)."""
    return (_REJECT_IT_RE.match(t, m.start()) is not None and _OFFER_NAMED_RE.search(t) is not None
            and _AS_UNTRUE_RE.search(t, m.end()) is None)


_REJECT_IT_RE = re.compile(r"(?:reject|dismiss|refus)\w*\s+(?:it|this|that)\b", re.I)
_OFFER_NAMED_RE = re.compile(r"\b(?:denounc|dismiss|reject|refus|spurn|decri|call|turn)\w*(?:\s+down)?\s+"
                             r"(?:the|this|that|his|her|their|its)\s+(?:\w+\s+)?(?:offer|proposal|plan|deal|bid|"
                             r"compromise|invitation|nomination|bill|measure)s?\b", re.I)
_AS_UNTRUE_RE = re.compile(r"\bas\s+(?:\w+\s+)?(?:false|untrue|inaccurate|baseless|a lie|lies|fake|nonsense)\b", re.I)


def _dismissed_thing(t: str, m: re.Match[str]) -> bool:
    if not m.group(0).lower().startswith("dismiss") or not _PASSIVE_RE.search(t[: m.start()]):
        return False
    return not _claim_words(_clause_before(t, m))


# "The Fake News is making such a big deal about this": the epithet names the press, it judges no claim
_EPITHET_RE = re.compile(r"fake news\s+(?:media\b|(?:is|are|was|were|has|have|will|keeps?|wants?|loves?)\b)", re.I)
# the press itself called fake: "networks like CNN and MSNBC might be 'fake news'" labels outlets, not a claim
_PRESS_CALLED_RE = re.compile(r"\b(?:networks?|outlets?|media|newspapers?|papers?|channels?|press|journalists?|"
                              r"reporters?)\b(?:\s+(?:like|such as|including)\s+[^.;:]{1,40}?)?\s+"
                              r"(?:(?:might|may|could|would|will)\s+be|is|are|was|were)\s+[\"\u201c']?$", re.I)


def _press_called(t: str, m: re.Match[str]) -> bool:
    """"Fake" said of the press, before ("networks ... might be 'fake news'", "a swipe at CNN and MSNBC, saying that
    while they are 'fake news'") or after it ("nothing so Fake as CNN")."""
    if not m.group(0).lower().startswith("fake"):
        return False
    before = t[: m.start()]
    return (_PRESS_CALLED_RE.search(before) is not None or _FAKE_AS_RE.match(t, m.start()) is not None
            or (_THEY_ARE_RE.search(before) is not None and _PRESS_NAMED_RE.search(before) is not None))


_THEY_ARE_RE = re.compile(r"\b(?:they|these|those)\s+(?:(?:might|may|could|would|will)\s+be|are|were)\s+[\"\u201c']?$",
                          re.I)
_PRESS_NAMED_RE = re.compile(r"\b(?:networks?|outlets?|media|newspapers?|channels?|press)\b|\b[A-Z]{3,}\b")


_FAKE_AS_RE = re.compile(r"(?i:fake)\s+as\s+(?:the\s+)?[A-Z]")  # a name after it, not "as fake as a $3 bill"
# misinformation as the topic, not a verdict on anything said: "their role in the rise of misinformation", "vowed to
# fight disinformation"
_TOPIC_BEFORE_RE = re.compile(r"(?:\b(?:rise|spread|flood|wave|tide|age|problem|threat|scourge|fight|battle|war|"
                              r"campaigns?)\s+(?:of|against|on)\s+(?:[\w-]+\s+){0,2}|\b(?:combat|fight|tackl|curb|"
                              r"counter|polic|stem)\w*\s+(?:[\w-]+\s+)?|\bweed\w*\s+out\s+)$", re.I)


def _names_the_topic(t: str, m: re.Match[str]) -> bool:
    return m.group(0).lower().endswith("information") and _TOPIC_BEFORE_RE.search(t[: m.start()]) is not None


# "expressed serious doubts about Mr. Lieberman", "the nagging doubts voters feel about President Obama": misgivings
# about a person, not a doubt of what is said ("doubts about whether", "doubts about Obama's account" still are)
_ABOUT_A_PERSON_RE = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,7}?\s+(?:about|over)\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+|"
    r"(?:President|Senator|Governor|Secretary|Speaker|Prime Minister)\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?![\w'\u2019-])")


def _doubts_a_person(t: str, m: re.Match[str]) -> bool:
    if not m.group(0).lower().startswith("doubt"):
        return False
    found = _ABOUT_A_PERSON_RE.match(t, m.end())
    return found is not None and not re.search(r"\b(?:whether|if|that it)\b", found.group(0), re.I)


# "a motto that I don't think anyone doubted": a doubt nobody had
_NOBODY_THINKS_RE = re.compile(r"\b(?:don't|do not|didn't|did not|don\u2019t|didn\u2019t) (?:think|believe) (?:that )?"
                               r"(?:anyone|anybody)\s+(?:\w+\s+){0,2}$", re.I)


def _doubts_nothing(t: str, m: re.Match[str]) -> bool:
    """The doubt word at ``m`` doubts no claim: negated, nobody's, or about a thing, a person, a detail, a choice,
    a likelihood or what is yet to come (the guards above)."""
    before = t[: m.start()]
    return bool(_NEG_BEFORE_RE.search(before) or _NO_ONE_RE.search(before) or _NOBODY_THINKS_RE.search(before)
                or m.group(0).lower() in {"skeptics", "sceptics", "skeptic", "sceptic"}
                or _attributive_sceptic(t, m)
                # a degree, not a doubt: "setting expectations high -- but apparently not too high"
                or (m.group(0).lower() == "apparently not" and _DEGREE_RE.match(t, m.end()) is not None)
                or any(guard(t, m) for guard in (_names_a_thing, _unknown_detail, _doubts_a_person, _which_of,
                                                 _no_sign_of_change, _doubts_a_thing, _unlikely, _described_part,
                                                 _open_future, _doubts_the_future)))


_DEGREE_RE = re.compile(r"\s+(?:too|so|very|that|quite|as|overly|especially|particularly)\s+\w+", re.I)


# "Nobody in Drast or abroad should doubt that": a doubt no one is to have affirms
_NO_ONE_RE = re.compile(r"\b(?:nobody|no one|no-one|none of us)\b[^,.;:]{0,40}?\b(?:should|can|could|need|must|"
                        r"would|will|has|have|had|did|does|is|was)(?:n't| not)?\s+(?:\w+\s+)?$", re.I)


_PUT_TO_REST = re.compile(r"(?:put|laid|lay|quash|squash|dispel|scotch)", re.I)
_NOT_DONE_RE = re.compile(r"\b(?:not|never|no|nothing|failed|fails|failing|unable)\b|n't\b", re.I)


def _left_standing(t: str, m: re.Match[str]) -> bool:
    """Rumours not put to rest: "wasn't using his fame to quash the rumors", "did nothing to dispel them", "failed
    to put the speculation to rest" say the rumour stands, not that someone denied it."""
    if not _PUT_TO_REST.match(m.group(0)):
        return False
    clause = re.split(r"[,;:]", t[: m.start()])[-1]
    return bool(_NOT_DONE_RE.search(clause))


def _mentions_a_denial(t: str, m: re.Match[str]) -> bool:
    """"after the denial", "condemned the retraction of the study", "the denial about jets looked like an attempt
    to ...": the noun with "the" and no one who made it names a denial (or retraction) the story told before; the
    sentence itself denies nothing ("the ministry's denial", "issued a denial", "the denial by the ministry" still
    do)."""
    if m.group(0).lower() not in {"denial", "denials", "retraction", "retractions"}:
        return False
    before, owner = t[: m.start()], re.match(r"\s+(of|by|from)\s", t[m.end():], re.I)
    if owner and owner.group(1).lower() != "of":  # "the denial by the ministry" tells who made it
        return False
    if re.search(r"\b(?:is|was|are|were)\s+(?:a|an|only|just|simply)\s+(?:\w+\s+)?$", before, re.I):
        return not owner  # "what is on the record is a denial about jets" describes what was said ("was a denial
        # of the report" still tells one)
    # "the denial" names one told before, unless the sentence tells it again ("the ministry repeated the denial")
    return bool(re.search(r"\b(?:the|this|that|these|those)\s+$", before, re.I)) and not re.search(
        r"\b(?:repeat|reiterat|issu|renew|restat|echo|stood by|stands? by|stuck to|sticks? to)\w*\s+\w+\s+$",
        before, re.I)


# a denial that might happen is none: "it was possible that the records could refute her account", "we can deny the
# system's failings, or we can ..." (an option, not an act)
_HYPOTHETICAL_RE = re.compile(r"\b(?:could|might|may|can)(?: well| yet| soon| eventually)? $", re.I)


def _in_question(t: str, at: int) -> bool:
    """A verdict word inside an embedded question is asked, not given: "did not respond to queries about whether
    he understood that what he was saying was false" (the question ends at a comma: "Asked whether ..., he
    denied it" denies)."""
    asked = list(re.finditer(r"\bwhether\b|\basked (?:\w+ )?if\b", t[:at], re.I))
    return bool(asked) and not re.search(r"[,;:]", t[asked[-1].end():at])


# who says it: a saying verb, or a speaker in the first person ("said she was unaware of the warning", "I was not aware
# of any such request")
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|saying|told|tells|insist\w*|maintain\w*|claim\w*|stat\w+|added|"
                             r"replied|responded|according to)\b|"
                             r"(?:^|\W)(?:I|we)(?:'m|'re|\s+(?:\w+\s+)?(?:was|were|am|are))\s+(?:\w+ly\s+)?$", re.I)
_OF_CLAIM_RE = re.compile(r"\s+of\s+(?P<np>[^.;:,?!]*)", re.I)


def _narrated_unawareness(t: str, m: re.Match[str]) -> bool:
    """"The boys were unaware of the danger", "blissfully unaware as the crab slipped away": the story tells what
    someone did not know, which answers no claim; a speaker disclaiming knowledge ("said she was unaware of the
    warning") or unaware of a report or claim ("unaware of any such request") still does."""
    if m.group(0).lower() not in {"unaware", "not aware"} or _SAID_BEFORE_RE.search(t[: m.start()]):
        return False
    found = _OF_CLAIM_RE.match(t, m.end())
    if found is None:
        return True
    np_ = found.group("np")
    return not _claim_words(np_) and not re.search(r"\b(?:any|such)\b", np_, re.I)


def _in_denial(t: str, m: re.Match[str]) -> bool:
    """"fans who were in denial all these years": a state of mind, not a denial of anything said."""
    return m.group(0).lower() == "denial" and re.search(r"\bin\s+$", t[: m.start()], re.I) is not None


# "farm clicks by posting fake stories": a practice described, no claim judged ("spreading fake news about me" and
# "the fake story" still judge)
_MAKES_RE = re.compile(r"\b(?:post|publish|spread|creat|writ|wrote|shar|peddl|churn|generat|circulat|manufactur|produc|"
                       r"invent|run|plant)\w*\s+(?:out\s+)?$", re.I)


def _fakes_made(t: str, m: re.Match[str]) -> bool:
    if m.group(0).lower() not in _ATTRIBUTIVE:
        return False
    after = re.match(r"\s+(?!news\b)[a-z]\w*s\b(?!\s+(?:about|of|on|that)\b)", t[m.end():])
    return after is not None and _MAKES_RE.search(t[: m.start()]) is not None


# "companies often deny they're working on a product": what some kind of speaker tends to do, not one denial
# ("the Kremlin routinely denies it" is one speaker's, and still denies)
_GENERIC_HABIT_RE = re.compile(r"(?:^|[\s,;:\u2014-])(?!(?:has|was|is|does|his|its|this|thus|as|us)\s)"
                               r"[A-Za-z][a-z]+s\s+(?:often|usually|typically|generally|frequently|"
                               r"commonly|sometimes|always|tend to|will often)\s+$")


def _generic_habit(t: str, m: re.Match[str]) -> bool:
    return _GENERIC_HABIT_RE.search(t[: m.start()]) is not None


# "a skeptical researcher", "a climate sceptic friend": a label of who someone is, not a doubt ("remained sceptical",
# "is skeptical of the claims" still doubt)
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|one|another|leading)\s+(?:[\w'\u2018\u2019-]+\s+)?[\u2018'\"]?$", re.I)


def _attributive_sceptic(t: str, m: re.Match[str]) -> bool:
    """"Sceptical" after an article and before a noun describes someone; before "of", "that" and the like it
    doubts what follows."""
    word = m.group(0).lower()
    if not word.startswith(("skeptical", "sceptical")) or not _ARTICLE_BEFORE_RE.search(t[: m.start()]):
        return False
    after = t[m.end():]
    return re.match(r"[\u2019'\"]?\s+[a-z]+\b", after) is not None and not re.match(
        r"\s+(?:of|about|that|whether|toward|towards|over)\b", after, re.I)


def response_in(text: str, lexicon: Lexicon) -> str | None:
    """``response_of`` for a sentence in a language with a lexicon: what it did not say doubts, then doubt, then
    denial, then confirmation, each unless a negation turns the cue ("nicht dementiert", "n'a pas démenti")."""
    t = text.replace("\u2019", "'")
    if lexicon.absent.search(t):
        return "doubts"
    for kind, rx in (("doubts", lexicon.doubt), ("denies", lexicon.deny), ("confirms", lexicon.confirm)):
        for m in rx.finditer(t):
            if not lexicon.negated_cue.search(t[: m.start()]):
                return kind
    return None
