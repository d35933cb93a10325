from newsprism.summarize.sentences import split_sentences


def test_abbreviations_initials_and_quotes_do_not_split() -> None:
    text = ('Mr. Varo met Sen. Ada K. Lind in the U.S. capital on Jan. 4. "It went well. We agreed," she said. '
            "Talks resume soon!\nA Heading\nThe end.")
    got = [s.text for s in split_sentences(text)]
    assert got == ["Mr. Varo met Sen. Ada K. Lind in the U.S. capital on Jan. 4.",
                   '"It went well. We agreed," she said.', "Talks resume soon!", "A Heading", "The end."]


def test_offsets_point_into_the_text() -> None:
    text = "First one here.  Second one there.\n\nThird."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]
