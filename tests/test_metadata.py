"""claimgraph.extract.metadata: an article's title and date from its text, else from the user,
else from the file. Every example is invented for these tests; no spaCy needed."""
import datetime
import os

import pytest

from claimgraph.extract.metadata import article_metadata, headline, is_dateline, text_date


def test_dateline_with_agency_and_no_year_takes_the_year_from_date():
    m = article_metadata("ACCRA, Oct 19 (Reuters) - Ghana said the border would reopen.", date="2024-11-02")
    assert m.date == "2024-10-19"
    assert any("dateline" in n and "--date" in n for n in m.notes)


def test_a_dateline_day_after_the_reference_is_last_years():
    m = article_metadata("ACCRA, Dec. 30 (Reuters) - Ghana said so.", date="2025-01-02")
    assert m.date == "2024-12-30"


def test_dateline_without_a_year_takes_the_files_year(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("LIMA, March 3 (AFP) - Peru said so.\n", encoding="utf-8")
    stamp = datetime.datetime(2023, 6, 1, 12).timestamp()
    os.utime(p, (stamp, stamp))
    m = article_metadata(p.read_text(encoding="utf-8"), p)
    assert m.date == "2023-03-03"
    assert any("modification time" in n for n in m.notes)
    assert m.title == "a" and any("file name" in n for n in m.notes)


def test_full_date_in_the_dateline_wins_over_the_given_date():
    m = article_metadata("GENEVA, 3 October 2023 \u2013 The agency said the talks ended.", date="2024-01-05")
    assert m.date == "2023-10-03" and any("--date not used" in n for n in m.notes)


def test_agency_dateline_without_a_date_leaves_the_given_date():
    m = article_metadata("NAIROBI (AP) \u2014 Kenya said the vote would go ahead.", date="2024-01-05")
    assert m.date == "2024-01-05" and m.notes[-1] == "date: given (--date)"


def test_headline_and_date_line():
    text = "Ghana and Togo agree to reopen border\n\nOct. 19, 2023\n\nACCRA \u2014 Ghana said the border would reopen."
    m = article_metadata(text, title="ignored", date="2020-01-01")
    assert m.title == "Ghana and Togo agree to reopen border"
    assert m.date == "2023-10-19"
    assert any("first line" in n and "--title not used" in n for n in m.notes)


def test_published_line_is_a_date_line_not_a_headline():
    lines = ["Published: Thursday, October 19, 2023 10:32 am GMT", "Ghana said the border would reopen."]
    assert headline(lines) is None
    assert text_date(lines)[:2] == ((10, 19), 2023)


@pytest.mark.parametrize("first", [
    "Ghana said the border would reopen on Monday after talks.",   # a sentence, not a headline
    "By Ama Mensah",                                                 # a byline
    "ACCRA, Oct 19 (Reuters) - Ghana said",                          # a dateline
    "x" * 250,                                                       # too long
])
def test_lines_that_are_not_headlines(first):
    assert headline([first, "More text follows."]) is None


def test_a_single_line_article_has_no_headline():
    assert headline(["Ghana reopens border"]) is None


def test_dates_inside_the_body_are_not_the_articles():
    text = ("Ghana reopens border\n"
            "Ghana said on Oct. 19, 2023 that the border, closed since March 2020, would reopen. It gave no reason.\n")
    m = article_metadata(text, date="2025-05-05")
    assert m.title == "Ghana reopens border" and m.date == "2025-05-05"


def test_a_headline_mentioning_a_day_is_not_a_date_line():
    m = article_metadata("Talks resume Oct 19 in Accra\n\nThe talks resumed.", date="2025-05-05")
    assert m.title == "Talks resume Oct 19 in Accra" and m.date == "2025-05-05"


def test_short_capitalised_words_before_a_dash_are_no_dateline():
    assert not is_dateline("US - China talks resume")
    assert is_dateline("WASHINGTON (AP) \u2014 The")
    assert is_dateline("KYIV, Ukraine (AP) \u2014 The")


def test_invalid_day_gives_no_date():
    m = article_metadata("LIMA, Feb 30 (AFP) - Peru said so.", date="2024-03-01")
    assert m.date == "2024-03-01"


def test_nothing_given_and_no_file():
    m = article_metadata("Peru said so. It gave no reason.")
    assert m.title is None and m.date is None and m.notes == ("title: none", "date: none")

