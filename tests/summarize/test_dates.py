import datetime as dt

from newsprism.summarize.dates import date_label, find_dates, infer_publication


def one(text: str, anchor: dt.date | None) -> str:
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0].date


def test_weekdays_across_a_month_boundary() -> None:
    wed = dt.date(2023, 3, 1)  # a Wednesday
    assert one("The council voted on Monday.", wed) == "2023-02-27"
    assert one("The council will vote on Friday.", wed) == "2023-03-03"
    assert one("The mayor spoke yesterday.", wed) == "2023-02-28"


def test_relative_dates_across_a_year_boundary() -> None:
    tue = dt.date(2024, 1, 2)  # a Tuesday
    assert one("Flooding began last Thursday.", tue) == "2023-12-28"
    assert one("Officials met last week.", tue) == "2023-W52"
    assert one("The plant closed in late December.", tue) == "2023-12"
    assert one("Prices rose last month.", tue) == "2023-12"
    assert one("The bridge reopened on December 30.", tue) == "2023-12-30"
    assert one("The ferry will return in early February.", tue) == "2024-02"


def test_tense_decides_which_monday() -> None:
    thu = dt.date(2023, 5, 11)  # a Thursday
    assert one("Ministers met in Brenmark on Monday.", thu) == "2023-05-08"
    assert one("Ministers are set to meet in Brenmark on Monday.", thu) == "2023-05-15"
    assert one("The envoy arrived last Monday.", thu) == "2023-05-08"
    assert one("The envoy arrives next Monday.", thu) == "2023-05-15"
    mon = dt.date(2023, 5, 15)  # same weekday as the mention
    assert one("The summit opened on Monday.", mon) == "2023-05-15"
    assert one("The envoy left last Monday.", mon) == "2023-05-08"
    assert one("Delegates are due to meet on Monday.", mon) == "2023-05-15"


def test_days_into_a_war_dates_its_start() -> None:
    found = find_dates("Fifty days into the siege, supplies ran short.", dt.date(2023, 5, 20))
    assert found == []  # a number word is not read as a count here
    m = find_dates("Now 50 days into the siege, supplies ran short.", dt.date(2023, 5, 20))[0]
    assert m.date == "2023-03-31" and "begins" in m.derived_event


def test_no_anchor_never_invents_a_year() -> None:
    assert one("The council voted on Monday.", None) == ""
    assert one("The storm hit on March 3.", None) == "--03-03"
    assert one("The storm hit in late March.", None) == "--03"
    assert one("The storm hit on March 3, 2021.", None) == "2021-03-03"
    assert find_dates("It may rain.", dt.date(2023, 1, 1)) == []


def test_publication_inferred_from_absolute_dates_and_weekdays() -> None:
    assert infer_publication("The vote on June 2, 2021 passed. It was counted on June 4, 2021.") == dt.date(2021, 6, 4)
    # a weekday with a month and day picks the one named year it fits (6 March 2022 was a Sunday)
    assert infer_publication("On Sunday, March 6, the fair opened, as in 2022 plans.") == dt.date(2022, 3, 6)
    assert infer_publication("On Monday, March 6, the fair opened; the 2022 plan stands.") is None
    assert infer_publication("The fair opened on Sunday.") is None


def test_reduced_dates_are_spelled_out_for_readers() -> None:
    assert date_label("2025-03-10") == "2025-03-10"
    assert date_label("2025-W13") == "week of 2025-03-24"
    assert date_label("2025-03") == "March 2025"
    assert date_label("--03-10") == "10 March, year not given"
    assert date_label("--11") == "November, year not given"
    assert date_label("") == "undated"
