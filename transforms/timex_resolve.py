"""Resolving one matched temporal expression to a calendar span, against the document creation time."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from transforms.timex_calendar import (
    PROMOTE, Span, Window, apply_part, month_span, over_window, season_span, shift, unit_span,
)
from transforms.timex_rules import RuleSet


class Unresolvable(Exception):
    """The match names no real day (e.g. 31 février): the candidate is dropped."""


def _int(rs: RuleSet, word: str | None) -> int | tuple[int, int] | None:
    """A number word or digits; vague counts come back as (min, max)."""
    if word is None:
        return None
    digits = re.sub(r"\s", "", word)
    if digits.isdigit():
        return int(digits)
    val = rs.lookup("numbers", word)
    if isinstance(val, str):
        lo, hi = rs.params["vague_counts"][val]
        return (int(lo), int(hi))
    return val


def _day(word: str) -> int:
    return 1 if word.lower() in ("1er", "premier") else int(word)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _calendar(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    month = int(g["month"]) if g["month"].isdigit() else rs.lookup("months", g["month"])
    day = _day(g["day"])
    wd = rs.lookup("weekdays", g.get("wd"))
    if g.get("year"):
        d = _safe_date(int(g["year"]), month, day)
        if d is None:
            raise Unresolvable(g)
        return Span(d, d, "day")
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        raise Unresolvable(g)
    horizon = timedelta(days=int(rs.params["future_horizon_days"]))
    ratio = float(rs.params["future_ratio"][g.get("tense") or "neutral"])
    if wd is not None and dct is not None:
        # a weekday that fits a single year of the DCT window fixes the day
        inside = [c for c in (_safe_date(y, month, day) for y in range(dct[0].year, dct[1].year + 1))
                  if c and c.weekday() == wd and dct[0] - horizon <= c <= dct[1] + horizon]
        if len(inside) == 1:
            return Span(inside[0], inside[0], "day", inside[0] > dct[1])

    def at(ref: date) -> Span | None:
        cands = [c for c in (_safe_date(y, month, day) for y in range(ref.year - 6, ref.year + 2)) if c]
        if wd is not None:
            fits = [c for c in cands if c.weekday() == wd and c <= ref + horizon]
            if fits:
                c = max(fits)
                return Span(c, c, "day", c > ref)
        past = max((c for c in cands if c <= ref), default=None)
        nxt = min((c for c in cands if c > ref), default=None)
        c = past
        if nxt is not None and (past is None or (nxt - ref) < ratio * (ref - past)):
            c = nxt
        return Span(c, c, "day", c > ref) if c else None

    return over_window(at, dct)


def _month_of(month: int, ref: date, mode: str, year_off: int | None) -> Span:
    if year_off is not None:
        y = ref.year + year_off
    elif mode == "last":
        y = ref.year if month < ref.month else ref.year - 1
    elif mode == "next":
        y = ref.year if month > ref.month else ref.year + 1
    elif mode == "ahead":
        y = ref.year if month >= ref.month else ref.year + 1
    else:
        y = ref.year if month <= ref.month else ref.year - 1
    s, e = month_span(y, month)
    return Span(s, e, "month", s > ref)


def _month(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    month = rs.lookup("months", g["month"])
    part = rs.lookup("parts", g.get("part"))
    if g.get("year"):
        s, e = month_span(int(g["year"]), month)
        return apply_part(Span(s, e, "month"), part, dct[1] if dct else None)
    year_off = rs.lookup("year_rel", g.get("rel"))
    mod = rs.lookup("mods", g.get("mod"))
    mode = {None: "bare", -1: "last", 1: "next"}[mod]
    if mode == "bare" and g.get("tense") == "future":
        mode = "ahead"
    return over_window(lambda ref: apply_part(_month_of(month, ref, mode, year_off), part, ref), dct)


def _month_span(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    m1, m2 = rs.lookup("months", g["month"]), rs.lookup("months", g["month2"])

    def build(y2: int, ref: date | None) -> Span:
        y1 = y2 if m1 <= m2 else y2 - 1
        return Span(month_span(y1, m1)[0], month_span(y2, m2)[1], "month", bool(ref and date(y1, m1, 1) > ref))

    if g.get("year"):
        return build(int(g["year"]), None)
    return over_window(lambda ref: build(ref.year if m2 <= ref.month else ref.year - 1, ref), dct)


def _day_range(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    last = _calendar({"day": g["day2"], "month": g["month"], "year": g.get("year")}, rs, dct)
    if last is None:
        return None
    first = _safe_date(last.start.year, last.start.month, _day(g["day"]))
    if first is None or first > last.start:
        raise Unresolvable(g)
    return Span(first, last.end, "day", last.future)


def _year(g: dict, rs: RuleSet, dct: Window | None) -> Span:
    y = int(g["year"])
    return apply_part(Span(date(y, 1, 1), date(y, 12, 31), "year"), rs.lookup("parts", g.get("part")),
                      dct[1] if dct else None)


def _year_span(g: dict, rs: RuleSet, dct: Window | None) -> Span:
    y1, y2 = int(g["year"]), int(g["year2"])
    if y2 < y1:
        raise Unresolvable(g)
    return Span(date(y1, 1, 1), date(y2, 12, 31), "year")


def weekday_span(wd: int, mode: str, dct: Window | None) -> Span | None:
    """A weekday against the DCT: see the conventions in temporal_fr.yaml."""
    if dct is None:
        return None
    start, end, prec = dct
    if mode == "ahead" and prec != "day":
        mode = "bare"  # a month-known article keeps the span of the month's weekdays, whatever the tense
    if prec == "day" or mode == "next":
        def at(d: date) -> Span:
            if mode == "next":
                c = d + timedelta(days=(wd - d.weekday()) % 7 or 7)
            elif mode == "ahead":
                c = d + timedelta(days=(wd - d.weekday()) % 7)
            elif mode == "upto":
                c = d - timedelta(days=(d.weekday() - wd) % 7)
            elif mode == "this":
                c = d - timedelta(days=d.weekday()) + timedelta(days=wd)
            else:
                c = d - timedelta(days=(d.weekday() - wd) % 7 or 7)
            return Span(c, c, "day", c > d)
        return over_window(at, dct)
    first = start + timedelta(days=(wd - start.weekday()) % 7)
    last = end - timedelta(days=(end.weekday() - wd) % 7)
    if first > last:
        return None
    return Span(first, last, "day" if first == last else prec)


def _weekday(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    wd = rs.lookup("weekdays", g["wd"])
    mod = rs.lookup("mods", g.get("mod"))
    pre = (g.get("pre") or "").lower()
    mode = "next" if mod == 1 else "this" if pre == "ce" else "bare"
    if mode == "bare" and mod is None and g.get("tense") == "future":
        mode = "ahead"
    elif mode == "bare" and mod is None and g.get("tense") == "past":
        # "X a annoncé jeudi" in a Thursday article is that very day (news report the same day);
        # "jeudi dernier" (mod -1) keeps the previous week.
        mode = "upto"
    return weekday_span(wd, mode, dct)


def _weekday_night(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    span = weekday_span(rs.lookup("weekdays", g["wd2"]), "upto", dct)
    return None if span is None else Span(span.start - timedelta(days=1), span.end, span.precision)


def _deictic(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    k = int(rs.lookup("deictics", g["deictic"]))
    return over_window(lambda d: Span(d + timedelta(days=k), d + timedelta(days=k), "day", k > 0), dct)


def _weekend(d: date, off: int) -> Span:
    monday = d - timedelta(days=d.weekday())
    if off < 0:
        sat = monday - timedelta(days=2)
    elif off == 0:
        sat = monday + timedelta(days=5)
    else:
        sat = monday + timedelta(days=5) if d.weekday() < 5 else monday + timedelta(days=12)
    return Span(sat, sat + timedelta(days=1), "week", sat > d)


def _relative(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    word = g["unit"].lower()
    off = rs.lookup("mods", g.get("mod")) or 0
    part = rs.lookup("parts", g.get("part"))
    if word == "week-end":
        return over_window(lambda d: _weekend(d, off), dct)
    unit = rs.lookup("units", word)

    def at(d: date) -> Span:
        s, e = unit_span(shift(d, unit, off), unit)
        return apply_part(Span(s, e, unit, off > 0), part, d)

    return over_window(at, dct)


def _season(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    season = rs.lookup("seasons", g["season"])
    part = rs.lookup("parts", g.get("part"))
    if g.get("year"):
        s, e = season_span(season, int(g["year"]))
        return apply_part(Span(s, e, "quarter"), part, dct[1] if dct else None)
    mod = rs.lookup("mods", g.get("mod"))
    det = (g.get("det") or "").strip().lower()

    def at(d: date) -> Span | None:
        spans = [season_span(season, y) for y in range(d.year - 2, d.year + 3)]
        if mod == -1:
            pick = [sp for sp in spans if sp[1] < d][-1]
        elif mod == 1:
            pick = [sp for sp in spans if sp[0] > d][0]
        elif det in ("cet", "ce", "cette"):
            inside = [sp for sp in spans if sp[0] <= d <= sp[1]]
            pick = inside[0] if inside else season_span(season, d.year)
        else:
            pick = [sp for sp in spans if sp[0] <= d][-1]
        return apply_part(Span(pick[0], pick[1], "quarter", pick[0] > d), part, d)

    return over_window(at, dct)


def _offset(g: dict, rs: RuleSet, dct: Window | None, sign: int) -> Span | None:
    n = _int(rs, g["n"])
    unit = rs.lookup("units", g["unit"])
    if n is None or unit is None:
        return None
    lo, hi = n if isinstance(n, tuple) else (n, n)

    def at(d: date) -> Span:
        a = unit_span(shift(d, unit, sign * (hi if sign < 0 else lo)), unit)
        b = unit_span(shift(d, unit, sign * (lo if sign < 0 else hi)), unit)
        prec = unit if lo == hi else PROMOTE[unit]
        return Span(a[0], b[1], prec, sign > 0)

    return over_window(at, dct)


def _recent(g: dict, rs: RuleSet, dct: Window | None, sign: int) -> Span | None:
    unit = rs.lookup("units", g["unit"])
    n = _int(rs, g.get("n"))
    key = "recent_default" if sign < 0 else "coming_default"
    k = n[1] if isinstance(n, tuple) else n or int(rs.params[key][unit])

    def at(d: date) -> Span:
        other = shift(d, unit, sign * k)
        return Span(min(d, other), max(d, other), PROMOTE[unit] if unit != "year" else "year", sign > 0)

    return over_window(at, dct)


def _until_year(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    end = date(int(g["year"]), 12, 31)
    return over_window(lambda d: Span(min(d, end), end, "year", True), dct)


def _year_period(g: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    months = int(rs.lookup("year_periods", g["period"]))
    count = 12 // months
    rank = rs.lookup("ordinals", g["ord"])
    rank = count if rank == "last" else int(rank)
    if rank > count:
        raise Unresolvable(g)

    def of_year(y: int, ref: date | None) -> Span:
        s = date(y, (rank - 1) * months + 1, 1)
        e = month_span(y, rank * months)[1]
        return Span(s, e, "quarter", bool(ref and s > ref))

    if g.get("year"):
        return of_year(int(g["year"]), None)
    # past default: this year's period once it has begun, else last year's
    return over_window(lambda d: of_year(d.year if date(d.year, (rank - 1) * months + 1, 1) <= d else d.year - 1, d), dct)


def _decade(g: dict, rs: RuleSet, dct: Window | None) -> Span:
    y = int(g["year"]) if g.get("year") else 1900 + int(g["yy"])
    return Span(date(y, 1, 1), date(y + 9, 12, 31), "year")


RESOLVERS = {
    "year_period": _year_period, "decade": _decade,
    "calendar": _calendar, "month": _month, "month_span": _month_span, "day_range": _day_range,
    "year": _year, "year_span": _year_span, "weekday": _weekday, "weekday_night": _weekday_night,
    "deictic": _deictic, "relative": _relative, "season": _season, "until_year": _until_year,
    "offset": lambda g, rs, dct, sign: _offset(g, rs, dct, sign),
    "recent": lambda g, rs, dct: _recent(g, rs, dct, -1),
    "coming": lambda g, rs, dct: _recent(g, rs, dct, 1),
}


def resolve_groups(resolve: dict, groups: dict, rs: RuleSet, dct: Window | None) -> Span | None:
    """Dispatch a match's named groups to its rule's resolver; None = recognized but unresolved."""
    kind = resolve["type"]
    if kind in ("duration", "unresolved"):
        return None
    fn = RESOLVERS[kind]
    if kind == "offset":
        return fn(groups, rs, dct, int(resolve.get("sign", -1)))
    return fn(groups, rs, dct)
