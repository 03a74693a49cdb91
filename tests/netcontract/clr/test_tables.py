"""The tables the codecs compute once, at import, checked against values found independently.

Each builder is also called here, not only its result read: mutation testing (README,
"Mutation testing") runs a mutant in a process that imported the codecs unmutated, where only
a call made by a test reaches the mutated builder.

Sources of the expected values:
- the proleptic Gregorian calendar of Python's ``datetime.date``, which .NET's ``DateTime``
  also counts in (tick 0 is 0001-01-01, test_datetime.py's [Mono] rows);
- exact powers of ten (``fractions.Fraction``), which the double parser's multiplications
  approximate (README, "Numbers": the runtime's lossy multiply and its own table of powers).
"""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction

from netcontract.clr import datetime as _datetime
from netcontract.clr import numbers as _numbers


def test_offset_texts_are_sign_hours_colon_minutes() -> None:
    texts = [_datetime._offset_text(m) for m in range(-840, 841)]
    expected = [
        f"{'-' if m < 0 else '+'}{abs(m) // 60:02d}:{abs(m) % 60:02d}" for m in range(-840, 841)
    ]
    assert texts == expected
    assert (texts[0], texts[839], texts[840], texts[841], texts[-1]) == (
        "-14:00",
        "-00:01",
        "+00:00",
        "+00:01",
        "+14:00",
    )
    assert _datetime._offset_text(-90) == "-01:30"
    assert _datetime._offset_text(330) == "+05:30"
    assert list(_datetime._OFFSETS) == expected


def test_month_table_counts_days_as_the_gregorian_calendar() -> None:
    # (days from 0001-01-01 to the day before the 1st, days in the month)
    expected = {
        f"{year:04d}-{month:02d}": (
            dt.date(year, month, 1).toordinal() - 2,
            calendar.monthrange(year, month)[1],
        )
        for year in range(1900, 2200)
        for month in range(1, 13)
    }
    assert _datetime._month_table(1900, 2199) == expected
    assert expected == _datetime._MONTHS
    assert _datetime._month_table(2000, 2000)["2000-02"] == (730149, 29)


def test_double_parser_power_steps_multiply_to_the_power_of_ten() -> None:
    limit = _numbers._SCALE_LIMIT
    steps = _numbers._build_steps()
    assert steps == _numbers._STEPS
    assert len(steps) == 2 * limit - 1
    worst = Fraction(0)
    for index, row in enumerate(steps):
        scale = index - limit + 1
        sign = -1 if scale < 0 else 1
        # 10^scale = 10^(k) * 10^(16j), k = |scale| % 16 first; no step for a zero part
        powers = [sign * (abs(scale) % 16)] if abs(scale) % 16 else []
        powers += [sign * 16 * (abs(scale) // 16)] if abs(scale) >= 16 else []
        assert len(row) == len(powers), scale
        for (mantissa, delta), power in zip(row, powers, strict=True):
            # a 64-bit mantissa with its top bit set, scaled by 2^(delta - 64)
            assert 1 << 63 <= mantissa < 1 << 64, scale
            value = Fraction(mantissa, 1 << 64) * Fraction(2) ** delta
            error = abs(value / Fraction(10) ** power - 1)
            assert error < Fraction(1, 1 << 56), (scale, power)
            worst = max(worst, error)
    assert worst > Fraction(1, 1 << 60)  # the runtime's own table: not all correctly rounded
