"""Stage 3, attach events: the phrase naming what each date dates.

The phrase is exact, contiguous text of the date's sentence (``text[event_start:event_end] ==
event``), found by a light rule-based chunker (:mod:`timeline.chunk`: words, coarse parts of
speech from a lexicon of our own and the words' shapes and neighbours, clauses). The *date
phrase* is the timex with what introduces it ("on", "since early", "the night of"), and all the
timexes of a list ("in 2011 and 2016", "the quarter ended Sept. 30") together, so that they
share their event, but not two dates in clauses joined by "and" ("seized the capital two years
ago and now are holding talks"). Then, in order:

1. a date inside a noun phrase dates its head: "the 2011-13 *Russian protests*", "Friday's
   *bombing*", "a 77% *drop in third-quarter net income*", a name with "of" inside ("the 1994
   *Freedom of Access to Clinic Entrances Act*"), a second noun joined to it ("Friday's
   *offerings and pricings*"), but no time noun ("past the Nov. 1 deadline" is a date) nor a
   participle after a whole date ("the next four years based on") nor a word after a day
   after a preposition ("*rules put out* on March 3 require"); with the verb whose object
   it is, directly or through a preposition or "much of", if short: "Innopac *reported a
   fourth-quarter loss*", "a nurse *was injured in the 1998 abortion clinic bombing*",
   "*responded coolly to Friday's offer*", on to an infinitive right after it: "*decided at
   last year's summit to invite three countries*"; with the verb whose subject it is, past a
   prepositional phrase: "Friday's *focus on the big stocks telegraphed heavy selling*", or
   after a verb of saying, past a participle: "said *last month's discovery of a rifle buried
   near the home represented a breakthrough*"; after "following", "since" ..., with the event
   or verb it anchors, if short: "*peace talks following the 1988 cease-fire*"; and in a phrase
   opening the sentence, with it and the main clause if all is short (see 7), or alone if it
   names an event and that phrase is long: "After a two-hour *meeting* at his home with the
   king, Bush said"; a head the date ends, with a short relative
   clause after it: "the 1996 *Olympic bombing that killed one person*", or an event noun with
   its "of" phrase and a relative clause on that: "the May 1998 *bombing of a clinic that
   killed a guard and maimed a nurse*";
2. a date after "of", or scheduling a noun phrase, dates that noun phrase: "*the Ukraine
   political crisis* of 2013-14", "*the Russia-US security talks* scheduled for January 10",
   "*its debentures due* March 1, 2011" ("due", a state, with it); a noun naming an event and
   its "of" phrase right before the date, where the clause's phrase would miss it: "condemned
   *Iraq's invasion of Kuwait* on Aug. 2", or right after it: "*the announcement Friday of a
   loss*";
3. a stretch of time as the subject of "began with", "saw" ... dates the object: "The calendar
   in 2022 began with *a strained situation*"; in a cleft, what follows: "it was not until
   Tuesday that *Castro revealed the plan*";
4. a date in a relative clause dates its head if the head names an event ('*"color
   revolutions"* which engulfed ... between 2000 and 2020'), with the clause if it is short or
   has a subject of its own ("*the accord, which was announced* Friday", "*a treaty, which the
   two presidents signed* last May") or if the date is one, not a list or range ("*the
   revolution that brought Castro to power* 41 years ago"); else the head and the clause's verb
   ("*Juanita Castro, who arrived* in Miami in 1961"), and if the phrase ends on that verb at
   the date, from its verb group (or past its auxiliaries) on through the date to the event
   after it, if short: "two men who *were sought last week for questioning*", "a miner who was
   *seriously hurt earlier this year in the collapse*"; but a long relative clause with a second
   verb nearer the date dates its last words from a verb: "Kopp, who *is charged with gunning
   down Dr. Barnett Slepian* last fall"; the head's verb comes with its object if short ("*a
   jogger who spotted the van*"), and the verb the head is the object of with the head: "he
   *fired the shots that killed* a doctor last October"; a second date in it, what comes after
   the first: "the men who launched the revolution in 1959 in *a rally* Saturday"; a gerund
   heads a short clause
   ("$35 a share at *closing, which is expected* in May"), and a clause that schedules a head
   naming no event dates the event noun whose phrase the head ends ("a *ruling on the case,
   which is expected* next month");
5. a date on a verb of saying dates the saying and what was said, from the verb on: "X *said on
   Monday that Y happened*"; where what was said comes first, it and the saying if short ("*The
   toll has risen to 12, officials said* Wednesday"), else what was said; a verb that announces
   ("announced", "disclosed") only with "that": "*announced on Monday that it would close*";
6. a date closing its clause, then ", when Y", dates Y, the clause that says what happened then:
   "cared for him since November, when *he was found clinging to an inner tube*"; so does
   "when Y" right after a date in a clause without a verb: "a poster from 1989 when *the
   Solidarity forces won*";
7. otherwise the date dates its clause: the side of it with the verb ("*The unrest began* on
   January 2"; "On Thursday, *he hinted at Russia* when ..."), the whole clause when the date
   stands between the subject and its verb ("*police are now investigating*", a gerund
   subject with its object: "*Leading the gains in the quarter was its steel unit*") or ends a
   participle phrase of the subject ("*The warrant issued Monday charged the man*"), or when the
   clause is short and something happens after the date, the date inside ("*Kopp had been
   arrested in several states since 1990 for protesting abortion*", "*Bush implied as much
   yesterday when reporters asked about food*", but "*The case is heard* in May in Atlanta").
   A date closing its clause before a participle dates the clause before it ("*X had a loss of
   $3 million*, in the second quarter, compared with ..."); so does a date after a lone
   participle ending the sentence, with it, if short ("*Gonzalez said in the letter, dated*
   Monday"), or from the last verb of a long clause before it ("to *move to the United
   States, arriving* in 1972"); a participle and its date set off by commas between a short
   subject and its verb date the clause, if short: "*fuel costs, compared with a year ago,
   were lifted*"; a date right after "and" or "but" and before a verb dates the clause it opens
   ("seized the capital two years ago and now *are holding talks with the government*"); a
   date opening the sentence, its
   subject's apposition, then the verb: "Tomorrow *the council of Bavaria, Germany, will vote*".
   A phrase opening the sentence with the date comes with the main clause if all is short
   ("*In over-the-counter trading yesterday, AEP shares closed at $21.25*"), and the main
   clause is found past a relative clause or a participle phrase of its subject ("Earlier this
   month, Security Pacific, which is ..., *completed the acquisition*", "In recent months a
   group of lenders, led by a bank, *has extended the firm new loans*", "a group led by two
   founders, John Smith and Mary Jones, *said it owned a stake*"), from its verb group
   past a long subject ("As of Friday, the border between ... *moved to the eastern border of
   Poland*"); so is a verbless phrase opening it ("In March in Geneva, *the ministers signed the
   accord*"); a long one that is a gerund clause gives itself: "After *accounting for a small
   revision Friday to the May figures*, the economy ...". The main clause goes on to the
   clauses listed after it, to the next one's verb, if all is short: "In May, *stocks fell,
   rates rose* and ...". A long clause before the date is kept from its verb group (its subject
   too if short: "*staged a number of celebrations to mark the country's entry into NATO* on
   Friday"; up to :data:`LONGEST` words from the verb group, else from the verb past its
   auxiliaries, "was *placed in their care after being found in a car*"; from a participle
   leading it, "*adding
   Greece in 1952 and Spain* in 1982", or coordinated near the date, "before giving up and
   *selling its shares* in May"; from a noun phrase in its last words back to the verb that
   takes it, or the noun its "of" phrase hangs on: "of *engaging in a fraud to hide the losses
   of its clients* over a three-year period"; past an amount restated in other terms, "*rose
   12% to $5 million*, or 40 cents a share adjusted for the split, for the quarter"), and goes
   on through the date to an infinitive right
   after it ("*He will then travel to Washington on March 12 to submit the document*") or to
   the verb of a clause after "when", "as", "after" ... ("*was heating soup in his kitchen last
   fall when he was gunned down*") or after "that" if a verb before the date governs it ("*was
   informed Friday that it violated the rules*"), or to the event it is counted from ("*A
   neighbor saw the van in the days before the explosion*"), all within :data:`LONGEST` words;
   past a clause too long to take whole, to the first event after the date, if short ("*They
   were named Monday in a letter sent* by the auditor to ..."). A date ending a "when" clause
   with a subject of its own dates the main clause before it too, if short: "*Twelve
   passengers drowned when their ferry capsized* last March"; a clause after its date ended by
   "when" or "while" and a clause of its own goes on to that clause's verb and its object, if
   short: "Just last week, *a farmer was injured when a storm flattened his barn*".
   The clause goes on through a verb phrase coordinated with it if all is short: "*Hezbollah
   fighters killed three Israeli soldiers and seriously wounded six others*", "*searched the
   site once more and found a gun*".

A phrase has at most :data:`MAX_WORDS` words, kept around the verb of a longer clause, or a few
more to end a noun phrase or a clause it would cut ("he could live *with the new tax*") or for the
date inside it; never more than :data:`LONGEST`. A phrase of more than :data:`_LONG` words runs on
to the end of its clause, and on into the clauses that go on with its predicate (a verb joined by
"and", "*raided two homes and searched* for a suspect"; a relative clause on its last noun,
"*signed the treaty, which created NATO*"; a "that" clause after its verb; the main clause after a
participle's), within :data:`LONGEST` words and not into a noun phrase it cannot finish, nor on to
a verb led by "to" or "for" whose object it cannot take ("*are now being made against officials for
choosing the firm*" to replace ...); so does a shorter phrase after a date that opens it ("In June,
*the leaders fell out, and the general was arrested*"), or before a relative clause if it has its
verb, or before the main clause if it is a participle's ("*ending a two-day visit, said* the
country was ready"). Then a phrase of more than :data:`_LONG` words leaves out what ends it, down
to :data:`_LONG` words: an amount said again ("*Coast earned $10.2 million*", or 67 cents a share)
or prepositional phrases with no verb in them, not a copula's complement, not part of a preposition
of several words ("in connection with"), nor what a verb, a participle or a noun takes ("to",
"for", "of", "as", "than", "based on"; but an amount "to" gives goes: "*net rose 4.3%*" to $525.8
million): "*lawyers filed a petition*" (on behalf of the boy's great-uncle); before its date, only
if they name no event, activity or date the date may date: "*Heavy rains flooded the homes along
the river*" (near the mill) in April, but "*thanked them at a press conference* Friday"; after a
passive verb too, if five words are left: "*The main bridge will be reopened*" (by the agency) in
October. One cut at :data:`LONGEST` ends before a short noun phrase it would cut. A phrase of a
verb alone before its date goes on through the date, within :data:`_LONG` words: "to *end the day
at 9,505*"; a phrase before a date phrase with a verb in it goes on over it: "*Sales increased in
the quarter ended Sept. 30*". A phrase does not end on an auxiliary: on over the date to the verb
("*which has recently caused*", "*may be in the future, joining the army*"), or without it and a
"to" or "which" before it, nor on its negation ("and did not"); nor on a subject pronoun: on
to its verb group ("*than they have*" in the past), or without it. A participle alone before its
date, set off after a noun phrase, comes with it: "*the merger, announced* Monday". A phrase
opening the sentence that is too long to come with the main clause gives the main clause: "In
his Sunday sermon at the cathedral ..., *the archbishop called the attack a crime*".

>>> from timeline.detect import detect
>>> from timeline.resolve import resolve
>>> def events(text: str) -> list[str]:
...     return [e.event for e in attach(resolve(detect(text), text, reference=None), text)]
>>> events("Some aftershocks occurred later, like the 2011-13 Russian protests.")
['Russian protests']
>>> events("On Thursday, he hinted at Russia when saying that aid was welcome.")
['he hinted at Russia']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from timeline.context import Sentences
from timeline.events.chunk import (
    ADV,
    AUX,
    CONJ,
    CONTENT,
    DET,
    FINITE,
    ING,
    LONGEST,
    MAX_WORDS,
    NEG,
    NOUN,
    NP_WORDS,
    OTHER,
    POSS,
    PREP,
    PRON,
    PUNCT,
    REL,
    SLACK,
    SUB,
    THAT,
    TIME,
    VERB,
    VERBISH,
    Chunk,
    Lexicon,
    is_verb,
    lexicon,
)
from timeline.records import DatedEvent, Timex

__all__ = ["LONGEST", "MAX_WORDS", "Lexicon", "attach", "is_verb", "lexicon"]

_WORD = re.compile(r"\S+")
_LONG = 8  # a phrase longer than this runs on to the end of its clause (see _Sentence.finished)
_THROUGH = LONGEST - 1  # the longest clause taken whole, its date inside
_COORDINATED = LONGEST - 2  # the longest clause taken on through a verb phrase joined to it
_PASSIVE_KEPT = 5  # a long phrase left at a passive verb keeps at least this many words
_AMOUNT = frozenset("$£€0123456789")
_JOINING = frozenset({"when", "while", "as", "after", "before", "until"})
_LISTING = frozenset({CONJ, OTHER})  # "Hungary *and* the Czech Republic can"
_ANCHORING = frozenset({"before", "after", "of", "following"})
_JOINED = _JOINING | _ANCHORING  # a clause or an event a phrase is counted from follows
_JOINED_OR_THAN = _JOINING | {"than"}
_FULL_VERBS = frozenset({VERB, ING})  # verbs, not auxiliaries
_DATES = frozenset({TIME})
# marks between "when" and its verb that show no plain subject there
_NO_SUBJECT = frozenset({PUNCT, SUB, REL, THAT, PREP, TIME})
# how an amount's last word begins: "$5", "4.3", "million", "billion", "trillion", "%"
_AMOUNT_END = _AMOUNT | {"m", "b", "t", "%"}
_LIST_GLUE = frozenset({",", "and", "or", "to", "-", "–", "through", "&", "ended", "ending"})


def attach(
    timexes: Sequence[Timex], text: str, sentences: Sentences | None = None
) -> list[DatedEvent]:
    """A :class:`DatedEvent` for each timex: its sentence and event phrase."""
    sentences = sentences or Sentences(text)
    ordered = sorted(timexes, key=lambda t: t.char_start)
    starts = [t.char_start for t in ordered]
    out = []
    cache: dict[tuple[int, int], _Sentence] = {}
    lowered: str | None = None
    for t in timexes:
        a, b = sentences.block(t.char_start, t.char_end)
        sentence = cache.get((a, b))
        if sentence is None:
            # the timexes that may overlap the sentence (none is longer than it)
            lo = bisect.bisect_left(starts, a - (b - a))
            near = [x for x in ordered[lo : bisect.bisect_left(starts, b)] if x.char_end > a]
            if lowered is None:
                lowered = text.lower()
            sentence = cache[(a, b)] = _Sentence(text, a, b, near, lowered)
        span = sentence.event(t)
        if span is None:
            out.append(DatedEvent(t, text[a:b]))
        else:
            out.append(DatedEvent(t, text[a:b], text[span[0] : span[1]], span[0], span[1]))
    return out


class _Sentence(Chunk):
    """One sentence, chunked, and the rules that find the event each of its dates dates."""

    # ----------------------------------------------------------------- the date phrase

    def date_phrase(self, t: Timex) -> tuple[int, int, int, int]:
        """Token spans of the date phrase (``ds``, ``de``) and of its timex words."""
        lows, tags = self.lows, self.tags
        ts = bisect.bisect_right(self.ends, t.char_start)
        te = ts
        while te < self.n and self.starts[te] < t.char_end:
            te += 1
        # a list or range of timexes: "in 2011 and 2016", "1985 and 1987"
        while True:
            k = ts - 1
            while k >= 0 and lows[k] in _LIST_GLUE and ts - k <= 2:
                k -= 1
            if k >= 0 and tags[k] == TIME and not self.clauses_joined(k + 1, ts, te):
                while k > 0 and tags[k - 1] == TIME:
                    k -= 1
                ts = k
            else:
                break
        while True:
            k = te
            while k < self.n and lows[k] in _LIST_GLUE and k - te < 2:
                k += 1
            if k < self.n and tags[k] == TIME:
                m = k
                while m < self.n and tags[m] == TIME:
                    m += 1
                if self.clauses_joined(te, k, m):
                    break
                te = m
            else:
                break
        de = te
        if self.low(de) == "or" and (  # "two years or so", "a year or two"
            self.low(de + 1) == "so" or self.low(de + 1) in self.lex["numerals"]
        ):
            de += 2
        elif self.low(de) == "alone":  # "last week alone"
            de += 1
        ds = ts
        # "the night of Oct. 23", "the end of 1997"
        if self.low(ds - 1) == "of" and self.low(ds - 2) in self.lex["time_nouns"]:
            k = ds - 2
            while k > 0 and tags[k - 1] in (NOUN, ADV) and ds - k < 5:
                k -= 1
            ds = k
        if tags[ds - 1 : ds] == [DET] and self.lows[ds - 1] != "that":
            ds -= 1
        # what introduces it: "on", "since early", "as of"
        for _ in range(2):
            if ds > 0 and lows[ds - 1] in self.lex["date_prepositions"]:
                ds -= 1
        return ds, de, ts, te

    def and_then(self, ds: int, de: int) -> tuple[int, int] | None:
        """A date right after "and" or "but", before a verb, opens the clause it dates, which
        shares its subject with the clause before: "helped end the war four years ago and now
        *are poised to intervene*"."""
        if self.low(ds - 1) not in ("and", "but") or self.tag(ds - 2) not in (NOUN, TIME, VERB):
            return None
        k = de
        while self.tag(k) in (ADV, NEG):
            k += 1
        if self.tag(k) not in FINITE or self.lows[k] in self.lex["reporting_verbs"]:
            return None
        stop = self.np_whole(k, self.after_words(k, self.clause_end(k), _LONG))
        for m in range(k + 2, stop):
            if self.tags[m] == AUX and self.tags[m - 1] == NOUN:
                return self.span(k, m)  # not on to a clause of its own: "should peace fail"
        return self.span(k, stop)

    def clauses_joined(self, glue: int, second: int, end: int) -> bool:
        """Whether the "and" or "or" from ``glue`` to the date at ``second`` joins two clauses,
        not two dates: the second date opens a clause whose verb follows it ("helped end the war
        four years ago *and now are* poised"), the first ends one."""
        if not {"and", "or"} & set(self.lows[glue:second]):
            return False
        k = end
        while self.tag(k) in (ADV, NEG):
            k += 1
        first = glue - 1
        while first > 0 and self.tags[first - 1] == TIME:
            first -= 1
        return self.tag(k) in FINITE and self.tag(first - 1) in (NOUN, VERB, ING)

    # ----------------------------------------------------------------- the rules

    def event(self, t: Timex) -> tuple[int, int] | None:
        """The character span of the event that ``t`` dates, or None."""
        if not self.n:
            return None
        ds, de, ts, te = self.date_phrase(t)
        if ts >= self.n:
            return None
        # no noun phrase of the date where the date phrase goes on past its timex ("alone")
        found = self.in_noun_phrase(ts, te) if de == te else None
        if found is not None:
            found = self.opening_over(found, ds, de)
        if found is None:
            found = self.of_or_scheduled(ds, ts, de)
        if found is None:
            found = self.noun_date_of(ds, ts, de)
        if found is None:
            found = self.clausal(ds, de) if (coordinate := self.and_then(ds, de)) is None else None
            found = found or coordinate
            if found is not None:
                found = self.coordinated(found)
                found = self.clause_listed(found, ds)
            noun = self.event_of(self.clause_start(ds), ds)
            if noun is not None and (
                found is None or not found[0] <= noun[0] < noun[1] <= found[1]
            ):
                found = noun  # the clause's phrase misses it, or cuts it
        if found is not None:
            found = self.finished(found, ds, de)
            found = self.trimmed(found, ds, de)
            found = self.over_object(found, ds, de)
            found = self.over_period(found, ds, de)
            found = self.auxiliary_over(found, ds, de)
            found = self.participle_head(found, ds)
            found = self.when_after(found, ds, de)
        if found is not None:  # at most LONGEST words, whatever the rule
            words = list(_WORD.finditer(self.text, found[0], found[1]))
            if len(words) > LONGEST:  # cut, and no function word left at the end
                i = bisect.bisect_left(self.starts, found[0])
                j = self.np_whole(i, bisect.bisect_left(self.starts, words[LONGEST - 1].end()))
                cut = self.span(i, j)
                found = found[0], cut[1] if cut else words[LONGEST - 1].end()
            found = self.not_on_auxiliary(found, len(words))
            found = self.not_on_subject(found)
        return found

    def not_on_subject(self, found: tuple[int, int]) -> tuple[int, int]:
        """A phrase does not end on the subject pronoun of a verb after it: it goes on to the
        verb group ("*report hate crimes than they have*" in the past), within :data:`LONGEST`
        words and not past :data:`_LONG` if it is short, or ends before the clause it opens
        ("*the offer will be approved*" once it submits)."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_right(self.starts, found[1] - 1) - 1
        if j <= i or self.tags[j] != PRON or self.lows[j] not in self.lex["subject_pronouns"]:
            return found
        if self.tag(j + 1) not in FINITE:
            return found
        k = j + 1
        while self.tag(k + 1) in (AUX, ADV, NEG) and k - j < 3:
            k += 1
        if self.tag(k + 1) in (VERB, ING):
            k += 1
        while self.tags[k] in (ADV, NEG):
            k -= 1
        words = self.count(i, k + 1)
        if words <= LONGEST and (words <= _LONG or self.count(i, j + 1) > _LONG):
            return found[0], self.ends[k]
        k = j
        if self.tag(k - 1) in (SUB, THAT, REL, CONJ) or self.low(k - 1) in _JOINED_OR_THAN:
            k -= 1
        k = self.content_end(k, i)
        return (found[0], self.ends[k - 1]) if k > i else found

    def finished(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A long phrase (more than :data:`_LONG` words) runs on to the end of its clause, and on
        into the clauses that go on with it (:meth:`goes_on`), within :data:`LONGEST` words;
        a shorter one only into those after a date that opens it, a relative clause if it has
        its verb, or the main clause after a participle's."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if j >= self.n:
            return found
        cut = self.cuts(j)
        on = self.goes_on(i, j) if cut else None
        after = self.tag(j + (self.lows[j] == ","))  # the word after the cut, past a comma, if any
        if self.count(i, j) <= _LONG and not (
            on is not None
            and (
                (de <= i and (self.has(i, j, FINITE) or self.tags[on] == VERB))
                or after == VERB
                or (after == REL and self.has(i, j, FINITE))
            )
        ):
            # but a date opening the clause dates what goes on from it (a noun phrase after the
            # date, only on to its verb: "weekly *Herald, published a report*"), and a relative
            # clause or the main clause after a participle's goes on anyway: "*ending a two-day
            # visit, said* Poland was well prepared"
            return found
        if cut:
            if on is None:
                return found
            end = self.clause_end(on)
        else:
            end = self.clause_end(j)
        while end < self.n and (on := self.goes_on(i, end)) is not None:
            end = self.clause_end(on)
        if ds >= j and not self.eventful(de, self.clause_end(de)):
            end = min(end, ds)  # not on over its date: "was identified" Thursday "as a suspect"
        stop, seen = i, 0
        while stop < end and seen + self.counted[stop] <= LONGEST:
            seen += self.counted[stop]
            stop += 1
        if stop < end and self.tags[stop] in (NOUN, POSS, OTHER):
            # not into the middle of a noun phrase: back to before it, and its numeral
            while stop > j and (
                self.tags[stop - 1] in NP_WORDS or self.lows[stop - 1] in self.lex["numerals"]
            ):
                stop -= 1
        stop = self.before_open_verb(j, stop, end)
        stop = self.content_end(stop, j)
        if stop <= j:
            return found
        return found[0], self.ends[stop - 1]

    def trimmed(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A phrase of more than :data:`_LONG` words leaves out the prepositional phrases that
        end it, down to :data:`_LONG` words, if they hold no verb, do not hold its date and
        are not part of a preposition of several words ("in connection with"), nor an
        infinitive, an object or a comparison ("to", "for", "of", "as", "than"), nor what a
        participle takes ("based on"): "*lawyers filed a petition*" (on behalf of the boy's
        great-uncle); after a passive verb too, if :data:`_PASSIVE_KEPT` words are left. Right
        before its date, only if they name no event, activity or date that the date may date:
        "*The economy created jobs*" (at a robust pace) in January, but "*welcomed the figures
        at a news conference* Friday"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if self.count(i, j) <= _LONG:
            return found
        leads = j <= ds and not any(self.cut_list()[j:ds])  # the phrase leads to its date
        v = self.first_verb(i, j, _FULL_VERBS)
        if v is None:
            return found  # a copula's complement stays: "is two years *behind schedule*"
        tags = self.tags
        for k in range(j - 1, v, -1):
            if leads and self.dated_there(k, j):
                break
            if self.restated(k) and not self.verbal(k, j) and not k <= ds < j:
                if self.count(i, k) <= _LONG:
                    return found[0], self.ends[self.content_end(k, i) - 1]
                continue
            if tags[k] != PREP or self.has(k, j, VERBISH) or k <= ds < j:
                if self.verbal(k, k + 1):
                    break  # but on past a participle: "or 29 cents a share *adjusted* for"
                continue
            if not (
                self.passive(k - 1)
                and self.count(i, k) >= _PASSIVE_KEPT
                and not (self.tag(k + 1) == NOUN and self.tag(k + 2) == PREP)
            ) and (tags[k - 1] != NOUN or tags[k - 2] == PREP or self.participle(k - 1)):
                continue
            if self.lows[k] in self.lex["approximating"] and self.low(k + 1)[:1] in _AMOUNT:
                continue  # an amount, not a preposition: "save the company *about $4 million*"
            if leads and self.names_event(k - 1):
                continue  # what an event noun takes: "the attack *on the clinic*"
            if self.lows[k] in self.lex["object_prepositions"] and not (
                self.lows[k] == "to"
                and self.low(k + 1)[:1] in _AMOUNT
                and (self.low(k - 1)[:1] in _AMOUNT or tags[k - 2] not in (VERB, ING))
            ):
                continue  # but an amount it goes "to" may go: "net rose 4.3%" (to $525.8 million)
            if self.count(i, k) <= _LONG:
                return found[0], self.ends[self.content_end(k, i) - 1]
        return found

    def verbal(self, i: int, j: int) -> bool:
        """Whether ``i..j`` holds a verb other than a participle on the noun before it: "29
        cents a share *adjusted* for the split" holds none."""
        return any(
            self.tags[k] in VERBISH
            and not (
                self.tags[k] == VERB and self.lows[k].endswith("ed") and self.tag(k - 1) == NOUN
            )
            for k in range(i, j)
        )

    def dated_there(self, k: int, j: int) -> bool:
        """Whether tokens ``k``..``j - 1`` hold what a date right after them may date: an event,
        an activity ("in composite *trading*" yesterday), or a date of their own."""
        return (
            self.eventful(k, j)
            or any(
                self.lows[m] in self.lex["ing_nouns"]
                or (len(self.lows[m]) == 4 and self.lows[m].isdigit())  # a year, "in 1993"
                for m in range(k, j)
            )
            or self.has(k, j, _DATES)
        )

    def passive(self, k: int) -> bool:
        """Whether the verb at ``k`` is a passive participle ("was *found*", "be *reinstated*"),
        whose prepositional phrases are not its objects."""
        if self.tags[k] != VERB:
            return False
        k -= 1
        while k >= 0 and self.tags[k] in (ADV, NEG):
            k -= 1  # "was critically injured"
        return k >= 0 and self.lows[k] in self.lex["be_forms"]

    def participle(self, k: int) -> bool:
        """Whether the word at ``k``, tagged a noun, looks like a past participle that takes the
        phrase after it: "a computer *based* on the chip"."""
        word = self.lows[k]
        return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")

    def restated(self, k: int) -> bool:
        """Whether an amount restated in other terms starts at ``k``: "$10.2 million*, or 67
        cents a share*", "*, or four cents a share*"."""
        return (
            self.lows[k] == ","
            and self.low(k + 1) == "or"
            and (self.low(k + 2)[:1] in _AMOUNT or self.low(k + 2) in self.lex["numerals"])
            and self.low(k - 1)[:1] in _AMOUNT_END
            and self.tag(k - 1) == NOUN
        )

    def goes_on(self, i: int, j: int) -> int | None:
        """Where the clause cut at ``j`` goes on with the predicate of the phrase from ``i`` (see
        :meth:`continued`), if its verb is within :data:`LONGEST` words of ``i``."""
        k = self.continued(j)
        if k is None:
            return None
        end = self.clause_end(k)
        verb = self.first_verb(k, end)
        if verb is None or self.has(k, end, _DATES):
            return None  # a date of its own dates it: "bought Pixar" (which was sold in 2005)
        # the verb, and a word of what follows it if anything does: not "... and *looks*"
        return k if self.count(i, min(verb + 2, end)) <= LONGEST else None

    def continued(self, j: int) -> int | None:
        """Where the clause cut at ``j`` goes on with the same predicate: a verb joined by
        "and" ("raided two homes *and searched*"), or a relative clause on its last noun
        ("signed the treaty, *which created* NATO"); None if it does not."""
        k = j
        if self.lows[k] == ",":
            k += 1
        if k > j and k < self.n and self.tags[k] == VERB:
            start = self.clause_start(j - 1)
            if self.tags[start] == REL or self.tag(start - 1) == REL:
                return None  # the end of a relative clause: "X, which has 45 banks, *announced*"
            if self.tag(k + 1) == PREP:
                return None  # a participle on the noun before: "an event, *held* in May"
            return k
        if k >= self.n or self.tags[k] not in (CONJ, REL, THAT):
            return None
        if self.lows[k] in ("but", "yet", "whose"):
            return None
        m = k + 1
        if self.lows[k] == "and" or (self.tags[k] == THAT and self.tags[j - 1] in (VERB, ING)):
            while m < self.n and m - k <= 4 and self.tags[m] in (DET, NOUN, POSS, PRON):
                m += 1  # a subject of its own: "and *Yeltsin* claimed"
        while m < self.n and self.tags[m] == ADV:
            m += 1
        if m >= self.n or self.tags[m] not in (VERB, AUX):
            return None
        return k + 1

    def over_period(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A phrase before its date, in its clause, goes on over a date phrase that holds a verb:
        "*Sales increased in the quarter ended Sept. 30*" (to $747.8 million)."""
        j = bisect.bisect_left(self.starts, found[1])
        if j > ds or not self.has(ds, de, VERBISH) or any(self.cut_list()[j:de]):
            return found
        return found[0], self.ends[de - 1]

    def auxiliary_over(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A phrase ending on an auxiliary right before its date goes on over the date to the
        verb or complement after it, within :data:`_LONG` words: "*may be in the future,
        joining the army*", "*are now largely behind the firm*"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if j != ds or self.tags[j - 1] != AUX or de >= self.n:
            return found
        k = de + (self.lows[de] == ",")
        while k < self.n and self.tags[k] in (ADV, NEG, OTHER):
            k += 1
        if k >= self.n or self.tags[k] not in (VERB, ING, NOUN, PREP, DET):
            return found
        end = self.clause_end(k)
        for words in range(_LONG, 0, -1):
            stop = self.content_end(self.after_words(i, end, words), k)
            if self.count(i, stop) <= _LONG:
                whole = self.span(i, stop) if stop > k else None
                return whole if whole and whole[1] > found[1] else found
        return found

    def when_after(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A clause after its date, ended by "when" or "while" and a clause of its own, goes on
        to that clause's verb, with a few words of its object, if short: "Last month, *a
        policeman was killed when a bomb exploded*"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if de > i or j >= self.n or self.lows[j] not in self.lex["joining_subordinators"]:
            return found
        if not self.has(i, j, FINITE) or any(self.cut_list()[i:j]):
            return found
        verb = self.first_verb(j + 1, min(j + 5, self.n), FINITE)
        if verb is None or self.has(j + 1, verb, _NO_SUBJECT):
            return found
        stop = verb + 1
        while stop < self.n and self.tags[stop] in (VERB, ING, AUX, ADV, NEG):
            stop += 1
        if self.tag(stop) in (THAT, SUB, REL):
            ends = [stop]  # a clause after the verb: the verb alone, "when it *emerged*" that ...
        else:
            ends = [self.content_end(self.after_words(stop, self.clause_end(stop), 3), stop)]
            if self.tag(stop) not in (DET, NOUN, PRON, POSS):
                ends.append(stop)  # or the verb alone if no object is left out: "a bomb *explodes*"
        for last in ends:
            if self.count(i, last) <= _THROUGH:
                return self.span(i, last) or found
        return found

    def participle_head(self, found: tuple[int, int], ds: int) -> tuple[int, int]:
        """A participle alone before its date, set off after a noun phrase, comes with the noun
        phrase it tells of, if short: "*the new terms, announced* Friday", not "announced"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if j != i + 1 or j != ds or self.tags[i] != VERB:
            return found
        word = self.lows[i]
        if not (
            word.endswith(("ed", "en")) or (word in self.lex["verb_forms"] and word[-1] != "s")
        ):
            return found  # a participle: "announced", "made", not "gather" nor "says"
        mark = i - 1
        if mark < 1 or self.lows[mark] not in (",", "_", "--", "—", "–"):
            return found
        if self.tags[mark - 1] != NOUN:
            return found
        start = self.np_start(mark - 1)
        if start is None or self.count(start, j) > _LONG or self.tag(start - 1) == PUNCT:
            return found  # not an apposition, whose verb this may be: "X, a protester, lived"
        return self.span(start, j) or found

    def before_open_verb(self, j: int, stop: int, end: int) -> int:
        """Where a phrase run on to its clause stops when :data:`LONGEST` cuts it right after a
        verb led by "to" or "for", leaving its object out: before the verb: "*announced that it is
        exercising its options with the maker*", not "... with the maker to purchase" (five
        aircraft)."""
        if (
            stop >= end
            or self.tags[stop - 1] not in (VERB, ING)
            or self.tags[stop] not in (DET, NOUN, PRON)
        ):
            return stop
        k = stop - 1
        while k > j and self.tags[k - 1] in (ADV, NEG):
            k -= 1
        if k - 1 < j or self.lows[k - 1] not in ("to", "for"):
            return stop
        k -= 1
        if k - 1 > j and self.tags[k - 1] in (VERB, ING) and self.tags[k - 2] == NOUN:
            k -= 1  # and a participle leading it: "a data center *intended* to support"
        return k

    def over_object(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A phrase of a verb alone before its date (its object or an adverb, no preposition)
        goes on through the date to what follows it in the clause, within :data:`_LONG` words:
        "to *end the day at 7,114*", "*commented today on the recent falls*", not "end" nor
        "commented"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if j != ds or self.tags[j - 1] not in (VERB, ING) or self.count(i, j) > 2:
            return found
        if self.tags[ds] == PREP or de >= self.n or self.cuts(de) or self.tags[de] == CONJ:
            return found
        end = self.clause_end(de)
        stop, seen = de, self.count(i, de)
        while stop < end and self.tags[stop] != CONJ and seen + self.counted[stop] <= _LONG:
            if self.tags[stop] == TIME and self.tag(self.after_time(stop)) != NOUN:
                break  # at another date, but on over one inside a noun phrase: "the recent falls"
            seen += self.counted[stop]
            stop += 1
        if stop < end and self.tags[stop] in (NOUN, POSS, OTHER):
            while stop > de and self.tags[stop - 1] in NP_WORDS:
                stop -= 1  # not into the middle of a noun phrase
        stop = self.content_end(stop, de)
        whole = self.span(i, stop) if self.count(de, stop, CONTENT) else None
        return (found[0], whole[1]) if whole and whole[1] > found[1] else found

    def np_whole(self, i: int, j: int) -> int:
        """Where a phrase from token ``i`` cut before token ``j`` ends so as not to cut a noun
        phrase of at most five words: before it, if a verb is left: "*Smith announced the
        release*", not "... the release of the firm's Lumo 11 software" (suite)."""
        if j >= self.n or self.tags[j] not in (NOUN, POSS) or self.tags[j - 1] not in (NOUN, DET):
            return j
        k = j
        while k > i and self.tags[k - 1] in (NOUN, DET, POSS):
            k -= 1
        return k if self.count(i, k, VERBISH) and self.count(k, j) <= 5 else j

    def after_time(self, k: int) -> int:
        """The token after the date words from ``k`` on."""
        while self.tag(k) == TIME:
            k += 1
        return k

    def not_on_auxiliary(self, found: tuple[int, int], words: int) -> tuple[int, int]:
        """A phrase does not end on an auxiliary ("Kopp is"): it goes on to the verb or noun
        after it, within LONGEST words ("Kopp is charged"), or leaves the auxiliary out."""
        j = bisect.bisect_right(self.starts, found[1] - 1) - 1
        if j > 0 and self.tags[j] == NEG and self.tags[j - 1] == AUX:
            pass  # nor on its negation: "and did not" (comment)
        elif j < 0 or self.tags[j] != AUX:
            return found
        k = j + 1
        while k < self.n and k - j <= 3 and self.tags[k] in (AUX, ADV, NEG, TIME):
            k += 1  # "would not be", "has already", "are currently"
        if k < self.n and self.tags[k] in (VERB, ING, NOUN) and words + k - j <= LONGEST:
            return found[0], self.ends[k]
        while (
            j >= 0
            and self.starts[j] >= found[0]
            and (self.tags[j] in (AUX, NEG) or self.tags[j] not in CONTENT)
        ):
            j -= 1  # and the "to" or "which" before it: "is now anticipated" (to be around 2020)
        if j < 0 or self.starts[j] < found[0]:
            return found
        return found[0], self.ends[j]

    def opening(self, ds: int, de: int) -> tuple[int, int] | None:
        """A phrase opening the sentence, with the date, on to the main clause after it, if all
        is short: "*In over-the-counter trading yesterday, AEP shares closed at $21.25*"."""
        first = self.forth(0)
        if self.tag(first) != PREP or self.has(first, ds, FINITE):
            return None
        hi = de
        while hi < self.n and not self.cuts(hi):
            hi += 1
        if self.low(hi) != "," or self.has(de, hi, VERBISH) or not self.has(hi + 1, self.n):
            return None
        found = self.clause_after(hi + 1)
        if found is None:
            return None
        begin = bisect.bisect_left(self.starts, found[0])
        end = bisect.bisect_left(self.starts, found[1])
        verb = self.first_verb(begin, end, FINITE)
        if verb is None:
            return None
        if self.count(first, verb + 1) > MAX_WORDS:
            gerund = self.gerund_opening(first, ds, hi)
            if gerund is not None:
                return gerund
            return found  # a long opening phrase: the main clause, "In his Sunday Mass at ..., *X
            # called the murder wrong*"
        if self.count(first, end) > LONGEST:  # the main clause cut to fit, its verb kept
            end = self.after_words(first, end, LONGEST)
            end = self.content_end(end, verb + 1)
        return self.starts[first], self.ends[end - 1]  # from its preposition: "In Sunday's debate"

    def gerund_opening(self, first: int, ds: int, hi: int) -> tuple[int, int] | None:
        """A long phrase opening the sentence that is a clause of its own, a preposition and a
        gerund, with the date: from the gerund, "After *accounting for a small revision Friday
        to the May figures*, the economy ..."."""
        if self.tag(first + 1) != ING or self.count(first + 1, hi) > LONGEST:
            return None
        start, end = first + 1, hi
        for k in range(first + 2, hi - 1):
            if self.lows[k] == "and" and self.tags[k + 1] == ING:
                if k < ds:
                    start = k + 1  # the gerund of the date: "touring X and *meeting Y* Friday"
                else:
                    end = min(end, k)
        return self.span(start, end)

    def opening_over(self, found: tuple[int, int], ds: int, de: int) -> tuple[int, int]:
        """A dated noun phrase in a phrase opening the sentence gives way to :meth:`opening`,
        unless it names an event and the opening phrase is too long to come along: "After a
        two-hour *meeting* at his home with the king, Bush said"."""
        opening = self.opening(ds, de)
        if opening is None:
            return found
        if opening[0] > self.starts[ds] and not self.has(0, ds, _FULL_VERBS):
            # the main clause alone, the noun phrase the object of the opening preposition
            i = bisect.bisect_left(self.starts, found[0])
            j = bisect.bisect_left(self.starts, found[1])
            if any(self.tags[k] == NOUN and self.names_event(k) for k in range(i, j)):
                return found
        return opening

    def coordinated(self, found: tuple[int, int]) -> tuple[int, int]:
        """The phrase on through a verb phrase coordinated with its clause, if all is short:
        "*Hezbollah fighters killed three Israeli soldiers and seriously wounded six others*"."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        while j < self.n and (
            self.tags[j] == OTHER
            or (self.tags[j] in (DET, ADV) and self.low(j + 1) in ("and", "but", "or"))
        ):
            j += 1  # and a word left at the clause's end: "once *more*"
        if j < self.n and self.lows[j] == ",":
            j += 1
        if j >= self.n or self.lows[j] not in ("and", "but", "or") or not self.cuts(j):
            return found
        verb = j + 1
        while verb < self.n and self.tags[verb] in (ADV, NEG, OTHER):
            verb += 1
        if self.tag(verb) not in (VERB, AUX) or not self.has(i, j, FINITE):
            return found
        end = self.clause_end(verb)
        end = self.content_end(end, verb)
        if self.count(i, verb + 1) > _COORDINATED:
            return found
        stop = self.after_words(i, end, _COORDINATED)
        if stop < end and self.tags[stop] == NOUN:
            k = stop  # not into the middle of a noun phrase: "buried" (one foot below ground)
            while k > verb + 1 and (
                self.tags[k - 1] in NP_WORDS or self.lows[k - 1] in self.lex["numerals"]
            ):
                k -= 1
            stop = k if k > verb + 1 else stop
        return self.span(i, stop) or found

    def clause_listed(self, found: tuple[int, int], ds: int) -> tuple[int, int]:
        """A date opening the sentence dates the clauses listed after its main clause too: on to
        the next one's verb, if all is short: "In May, *stocks fell, rates rose* and ..."."""
        i = bisect.bisect_left(self.starts, found[0])
        j = bisect.bisect_left(self.starts, found[1])
        if ds >= i or self.has(0, ds, FINITE) or self.low(j) != ",":
            return found
        if "," not in self.lows[ds:i]:
            return found  # not the main clause after the opening phrase
        verb = self.first_verb(i, j, FINITE)
        if verb is None or self.lows[j - 1] in self.lex["reporting_verbs"]:
            return found  # no clause, or a parenthetical "X said, ..."
        k = j + 1
        if self.low(k) in ("and", "but"):
            k += 1
        subject = k
        while k < self.n and k - subject < 4 and self.tags[k] in (DET, POSS, NOUN, PRON, ADV):
            k += 1
        if k == subject or self.tag(k) not in FINITE:
            return found
        if self.lows[k] in self.lex["reporting_verbs"]:
            return found  # "..., officials said": no clause of the list
        stop = k + 1
        while stop < self.n and self.tags[stop] in (VERB, AUX, ADV, NEG):
            stop += 1
        if self.count(i, stop) > _LONG:
            return found
        return self.span(i, stop) or found

    def in_noun_phrase(self, ts: int, te: int) -> tuple[int, int] | None:
        """1. "the 2011-13 Russian protests", "Friday's bombing", "year-earlier results"."""
        possessive = self.tag(te) == POSS
        head = te + 1 if possessive else te
        before = self.back(ts)
        inside_np = self.tag(before) in (DET, POSS) or self.lows[ts] in self.lex["determiners"]
        gerund = False
        if (
            self.tag(before) in (DET, POSS)
            and self.low(head) == ","
            and self.lows[te - 1][-1:].isdigit()
            and head + 1 < self.n
            and self.text[self.starts[head + 1]].islower()
        ):
            head += 1  # "the Dec. 21, 1988, bombing", not "In the first nine months, GMAC's"
            gerund = self.tag(head) == ING  # a noun all the same, after its determiner
        if (
            (self.tag(head) != NOUN and not gerund)
            or self.lows[head] in self.lex["time_nouns"]
            or (  # a participle after a whole date: "the next four years *based on* ..."
                self.lows[head].endswith("ed")
                and self.tag(head + 1) in (PREP, ADV)
                and self.lows[ts] in self.lex["determiners"]
            )
        ):
            return None
        lower = self.text[self.starts[head]].islower()
        timex = self.text[self.starts[ts] : self.ends[te - 1]]
        if not (
            inside_np
            or possessive
            or (lower and "-" in timex and not timex[-1].isdigit())  # "third-quarter results"
            or (lower and before < 0 and any(c.isdigit() for c in timex))
            or (  # "for May sales", but "on Aug. 13 suggest": a day is no modifier
                lower
                and self.tag(before) == PREP
                and timex[:1].isupper()
                and not timex[-1].isdigit()
            )
        ):
            return None
        end = self.np_end(head + 1) if gerund else self.np_end(head)
        if end == head:
            return None
        end = self.name_end(head, end)
        end = self.nouns_joined(end)
        # the verb before the noun phrase, of which it is the object
        verb = self.back(before if self.tag(before) in (DET, POSS) else ts)
        after = self.forth(end)
        if self.tag(before) != PREP:  # not "questioning in last month's death of X may ..."
            after = self.past_modifier(after)
        while after < self.n and self.tags[after] in (ADV, NEG):
            after += 1
        if self.tag(after) in FINITE:
            # the noun phrase is a subject: "the 1996 bombing killed one person"
            if not (inside_np or possessive) and self.tag(before) == PREP:
                return None  # "in January protests erupted": the date is the clause's
            # with the verb it is the object of: "reported third-quarter profit jumped 45%"
            start = verb if self.tag(verb) in (VERB, ING) else head
            return self.span(start, self.after_words(start, self.clause_end(head), MAX_WORDS))
        found = self.said_subject(verb, head, end)
        if found is not None:
            return found
        # "a 77% drop in third-quarter net income": the noun that governs the phrase
        if self.tag(before) == PREP and self.lows[before] in ("in", "of", "for") and not inside_np:
            governor = self.back(before)
            if self.tag(governor) == NOUN and self.text[self.starts[governor]].islower():
                noun = self.np_start(governor, limit=2)
                if noun is not None and self.count(noun, end) <= MAX_WORDS:
                    return self.span(noun, end)
        found = self.event_of_relative(head, end)
        if found is None:
            found = self.anchors(before if self.tag(before) in (DET, POSS) else ts, end)
        if found is not None:
            return found
        # the object of a verb: "Innopac *reported a fourth-quarter loss*"
        if (
            self.tag(verb) == PREP
            and self.lows[verb] != "by"  # "exemplified by the 2011-13 Russian protests"
            and self.tag(self.adverbs_back(self.quantity_back(self.back(verb)))) in (VERB, ING)
        ):
            # "was critically *injured in the 1998 bombing*", "*responded coolly to the news*"
            verb = self.adverbs_back(self.quantity_back(self.back(verb)))
        if self.tag(verb) in (VERB, ING):
            start = verb
            while self.tag(start - 1) in (AUX, ADV, NEG):
                start -= 1
            if self.tag(start - 1) == PRON and start < verb:
                start -= 1  # "we're investigating on a daily basis"
            if self.count(start, end) <= MAX_WORDS:
                return self.span(start, self.purpose(start, end))
        rel = self.forth(end)
        if self.low(rel) in ("that", "which") and self.tag(self.forth(rel + 1)) in FINITE:
            # with a short relative clause: "the 1996 *Olympic bombing that killed one person*"
            stop = self.after_words(head, self.clause_end(rel + 1), MAX_WORDS)
            stop = self.content_end(stop, rel + 2)
            return self.span(head, stop)
        return self.span(head, end)

    def said_subject(self, verb: int, head: int, end: int) -> tuple[int, int] | None:
        """A dated noun phrase right after a verb of saying, the subject of what was said, with
        its verb further on: "said *last month's discovery of a rifle buried near the home
        represented a breakthrough*"."""
        if self.low(verb) not in self.lex.saying:
            return None
        stop = self.clause_end(end)
        v = end
        while v < stop and self.count(head, v) <= MAX_WORDS:
            if self.tags[v] in FINITE and not (
                self.lows[v].endswith("ed") and self.tag(v + 1) in (PREP, SUB)
            ):
                break  # not a participle: "a rifle *buried near* the home"
            v += 1
        else:
            return None
        if v >= stop or self.tags[v] not in FINITE:
            return None
        last = self.after_words(v, stop, 4)  # the verb and a few words of its object
        last = self.content_end(last, v + 1)
        start = verb if self.count(verb, last) <= LONGEST else head
        return self.span(start, last)

    def purpose(self, start: int, end: int) -> int:
        """The end of a verb phrase ``start..end`` on through an infinitive right after it, within
        LONGEST words: "*decided at last year's summit to invite three countries*"."""
        if self.low(end) != "to" or self.tag(end + 1) != VERB:
            return end
        stop = self.after_words(start, self.clause_end(end + 1), LONGEST)
        stop = self.content_end(stop, end + 2)
        return stop

    def anchors(self, start: int, end: int) -> tuple[int, int] | None:
        """A dated noun phrase ``start..end`` after "after", "following" ... and what it anchors
        before it, if short: "*peace talks following the August 1988 cease-fire*", "*searching
        for him since shortly after the Oct. 23 slaying*"."""
        k = self.back(start)
        if self.low(k) not in self.lex["anchoring"]:
            return None
        g = self.adverbs_back(self.back(k))
        if self.tag(g) == PREP and self.tag(g + 1) == ADV:
            g = self.back(g)  # "since shortly after"
        if self.tag(g) == NOUN and self.names_event(g):
            first = self.np_start(g, limit=3)
            if first is not None and self.count(first, end) <= MAX_WORDS:
                return self.span(first, end)
        verb = g
        while verb >= 0 and self.tags[verb] not in (VERB, ING) and not self.cuts(verb):
            verb -= 1
        if verb < 0 or self.tags[verb] not in (VERB, ING) or self.count(verb, end) > MAX_WORDS:
            return None
        return self.span(verb, end)

    def name_end(self, head: int, end: int) -> int:
        """The end of a name with "of" or "to" inside, from its capitalized head at ``head``: "the
        1994 *Freedom of Access to Clinic Entrances Act*"; else ``end``."""
        if not self.text[self.starts[head]].isupper():
            return end
        k = end
        while self.low(k) in ("of", "to", "for", "on") and k + 1 < self.n:
            j = k + 1
            while j < self.n and self.tags[j] == NOUN and self.text[self.starts[j]].isupper():
                j += 1
            if j == k + 1 or self.count(head, j) > MAX_WORDS:
                break
            k = end = j
        return end

    def nouns_joined(self, end: int) -> int:
        """The end of a second noun joined to the head ending at ``end``: "Friday's *offerings
        and pricings*", not "the 1996 bombing and police said"; else ``end``."""
        if self.low(end) != "and" or self.tag(end + 1) != NOUN:
            return end
        if not self.text[self.starts[end + 1]].islower():
            return end
        stop = self.np_end(end + 1, limit=2)
        if self.tag(self.forth(stop)) in VERBISH:
            return end
        return stop

    def quantity_back(self, i: int) -> int:
        """Before a word of quantity and its "of" at ``i``: "fueled *much* of the 1990 growth"."""
        if self.low(i) in self.lex["quantities"] and self.low(i + 1) == "of":
            return self.back(i)
        return i

    def event_of_relative(self, head: int, end: int) -> tuple[int, int] | None:
        """An event noun ending at ``end``, its "of" phrase and a relative clause on it: "the
        1998 *bombing of a clinic that killed a guard and maimed a nurse*"."""
        of = self.forth(end)
        if self.low(of) != "of" or not self.names_event(self.back(of)):
            return None
        rel = of + 1
        while (
            rel < self.n
            and rel - of <= 8
            and (
                self.tags[rel] in (DET, NOUN, POSS, OTHER)
                or (self.text[self.starts[rel]].isupper() and self.tags[rel] == AUX)  # "Pan Am"
                or (
                    self.lows[rel] == ","
                    and self.tag(rel - 1) in (NOUN, OTHER)
                    and self.tag(rel + 1) == NOUN
                )
            )
        ):
            rel += 1  # "of a Birmingham, Ala., clinic"
        if self.low(rel) == "," and self.tag(rel + 1) == REL:
            rel += 1  # "of Dr. Short, who was wounded"
        if self.tag(rel - 1) not in (NOUN, OTHER, PUNCT) or self.low(rel) not in (
            "that",
            "which",
            "who",
        ):
            return None
        verb = self.forth(rel + 1)
        while verb < self.n and self.tags[verb] in (ADV, NEG):
            verb += 1
        if self.tag(verb) not in FINITE:
            return None
        stop = self.clause_end(rel + 1)
        if self.low(stop) in ("and", "but") and self.tag(stop + 1) == VERB:
            stop = self.clause_end(stop + 1)  # "that killed a guard and maimed a nurse"
        stop = self.after_words(head, stop, LONGEST)
        stop = self.content_end(stop, rel + 2)
        return self.span(head, stop)

    def adverbs_back(self, i: int) -> int:
        """The nearest token at or before ``i`` that is not an adverb (one or two skipped)."""
        k = i
        while k >= 0 and i - k < 2 and self.tags[k] == ADV:
            k -= 1
        return k

    def past_modifier(self, i: int) -> int:
        """The token after a prepositional phrase (or two) opening at ``i``, or ``i``: the
        verb of a subject that goes on, "Friday's *focus on the top stocks telegraphed*"."""
        k = i
        for _ in range(2):
            if self.tag(k) != PREP or self.lows[k] in ("than", "as"):
                break
            j = k + 1
            while j < self.n and j - k <= 6 and self.tags[j] in (DET, NOUN, POSS, OTHER, TIME):
                j += 1
            if self.tag(k + 1) != DET or self.tag(j - 1) not in (NOUN, OTHER):
                break  # "on the top stocks", not "of three suspected sites"
            k = j
        if k == i or self.tag(k) not in FINITE:
            return i
        if self.lows[k].endswith("ed") and self.tag(k + 1) in (PREP, SUB):
            return i  # a participle: "a tour of three sites *classified as* sensitive"
        return k

    def of_or_scheduled(self, ds: int, ts: int, de: int) -> tuple[int, int] | None:
        """2. "the Ukraine political crisis of 2013-14", "the talks scheduled for January 10"."""
        scheduling = self.lex["scheduling"]
        if self.low(ds) == "of" and ds == ts - 1:
            k = ds - 1
            noun = k if self.tag(k) == NOUN else self.back(k)
            if self.tag(noun) != NOUN or not self.names_event(noun):
                return None
        elif self.low(ds - 1) in scheduling:  # "scheduled for", "due"
            k = ds - 2
        elif (
            self.low(ds) in ("in", "on", "during")
            and self.tag(ds - 1) == NOUN
            and self.names_event(ds - 1)
            and not self.has(self.clause_start(ds), ds)
            and (
                self.tag(self.forth(de)) not in FINITE  # "expenditure in 1990 will rise"
                or self.lows[ds - 1] in self.lex["event_nouns"]
            )
        ):
            k = ds - 1  # "the protests in 2016", where no verb governs them
        else:
            return None
        if self.tag(k) not in (NOUN, OTHER):
            return None
        start = self.np_start(k)
        if start is None:
            return None
        # "due" is the state dated: "debentures due", but "the talks" (scheduled)
        return self.span(start, ds if k == ds - 2 and self.low(k + 1) == "due" else k + 1)

    def noun_date_of(self, ds: int, ts: int, de: int) -> tuple[int, int] | None:
        """2. A noun naming an event, the date, then its "of" phrase: "Unisys's *announcement
        Friday of a $648 million loss*", "the *bombing Friday of the embassy*"."""
        noun = self.back(ts)
        if ds != ts or self.low(de) != "of" or self.tag(noun) != NOUN or not self.names_event(noun):
            return None
        if not self.text[self.starts[ts]].isupper() and not self.text[self.starts[ts]].isdigit():
            return None  # "the fiscal second-quarter of": one noun phrase
        start = self.np_start(noun, limit=3)
        if start is None or not self.has(start, noun, frozenset({DET, POSS})):
            return None
        k = de + 1
        if self.tag(k) in (DET, POSS):
            k += 1
        end = self.np_end(k)
        if end == k:
            return None
        return self.span(start, self.after_words(start, end, MAX_WORDS))

    def clausal(self, ds: int, de: int) -> tuple[int, int] | None:
        """3-6: the date in its clause."""
        cut = self.cut_list()
        lo = ds - 1
        while lo >= 0 and not cut[lo]:
            lo -= 1
        hi = de
        while hi < self.n and not cut[hi]:
            hi += 1
        first = lo + 1
        left_verb = self.has(first, ds, VERBISH)
        right_verb = self.has(de, hi, VERBISH)
        left = self.count(first, ds, CONTENT)
        right = self.count(de, hi, CONTENT)

        found = self.framing(first, ds, de, hi)
        if found is not None:
            return found
        if (
            self.low(first) == "it"
            and self.low(first + 1) in ("is", "was", "'s", "’s")
            and self.low(hi) == "that"
            and not right
        ):
            # a cleft, "it was not until Tuesday that Castro revealed ...": what follows
            return self.clause_after(hi + 1)
        # a phrase opening the sentence: "In composite trading Friday, Aetna closed at $60"
        opening = (
            left
            and self.tags[first] == PREP
            and not self.has(first, ds, FINITE)
            and lo < 0
            and self.low(hi) == ","
            and not right
        )
        if (not left and not right) or opening:
            # the date is a clause of its own: "On Thursday, ..." or "..., in 1997."
            after = self.forth(hi + 1)
            if lo > 0 and self.tag(after) in (VERB, ING) and self.has(0, lo, FINITE):
                # a participle follows, no clause: "X had a loss, in 1990, compared with Y"
                found = self.clause_before(lo)
                if found is not None:
                    return found
            if hi < self.n - 1 and self.has(hi + 1, self.n, VERBISH):
                # "For the year ended Sept. 30, X earned": the opening phrase names a period
                period = opening or self.has(ds, de, frozenset({NOUN, VERB}))
                found = (self.opening(ds, de) if period else None) or self.clause_after(hi + 1)
                if found is not None:
                    return found
            if lo > 0:
                return self.clause_before(lo)
            return None
        found = self.relative(lo, ds, left_verb)
        if found is not None:
            found = self.relative_on(found, lo, ds, de, hi)
        if found is None:
            found = self.reported(lo, first, ds, de, hi)
        if found is None:
            found = self.bridged(first, ds, de)
        if found is not None:
            return found
        if not right and self.low(hi) == "," and self.low(hi + 1) == "when":
            # "since August, when they traded at $10": the clause that defines the date
            k = hi + 2
            end = self.clause_end(k)
            if self.has(k, end, FINITE):
                return self.span(k, self.after_words(k, end, MAX_WORDS))
        if left_verb and (not right_verb or left):
            found = self.participle_after(lo, first, ds, de)
            found = found or self.inserted(lo, first, ds, hi)
            found = found or self.left_clause(first, ds)
            if found is not None:
                found = self.main_of(found, lo)
            end = hi
            if hi == self.forth(de) and self.low(hi) in self.lex["joining_subordinators"]:
                end = self.clause_end(hi + 1)  # "last fall when he was gunned down"
            elif (
                hi == self.forth(de)
                and self.low(hi) == "that"
                and self.tag(self.back(ds)) == VERB
                and self.has(hi + 1, self.clause_end(hi + 1), FINITE)
            ):
                end = self.clause_end(hi + 1)  # "was informed Friday that it violated a rule"
            if found is not None and end > de:
                found = self.through(found, de, end)
                found = self.infinitive(found, de, end)
                found = self.joined(found, de)
                found = self.anchored(found, de)
            return found
        if right_verb:
            return self.clause_after(de)
        # no verb around: a noun phrase ("protests in 2016"), or a list the date ends
        found = self.defined(de)
        if found is not None:
            return found
        if lo < 0 and not left and self.low(hi) == "," and self.has(hi + 1, self.n, FINITE):
            # a verbless phrase opening the sentence: "In July in Phnom Penh, Hun Sen staged";
            # or a subject with its apposition, then its verb: "Tomorrow the board, X, will vote"
            found = self.clause_after(de)
            if found is not None:
                return found
        if left:
            if lo >= 0 and self.lows[lo] == ",":
                merged = self.merge_left(lo)
                if merged is not None:
                    return self.left_clause(merged, ds)
            return self.left_clause(first, ds)
        return self.span(de, self.after_words(de, self.clause_end(de), MAX_WORDS))

    def main_of(self, found: tuple[int, int], lo: int) -> tuple[int, int]:
        """A date ending a clause after "when" with a subject of its own dates the main clause
        before it too: from its verb group (its subject too if short) on, within
        :data:`_THROUGH` words: "*Twelve passengers drowned when their ferry capsized* last
        March"."""
        if lo <= 0 or self.lows[lo] not in self.lex["joining_subordinators"]:
            return found
        start = bisect.bisect_left(self.starts, found[0])
        subject = self.forth(lo + 1)
        if start > subject or self.tag(subject) not in (NOUN, DET, PRON, POSS):
            return found  # not the whole clause, or no subject: "when asked"
        k = lo - 1
        while k >= 0 and not self.cuts(k):
            k -= 1
        verb = self.first_verb(k + 1, lo, FINITE)
        if verb is None:
            return found
        while verb > k + 1 and self.tags[verb - 1] in (AUX, ADV, NEG):
            verb -= 1
        begin = verb
        if self.tag(verb - 1) == PRON:
            begin = verb - 1
        elif self.tag(verb - 1) == NOUN:
            begin = max(self.subject_start(verb - 1), k + 1)
        end = bisect.bisect_left(self.starts, found[1])
        if self.count(begin, verb) > 4 or self.count(begin, end) > _THROUGH:
            begin = verb
        if self.count(begin, end) > _THROUGH:
            return found
        return self.span(begin, end) or found

    def participle_after(self, lo: int, first: int, ds: int, de: int) -> tuple[int, int] | None:
        """A lone participle after a comma, its date ending the sentence, dates the clause before
        it too: "*Gonzalez said in the letter, dated* Monday"."""
        if lo <= 0 or self.lows[lo] != "," or self.count(de, self.n):
            return None
        if self.count(first, ds) != 1 or self.tags[first] not in (VERB, ING):
            return None
        if not (self.lows[first].endswith(("ed", "ing"))):
            return None
        before = self.clause_before(lo)
        if before is None:
            return None
        start = self.forth(bisect.bisect_left(self.starts, before[0]))
        clause = self.has(start, lo) or self.tag(self.back(start)) in (THAT, SUB)
        if not clause:
            return None  # "a protester, *lived*": no clause before it
        if self.count(start, first + 1) > _LONG:
            # a long clause: from its last verb, "to *come to the United States, arriving*"
            verb = next((k for k in range(lo - 1, start, -1) if self.tags[k] in (VERB, ING)), None)
            if verb is None or self.count(verb, first + 1) > _LONG:
                return None
            start = verb
        return self.span(start, first + 1)

    def inserted(self, lo: int, first: int, ds: int, hi: int) -> tuple[int, int] | None:
        """A participle and its date set off by commas between a short subject and its verb
        date the clause, if short: "*fuel costs, compared with a year ago, were lifted*"."""
        if lo <= 0 or self.lows[lo] != "," or self.low(hi) != ",":
            return None
        if self.tags[first] not in (VERB, ING) or self.has(first + 1, ds, CONTENT):
            return None
        verb = self.forth(hi + 1)
        while self.tag(verb) in (ADV, NEG):
            verb += 1
        if self.tag(verb) not in FINITE:
            return None
        subject = lo
        while subject > 0 and self.tags[subject - 1] in NP_WORDS and lo - subject < 5:
            subject -= 1
        if subject == lo or (subject > 0 and not self.cuts(subject - 1)):
            return None
        end = self.clause_end(verb)
        for words in range(_LONG, 0, -1):
            stop = self.content_end(self.after_words(subject, end, words), verb + 1)
            if self.count(subject, stop) <= _LONG:
                return self.span(subject, stop) if stop > verb else None
        return None

    def defined(self, de: int) -> tuple[int, int] | None:
        """A date in a clause without a verb, then "when Y": Y, what happened then: "a poster
        from 1989 when *the Solidarity forces won*"."""
        k = self.forth(de)
        if self.low(k) not in self.lex["joining_subordinators"]:
            return None
        end = self.clause_end(k + 1)
        if not self.has(k + 1, end, FINITE):
            return None
        return self.span(k + 1, self.after_words(k + 1, end, MAX_WORDS))

    def event_of(self, first: int, ds: int) -> tuple[int, int] | None:
        """An event noun and its "of" phrase before the date: "the *bombing of two U.S.
        embassies in East Africa* last month", "Iraq's *invasion of Kuwait* on Aug. 2"."""
        k = ds - 1
        while k > first and ds - k <= 8 and self.tags[k] in (NOUN, DET, POSS, OTHER, PREP):
            if self.lows[k] == "of" and self.tags[k - 1] == NOUN and self.names_event(k - 1):
                if self.tag(k - 2) in (DET, POSS) or self.tag(k - 3) in (DET, POSS):
                    start = self.np_start(k - 1)
                    if start is not None and self.count(start, ds) <= MAX_WORDS:
                        return self.span(start, ds)
                return None
            k -= 1
        return None

    def through(self, found: tuple[int, int], de: int, hi: int) -> tuple[int, int]:
        """The clause before the date, on through the date to the rest of its clause, if short:
        "*Kopp had been arrested in several states since 1990 for protesting abortion*"."""
        start = bisect.bisect_left(self.starts, found[0])
        hi = self.content_end(hi, de)  # not past the last word: "comes today.''"
        if hi <= de:
            return found
        if self.count(start, hi) > _THROUGH:
            return self.through_to_event(found, start, de, hi)
        # nothing that happens after the date: "in May in the 11th Circuit"; but the date's noun
        # phrase may go on, "two quarters of growth", or a copula's complement follow, "Airbus is
        # currently two years behind schedule"
        if (
            not self.eventful(de, hi)
            and self.low(self.forth(de)) != "of"
            and self.tag(self.back(bisect.bisect_left(self.starts, found[1]))) != AUX
        ):
            return found
        return self.span(start, hi) or found

    def through_to_event(
        self, found: tuple[int, int], start: int, de: int, hi: int
    ) -> tuple[int, int]:
        """A clause too long to take whole: the phrase before the date on through it to the first
        word after it that tells of something happening, with its object or noun phrase, if all
        is short (within :data:`LONGEST` words if the phrase is long already): "*They were
        named Monday in a letter sent* by the county auditor to the mayor and the council";
        not past a clause or an event it is counted from (see :meth:`joined`,
        :meth:`anchored`, :meth:`infinitive`)."""
        most = (
            LONGEST
            if self.count(start, bisect.bisect_left(self.starts, found[1])) > _LONG
            else _LONG
        )
        k = de
        while k < hi and not self.eventful(k, k + 1):
            if self.tags[k] in (SUB, REL, THAT) or self.lows[k] in _JOINED:
                return found  # a clause or event after it: see joined, anchored
            if self.lows[k] == "to" and self.tag(k + 1) == VERB:
                return found  # see infinitive
            k += 1
        if k >= hi:
            return found
        stop = k + 1
        if self.tags[k] == NOUN:
            stop = self.np_end(k)
            if stop < hi and self.low(stop) == "of":  # its "of" phrase
                m = stop + 1
                while m < hi and self.tags[m] in (DET, POSS, OTHER):
                    m += 1
                stop = max(stop, self.np_end(m, limit=3))
        else:
            while stop < hi and self.tags[stop] in (VERB, ING, AUX, ADV, NEG):
                stop += 1
            for words in (3, 2, 1):  # a few words of its object
                more = self.after_words(stop, hi, words)
                more = self.content_end(more, stop)
                if self.count(start, more) <= most:
                    stop = more
                    break
        if self.count(start, stop) > most and self.tags[k] != NOUN:
            stop = k + 1  # the verb alone
        if self.count(start, stop) > most:
            return found
        return self.span(start, stop) or found

    def eventful(self, i: int, j: int) -> bool:
        """Whether tokens ``i``..``j - 1`` tell of something happening: a verb, an -ing form, or
        a noun naming an event."""
        return any(
            self.tags[k] in (VERB, ING) or (self.tags[k] == NOUN and self.names_event(k))
            for k in range(i, min(j, self.n))
        )

    def joined(self, found: tuple[int, int], de: int) -> tuple[int, int]:
        """The clause before the date, on through the date to the verb of a clause that says
        what happened then, if short: "*was heating soup in his kitchen last fall when he was
        gunned down*"."""
        k = self.forth(de)
        end = bisect.bisect_left(self.starts, found[1])
        # or a clause that a verb before the date governs: "was informed Friday that it *violated*"
        before = self.back(k)
        while before >= 0 and self.tags[before] == TIME:
            before -= 1
        governed = self.low(k) == "that" and self.tag(before) == VERB
        if end > k or (self.low(k) not in _JOINING and not governed):
            return found
        verb = self.first_verb(k + 1, min(k + 5, self.n), FINITE)
        if verb is None or self.has(k + 1, verb, frozenset({PUNCT, SUB, REL, THAT, PREP})):
            return found
        stop = verb + 1
        while stop < self.n and self.tags[stop] in (VERB, ING, AUX, ADV, NEG):
            stop += 1
        more = self.after_words(stop, self.clause_end(stop), 3)  # a few words of its object
        more = self.content_end(more, stop)
        for last in (more, stop):  # its object rather than the subject of the clause before
            start = self.reach(bisect.bisect_left(self.starts, found[0]), end, last)
            if start is not None:
                return self.span(start, last) or found
        return found

    def anchored(self, found: tuple[int, int], de: int) -> tuple[int, int]:
        """The clause before the date, on through the date to the event it is counted from, if
        short: "*His car was seen near the house in the days before the shooting*"."""
        k = self.forth(de)
        end = bisect.bisect_left(self.starts, found[1])
        if end > k or self.low(k) not in _ANCHORING:
            return found
        m = k + 1
        while m < self.n and self.tags[m] in (DET, POSS, OTHER):
            m += 1
        stop = self.np_end(m, limit=3)
        head = stop - 1
        while head >= m and self.tags[head] != NOUN:
            head -= 1
        if head < m or not self.names_event(head):
            return found
        start = self.reach(bisect.bisect_left(self.starts, found[0]), end, stop)
        if start is None:
            return found
        return self.span(start, stop) or found

    def reach(self, start: int, end: int, stop: int) -> int | None:
        """Where the phrase ``start..end`` before a date starts to go on to ``stop`` within
        LONGEST words: at ``start``, else at its first verb group, else nowhere (None)."""
        if self.count(start, stop) <= LONGEST:
            return start
        verb = self.first_verb(start, end, FINITE)
        if verb is None:
            return None
        while verb > start and self.tags[verb - 1] in (AUX, ADV, NEG):
            verb -= 1
        return verb if self.count(verb, stop) <= LONGEST else None

    def infinitive(self, found: tuple[int, int], de: int, hi: int) -> tuple[int, int]:
        """The clause before the date, on through the date to an infinitive right after it:
        "*He will then travel to Washington DC on March 12 to submit the document*"."""
        to = self.forth(de)
        end = bisect.bisect_left(self.starts, found[1])
        if end > to or self.low(to) != "to" or self.tag(to + 1) != VERB:
            return found
        stop = self.after_words(to, hi, 4)  # "to" and the verb, and a few words of its object
        stop = self.content_end(stop, to + 2)
        start = bisect.bisect_left(self.starts, found[0])
        first = self.before_words(stop, start, LONGEST)
        if first > start and self.first_verb(start, end, FINITE) not in range(first, end):
            return found  # it would lose the clause's verb
        return self.span(first, stop) or found

    def framing(self, first: int, ds: int, de: int, hi: int) -> tuple[int, int] | None:
        """3. "The calendar in 2022 began with X", "The 1990s saw X": the event is X."""
        verb = self.forth(de)
        while verb < hi and self.tags[verb] in (ADV, AUX):
            verb += 1
        if verb >= hi or self.lows[verb] not in self.lex["framing_verbs"]:
            return None
        if self.has(first, ds, VERBISH):
            return None
        nouns = [k for k in range(first, ds) if self.tags[k] == NOUN]
        if nouns and self.lows[nouns[-1]] not in self.lex["time_nouns"]:
            return None
        if not nouns and not any(
            c.isdigit() for c in self.text[self.starts[ds] : self.ends[de - 1]]
        ):
            return None  # "now sees": an adverb, not a subject
        start = verb + 1
        if self.tag(start) == PREP:
            start += 1
        return self.span(start, self.after_words(start, self.clause_end(start), MAX_WORDS))

    def bridged(self, first: int, ds: int, de: int) -> tuple[int, int] | None:
        """6. The date inside a clause: "police are now investigating", "we today accept"."""
        verb = self.forth(de)
        while verb < self.n and self.tags[verb] in (ADV, NEG):
            verb += 1
        if verb >= self.n or self.lows[verb] in self.lex["reporting_verbs"]:
            return None
        if (
            self.lows[verb] in self.lex["announcing_verbs"]
            and self.low(self.forth(verb + 1)) == "that"
        ):
            return None
        before = self.back(ds)
        if before < first:
            return None
        found = self.participle_subject(first, ds, de, verb)
        if found is not None:
            return found
        if (self.tags[before] in (AUX, NEG) or self.lows[before] == "to") and self.tags[
            verb
        ] in VERBISH:
            # a verb group split by the date: its subject and auxiliaries, then the rest
            start = before
            while start > first and self.tags[start - 1] in (AUX, NEG, ADV):
                start -= 1
            if self.tag(start - 1) == PRON:
                start -= 1
            elif self.tag(start - 1) in (NOUN, OTHER):
                start = max(self.subject_start(start - 1), first)
        elif self.tags[before] in (NOUN, PRON) and (
            self.tags[verb] in FINITE or (self.tags[ds] == TIME and self.present_verb(verb))
        ):
            # a subject, the date, the verb: "The Cypriot government Saturday condemned"
            start = before if self.tags[before] == PRON else self.subject_start(before)
            if start - 1 == first and self.tags[first] == ING:
                start = first  # a gerund and its object: "Leading the gains in May was"
            if start < first or (
                self.has(first, start, FINITE)  # the clause has its verb, this is a participle:
                and self.lows[verb].endswith("ed")  # "Sales rose 43% in May compared to the"
                and self.tag(verb + 1) == PREP
                and self.tag(verb + 2) not in VERBISH
            ):
                return None
        else:
            return None
        if self.count(start, ds) > 7:
            return None
        end = self.after_words(start, self.clause_end(de), MAX_WORDS + min(self.count(ds, de), 2))
        return self.span(start, end)

    def participle_subject(self, first: int, ds: int, de: int, verb: int) -> tuple[int, int] | None:
        """A subject with a participle phrase the date ends, then the verb: the subject on to the
        verb and a few words: "*The warrant issued Monday charged him with murder*"."""
        if self.tags[verb] not in FINITE:
            return None
        k = self.back(ds)
        while k > first and ds - k <= 8 and self.tags[k] in (NOUN, DET, POSS, OTHER, PREP):
            k -= 1
        if not (
            self.tags[k] == VERB
            and self.lows[k].endswith("ed")
            and self.tag(k - 1) == NOUN
            and k - 1 >= first
            and self.tag(k + 1) in (PREP, TIME)
        ):
            return None  # "The warrant issued Monday", "a list issued by the government"
        start = max(self.subject_start(k - 1), first)
        if self.count(start, ds) > MAX_WORDS:
            return None
        end = self.after_words(start, self.clause_end(de), LONGEST)
        stop = self.after_words(verb, end, 4)  # the verb and a few words of its object
        stop = self.content_end(stop, verb + 1)
        return self.span(start, stop)

    def present_verb(self, i: int) -> bool:
        """Whether the noun-looking word ``i`` after a subject and a date is a verb in -s:
        "Iraq now *controls* 20 percent", "Montedison currently *owns* about 72%"."""
        low = self.lows[i]
        return (
            self.tags[i] == NOUN
            and len(low) > 3
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
            and low.isalpha()
            and self.text[self.starts[i]].islower()
            and self.tag(i + 1) in (DET, NOUN, PREP, ADV)
        )

    def relative(self, lo: int, ds: int, left_verb: bool) -> tuple[int, int] | None:
        """4. The date in a relative clause: its head, or its head and verb."""
        if lo < 0 or self.tags[lo] not in (REL, THAT) or not left_verb:
            return None
        earlier = self.earlier_date(lo, ds)
        if earlier is not None:
            # a second date in the relative clause: what comes after the first, "who arrived
            # Thursday with inspectors for *a tour likely to last* over a week"
            return self.left_clause(earlier, ds)
        main = self.main_verb_after_relative(lo, ds)
        if main is not None:
            # "A man who hurled a grenade was identified Thursday": the date is the main clause's
            head = self.back(lo)
            if self.low(head) == ",":
                head = self.back(head)
            start = self.subject_start(head) if self.tag(head) == NOUN else lo + 1
            return self.left_clause(start, ds)
        verb = self.first_verb(lo + 1, ds)
        if verb is not None and self.count(lo, ds) > 5:
            end = verb + 1
            while end < ds and self.tags[end] in VERBISH | {ADV, NEG}:
                end += 1
            if self.first_verb(end, ds, _FULL_VERBS) is not None:
                # a second verb nearer the date: "who is charged with *gunning down X* last fall"
                return self.left_clause(lo + 1, ds)
        return self.relative_head(lo, ds)

    def relative_on(
        self, found: tuple[int, int], rel: int, ds: int, de: int, hi: int
    ) -> tuple[int, int]:
        """A relative clause's phrase ending on its verb at the date goes on through the date to
        the event after it, from the verb group, or past its auxiliaries, if short: "two men who
        *were sought last week for questioning*", "a miner who was *seriously hurt earlier this
        year in the collapse*" (of a tunnel)."""
        j = bisect.bisect_left(self.starts, found[1])
        if j != ds or self.tags[j - 1] not in (VERB, ING) or hi <= de:
            return found
        verb = self.first_verb(rel + 1, ds)
        if verb is None:
            return found
        while verb > rel + 1 and self.tags[verb - 1] in (AUX, ADV, NEG):
            verb -= 1
        k = de
        while k < hi and not self.eventful(k, k + 1):
            if self.tags[k] in (SUB, REL, THAT, CONJ) or self.lows[k] in _JOINED:
                return found  # a clause or an event it is counted from: see joined, anchored
            k += 1
        if k >= hi or (self.tags[k] == VERB and self.tag(k - 1) not in (AUX, PREP)):
            return found  # or the main clause's verb: "the men who launched it in 1959 *met*"
        if self.tags[k] == NOUN:
            ends = [self.np_end(k)]
            if self.low(ends[0]) == "of":  # with its "of" phrase: "the bombing of a clinic"
                m = ends[0] + 1
                while m < hi and self.tags[m] in (DET, POSS):
                    m += 1
                ends.insert(0, self.np_end(m, limit=3))
        else:
            ends = [self.np_end(k + 1), k + 1]  # with the noun phrase after it, or alone
        main = verb
        while self.tags[main] in (AUX, NEG) and main + 1 < ds:
            main += 1  # or past its auxiliaries: "*badly wounded earlier this year in the bombing*"
        for stop in ends:
            for start in dict.fromkeys((verb, main)):
                if (
                    stop <= hi
                    and self.count(start, stop) <= _LONG
                    and self.tag(stop) not in (NOUN, POSS)
                ):
                    return self.span(start, stop) or found
        return found

    def earlier_date(self, lo: int, ds: int) -> int | None:
        """The token after the last date of the clause from ``lo`` to ``ds``, or None."""
        k = ds - 1
        while k > lo and self.tags[k] != TIME:
            k -= 1
        return k + 1 if k > lo and k + 1 < ds else None

    def main_verb_after_relative(self, rel: int, ds: int) -> int | None:
        """The verb group of the main clause, if one follows the relative clause before ``ds``."""
        groups = [
            k
            for k in range(rel + 1, ds)
            if self.tags[k] in FINITE and self.tags[k - 1] not in (AUX, VERB, ADV, NEG, PREP)
        ]
        if len(groups) < 2:
            return None
        last = groups[-1]
        before = self.back(last)
        if self.tags[before] != NOUN or self.lows[groups[0]] in self.lex["reporting_verbs"]:
            return None  # "which said it had lost": a clause inside the relative one
        return last

    def relative_head(self, rel: int, ds: int) -> tuple[int, int] | None:
        head = self.back(rel)
        if self.low(head) == ",":
            head = self.back(head)
        gerund = self.gerund_head(head, rel, ds)
        if gerund is not None:
            return gerund
        if self.tag(head) not in (NOUN, OTHER):
            return None  # "said that ...": a complement, not a relative clause
        event = self.event_before_head(head, rel, ds)
        if event is not None:
            return self.span(event, ds)
        start = self.np_start(head)
        if start is None:
            return None
        noun = head if self.tags[head] == NOUN else self.back(head)
        if self.names_event(noun):
            subject = self.tag(self.forth(rel + 1)) in (DET, PRON, NOUN, POSS)
            short = subject or self.count(rel, ds) <= 3
            if (short or not self.date_list(ds)) and self.count(start, ds) <= _THROUGH:
                # the clause is short or has its own subject: "the accord, which was
                # announced", "a treaty, which the two presidents signed"; or it dates one
                # event, the clause's: "the revolution that brought Castro to power"
                return self.span(start, ds)
            # several dates, of the events the head names: "the protests that rolled over ..."
            return self.span(start, head + 1)
        if self.count(rel, ds) <= 5 and self.count(start, ds) <= MAX_WORDS:
            return self.span(start, ds)  # "Miller Brewing, which had a 21.2% stake"
        # "Juanita Castro, who arrived": the head and the clause's verb group
        verb = self.first_verb(rel + 1, ds)
        if verb is None:
            return None
        end = verb + 1
        while end < ds and (self.tags[end] in (VERB, ING, ADV, NEG, AUX) or self.lows[end] == "to"):
            end += 1
        if self.count(start, end) > MAX_WORDS:
            return self.span(start, head + 1)
        if end < ds and self.tags[end - 1] in (VERB, ING) and self.tags[end] in (DET, NOUN):
            # and its object, if short: "a business which is experiencing *a surge*"
            obj = self.np_end(end + (self.tags[end] == DET), limit=3)
            while obj < ds and (  # "Iraq's invasion", "a Buffalo, N.Y., doctor"
                self.tags[obj] == POSS or (self.tags[obj] in (PUNCT, OTHER) and not self.cuts(obj))
            ):
                obj = self.np_end(obj + 1, limit=3)
            if obj <= ds and self.count(start, obj) <= _LONG:
                end = obj
        if self.tag(start - 1) in (VERB, ING) and self.count(start - 1, end) <= _LONG:
            start -= 1  # and the verb the head is the object of: "*fired* the shots that killed"
        return self.span(start, end)

    def gerund_head(self, head: int, rel: int, ds: int) -> tuple[int, int] | None:
        """A gerund after a preposition heads a short relative clause like a noun: "$35 a
        share at *closing, which is expected* in May"."""
        if self.tag(head) != ING or self.tag(self.back(head)) not in (PREP, DET, POSS):
            return None
        if self.count(rel, ds) > 3:
            return None
        return self.span(head, ds)

    def event_before_head(self, head: int, rel: int, ds: int) -> int | None:
        """A relative clause that schedules its head ("which is expected") where the head names
        no event: the noun naming an event whose phrase the head ends, "a *ruling* on the case,
        which is expected" next month; else None."""
        if self.tag(head) != NOUN or self.names_event(head):
            return None
        scheduled = (self.lex["scheduling"] - {"due"}) & set(self.lows[rel:ds])
        if self.count(rel, ds) > 4 or not scheduled:
            return None
        k = self.back(head)
        while k >= 0 and head - k <= 3 and self.tags[k] in (NOUN, DET, POSS, OTHER):
            k -= 1
        if self.low(k) not in ("on", "of", "for") or self.tag(k - 1) != NOUN:
            return None
        return k - 1 if self.names_event(k - 1) else None

    def date_list(self, ds: int) -> bool:
        """Whether the date phrase at ``ds`` lists or spans several dates: "in 2011 and 2016",
        "between 2000 and 2020"."""
        k = ds
        while k < self.n and self.tags[k] != TIME and k - ds < 3:
            k += 1
        first = k
        while k < self.n and self.tags[k] == TIME:
            k += 1
        if any(self.lows[i] in ("and", "to", "through") for i in range(first, k)):
            return True  # one timex, a range: "between 2000 and 2020"
        glue = k
        while glue < self.n and self.lows[glue] in _LIST_GLUE and glue - k < 2:
            glue += 1
        return glue > k and self.tag(glue) == TIME

    def reported(self, lo: int, first: int, ds: int, de: int, hi: int) -> tuple[int, int] | None:
        """5. "X said on Monday that Y": "said on Monday that Y". "Y, X said Monday.": Y."""
        reporting = self.lex.saying  # "that" after
        verb = self.back(ds)
        while verb >= first and self.tags[verb] in (NOUN, PRON, DET, ADV):
            verb -= 1  # "told reporters on Monday"
        if verb < first or self.lows[verb] not in reporting:
            verb = self.forth(de)
            while verb < hi and self.tags[verb] == ADV:
                verb += 1
            if verb >= hi or self.lows[verb] not in reporting:
                return None
        elif self.back(ds) > verb and self.tag(self.forth(de)) in FINITE:
            return None  # "said it now holds": the date is in what was said
        # what was said, after the date: "said Friday (that) it had losses"
        k = self.forth(de if verb < ds else verb + 1)
        if self.lows[verb] not in self.lex["reporting_verbs"] and self.low(k) != "that":
            return None  # "announced its agreements": what was announced is no clause
        if self.low(k) in ("that", ":", ","):
            k += 1
        if k < self.n:
            end = self.clause_end(k)
            if self.has(k, end, FINITE):
                said = self.clause_after(k)
                if said is None:
                    return None
                # the saying and what was said: "said Friday that it had losses"
                stop = bisect.bisect_left(self.starts, said[1])
                budget = MAX_WORDS + min(self.count(ds, de), 2) if verb < ds else MAX_WORDS
                end = self.after_words(verb, stop, budget)
                if not self.count(k, end, CONTENT):  # a long date: what was said all the same
                    end = self.after_words(k, stop, SLACK)
                return self.span(verb, end)
        # "Y, X said Monday.": what was said came first
        if lo >= 0 and self.lows[lo] == "," and self.lows[verb] in self.lex["reporting_verbs"]:
            begin = self.forth(0)
            if self.has(begin, lo, FINITE):
                if self.count(begin, verb + 1) <= LONGEST:
                    # short: both, "The toll has risen to 12, officials said"
                    return self.span(begin, verb + 1)
                return self.clause_after(begin)
        return None

    # ----------------------------------------------------------------- clauses

    def clause_after(self, i: int) -> tuple[int, int] | None:
        """The clause from token ``i``, past verbless or participial fragments (three at most)."""
        k = i
        fallback: tuple[int, int] | None = None
        listed: int | None = None
        apposed = False
        if self.tag(self.forth(i)) == SUB:  # "Now, although X, Y": the main clause Y
            k = self.clause_end(self.forth(i))
        for _ in range(4):
            k = self.forth(k)
            relative = False
            while k < self.n and (
                self.tags[k] in (PUNCT, CONJ) or (self.tags[k] in (SUB, REL, THAT) and k > i)
            ):
                relative = relative or self.tags[k] == REL
                k += 1
            if k >= self.n:
                break
            end = self.clause_end(k)
            verb = self.first_verb(k, end)
            if (
                verb is not None
                and verb > k
                and all(self.tags[m] in NP_WORDS for m in range(k, verb))
                and self.participle_modifier(verb, end)
                and self.has(end + 1, self.n, FINITE)
            ):
                # a subject and a participle phrase on it, "a group *led by* three directors,":
                # on to its verb
                fallback = fallback or (k, end)
                listed = None
                apposed = True  # and the names after it are its apposition, not a list
                k = end
                continue
            if verb is not None:
                relative = relative or (verb == k and self.participle_modifier(k, end))
                if relative and listed is not None and self.low(end) == ",":
                    # "X, which is among ..., completed Y": on to the main clause
                    fallback = (listed, end)  # else the subject and its relative clause
                    listed = None
                elif self.tags[verb] != ING or self.count(k, verb, CONTENT):
                    if listed is not None and verb > k and not self.has(k, verb, _LISTING):
                        listed = None  # a subject of its own: "In Madrid, Spain, *the alliance*"
                    begin = k if listed is None else listed
                    stop = self.after_words(begin, end, MAX_WORDS)
                    last = verb  # the verb group's last verb: "still had not *signed*"
                    while last + 1 < end and self.tags[last + 1] in (AUX, VERB, ADV, NEG):
                        last += 1
                    while last > verb and self.tags[last] in (ADV, NEG):
                        last -= 1
                    if last >= stop or (last == stop - 1 and stop < end):
                        # a long subject, no room left for what follows the verb: from its
                        # verb group, "... *moved to the border*"
                        begin = verb
                        while begin > k and self.tags[begin - 1] in (AUX, ADV, NEG):
                            begin -= 1
                        stop = self.after_words(begin, end, MAX_WORDS)
                    return self.span(begin, stop)
                fallback = fallback or (k, end)
            elif self.count(k, end, CONTENT):
                fallback = fallback or (k, end)
                # a list subject, "Poland, Hungary and the Czech Republic can ...", is kept
                if self.tags[k] in (NOUN, DET) and self.low(end) == "," and not apposed:
                    listed = k if listed is None else listed
                else:
                    listed = None
            k = end
        if fallback is None:
            return None
        k, end = fallback
        return self.span(k, self.after_words(k, end, MAX_WORDS))

    def participle_modifier(self, k: int, end: int) -> bool:
        """Whether the fragment ``k..end`` between commas is a participle phrase on the noun
        before it, not a clause: "a group of lenders, *led by a bank*, has extended"."""
        return (
            self.lows[k].endswith("ed")
            and self.low(k + 1) == "by"
            and self.low(end) == ","
            and not self.has(k + 1, end, FINITE)
        )

    def clause_before(self, lo: int) -> tuple[int, int] | None:
        """The clause ending at token ``lo`` (a boundary), past a verbless list."""
        if lo <= 0:
            return None
        k = lo - 1
        while k >= 0 and not self.cuts(k):
            k -= 1
        start = k + 1
        if self.lows[k : k + 1] == [","] and (not self.has(start, lo) or self.restated(k)):
            merged = self.merge_left(k)
            start = start if merged is None else merged  # 0: the sentence's start
        return self.left_clause(start, lo)

    def merge_left(self, comma: int) -> int | None:
        """Start of the first clause with a verb left of a list: "engulfed A, B, C and D"."""
        k = comma
        for _ in range(12):
            j = k - 1
            while j >= 0 and not self.cuts(j):
                j -= 1
            if self.has(j + 1, k):
                return j if j >= 0 and self.tags[j] in (REL, THAT) else j + 1
            if j < 0 or self.lows[j] != ",":
                return None
            k = j
        return None

    def back_to_verb(self, start: int, first: int, end: int) -> int:
        """Where a phrase of the last words of a long clause, from a noun phrase at ``first``
        past :data:`_LONG` words, starts: back over the prepositions and noun phrases before it
        to the verb that takes them, or else to the noun they hang on, within :data:`LONGEST`
        words: "*engaging in a fraud to hide the losses of its clients*" over (a period)."""
        if self.count(first, end) <= _LONG:
            return first
        best, k = first, first
        while k > start and self.count(k - 1, end) <= LONGEST:
            k -= 1
            tag = self.tags[k]
            if tag in (VERB, ING):
                while k > start and self.tags[k - 1] in (ADV, NEG):
                    k -= 1
                return k
            if tag not in NP_WORDS and tag != PREP:
                break
            if (
                tag in NP_WORDS
                and self.tag(k - 1) in (VERB, ING, PREP)
                and k - 1 >= start
                and self.lows[first - 1] == "of"
            ):
                best = k  # the object its "of" phrase hangs on: "*a charge of* $5.3 million"
        return best

    def left_clause(self, start: int, end: int) -> tuple[int, int] | None:
        """The clause ``start..end`` before the date: its last words, with a verb."""
        if start < end and self.tags[start] in (REL, THAT) and start > 0:
            found = self.relative_head(start, end)
            if found is not None:
                return found
        if self.count(start, end) <= MAX_WORDS:
            return self.span(start, end)
        first = self.before_words(end, start, MAX_WORDS)
        for k in range(end - 2, first - 1, -1):
            if self.lows[k] in ("and", "or") and self.tags[k + 1] == ING:
                # a participle coordinated near the date: "before throwing in the towel and
                # *reducing its stake* in early September"
                return self.span(k + 1, end)
        verb = self.first_verb(start, first, FINITE)
        if verb is None and self.tags[start] == ING:
            verb = start  # a participle clause: "*adding Greece in 1952 and Spain* in 1982"
        if verb is not None:
            # the clause's verb further back: from its verb group, if within reach
            while verb > start and self.tags[verb - 1] in (AUX, ADV, NEG):
                verb -= 1
            if self.tag(verb - 1) == PRON and self.count(verb - 1, end) <= LONGEST:
                verb -= 1  # "it has been expanded to include ..."
            subject = self.subject_start(verb - 1) if self.tag(verb - 1) == NOUN else verb
            if subject >= start and self.count(subject, end) <= _THROUGH:
                return self.span(subject, end)
            if self.count(verb, end) <= LONGEST:
                return self.span(verb, end)
            main = verb
            while main < first and self.tags[main] in (AUX, ADV, NEG, PRON):
                main += 1
            if (
                main > verb
                and self.tags[main] == VERB
                and self.lows[main].endswith(("ed", "en", "wn"))
                and self.count(main, end) <= LONGEST
            ):
                return self.span(main, end)  # the verb, past its auxiliaries: "*placed in ...*"
        if self.has(first, end, FINITE) or not self.has(start, first, FINITE):
            # not from the middle of a noun phrase: its start, if near, else after it
            k = first
            while k > start and first - k < SLACK and self.tags[k - 1] in NP_WORDS:
                k -= 1
            if k == start or self.tags[k - 1] not in NP_WORDS:
                first = k
            else:
                after = first
                while after < end and self.tags[after] in NP_WORDS:
                    after += 1
                first = after if after < end else first
            return self.span(self.back_to_verb(start, first, end), end)
        # the verb is further back: from the verb group on
        verb = first - 1
        while verb > start and self.tags[verb] not in FINITE:
            verb -= 1
        while verb > start and self.tags[verb - 1] in (AUX, ADV, NEG):
            verb -= 1
        if self.tag(verb - 1) in (NOUN, PRON):
            verb -= 1
        return self.span(verb, self.after_words(verb, end, MAX_WORDS))
