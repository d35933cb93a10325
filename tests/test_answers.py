"""What a sentence does to another claim: denies, doubts, confirms, or nothing (``newsprism.answers``)."""

from __future__ import annotations

import pytest

from newsprism.answers import labels_only, outlet_verdict, response_of


@pytest.mark.parametrize(("text", "kind"), [
    ("A spokesman said the report was false.", "denies"),
    ("Tea growers disputed the allegations on Friday.", "denies"),
    ("The company said it stands by its reporting.", "denies"),
    ("The newspaper later retracted the story.", "denies"),
    ("The agency corrected its earlier report on Friday.", "denies"),
    ("The agency was unable to verify these claims.", "doubts"),
    ("The ministry confirmed the report on Tuesday.", "confirms"),
    ("The agency has not independently confirmed the report.", "doubts"),
    ("The officials did not specify whether the ministry had agreed.", "doubts"),
    ("He pleaded guilty to making false statements to investigators.", None),
    ("The indictment alleges that he lied and denied having the documents.", None),
    ("Mr. Varro vowed to beat what he called baseless charges.", "denies"),
    ("The two men had a public dispute last year.", None),
    ("The office rarely issues statements about its work or disputing reports in the press.", None),
    ("The group is made up of volunteers from three towns.", None),
    ("\"The position is not so much pro-Estran as it is anti-Varian,\" the historian said.", None),
    ("The broker told the Ledger that he was not working on the agency's behalf when they met.", "denies"),
    ("He changed his story, saying that he was not actually speaking to Ms. Orr.", "denies"),
    # a decision announced denies nothing said of the speaker
    ("The case reopened months after the director said he wasn't recommending any charges be filed.", None),
    ("The mayor said she was not seeking re-election.", None),
    ("The envoy said she had never met the arms dealer.", "denies"),
    ("The minister said he had no knowledge of the offer.", "denies"),
    ("He said he was not surprised by the result.", None),
    # things or people left out of remarks are not a proposition doubted; a verdict in an embedded question is not
    # given
    ("The mayor, however, did not mention them during his remarks before the meeting.", None),
    # turning down a veto, an agenda or an approach is an act, not a verdict on a claim, wherever the thing stands
    ("The council on Wednesday overwhelmingly rejected the mayor's veto of the housing bill.", None),
    ("Opposition members rejected the government's trade agenda in large numbers.", None),
    ("The plan was essentially the same approach that he rejected in December.", None),
    ("Neither step was an action specifically rejected by the council.", None),
    ("Officials rejected criticism that the mayor was setting a precedent.", "denies"),
    ("The senator rejected a subpoena for documents from the committee.", None),
    ("The chairman of the committee has dismissed that option.", None),
    ("He denied that option had been discussed.", "denies"),
    ("Voters would return to the party they rejected two years ago.", None),
    ("He warned that the council could vote to reject the declaration.", None),
    ("The mayor listed his supporters while dismissing Ada Quell, who has not backed him.", None),
    ("Some councillors also rejected Mr. Holt's suggestion that the vote was rigged.", "denies"),
    ("Courts in Esk have dismissed their claims against the port operators.", None),
    # a surname is no denial word; a condition and a denial someone was asked for are not made
    ("Her son Tomas Denice, 23, was killed in a crash on the coast road.", None),
    ("\"If they had nothing to do with the fire, they have nothing to fear,\" the minister said.", None),
    ("If the mayor declares a fabricated emergency, the council will sue.", None),
    ("The report said the office asked allies in the council to refute negative stories about the port.", None),
    ("Hundreds of workers at the tax office also did not show up on Friday.", None),
    # no comment, an attitude, an open question, certainty and another's ignorance are no verdict on a claim
    ("A spokeswoman said she could neither confirm nor deny whether any steps had been taken.", None),
    ("A spokesman for the prosecutor said he could not confirm, deny or comment on the case.", None),
    ("The campaign tried to paint the mayor as dismissive of the port workers.", None),
    ("Whether the debate will alter the course of the race remains to be seen.", None),
    ("She said the mayor, beyond the shadow of a doubt, sought to sell the quay.", None),
    ("He said the national groups were not aware of how much activity was going on.", None),
    ("He said the groups were not aware of \u201chow much activity was going on down here.\u201d", None),
    ("The mayor said he was not aware of the report.", "denies"),
    ("The agency could not confirm the report.", "doubts"),
    ("He has sought to prevent his inquiry from being dismissed as a partisan exercise.", None),
    ("The minister resigned in protest of the president's rejection of the alliances.", None),
    ("The ministry's rejection of the report came hours later.", "denies"),
    ("The law rewards candidates who reject large contributions.", None),
    ("The indictment does not mention whether the broker knew of the plans.", "doubts"),
    ("Mr. Pell did not list what testimony he considered false by the inspector.", None),
    ("She would not say which parts of the report she found inaccurate.", None),
    ("She said the offer didn't go far enough.", None),
    ("Officials said they are not only investigating the fire but also the alarms.", None),
    ("She said they did not know the cause of the fire.", None),
    ("He said he would not run again.", None),
    ("The statement was unusual because it appeared to be the first time he had publicly challenged the facts of a "
     "news report.", None),
    ("A spokesman said the site had \u201cre-confirmed\u201d its reporting and seen \u201cno indication\u201d that "
     "the story is inaccurate.", "denies"),
    # saying no to a thing (a proposal, a bill, money, a right) answers no report, while a claim word, a
    # that-clause or "as" keeps the verdict
    ("Mr. Halvor publicly rejected a compromise that his deputy floated last month.", None),
    ("During the meeting the governor rejected the opposition's proposals for reopening the offices.", None),
    ("The legislation was immediately dismissed by the council's leadership.", None),
    ("The mayor's rejection of those measures left the talks at their lowest point.", None),
    ("Workers are not being paid while their agencies are denied funding.", None),
    ("The law admits those who follow the rules while denying entry to those who break them.", None),
    ("He was denied bail on Friday.", None),
    ("The ministry denied the request.", None),
    ("The former president has also dismissed Varro's idea.", None),
    ("He dismissed the idea that the port was sold.", "denies"),
    ("After she refused to answer, the chairman tried to dismiss her and her lawyer.", None),
    ("Some members objected after he dismissed her.", None),
    ("Her lawyer is known for winning a dismissal of all charges against a former minister.", None),
    ("The panel asked why she gave \"false or misleading information\" to it.", None),
    ("The ministry rejected the report as baseless.", "denies"),
    ("Officials dismissed the allegations.", "denies"),
    ("The embassy denied that the port had asked for help.", "denies"),
    ("The claim was denied by the ministry.", "denies"),
    ("Mr. Varro dismissed the charges as politically motivated.", "denies"),
    ("The envoy rejected the suggestion that the port had asked for arms.", "denies"),
    ("He dismissed them as lies.", "denies"),
    ("Officials rejected her account.", "denies"),
    # "ridiculous" denies what someone said, not a state of affairs
    ("\u201cHow ridiculous, we\u2019re the only port on the coast that pays for this,\u201d the mayor said.", None),
    ("He said the rule giving visitors free passes is \u201cridiculous\u201d and has to end.", None),
    ("The minister called the report ridiculous.", "denies"),
    ("\u201cThat\u2019s absurd,\u201d the spokesman said of the claims.", "denies"),
    ("\u201cThis is complete nonsense,\u201d she said.", "denies"),
    # the claim called garbage or bogus in the words of politics; the same words of a thing or a policy judge no claim
    ("\u201cI want to be clear: these attacks are garbage,\u201d the senator said in a statement.", "denies"),
    ("The harbour company said the claims were bogus.", "denies"),
    ("The mayor called the report hogwash.", "denies"),
    ("The city said garbage collection would resume on Monday.", None),
    ("The union said the new port tax was bogus.", None),
    ("Police seized bogus banknotes worth 10,000 crowns.", None),
    # a report brushed off, scoffed at, laughed off or cooled; a hand brushed off or a question laughed off is none
    ("The minister brushed aside the allegations.", "denies"),
    ("The spokesman scoffed at the idea that the port would close.", "denies"),
    ("The mayor laughed off the claims.", "denies"),
    ("The ministry poured cold water on reports of a deal.", "denies"),
    ("She brushed off a reporter's hand.", None),
    ("He laughed off a question about his age.", None),
    # what was said to have happened, said not to have; novelty and memory are no denial
    ("\u201cThat never happened,\u201d he said.", "denies"),
    ("\u201cIt didn't happen,\u201d she told reporters.", "denies"),
    ("\u201cThat's just not the case,\u201d he said.", "denies"),
    ("\u201cThese are lies,\u201d the minister said.", "denies"),
    ("It never happened before that a mayor resigned.", None),
    ("That never happened in my lifetime, he said of the flood.", None),
    ("They are lying in the street.", None),
    # a claim without foundation or preposterous; a building without foundation work is none
    ("The ministry said the report was \u201cwithout foundation.\u201d", "denies"),
    ("The party said the claims were \u201cpreposterous.\u201d", "denies"),
    ("The building was put up without foundation work, inspectors said.", None),
    ("Today's rumours sound a bit outlandish, but not out of the question.", None),
    # a claim called overstated, or its accuracy questioned, doubts it; a danger called overblown does not
    ("The company said the story was misleading.", "doubts"),
    ("The ministry said the figures were exaggerated.", "doubts"),
    ("The spokesman said the report was \u201cpure speculation.\u201d", "doubts"),
    ("Experts questioned the accuracy of the figures.", "doubts"),
    ("The fears of a recession were overblown, the bank said.", None),
    ("The report was not misleading, the panel found.", None),
    ("Some have questioned the credibility of the Twitter account.", None),
    # doubt as the wires word it; an unknown cause or an unknown toll is a detail, not a claim doubted
    ("There was no immediate confirmation of the report.", "doubts"),
    ("The authenticity of the video could not be established.", "doubts"),
    ("The letter could not be authenticated.", "doubts"),
    ("It was not immediately clear whether the report was accurate.", "doubts"),
    ("The cause of the fire could not be established.", None),
    ("It was not immediately clear whether anyone was hurt.", None),
    # declining to confirm is no answer; confirming is
    ("Officials declined to confirm the report.", None),
    ("The harbour police refused to confirm the report.", None),
    ("The ministry confirmed the report.", "confirms"),
    # the fact-checkers' own verdicts, a picture shown to be made, a story from a satirical site
    ("The fact-checkers rated his claim Pants on Fire.", "denies"),
    ("The photo has been doctored.", "denies"),
    ("The image of the giant crab was photoshopped.", "denies"),
    ("The story originated on a satirical website.", "denies"),
    ("Elements of this photograph might have been doctored, a comedian said.", None),
    ("The photo was taken in 2015.", None),
    ("The crowd staged a protest after the video was released.", None),
    # what debunks a rumour: a source that calls itself satire, a host duped by a fake site, rumours put to rest,
    # a claim called ludicrous, a myth all along, a picture not real; not an artwork called "not real", a museum's
    # view of itself, a strike put an end to, a legend told
    ("Empire News considers itself satirical.", "denies"),
    ("The host was duped by a fake website.", "denies"),
    ("Her friends came forward to put an end to the rumours.", "denies"),
    ("The Marine Corps quickly dispelled that rumor.", "denies"),
    ("The firm said the rumours that 100,000 jobs will be cut are \u201ctotally ludicrous.\u201d", "denies"),
    ("It was a myth all along.", "denies"),
    ("The ministry said this video is \u201cnot real.\u201d", "denies"),
    ("It's a very touchy subject, but this is not real, the photographer said of the staged image.", None),
    ("The museum considers itself a national institution.", None),
    ("The police put an end to the protest.", None),
    ("He was irritated that the director wasn't using his fame to quash the rumors about the deal.", None),
    ("The ministry did nothing to dispel the rumours.", None),
    ("It was a legend of the town that the bridge was haunted.", None),
    # a telling contradicted or walked back; its truth questioned; not two sides at odds, a plan doubted, a dam's
    # safety questioned, a witness urged to avoid contradicting a testimony, a walk back to a car
    ("Witnesses contradicted the police account.", "denies"),
    ("The records contradict his claim that he was in Paris.", "denies"),
    ("His account has been contradicted by two witnesses.", "denies"),
    ("The agency walked back its earlier statement.", "denies"),
    ("Experts questioned whether the photo was genuine.", "doubts"),
    ("The report raised questions about the claim.", "doubts"),
    ("The claims have been called into question.", "doubts"),
    ("The two sides contradicted each other.", None),
    ("He questioned whether the plan would work.", None),
    ("The vote raised questions about the mayor's future.", None),
    ("The results call into question the safety of the dam.", None),
    ("He told the witness to lie \u201cto avoid contradicting Varro's testimony.\u201d", None),
    ("He walked back to his car.", None),
    # words denied as said or as meant; what was never said before, a photo taken out of an archive, are none
    ("\u201cI never said that,\u201d he told reporters.", "denies"),
    ("She said she \u201cnever said that.\u201d", "denies"),
    ("The senator said his words had been taken out of context.", "denies"),
    ("The ministry said the figures were \u201cplucked out of thin air.\u201d", "denies"),
    ("He said he never said that before in public about his brother.", None),
    ("The photographs were taken out of the archive.", None),
    # a claim left without its support doubts it; details or backing not given for something else doubt nothing
    ("Despite repeated requests, the ministry has not provided any analysis to back up the mayor's claims.", "doubts"),
    ("The port authority provided no details to substantiate the allegation.", "doubts"),
    ("He did not offer any proof for his assertion.", "doubts"),
    ("The ministry has not provided any details of the plan.", None),
    ("The agency provided no support for the families.", None),
    # what a report says challenged or contested, not a law, a ruling or a rival
    ("The source challenged one major aspect of the story line, insisting the ministry never offered him the post.",
     "denies"),
    ("The ministry challenged the accuracy of the report.", "denies"),
    ("The port authority contested the account.", "denies"),
    ("The state contested the ruling in the appeals court.", None),
    ("Two fishermen challenged the law in federal court.", None),
    ("She challenged the incumbent in the primary.", None),
    # a court's dismissal and a denial that might happen deny nothing; pointing back at what was said denies it
    ("The lawsuit may soon be dismissed, lawyers said.", None),
    ("The judge dismissed the case on Friday.", None),
    ("He said it was possible that the records could refute her account.", None),
    ("\u201cThat wasn\u2019t a fair comparison,\u201d the senator said.", "denies"),
    ("The ministry said this is not the case.", "denies"),
    # "false", "fake" and "questionable" said of a thing name the thing; said of a claim, or alone, they judge it
    ("A grand jury indicted the couple on charges of filing false campaign finance records.", None),
    ("His wife pleaded guilty to filing false joint income tax returns.", None),
    ("She pleaded guilty to a charge that she filed false income tax statements.", None),
    ("\u201cThey are followers of a false prophet,\u201d the mayor said.", None),
    ("Auditors found the funds went on questionable purchases.", None),
    ("The police said the suspect carried fake passports.", None),
    ("The embassy called it a false report.", "denies"),
    ("Giuliani praised the office for correcting the false story.", "denies"),
    ("The allegations were \u201ccompletely false and a political attack,\u201d he said.", "denies"),
    ("The ministry said the video was fake and had been staged.", "denies"),
    ("He said the claims were fake news.", "denies"),
    ("The officials said the claim was questionable at best.", "doubts"),
    # withheld from someone is no denial; denying something to reporters is
    ("These families now have the tax benefits previously denied to them under the old law.", None),
    ("The minister denied to reporters that any request had been made.", "denies"),
    # pushing back, no basis, "that was never the case", a partisan plot
    ("While many have speculated that the port was sold, Mr. Bauer said that was never the case.", "denies"),
    ("Batting down allegations that the council dangled a post, the report said no offer was made.", "denies"),
    ("The ministry pushed back on the reports on Friday.", "denies"),
    ("The counsel concluded that the allegations lack a basis in the law.", "denies"),
    ("The company said the lawsuit has no merit.", "denies"),
    ("Party leaders said the report was much ado about nothing.", "denies"),
    ("Some called the article a partisan plot.", "denies"),
    ("The league pushed back the start of the season.", None),
    ("She said the plan lacked support in the party.", None),
    # who calls the speakers liars denies what they said; a crime charged, or a body lying somewhere, is no denial
    ("Conservative activists said the lawmakers were lying.", "denies"),
    ("The mayor of Varia called them liars.", "denies"),
    ("Ormond accused Danko of lying to the committee in order to reduce his sentence.", "denies"),
    ("The indictment accuses Danko of lying to the committee.", None),
    ("Danko pleaded guilty to lying to the committee.", None),
    ("Two bodies were lying in the street near the harbour of Varia.", None),
    # who maintains his innocence or denies any part in it answers the claim against him; a plan denied is not
    ("Ormond has long maintained that he had no connection to the harbour fraud.", "denies"),
    ("Ormond has long maintained his innocence.", "denies"),
    ("The minister of Varia said he has no plans to resign.", None),
    # a plan voted down is no claim denied, wherever the subject's head stands; a claim word keeps the verdict
    ("An earlier plan for a bus rapid transit line was rejected by the council in 2022 after its cost doubled.",
     None),
    ("The claims about the bus line were rejected by the council.", "denies"),
    # a denial the story told before, mentioned again, denies nothing; one said, repeated or owned still does
    ("The drin fell 1.4 percent on Tuesday morning before recovering some of its losses after the denial.", None),
    ("She said that the denial about jets looked like an attempt to make the loan request seem smaller.", None),
    ("The ministry's denial came hours after the report was published.", "denies"),
    ("The ministry repeated the denial on Friday.", "denies"),
    ("The denial by the ministry came late on Friday.", "denies"),
    ("The ministry issued a denial on Friday.", "denies"),
    ("What is on the record is a denial about jets and a silence about money.", None),
    ("The ministry's response was a denial of the report.", "denies"),
    # what no one is to doubt, or has denied, is no doubt or denial; what no one can verify is doubted
    ("\u201cNobody in Drast or abroad should doubt that,\u201d the minister said.", None),
    ("Nobody has denied the report.", None),
    ("Nobody can verify the claims.", "doubts"),
    ("No one could confirm the report on Friday.", "doubts"),
    # a verdict on a claim at the end of its clause; not a verdict on a person, nor one a clause goes on from
    ("Ms. Varga said \"any suggestion that this is a funding issue is off base, or political.\"", "denies"),
    ("The senator said the claim that the plant was closing was wrong.", "denies"),
    ("A spokesman said the figures were \"completely wrong\".", "denies"),
    ("The mayor said the story was simply not accurate.", "denies"),
    ("The report said the minister was wrong to resign.", None),
    ("The report found that the minister was wrong.", None),
    ("The statement was wrong about the date of the meeting.", None),
    ("If the claims are wrong, he will apologise.", None),
    ("Councillors challenged a host of statements made by the mayor.", "denies"),
    # a no to a question denies what it asks
    ("Asked if any budget limit had kept the guard small, she said: \"No.\"", "denies"),
    ("\"No,\" she said when asked whether the port had been sold.", "denies"),
    ("Asked whether he would run again, he said no one could say.", None),
    # a thing not yet known doubts no claim; an open question does
    ("He threatened to close the port unless the council paid, even though the sum he wants remains unclear.", None),
    ("The long-term damage to the harbour remains to be seen.", None),
    ("It remains unclear whether the port was sold.", "doubts"),
    ("Whether the port was sold remains unclear.", "doubts"),
    ("The accuracy of the report remains unclear.", "doubts"),
    # misgivings about a person are no doubt of what is said
    ("Several officials expressed serious doubts about Mr. Varga.", None),
    ("The ads give voice to the nagging doubts many voters feel about President Orr.", None),
    ("Officials expressed doubts about Varga's account of the meeting.", "doubts"),
    ("She said she has doubts about whether the port was sold.", "doubts"),
    # which of two is open, not whether
    ("It was unclear whether the subpoenas would seek documents or testimony, or both.", None),
    ("It was unclear whether the subpoenas would be issued.", "doubts"),
    # what one did not know is taken as true ("aware that" is factive); "aware of" denies
    ("The lawyer said he was not aware that the aides had handed over the documents.", None),
    ("The spokesman said he was unaware of any such request.", "denies"),
    # what someone shows, or what has not happened yet, doubts nothing
    ("After the meeting, the senator gave no indication that he was ready to leave the race.", None),
    ("There is no indication yet that the bill will reach the floor.", None),
    ("There was no sign the story was fading.", None),
    ("There is no indication that the ministry asked for jets.", "doubts"),
    # the epithet names the press
    ("The Fake News is making such a big deal about this nothing event!", None),
    # the press called by an epithet, and misinformation as a topic, answer nothing
    ("With me, hit hard instead by the Fake News Media. Crazy!", None),
    # the press called fake, before or after the word; fake news as what is weeded out
    ("He urged platforms to let everybody speak, saying that while networks like Kestrel TV might be \u201cfake "
     "news,\u201d he does not ask that they be removed.", None),
    ("\u201cIf you are weeding out Fake News, there is nothing so Fake as Kestrel TV,\u201d he tweeted.", None),
    ("He took a swipe at KTV and the Courier, saying that while they are \u201cfake,\u201d he does not want them shut.",
     None),
    ("The ministry said the KTV reports were fake; they are fake news.", "denies"),
    ("He said the story was as fake as a three-dollar bill.", "denies"),
    # "it" is the offer the sentence names: a thing turned down, not a claim denied
    ("Ruiz rejected it even before the mayor spoke, and Vell denounced the offer as more hostage taking.", None),
    ("The ministry rejected it as false and dismissed the plan.", "denies"),
    ("Ruiz rejected it.", "denies"),
    # two things said to be unrelated is an argument, not a denial ("nothing to do with the mayor" still is)
    ("\"The pier and the strike really have nothing to do with each other,\" Ruiz said.", None),
    ("\"The charges have nothing to do with the mayor,\" she said.", "denies"),
    ("The media reports about the pier were fake, the ministry said.", "denies"),
    ("Platforms, under pressure over their role in the rise of misinformation, promised to act.", None),
    ("The ministry vowed to fight disinformation about the harbour.", None),
    ("The ministry has called this disinformation.", "denies"),
    ("He is spreading disinformation about the vote.", "denies"),
    # turning down a visit, a rejection named after what it turns down, and an act without precedent
    ("\u201cWe don\u2019t want him. We reject his visit.\u201d", None),
    ("Some lawmakers have been scrambling to try to obviate the veto rejection.", None),
    ("\u201cI\u2019m not aware [that] any judge before has ever commented on a candidate,\u201d said Ruiz.", None),
    ("\u201cI\u2019m not aware of any such request,\u201d the spokesman said.", "denies"),
    # withdrawing one's own endorsement, turning a person away, and a degree
    ("But after the vote, Ruiz disavowed his endorsement of Vell, deleting his posts.", None),
    ("But when she declined, he dismissed her again.", None),
    ("The mayor is setting expectations high -- but apparently not too high -- for the vote.", None),
    ("Weapons were apparently not part of the request.", "doubts"),
    # plural falsehoods, "complete and utter lies", pushing back with a word between, a possessive or a determiner
    ("The mayor's remarks were riddled with falsehoods on everything from trade to tolls.", "denies"),
    ("\u201cIt is garbage, complete and utter lies,\u201d Ruiz said about the article.", "denies"),
    ("Democrats pushed back hard on that notion, casting him as a moderate.", "denies"),
    ("The board initially pushed back against the newspaper's story.", "denies"),
    ("The board pushed back Friday on a report claiming it had sold the pier.", "denies"),
    ("Some on the right also pushed back, describing the proposal as amnesty.", None),
    # misgivings about what is to come
    ("Liberal groups, deeply skeptical whether the council will keep its word, objected.", None),
    ("Ruiz said he doubted that the fight over the pier would inflict much damage on the council in the November "
     "vote.", None),
    ("Analysts doubted that Varia would have asked for jets.", "doubts"),
    # what someone meant by it is no doubt of what was said
    ("It was unclear whether the mayor\u2019s acknowledgment that Mr. Vell was a finalist was intended to stoke "
     "speculation.", None),
    ("It was unclear whether Mr. Vell was a finalist.", "doubts"),
    ("Ruiz said he is \u201cskeptical\u201d that the board would agree to grant Vell immunity in the future.", None),
    ("He voiced skepticism that the mayor was worth as much as the magazine estimated.", "doubts"),
    ("\"This is fake news,\" he said.", "denies"),
    # what ought to be done is argued, not a fact denied
    ("The chairman rejected the notion that the party should widen its tent.", None),
    ("The mayor denied that a new inquiry would be needed before the vote.", None),
    ("The ministry denied reports that it had asked for jets and said talks should continue.", "denies"),
    # misgivings about a thing, how likely something is, a case thrown out: no response to a claim
    ("The prime minister has long been skeptical of the negotiations.", None),
    ("Analysts are skeptical of the ministry's claims.", "doubts"),
    ("The judge voiced doubts about the merits of the lawsuit.", "doubts"),
    ("A second term for the chairman was looking increasingly doubtful.", None),
    ("The claim is doubtful, experts said.", "doubts"),
    ("The lawsuit may soon be dismissed, lawyers said.", None),
    ("The allegations were dismissed as baseless by the ministry.", "denies"),
    # a place or time withheld, what something is, the people who doubted, the noun "disputes"
    ("The campaign did not say where the ad would run.", None),
    ("The officials did not specify what type of weapons were requested.", "doubts"),
    ("It was the only document that was not part of an e-mail chain.", None),
    ("Weapons and ammunition were apparently not part of the request.", "doubts"),
    ("But the mayor overcame skeptics when he ran for office.", None),
    ("The boycott fueled disputes with the mayor's team.", None),
    ("The ministry disputes the report.", "denies"),
    ("In the hospital itself, there's no records of his birth.", "doubts"),
    # an insult to an idea, a criterion of one's own, a doubt nobody had, what is yet to happen
    ("\"It's about some phony ideal, some phony theology,\" he said.", None),
    ("\"This is a phony story,\" he said.", "denies"),
    ("The mayor said that he was not basing his choice of deputy on donations.", None),
    ("He said it was a motto that he didn't think anyone doubted.", None),
    ("It remains to be seen how much the endorsement will help him.", None),
    ("It's unclear whether the mayor might drop that demand.", None),
    ("It is unclear whether the mayor dropped that demand.", "doubts"),
    ("The judges were concerned about firms whose pay gaps mirror the market where there is no proof of a policy.",
     None),
    ("There is no proof of a policy, the judges said.", "doubts"),
    # what a story tells someone did not know, a state of mind, a practice, a habit of a kind of speaker, a label of
    # who someone is, what is to come: no claim answered; each beside the form that still answers one
    ("The fishermen were unaware of the danger.", None),
    ("The fishermen were blissfully unaware as the boat drifted away.", None),
    ("The mayor said she was unaware of the warning.", "denies"),
    ("\"I'm not aware of anyone in my office having seen the memo.\"", "denies"),
    ("The ministry was unaware of any such request.", "denies"),
    ("Supporters who were in denial for years have had to accept the verdict.", None),
    ("The ministry issued a denial on Friday.", "denies"),
    ("The sites exist to farm clicks by posting fake stories.", None),
    ("They published a fake story claiming the singer had died.", "denies"),
    ("Hundreds of scientists have condemned the retraction of the study.", None),
    ("The newspaper ran a retraction of the story.", "denies"),
    ("Companies often deny they are working on a new product.", None),
    ("The Kremlin has often denied the reports.", "denies"),
    ("A skeptical researcher found that the readings had been altered.", None),
    ("As a climate sceptic friend of mine pointed out, the rise was small.", None),
    ("The scientist remained skeptical of the claims.", "doubts"),
    ("Experts are skeptical that the photo is real.", "doubts"),
    ("It's unclear whether the actor will keep his role in the sequel.", None),
    ("It is unclear whether the actor kept his role.", "doubts"),
    # an option, not an act; a fake thing named by an acronym
    ("We can deny the system's failings, or we can learn from them.", None),
    ("She was arrested in 2013 for using a fake ID at a bar.", None),
    ("He called it a fake CNN report.", "denies"),
])
def test_response_judgement(text: str, kind: str | None) -> None:
    assert response_of(text) == kind


@pytest.mark.parametrize(("text", "only"), [
    ("\u201cRecently, Varia has been spreading disinformation against us,\u201d the spokesman said.", True),
    ("\u201cThis is a politically motivated investigation,\u201d Varro said.", True),
    ("The ministry called the report disinformation and denied it.", False),
    ("Mr. Varro vowed to beat what he called politically motivated charges.", False),
    ("Growers disputed claims of pesticide use.", False),
])
def test_labels_only(text: str, only: bool) -> None:
    """A sentence whose only verdict is a label is the speaker's own claim when it answers nothing."""
    assert labels_only(text) is only


def test_a_person_dismissed_is_no_denial() -> None:
    text = ("He drew less scrutiny than the other aides, like the character in a whodunit whom readers "
            "immediately dismiss as too obvious to have committed the crime.")
    assert response_of(text) is None
    assert response_of("The ministry dismissed the report as fabricated.") == "denies"


def test_a_verdict_word_inside_a_question_is_asked_not_given() -> None:
    text = ("The office did not respond to queries about whether the mayor understood that what he was saying "
            "was false.")
    assert response_of(text) is None
    assert response_of("Asked whether he had met the dealer, Varro denied it.") == "denies"


@pytest.mark.parametrize(("text", "outlet"), [
    ("In a post on Wednesday, the mayor claimed, falsely, that the county was already paying for the dam.", True),
    ("He has falsely claimed the convoy is full of smugglers.", True),
    ("The minister said, without evidence, that thousands had voted twice.", True),
    ("\"We are the only port on the coast,\" the mayor told the Ledger, making a false claim.", True),
    ("The embassy denied the report.", False),
    ("Varro said he was falsely accused.", False),
    ("She said the report was false.", False),
])
def test_outlet_verdict(text: str, outlet: bool) -> None:
    """The outlet's own fact-check of what it relays is the outlet's denial, not the quoted speaker's."""
    assert outlet_verdict(text) is outlet
    assert response_of(text) in {"denies", "doubts"}
