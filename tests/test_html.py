"""HTML leftovers (`&amp;`, `&nbsp;`, `&#8217;`, `<p>`, `<br/>`, `</div>`) in input text.

``Article.from_text`` / ``from_path`` clean them (``html="auto"`` by default): references are
unescaped, tags removed, paragraph and line tags become breaks. Offsets index the cleaned text,
``timeline.read(x).text``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from frames import frame_rows

import timeline
from timeline.article import strip_html

CLEANED = [
    # references
    ("Fish &amp; chips", "Fish & chips"),
    ("Kazakhstan&#8217;s crisis", "Kazakhstan’s crisis"),
    ("Kazakhstan&#x2019;s crisis", "Kazakhstan’s crisis"),
    ("On Jan.&nbsp;10", "On Jan. 10"),
    ("&lt;p&gt; is a tag", "<p> is a tag"),
    ("&amp;amp; once", "&amp; once"),  # unescaped once, as a browser shows it
    ("&AMP; &copy; &eacute;t&eacute;", "& © été"),
    # tags: paragraphs, lines, cells, inline
    ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    ("<div>\n  <p>One.</p>\n  <p>Two.</p>\n</div>\n", "One.\n\nTwo."),
    ("One.<br>Two.<br/>Three.<br />Four.", "One.\nTwo.\nThree.\nFour."),
    ("<ul><li>One</li><li>Two</li></ul>", "One\nTwo"),
    ("<td>January 10</td><td>2022</td>", "January 10 2022"),
    ("He said <b>yes</b> and <a href='/x'>left</a>.", "He said yes and left."),
    ("<P CLASS=lead>One.</P>", "One."),
    ("A<p>B", "A\n\nB"),
    ("A <br> <br> <p> B", "A\n\nB"),
    # comments, script and style contents, doctype
    ("A<!-- In 2016 -->B", "AB"),
    ("<script>var d = '2016-01-01';</script>In 2020.", "In 2020."),
    ("<style>p { color: red }</style>In 2020.", "In 2020."),
    ("<!DOCTYPE html><html><body><p>In 2020.</p></body></html>", "In 2020."),
    # unclosed: kept as text, and nothing after them is swallowed
    ("A <!-- B <b>C</b>", "A <!-- B C"),
    ("<script>In 2020.", "In 2020."),
    # not HTML: unchanged
    ("AT&T and Q&A; 3 < 4 > 2; a&b", "AT&T and Q&A; 3 < 4 > 2; a&b"),
    ("&parameter &bogus; &#;", "&parameter &bogus; &#;"),
    ("Shares of IBM <IBM.N> rose.", "Shares of IBM <IBM.N> rose."),
    ("<" * 50 + "&" * 50, "<" * 50 + "&" * 50),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "cleaned"), CLEANED)
def test_strip_html(raw: str, cleaned: str) -> None:
    assert strip_html(raw) == cleaned
    assert timeline.read(raw).text == cleaned
    assert strip_html(raw, html=False) == raw


def test_auto_keeps_unknown_tags_true_removes_them() -> None:
    raw = "<p>Shares of IBM <IBM> rose.</p>"
    assert strip_html(raw) == "Shares of IBM <IBM> rose."
    assert strip_html(raw, html=True) == "Shares of IBM  rose."
    assert strip_html("No markup <IBM> here") == "No markup <IBM> here"
    assert strip_html("No markup <IBM> here", html=True) == "No markup  here"


def test_html_false_keeps_the_text() -> None:
    raw = "Write &amp; for & and <p> for a paragraph, since 2016."
    article = timeline.Article.from_text(raw, html=False)
    assert article.text == raw
    df = timeline.extract(article, published="2022-01-10")
    assert df["text"].tolist() == ["2016"]
    assert raw[df["char_start"][0] : df["char_end"][0]] == "2016"


@pytest.mark.parametrize("bad", ["yes", "", 1, 0, None])
def test_bad_html_option(bad: object) -> None:
    # wrong types on purpose (mypy would refuse them): the run-time check is the test
    with pytest.raises(ValueError, match=r"^html must be 'auto', True or False"):
        strip_html("x", html=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^html must be"):
        timeline.Article.from_text("x", html=bad)  # type: ignore[arg-type]


PAGE = (
    "<div class='story'><p>The talks ended on January&nbsp;10,&nbsp;2022 in Geneva.</p>\n"
    "<p>Kazakhstan&#8217;s protests began on <b>Thursday</b></p><p>They were the worst since "
    "2011&#8211;13</p><br/>&copy; 2022</div>"
)


def test_dates_in_html_are_found_in_the_cleaned_text() -> None:
    article = timeline.read(PAGE, published="2022-01-10")
    assert article.text == (
        "The talks ended on January 10, 2022 in Geneva.\n\n"
        "Kazakhstan’s protests began on Thursday\n\n"
        "They were the worst since 2011–13\n\n© 2022"
    )
    df = timeline.extract(PAGE, published="2022-01-10")
    rows = dict(zip(df["text"], df["value"], strict=True))
    assert rows["January 10, 2022"] == "2022-01-10"
    assert rows["2011–13"] == "2011/2013"
    assert rows["Thursday"] == "2022-01-06"
    for r in frame_rows(df):
        assert article.text[r.char_start : r.char_end] == r.text
        assert r.sentence in article.text
    # paragraph tags end sentences: a date's sentence never runs into the next paragraph
    sentence = df.loc[df["text"] == "Thursday", "sentence"].tolist()
    assert sentence == ["Kazakhstan’s protests began on Thursday"]


def test_offsets_shift_like_the_cleaned_text() -> None:
    plain = timeline.extract("The talks ended on January 10, 2022.")
    page = timeline.extract("<p><b>The</b> talks ended on January&nbsp;10, 2022.</p>")
    cols = ["text", "char_start", "char_end", "value", "start", "end", "event"]
    pd.testing.assert_frame_equal(plain[cols], page[cols])


def test_header_values_are_cleaned(tmp_path: Path) -> None:
    raw = (
        "Published Time: 2022-01-10\nTitle: Kazakhstan&#8217;s crisis &amp; Russia\n"
        "Author: A&amp;B\nText:\n<p>On Thursday, he hinted at Russia.</p>"
    )
    article = timeline.read(raw)
    assert article.title == "Kazakhstan’s crisis & Russia"
    assert article.author == "A&B"
    assert article.text == "On Thursday, he hinted at Russia."
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")
    assert timeline.read(path) == timeline.Article.from_text(raw, doc_id="page")
    assert timeline.Article.from_path(path, html=False).title == (
        "Kazakhstan&#8217;s crisis &amp; Russia"
    )
    with pytest.raises(ValueError, match=r"^html must be"):
        timeline.Article.from_path(path, html="maybe")  # type: ignore[arg-type]  # on purpose
    df = timeline.extract(path)
    assert df["value"].tolist() == ["2022-01-06"]
    assert df["title"].tolist() == ["Kazakhstan’s crisis & Russia"]


def test_html_and_mojibake_together() -> None:
    raw = "<p>Kazakhstanâ€™s 2011â€“13 protests &amp; more</p>"
    assert timeline.read(raw).text == "Kazakhstan’s 2011–13 protests & more"


@pytest.mark.parametrize("unit", ["<", "&", "<a ", "<!--", "&#", "<p", "&amp", "</", "<!"])
def test_hostile_markup_is_kept_whole(unit: str) -> None:
    raw = unit * 2_000
    assert strip_html(raw) == raw  # none of these is a complete tag, comment or reference
    assert strip_html(raw + "<b>x</b>") == raw + "x"
    assert strip_html(raw, html=True) == raw


def test_many_tags_and_references() -> None:
    assert strip_html("<p>" * 2_000 + "x" + "</p>" * 2_000) == "x"
    assert strip_html("&amp;" * 2_000) == "&" * 2_000
    assert strip_html("<script>" * 2_000) == ""


def test_header_fields_on_one_line() -> None:
    article = timeline.read(
        "Published Time: 2022-01-10\nTitle: Crisis; Russia\n"
        "Category 1: OPINION; Category 2: VIEWPOINT\nText:\nIn 2016."
    )
    assert article.title == "Crisis; Russia"
    assert article.meta["category 1"] == "OPINION"
    assert article.meta["category 2"] == "VIEWPOINT"


def test_raw_no_break_space_inside_a_date() -> None:
    df = timeline.extract("On January\xa010,\xa02022 he left.", published="2022-02-01")
    assert df["value"].tolist() == ["2022-01-10"]
