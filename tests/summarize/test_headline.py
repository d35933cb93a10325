from newsprism.summarize.headline import clean_title, compress_lead


def test_outlet_labels_and_clickbait_are_stripped() -> None:
    assert clean_title("Title: Harbor Gazette: Dockworkers Strike Over Pay") == "Dockworkers Strike Over Pay"
    assert clean_title("Dockworkers strike over pay | The Harbor Gazette") == "Dockworkers strike over pay"
    assert clean_title("Dockworkers strike over pay – Harbor Gazette") == "Dockworkers strike over pay"
    assert clean_title("BREAKING: Dockworkers strike over pay!") == "Dockworkers strike over pay"
    assert clean_title("“Dockworkers strike over pay”") == "Dockworkers strike over pay"


def test_a_colon_inside_a_long_headline_is_kept() -> None:
    title = "Port authority says the strike, now in its third week, has cost millions: report to council"
    assert clean_title(title) == title


def test_lead_is_compressed() -> None:
    lead = "Dockworkers in Velmora walked out on Tuesday over unpaid overtime, according to the union (VDU)."
    assert compress_lead(lead) == "Dockworkers in Velmora walked out on Tuesday over unpaid overtime"
