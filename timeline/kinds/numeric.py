"""Dates written in numbers: which number is the month, which the day, which the year.

"3/12/2025" is March 12 in the United States and 3 December in most of the world; "10.01.2022"
is written day first wherever dots are used. The setting ``date_order`` ("MDY", "DMY" or
"YMD", as in :func:`timeline.extract`) says which; without it, slashes and dashes are read
month first (as in English-language news) and dots day first. A form only one reading makes a
date wins whatever the setting: "31/10/1974" is October 31 even month first.

>>> numeric_date({"n1": "3", "sep": "/", "n2": "12", "n3": "2025"}, None, 2022)
(2025, 3, 12)
>>> numeric_date({"n1": "3", "sep": "/", "n2": "12", "n3": "2025"}, "DMY", 2022)
(2025, 12, 3)
>>> numeric_date({"n1": "10", "sep": ".", "n2": "01", "n3": "2022"}, None, 2022)
(2022, 1, 10)
>>> numeric_date({"n1": "31", "sep": "/", "n2": "10", "n3": "74"}, "MDY", 2022)
(1974, 10, 31)
>>> numeric_date({"n1": "2", "sep": "/", "n2": "15"}, None, 2022)
(None, 2, 15)
>>> numeric_date({"n1": "2", "sep": "/", "n2": "30"}, None, 2022) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from timeline.calendar import is_valid_date
from timeline.kinds.base import DateOrder
from timeline.kinds.values import two_digit_year

__all__ = ["DATE_ORDERS", "DateOrder", "check_date_order", "numeric_date", "reads_as_month"]

DATE_ORDERS: tuple[str, ...] = get_args(DateOrder)


def check_date_order(date_order: object) -> DateOrder | None:
    """``date_order`` checked: None, "MDY", "DMY" or "YMD"; else a ValueError naming it.

    >>> check_date_order("dmy")
    'DMY'
    """
    if date_order is None:
        return None
    if isinstance(date_order, str) and date_order.upper() in DATE_ORDERS:
        return date_order.upper()  # type: ignore[return-value]
    raise ValueError(f"date_order must be None, 'MDY', 'DMY' or 'YMD', not {date_order!r}")


def numeric_date(
    groups: Mapping[str, str], order: DateOrder | None, base_year: int | None
) -> tuple[int | None, int, int] | None:
    """Year (None if not written), month and day of a date in numbers, or None if no reading
    makes it a date.

    ``groups`` are the numbers as written, ``n1``, ``n2`` and the optional ``n3`` (the year
    when ``n1`` is not one), and the separator ``sep``. A two-digit year is the one nearest
    ``base_year`` (:func:`timeline.kinds.values.two_digit_year`).
    """
    n1, n2, n3 = groups["n1"], groups["n2"], groups.get("n3")
    if order is None:
        order = "DMY" if groups.get("sep") == "." else "MDY"
    year_text: str | None = n3
    first, second = n1, n2
    if n3 is not None and order == "YMD" and len(n1) == 2 and len(n3) == 2:
        year_text, first, second = n1, n2, n3  # "22/01/10" read year first
    month, day = (int(second), int(first)) if order == "DMY" else (int(first), int(second))
    if not is_valid_date(2000, month, day) and is_valid_date(2000, day, month):
        month, day = day, month  # the only reading that makes a date: "31/10"
    year = None
    if year_text is not None:
        year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text), base_year)
    if not is_valid_date(2000 if year is None else year, month, day):
        return None
    return year, month, day


def reads_as_month(first: str, separator: str, second: str) -> bool:
    """Whether a year and a two-digit number, "2024-10", name a month rather than a span of
    years: the second is a month's number, neither after the first year's last two digits
    ("2011-13", "2019-20" are spans) nor the next year ("2009-10", a season); an en dash
    always marks a span.

    >>> [reads_as_month(y, "-", n) for y, n in [("2024", "10"), ("2011", "13"), ("2008", "09")]]
    [True, False, False]
    >>> reads_as_month("1999", "-", "00"), reads_as_month("2024", "–", "10")
    (False, False)
    """
    if separator not in ("-", "/") or len(second) != 2:
        return False
    year, number = int(first), int(second)
    if number == (year + 1) % 100 or number > year % 100:
        return False
    return 1 <= number <= 12
