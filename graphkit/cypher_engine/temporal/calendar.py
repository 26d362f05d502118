"""Proleptic Gregorian calendar arithmetic on epoch days, for any year Cypher allows.

Python's ``datetime`` stops at year 9999, while Cypher dates run from -999,999,999 to
+999,999,999, so dates are kept as days since 1970-01-01 and converted with Howard Hinnant's
civil-date algorithms.

Examples
--------
>>> days_from_civil(1970, 1, 2)
1
>>> civil_from_days(days_from_civil(-999999999, 1, 1))
(-999999999, 1, 1)
>>> iso_week_date(days_from_civil(1984, 1, 1))
(1983, 52, 7)
"""

from __future__ import annotations

DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def is_leap_year(year: int) -> bool:
    """Return whether ``year`` has a 29th of February.

    >>> is_leap_year(2000), is_leap_year(1900)
    (True, False)
    """
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of ``month`` in ``year``.

    >>> days_in_month(1984, 2)
    29
    """
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_in_year(year: int) -> int:
    """Return 366 for leap years, 365 otherwise.

    >>> days_in_year(1984)
    366
    """
    return 366 if is_leap_year(year) else 365


def days_from_civil(year: int, month: int, day: int) -> int:
    """Return the epoch day (days since 1970-01-01) of a calendar date.

    >>> days_from_civil(2015, 7, 21)
    16637
    """
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(epoch_day: int) -> tuple[int, int, int]:
    """Return ``(year, month, day)`` of an epoch day.

    >>> civil_from_days(16637)
    (2015, 7, 21)
    """
    shifted = epoch_day + 719468
    era = shifted // 146097
    day_of_era = shifted - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def day_of_week(epoch_day: int) -> int:
    """Return the ISO day of week, Monday 1 to Sunday 7 (1970-01-01 was a Thursday).

    >>> day_of_week(0)
    4
    """
    return (epoch_day + 3) % 7 + 1


def ordinal_day(year: int, month: int, day: int) -> int:
    """Return the day of the year, 1 for the 1st of January.

    >>> ordinal_day(1984, 10, 11)
    285
    """
    return DAYS_BEFORE_MONTH[month] + day + (month > 2 and is_leap_year(year))


def first_monday_of_week_year(week_year: int) -> int:
    """Return the epoch day of the Monday starting ISO week 1 (the week holding the 4th of January).

    >>> civil_from_days(first_monday_of_week_year(1817))
    (1816, 12, 30)
    """
    fourth = days_from_civil(week_year, 1, 4)
    return fourth - (day_of_week(fourth) - 1)


def weeks_in_week_year(week_year: int) -> int:
    """Return 53 for ISO week years with a week 53, else 52.

    >>> weeks_in_week_year(1818), weeks_in_week_year(1817)
    (53, 52)
    """
    return (first_monday_of_week_year(week_year + 1) - first_monday_of_week_year(week_year)) // 7


def iso_week_date(epoch_day: int) -> tuple[int, int, int]:
    """Return ``(week_year, week, day_of_week)`` of an epoch day.

    >>> iso_week_date(days_from_civil(1984, 10, 11))
    (1984, 41, 4)
    """
    year = civil_from_days(epoch_day)[0]
    week_year = year + 1
    if epoch_day < first_monday_of_week_year(week_year):
        week_year = year
        if epoch_day < first_monday_of_week_year(week_year):
            week_year = year - 1
    week = (epoch_day - first_monday_of_week_year(week_year)) // 7 + 1
    return week_year, week, day_of_week(epoch_day)


def quarter_of(month: int) -> int:
    """Return the quarter (1-4) a month falls in.

    >>> quarter_of(11)
    4
    """
    return (month - 1) // 3 + 1


def day_of_quarter(year: int, month: int, day: int) -> int:
    """Return the day within the quarter, 1 for its first day.

    >>> day_of_quarter(1984, 11, 11)
    42
    """
    first_month = (quarter_of(month) - 1) * 3 + 1
    return days_from_civil(year, month, day) - days_from_civil(year, first_month, 1) + 1


def plus_months(year: int, month: int, day: int, months: int) -> tuple[int, int, int]:
    """Return the date ``months`` later, clamping the day to the new month's length as Java does.

    >>> plus_months(1984, 1, 31, 1)
    (1984, 2, 29)
    """
    total = year * 12 + (month - 1) + months
    new_year, new_month = total // 12, total % 12 + 1
    return new_year, new_month, min(day, days_in_month(new_year, new_month))
