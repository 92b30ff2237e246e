"""Calendar arithmetic of the SKP cycle: the periods an SKP covers, which are due, and the
working days of a range. Pure Python (no Django), like rules.py, on top of its periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from penata.performance.rules import EvaluationPeriod, evaluation_periods

WEEKDAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def skp_periods(
    year: int, frequency: str, start: dt.date, end: dt.date
) -> tuple[EvaluationPeriod, ...]:
    """The periodic evaluations of an SKP running from `start` to `end` within `year`."""
    return tuple(
        p for p in evaluation_periods(year, frequency) if p.end >= start and p.start <= end
    )


def period_number(year: int, frequency: str, number: int) -> EvaluationPeriod | None:
    """Period `number` (1…) of `frequency` in `year`, or None when there is no such period."""
    periods = evaluation_periods(year, frequency)
    return periods[number - 1] if 1 <= number <= len(periods) else None


def due_date(period_end: dt.date, grace_days: int) -> dt.date:
    """The last day on which the evaluation of a period is still on time."""
    return period_end + dt.timedelta(days=grace_days)


def due_periods(
    periods: Iterable[EvaluationPeriod], on: dt.date, grace_days: int
) -> list[EvaluationPeriod]:
    """Periods whose evaluation is overdue on `on` unless already rated."""
    return [p for p in periods if due_date(p.end, grace_days) < on]


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every day from `start` to `end`, both included."""
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def is_working_day(
    day: dt.date, weekdays: frozenset[int], calendar: Mapping[dt.date, bool]
) -> bool:
    """Whether `day` is a working day: `calendar` maps the dates the instansi or the national
    list name to whether they are days off; other dates follow the weekly pattern."""
    if day in calendar:
        return not calendar[day]
    return day.weekday() in weekdays


def working_days(
    start: dt.date, end: dt.date, weekdays: frozenset[int], calendar: Mapping[dt.date, bool]
) -> list[dt.date]:
    """The working days from `start` to `end`, both included."""
    return [d for d in days(start, end) if is_working_day(d, weekdays, calendar)]


def months_covered(start: dt.date, end: dt.date) -> int:
    """Whole and part months from `start` to `end` (for angka kredit of a partial year)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def parse_weekdays(text: str) -> frozenset[int]:
    """ "01234" → {0, 1, 2, 3, 4}; raises ValueError on anything else than digits 0–6."""
    cleaned = text.strip()
    if not cleaned or any(c not in "0123456" for c in cleaned) or len(set(cleaned)) != len(cleaned):
        raise ValueError(text)
    return frozenset(int(c) for c in cleaned)
