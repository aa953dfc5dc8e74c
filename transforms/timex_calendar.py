"""Calendar arithmetic for temporal resolution: spans, units, seasons, parts, and the DCT window."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
# a vague or cumulative span ("ces dernières semaines") is known one unit coarser than its unit
PROMOTE = {"day": "week", "week": "month", "month": "quarter", "quarter": "year", "year": "year"}
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@dataclass(frozen=True)
class Span:
    """A resolved span; `future` when it lies after the reference day."""

    start: date
    end: date
    precision: str
    future: bool = False


Window = tuple[date, date, str]          # (dct start, dct end, dct precision)
RefFn = Callable[[date], "Span | None"]  # resolution against one reference day


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return a if PRECISION_ORDER[a] >= PRECISION_ORDER[b] else b


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    """`d` moved by n calendar months, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def unit_span(d: date, unit: str) -> tuple[date, date]:
    """The day, Monday-Sunday week, month, quarter or year containing `d`."""
    if unit == "day":
        return d, d
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return month_span(d.year, d.month)
    if unit == "quarter":
        q = (d.month - 1) // 3
        return date(d.year, 3 * q + 1, 1), month_span(d.year, 3 * q + 3)[1]
    return date(d.year, 1, 1), date(d.year, 12, 31)


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (days, weeks, months, quarters, years)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    return add_months(d, 12 * n)


def season_span(season: str, label_year: int) -> tuple[date, date]:
    """Meteorological season; a winter is labelled by the year of its January."""
    first = _SEASON_MONTHS[season]
    y0 = label_year - 1 if season == "winter" else label_year
    start = date(y0, first, 1)
    return start, month_span(*divmod_month(y0, first + 2))[1]


def divmod_month(year: int, month: int) -> tuple[int, int]:
    """Normalize a month number past 12 into (year, month)."""
    return year + (month - 1) // 12, (month - 1) % 12 + 1


def apply_part(span: Span, part: str | None, ref: date | None) -> Span:
    """Narrow a span to its early/mid/late part, or open it to the reference day (since/later)."""
    if not part:
        return span
    s, e, p = span.start, span.end, span.precision
    if part == "since":
        return Span(s, max(s, ref), p, False) if ref else span
    if part == "later":
        return Span(min(ref, e), e, p, True) if ref else span
    if p in ("month",):
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, e.day)}[part]
        return Span(s.replace(day=bounds[0]), s.replace(day=bounds[1]), "week", span.future)
    if p == "year":
        months = {"early": (1, 3), "mid": (4, 9), "late": (10, 12)}[part]
        return Span(date(s.year, months[0], 1), month_span(s.year, months[1])[1], "quarter", span.future)
    if p == "quarter":
        first = s if part != "late" else add_months(s, 2)
        if part == "mid":
            first = add_months(s, 1)
        a, b = month_span(first.year, first.month)
        return Span(a, b, "month", span.future)
    return span


def over_window(fn: RefFn, dct: Window | None) -> Span | None:
    """Resolve against both ends of the DCT window; disagreement widens to the coarser precision."""
    if dct is None:
        return None
    a, b = fn(dct[0]), fn(dct[1])
    if a is None or b is None:
        return None
    if (a.start, a.end, a.precision) == (b.start, b.end, b.precision) or dct[0] == dct[1]:
        return Span(a.start, a.end, a.precision, a.future and b.future)
    return Span(min(a.start, b.start), max(a.end, b.end), coarser(a.precision, dct[2]), a.future and b.future)
