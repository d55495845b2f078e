"""Tests of event attachment (timeline.events) and of its measure (timeline.evaluate --events).

The table ``data/events_en.tsv`` gives sentences, a date in each and the event it dates. The
dates are placed by hand (their first occurrence), not by the detector, so that the table tests
the events stage alone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import DATA

import timeline.events
from timeline.context import Sentences
from timeline.evaluate import (
    EventPair,
    EventReport,
    evaluate_events,
    event_timex_pairs,
    main,
    nearest_verb_events,
    score_events,
)
from timeline.events import (
    ADV,
    ING,
    LONGEST,
    NOUN,
    VERB,
    Chunk,
    Tag,
    TokenSpan,
    attach,
    is_verb,
    lexicon,
)
from timeline.events.lexicon import Shape
from timeline.records import DatedEvent, Timex
from timeline.timeml import TimeMLDocument


def read_table(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, date, *rest = line.split("\t")
        rows.append((sentence, date, rest[0] if rest else ""))
    return rows


TABLE = read_table(DATA / "events_en.tsv")


def placed(sentence: str, dates: list[str]) -> list[Timex]:
    """Timexes at the first occurrence of each date, each after the one before."""
    timexes, offset = [], 0
    for date in dates:
        start = sentence.index(date, offset)
        timexes.append(Timex(start, start + len(date), date, "DATE", "XXXX"))
        offset = start + len(date)
    return timexes


def events_of(sentence: str) -> dict[str, DatedEvent]:
    dates = list(dict.fromkeys(d for s, d, _ in TABLE if s == sentence))
    return {e.timex.text: e for e in attach(placed(sentence, dates), sentence)}


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 30
    assert sum(1 for _, _, event in TABLE if not event) >= 2  # negatives


@pytest.mark.parametrize(("sentence", "date", "expected"), TABLE)
def test_event_table(sentence: str, date: str, expected: str) -> None:
    event = events_of(sentence)[date]
    assert event.event == expected
    if expected:
        assert event.event_start is not None and event.event_end is not None
        assert sentence[event.event_start : event.event_end] == expected
        assert len(expected.split()) <= LONGEST
    else:
        assert event.event_start is None and event.event_end is None
    assert event.sentence == sentence


def test_events_are_exact_text_of_their_sentence() -> None:
    text = (
        "On Thursday, he hinted at Russia. The unrest began on January 2, officials said.\n"
        "Kazakhstan’s 2022 elections were held; the talks scheduled for May 3 went well."
    )
    timexes = placed(text, ["Thursday", "January 2", "2022", "May 3"])
    events = attach(timexes, text, Sentences(text))
    assert [e.event for e in events] == [
        "he hinted at Russia",
        "The unrest began",
        "elections were held",
        "the talks",
    ]
    for e in events:
        assert e.event_start is not None and e.event_end is not None
        assert text[e.event_start : e.event_end] == e.event
        assert e.event in e.sentence


def test_empty_and_odd_input() -> None:
    assert attach([], "") == []
    text = "   ,,, -- 2020 --"
    [event] = attach(placed(text, ["2020"]), text)
    assert event.event == ""
    text = "x " * 2000 + "in 2020"  # a long "sentence": bounded work, an event all the same
    [event] = attach(placed(text, ["2020"]), text)
    assert 0 < len(event.event.split()) <= LONGEST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2016 x,", "x"),
        (
            "In 2016 the protests began in the city,\nand the police responded.",
            "the protests began in the city",
        ),
        ("The vote was held in 2019 by the whole assembly,", "The vote was held"),
    ],
)
def test_a_dated_clause_ending_in_a_comma(text: str, expected: str) -> None:
    # a regression (issue 17, row 1): the look-past-a-comma ran off the end of the sentence
    [event] = attach(placed(text, [text.split()[1] if text.startswith("In") else "2019"]), text)
    assert event.event == expected


def test_a_long_date_on_a_verb_of_saying() -> None:
    # the saying, a long date, and a few words of what was said all the same, within LONGEST
    text = (
        "Officials said on the night of Monday, Tuesday and Wednesday that the very large "
        "and very old national oil company of the small northern country had sold its refinery."
    )
    [event] = attach(placed(text, ["Monday, Tuesday and Wednesday"]), text)
    assert event.event == "said on the night of Monday, Tuesday and Wednesday that the very large"
    assert len(event.event.split()) <= LONGEST
    assert event.event_start is not None and event.event_end is not None
    assert text[event.event_start : event.event_end] == event.event


def test_no_phrase_is_longer_than_longest() -> None:
    # quotes standing alone are not counted as words by the rules, but are by the measure
    text = 'He was charged Thursday with " a " " b " " c " " d " " e " " f " " g " murder.'
    [event] = attach(placed(text, ["Thursday"]), text)
    assert event.event.startswith("He was charged Thursday with")
    assert LONGEST - 2 <= len(event.event.split()) <= LONGEST
    assert event.event_start is not None and event.event_end is not None
    assert text[event.event_start : event.event_end] == event.event


def test_lexicon() -> None:
    lex = lexicon()
    for name, words in lex.lists.items():
        assert words, name
        assert all(w == w.lower() for w in words), name
    assert "said" in lex["reporting_verbs"] and "protests" in lex["event_nouns"]
    assert is_verb("fell") and is_verb("reported") and not is_verb("the")
    assert not is_verb("hundred") and not is_verb("Reported")


def test_every_word_list_is_used() -> None:
    # the rules name the lists of rules/events.toml they test; a list no code names is a leftover
    package = Path(timeline.events.__file__).parent
    code = "\n".join(p.read_text(encoding="utf-8") for p in package.glob("*.py"))
    unused = [name for name in lexicon().lists if f'"{name}"' not in code]
    assert unused == []


def test_tags_and_shapes() -> None:
    # a part of speech is one letter and a word's shape longer: the tagger tells them apart so
    assert all(len(tag.value) == 1 for tag in Tag if tag is not Tag.NONE)
    assert all(len(shape.value) > 1 for shape in Shape)
    assert VERB == "V" and VERB is Tag.VERB and not Tag.NONE
    assert len({tag.value for tag in Tag}) == len(Tag)


def test_a_phrase_is_a_span_of_tokens() -> None:
    text = 'Some aftershocks occurred, like "color revolutions" in the U.S. and Iraq.'
    chunk = Chunk(text, 0, len(text), [])
    words = chunk.lows
    # function words trimmed at the edges, the quotes around a quoted phrase kept
    span = chunk.phrase(words.index("like"), words.index("in"))
    assert span == TokenSpan(words.index("like") + 1, words.index("in"))
    start, end = chunk.chars(span)
    assert text[start:end] == '"color revolutions"'
    # an abbreviation's full stop, a token of its own, comes along
    abbreviated = chunk.phrase(words.index("the"), words.index("and"))
    assert abbreviated is not None
    start, end = chunk.chars(abbreviated)
    assert text[start:end] == "the U.S."
    assert chunk.phrase(words.index("in"), words.index("in") + 1) is None


@pytest.mark.parametrize(
    ("sentence", "word", "tag"),
    [
        # past an adverb in a verb group
        ("They want to finally return home.", "return", VERB),
        ("The army would promptly withdraw its troops.", "promptly", ADV),
        ("The army would promptly withdraw its troops.", "withdraw", VERB),
        ("We also worry about prices.", "worry", VERB),
        # a verb whose base looks like a noun or -ing word, in a verb's place
        ("He vowed to bring the killers to justice.", "bring", VERB),
        ("They need more time.", "need", VERB),
        ("The index shed 3% on Friday.", "shed", VERB),
        ("The boy died on Monday.", "died", VERB),
        # after "to", a verb in -ss, not a noun in -ness
        ("The ministers met to discuss the budget.", "discuss", VERB),
        ("They returned to business as usual.", "business", NOUN),
        # after a plural subject, not inside a compound
        ("Analysts say the deal is off.", "say", VERB),
        ("Officials say Iraq will comply.", "say", VERB),
        ("A sales increase of 5% was reported.", "increase", NOUN),
        # in -s after a singular subject and before its object, not in a measure
        ("The law requires each bank to hold capital.", "requires", VERB),
        ("He was paid 10 cents a share.", "cents", NOUN),
        ("It looks like rain.", "looks", VERB),
        # in -s in a clause that has no other verb
        ("If diplomacy fails, war will follow.", "fails", VERB),
        ("He died when a bomb explodes at a clinic.", "explodes", VERB),
        # an -ing word after a noun, its object or a preposition after it
        ("Investigators trying to find the cause left.", "trying", ING),
        ("A car crossing the border was stopped.", "crossing", ING),
        ("Program trading in London fell.", "trading", NOUN),
        # a bare infinitive after "help", and a verb joined to a verb by "and" or "or"
        ("The treaty helped end the war.", "end", VERB),
        ("They will stay and fight the rebels.", "fight", VERB),
        ("They fear privation or oppression in the region.", "oppression", NOUN),
        # more: "cannot", a participle after "as", a determiner standing alone, an adverb
        ("We cannot permit it.", "permit", VERB),
        ("As expected, the bank cut its rates.", "expected", VERB),
        ("The proposed plan failed.", "proposed", NOUN),
        ("Both declined to comment.", "declined", VERB),
        ("Officials suspect a link.", "suspect", VERB),
        ("The plan still calls for a vote.", "calls", VERB),
        # after "have", only a participle is a verb, irregular ones by their ending too
        ("The firm has plans to grow.", "plans", NOUN),
        ("Some buyers had difficulty paying.", "difficulty", NOUN),
        ("The town has become a port.", "become", VERB),
        ("The bridge has withstood two floods.", "withstood", VERB),
        ("Sales have not been repaid.", "repaid", VERB),
        ("They have eaten the bread.", "eaten", VERB),
        ("They will plan a trip.", "plan", VERB),
        # after "that" on a noun, an unknown word with its object is the relative's verb
        ("It was a machine that rewrote the rules.", "rewrote", VERB),
        ("The report that prices rose surprised us.", "prices", NOUN),
        # "this" alone opening its clause, then a verb form with its object or a preposition
        ("This became the reason for the delay.", "became", VERB),
        ("This imperils the whole deal.", "imperils", VERB),
        ("This set of rules is old.", "set", NOUN),
        # after "to", a verb in -ss of four letters too
        ("The bill failed to pass the Senate.", "pass", VERB),
        # a headline (no verb, no full stop): its verb after its subject, with no articles
        ("Farm bill fails to pass Senate", "fails", VERB),  # an infinitive is no verb here
        ("Acme unveils new folding phone", "unveils", VERB),
        ("City council bans cars from old town", "bans", VERB),
        ("Farmers agree price cuts with retailers", "agree", VERB),
        ("Acme unveils new folding phone", "phone", NOUN),
        ("Record profits for local farms.", "profits", NOUN),  # a full stop: no headline
        ("2004: Iraqi resistance expands", "expands", VERB),
        ("Photo: Scenes from our #tour #river #boats", "boats", NOUN),  # a post
        ("great moves and no goals", "moves", NOUN),  # no capital: a post
    ],
)
def test_tagger_by_shape_and_neighbours(sentence: str, word: str, tag: str) -> None:
    tagged = Chunk(sentence, 0, len(sentence), [])
    assert dict(zip(tagged.lows, tagged.tags, strict=True))[word] == tag


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        # a capitalized -ing word opening a sentence is a name if the text writes it so inside
        # a sentence: "*Harding* unveils ..." after "... its owner Harding ..."
        ("Harding unveils a new boat. Buyers like the boats of its owner Harding.", NOUN),
        ("Leading the gains was the bank. Its leading role grew.", ING),
    ],
)
def test_a_name_opening_a_sentence(text: str, tag: Tag) -> None:
    end = text.index(".") + 1
    assert Chunk(text, 0, end, []).tags[0] == tag


# --------------------------------------------------------------------------- the measure

# Three sentences, four event-timex pairs in one sentence (e2-t2 and e3-t2 share a timex),
# one link across sentences (not counted) and one to the DCT (not counted); e4-t3 is linked
# three times (l4, l7, and l8 the other way round through a second instance): one pair.
TINY = """<TimeML><DOCID>tiny</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>
Shares <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> sharply on <TIMEX3 tid="t1" type="DATE" \
value="1998-01-05">Monday</TIMEX3>. On <TIMEX3 tid="t2" type="DATE" value="1998-01-06">Tuesday\
</TIMEX3>, the company <EVENT eid="e2" class="REPORTING">said</EVENT> it had \
<EVENT eid="e3" class="OCCURRENCE">cut</EVENT> jobs. The <TIMEX3 tid="t3" type="DATE" \
value="1997">1997</TIMEX3> <EVENT eid="e4" class="OCCURRENCE">merger</EVENT> failed.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/>
<MAKEINSTANCE eventID="e3" eiid="ei3"/><MAKEINSTANCE eventID="e4" eiid="ei4"/>
<MAKEINSTANCE eventID="e4" eiid="ei5"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="BEFORE" timeID="t2" relatedToEventInstance="ei3"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t3"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t2"/>
<TLINK lid="l6" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
<TLINK lid="l7" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t3"/>
<TLINK lid="l8" relType="INCLUDES" timeID="t3" relatedToEventInstance="ei5"/>
</TimeML>"""


@pytest.fixture(scope="module")
def tiny() -> TimeMLDocument:
    return TimeMLDocument.from_tml(TINY)


def test_gold_pairs(tiny: TimeMLDocument) -> None:
    pairs = event_timex_pairs(tiny, Sentences(tiny.text))
    assert [(p.gold_event, p.gold_timex) for p in pairs] == [
        ("fell", "Monday"),
        ("said", "Tuesday"),
        ("cut", "Tuesday"),
        ("merger", "1997"),
    ]


def our_event(text: str, date: str, event: str) -> DatedEvent:
    start = text.index(date)
    e_start = text.index(event) if event else None
    return DatedEvent(
        Timex(start, start + len(date), date, "DATE", "XXXX"),
        "",
        event,
        e_start,
        None if e_start is None else e_start + len(event),
    )


def test_score_events_by_hand(tiny: TimeMLDocument) -> None:
    text = tiny.text
    ours = [
        our_event(text, "Monday", "Shares fell sharply"),  # covers "fell"
        our_event(text, "Tuesday", "it had cut jobs"),  # covers "cut", not "said"
        # no timex for 1997: its pair is not matched
    ]
    report = score_events(event_timex_pairs(tiny, Sentences(text)), ours, name="hand")
    assert (report.n_pairs, report.n_matched, report.n_covered) == (4, 3, 2)
    assert report.covered == pytest.approx(2 / 4)
    assert report.covered_of_matched == pytest.approx(2 / 3)
    assert sorted(report.phrase_words) == [3, 4]  # one per matched timex
    assert report.median_words == 3.5 and report.share_short == 1.0
    summary = report.summary()
    assert "4 gold event-timex pairs" in summary and "50.0% of all pairs" in summary


def test_a_long_phrase_does_not_count() -> None:
    pair = EventPair("d", "fell", 10, 14, "Monday", 20, 26, matched=True)
    assert attrs.evolve(pair, event="w " * 15, event_start=0, event_end=40).covered
    assert not attrs.evolve(pair, event="w " * 16, event_start=0, event_end=40).covered
    assert not attrs.evolve(pair, event="w", event_start=11, event_end=40).covered
    assert not pair.covered  # no phrase
    assert EventReport(pairs=()).covered == 0.0


def test_evaluate_events_ours_and_baseline(tiny: TimeMLDocument) -> None:
    reports = evaluate_events([tiny], {"timeline": attach, "nearest verb": nearest_verb_events})
    ours, base = reports["timeline"], reports["nearest verb"]
    assert ours.n_pairs == base.n_pairs == 4
    assert ours.n_matched == base.n_matched == 4
    # ours: "Shares fell sharply", "the company said it had cut jobs" (the date opens the
    # clause: all of it), "merger failed"; the baseline: "fell", "said", "said", "failed"
    assert {p.gold_event: p.event for p in ours.pairs} == {
        "fell": "Shares fell sharply",
        "said": "the company said it had cut jobs",
        "cut": "the company said it had cut jobs",
        "merger": "merger failed",
    }
    assert ours.n_covered == 4
    assert {p.gold_event: p.event for p in base.pairs} == {
        "fell": "fell",
        "said": "said",
        "cut": "said",
        "merger": "failed",
    }
    assert base.n_covered == 2
    assert ours.seconds >= 0 and ours.timexes == 3


def test_cli_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tiny.tml").write_text(TINY, encoding="utf-8")
    assert main([str(tmp_path), "--events"]) == 0
    out = capsys.readouterr().out
    assert "timeline: 4 gold event-timex pairs in one sentence, 4 with a matched timex" in out
    assert "nearest verb: 4 gold" in out
    assert "covered (phrase <= 15 words): 4, 100.0% of all pairs, 100.0% of matched" in out
    assert "covered (phrase <= 15 words): 2, 50.0% of all pairs" in out  # the baseline


def test_pairs_are_counted_once_per_event_and_timex(tiny: TimeMLDocument) -> None:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for p in event_timex_pairs(tiny, Sentences(tiny.text)):
        counts[(p.gold_event, p.gold_timex)] += 1
    assert set(counts.values()) == {1}  # l4, l7 and l8 are the same pair
    assert len(tiny.tlinks) == 8  # the links were read, the DCT's and the cross-sentence one too


WORDS = st.sampled_from(
    [
        "the",
        "a",
        "protests",
        "said",
        "that",
        "which",
        "on",
        "in",
        "2011",
        ",",
        ".",
        ";",
        "and",
        "was",
        "is",
        "began",
        "he",
        "Russia",
        "talks",
        "scheduled",
        "for",
        "of",
        "Thursday",
        "'",
        '"',
        "--",
        "(",
        ")",
        "who",
        "had",
        "been",
        "killed",
        "'s",
        "quickly",
        "to",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.data())
def test_any_text_gives_exact_short_phrases(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    starts = [i for i, w in enumerate(words) if w in ("2011", "Thursday")]
    offsets, position = [], 0
    for w in words:
        offsets.append(position)
        position += len(w) + 1
    chosen = data.draw(st.lists(st.sampled_from(starts), unique=True)) if starts else []
    timexes = [
        Timex(offsets[i], offsets[i] + len(words[i]), words[i], "DATE", "XXXX")
        for i in sorted(chosen)
    ]
    for event in attach(timexes, text):
        if event.event:
            assert event.event_start is not None and event.event_end is not None
            assert text[event.event_start : event.event_end] == event.event
            assert event.event == event.event.strip()
            assert len(event.event.split()) <= LONGEST
        else:
            assert event.event_start is None
