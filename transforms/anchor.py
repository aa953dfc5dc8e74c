"""Anchoring an event mention to its date: the clause's expression, else the sentence's, else the paragraph's."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

from transforms.temporal import Interval, Timex

METHODS = ("clause", "sentence", "paragraph", "dct_window", "since", "before_statement", "speaker_statement", "none")
# a reported statement is dated by the article: it was made in the week before publication
REPORT_WINDOW_DAYS = 7


@dataclass(frozen=True)
class DateChoice:
    """The date chosen for one event mention, the words it came from and how it was chosen."""

    start: date | None
    end: date | None
    precision: str | None
    date_text: str | None
    method: str
    future: bool
    char_start: int | None = None  # where the date words start in the text (None: no words)


def _anchorable(t: Timex) -> bool:
    """Only resolved dates anchor: durations, sets and unresolved expressions carry no day."""
    return t.kind in ("date", "future") and t.start is not None and t.end is not None


def _inside(t: Timex, span: tuple[int, int]) -> bool:
    return t.char_start < span[1] and t.char_end > span[0]


def _distance(t: Timex, trigger: tuple[int, int]) -> int:
    if t.char_end <= trigger[0]:
        return trigger[0] - t.char_end
    if t.char_start >= trigger[1]:
        return t.char_start - trigger[1]
    return 0


def _choice(t: Timex, method: str) -> DateChoice:
    return DateChoice(t.start, t.end, t.precision, t.text, method, t.kind == "future", t.char_start)


def dct_window(dct: Interval | None) -> DateChoice:
    """The date of a reported statement with no expression of its own: the week before a day DCT."""
    if dct is None:
        return DateChoice(None, None, None, None, "none", False)
    if dct.precision == "day":
        return DateChoice(dct.end - timedelta(days=REPORT_WINDOW_DAYS), dct.end, "week", None, "dct_window", False)
    return DateChoice(dct.start, dct.end, dct.precision, None, "dct_window", False)


def choose_date(timexes: Sequence[Timex], trigger: tuple[int, int], clause: tuple[int, int],
                sentence: tuple[int, int], paragraph: tuple[int, int], dct: Interval | None) -> DateChoice:
    """The event's date: nearest expression in its clause, then its sentence, then before it in its paragraph."""
    usable = [t for t in timexes if _anchorable(t)]
    for method, span in (("clause", clause), ("sentence", sentence)):
        near = [t for t in usable if _inside(t, span)]
        if near:
            # ties go to the expression after the trigger: French news puts the day after the verb ("a annoncé jeudi")
            best = min(near, key=lambda t: (_distance(t, trigger), t.char_start < trigger[0]))
            return _choice(best, method)
    before = [t for t in usable if _inside(t, paragraph) and t.char_end <= trigger[0]]
    if before:
        return _choice(max(before, key=lambda t: t.char_end), "paragraph")
    return dct_window(dct)


# How far before a dated statement a pluperfect act it reports may lie: four weeks, the span the
# temporal rules give "ces dernières semaines" (recent_default.week in temporal_fr.yaml).
ANTERIOR_DAYS = 28


def before_statement(choice: DateChoice, days: int = ANTERIOR_DAYS) -> DateChoice:
    """The interval of an act a dated statement reports in the pluperfect ("a annoncé vendredi que X
    avait livré"): it ended by the statement and began up to `days` before it, at month precision."""
    return DateChoice(
        start=choice.start - timedelta(days=days), end=choice.end, precision="month",
        date_text=choice.date_text, method="before_statement", future=False,
    )  # fmt: skip



# "depuis janvier", "dès 2019", "depuis le 1er mars": the words that open a date onto the present.
_SINCE = re.compile(r"(?:^|\s)(?:depuis|dès)\s+$", re.IGNORECASE)


def since(choice: DateChoice, text: str, dct: Interval | None) -> DateChoice:
    """An act dated "depuis X" ("a accordé depuis janvier 4 milliards d'aide") went on from X to the
    article's date: [start of X, end of DCT]. The expression itself still denotes X (temporal_fr.yaml)."""
    if dct is None or choice.start is None or choice.char_start is None or choice.future:
        return choice
    words = (choice.date_text or "").lower()
    opened = words.startswith(("depuis ", "dès ")) or _SINCE.search(text[max(0, choice.char_start - 12):choice.char_start])
    if not opened or choice.start > dct.end or choice.end >= dct.end:
        return choice
    return DateChoice(choice.start, dct.end, choice.precision, choice.date_text, "since", False, choice.char_start)


# "le lendemain" / "la veille": a day after / before the date the narrative last gave.
_NEXT_DAY = re.compile(r"\b(?:le|au|du|dès\s+le)\s+lendemain\b(?!\s+d)", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b(?:la|à\s+la|de\s+la)\s+veille\b(?!\s+d)", re.IGNORECASE)


def day_shift(choice: DateChoice, clause_text: str) -> DateChoice:
    """An act dated "le lendemain" or "la veille" of the day the paragraph last named ("L'attaque a eu
    lieu le 25 mars. Dès le lendemain, la coalition a riposté" -> 26 March); only a day moves."""
    if choice.method != "paragraph" or choice.precision != "day" or choice.start is None:
        return choice
    if _NEXT_DAY.search(clause_text):
        days = 1
    elif _DAY_BEFORE.search(clause_text):
        days = -1
    else:
        return choice
    return _moved(choice, days)


# Nouns by which a clause is dated from another act: "au LENDEMAIN de la destitution", "à la VEILLE du sommet".
_AROUND = {"lendemain": -1, "veille": 1}


def around_act(choice: DateChoice, governor_lemma: str) -> DateChoice:
    """An act named as what the dated clause came the day after or before ("Adly Mansour a prêté serment
    jeudi, au lendemain de LA DESTITUTION de Morsi" -> Wednesday); only a day taken from the clause moves."""
    days = _AROUND.get(governor_lemma)
    if days is None or choice.method not in ("clause", "sentence") or choice.precision != "day" or choice.start is None:
        return choice
    return _moved(choice, days)


def _moved(choice: DateChoice, days: int) -> DateChoice:
    """A day-precision choice moved by a number of days, all else kept."""
    delta = timedelta(days=days)
    return replace(choice, start=choice.start + delta, end=choice.end + delta)
