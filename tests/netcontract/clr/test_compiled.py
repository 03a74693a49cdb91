"""The compiled codecs (netcontract.clr._speedups) against their pure-Python reference.

Both must give the same value or the same error on every input: on random inputs around each
grammar (differential.py, bounded here; ``python3 dev.py differential`` runs millions), and on
the Mono-checked tables of test_numbers.py, test_datetime.py and test_guid.py. Which path is in
use is visible: NETCONTRACT_PURE=1 selects the pure one (CI runs the codec, differential and
round-trip tests that way too).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netcontract.clr import compiled
from netcontract.clr import datetime as _datetime
from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr import single as _single
from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.json import text as _json_text
from netcontract.xml import write as _xml_write

sys.path.insert(0, str(Path(__file__).resolve().parent))

import differential
import test_datetime as datetime_tables
import test_guid as guid_tables
import test_numbers as numbers_tables
import test_single as single_tables

NO_SKIPS = os.environ.get("NETCONTRACT_NO_SKIPS") == "1"
PURE_WANTED = os.environ.get("NETCONTRACT_PURE", "") not in ("", "0")
MODULES = {
    "numbers": _numbers,
    "single": _single,
    "datetime": _datetime,
    "guid": _guid,
    "json.text": _json_text,
    "xml.write": _xml_write,
}

needs_extension = pytest.mark.skipif(
    compiled.extension is None and not NO_SKIPS,
    reason="the compiled codecs are not built (no C compiler)",
)


def _public_codecs() -> list[tuple[str, Any]]:
    return [(name, module) for module in MODULES.values() for name in module.PURE]


def test_codecs_in_use_follow_netcontract_pure() -> None:
    """The public codec functions are the compiled ones unless NETCONTRACT_PURE=1 is set or
    the extension is not built; CI (NETCONTRACT_NO_SKIPS=1) must have built it."""
    if NO_SKIPS:
        assert compiled.extension is not None, "CI must build netcontract.clr._speedups"
    in_use = compiled.extension is not None and not PURE_WANTED
    assert compiled.ACTIVE is in_use
    assert compiled.REASON.startswith("compiled" if in_use else "pure Python")
    for name, module in _public_codecs():
        public = getattr(module, name)
        if in_use:
            assert public is getattr(compiled.extension, name), name
        else:
            assert public is module.PURE[name], name


@needs_extension
def test_netcontract_pure_switches_every_codec_to_python() -> None:
    script = (
        "from netcontract.clr import compiled, numbers, single, datetime, guid\n"
        "from netcontract.json import text\n"
        "from netcontract.xml import write\n"
        "mods = (numbers, single, datetime, guid, text, write)\n"
        "pure = all(getattr(m, n) is f for m in mods for n, f in m.PURE.items())\n"
        "print(pure, compiled.ACTIVE, compiled.REASON)\n"
    )
    for pure, expected in (
        ("1", "True False pure Python: NETCONTRACT_PURE is set"),
        ("", "False True compiled"),
    ):
        env = {**os.environ, "NETCONTRACT_PURE": pure}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.startswith(expected), done.stdout


@needs_extension
@pytest.mark.parametrize("name", [name for name, _, _ in differential.CODECS])
def test_compiled_codec_gives_the_pure_result_on_random_inputs(name: str) -> None:
    seed = random.randrange(2**32)
    codecs = [row for row in differential.CODECS if row[0] == name]
    # run() compares every codec; one at a time here so a failure names it
    saved = differential.CODECS
    differential.CODECS = tuple(codecs)
    try:
        assert differential.run(3000, seed) == {name: 3000}, f"seed {seed}"
    finally:
        differential.CODECS = saved


def _same(name: str, module: Any, arg: Any) -> None:
    assert compiled.extension is not None
    want = differential.outcome(module.PURE[name], arg)
    got = differential.outcome(getattr(compiled.extension, name), arg)
    assert got == want, (name, arg)


_DOUBLE_TEXTS = sorted(
    {text for text, _ in numbers_tables.XML_DOUBLE_ACCEPTED}
    | set(numbers_tables.XML_DOUBLE_REFUSED)
    | {text for text, _ in numbers_tables.JSON_NUMBER_ACCEPTED}
    | set(numbers_tables.JSON_NUMBER_REFUSED)
    | {"1e400", "-1E+309", "1" + "0" * 309, "9" * 5000, "-0", "-0.0", "0e999999", ".5", "1."}
)


@needs_extension
@pytest.mark.parametrize("text", _DOUBLE_TEXTS)
def test_compiled_double_parsers_match_on_the_mono_tables(text: str) -> None:
    _same("parse_double_xml", _numbers, text)
    _same("parse_double_json_number", _numbers, text)


# Found by the differential run: the CLR reads back the 15-digit buffer with its trailing zeros
# (-999467.7716411 needs 17 digits although its 13 read back), and subnormals are spaced too
# widely for the shortest form to be the 15-digit rounding.
R_FOUND = [(-999467.7716411, "-999467.77164109994"), (5e-324, "4.94065645841247E-324")]


@needs_extension
@pytest.mark.parametrize(
    "value", [v for v, _ in numbers_tables.R_TABLE + numbers_tables.R_RUNTIME_QUIRKS + R_FOUND]
)
def test_compiled_format_double_r_matches_on_the_mono_tables(value: float) -> None:
    _same("format_double_r", _numbers, value)


@needs_extension
@pytest.mark.parametrize(("value", "text"), R_FOUND)
def test_compiled_format_double_r_checks_the_padded_15_digits(value: float, text: str) -> None:
    assert compiled.extension is not None
    assert compiled.extension.format_double_r(value) == text


@needs_extension
@pytest.mark.parametrize(
    "text",
    [row[0] for row in datetime_tables.PARSE_ACCEPTED]
    + [row[0] for row in datetime_tables.PARSE_REFUSED],
)
def test_compiled_parse_datetime_matches_on_the_mono_tables(text: str) -> None:
    _same("parse_datetime", _datetime, text)


@needs_extension
@pytest.mark.parametrize("row", datetime_tables.FORMAT_TABLE)
def test_compiled_format_datetime_matches_on_the_mono_table(row: tuple[Any, ...]) -> None:
    ticks, kind, offset, text = row
    value = DateTime(ticks, kind, offset)
    _same("format_datetime", _datetime, value)
    assert compiled.extension is not None
    assert compiled.extension.format_datetime(value) == text


def _month_edges() -> list[DateTime]:
    """The first tick of every month in the years at the edges of the month tables (both
    paths keep tables for 1900..2199) and of .NET's range, and the tick before each, in every
    kind: where a table's bound written `<=` for `<` fails."""
    values = []
    for year in (1, 1899, 1900, 1901, 2199, 2200, 2201, 9999):
        for month in range(1, 13):
            first = (date(year, month, 1).toordinal() - 1) * 864_000_000_000
            for ticks in {first, max(first - 1, 0)}:
                values.append(DateTime(ticks, DateTimeKind.UTC))
                values.append(DateTime(ticks, DateTimeKind.UNSPECIFIED))
                values.append(DateTime(ticks, DateTimeKind.LOCAL, -300))
    return values


@needs_extension
def test_compiled_datetime_codecs_match_at_the_month_table_edges() -> None:
    for value in _month_edges():
        _same("format_datetime", _datetime, value)
        text = _datetime.PURE["format_datetime"](value)
        _same("parse_datetime", _datetime, text)
        assert _datetime.PURE["parse_datetime"](text).ticks == value.ticks, text


def test_pure_datetime_codecs_round_trip_at_the_month_table_edges() -> None:
    """The pure path alone (NETCONTRACT_PURE=1 in CI runs this file): the table edges written
    and read back, literal at 2200-01-01 (a `<=` for `<` in a month table broke that day)."""
    for value in _month_edges():
        text = _datetime.PURE["format_datetime"](value)
        assert _datetime.PURE["parse_datetime"](text).ticks == value.ticks, text
    edge = DateTime((date(2200, 1, 1).toordinal() - 1) * 864_000_000_000, DateTimeKind.UTC)
    assert _datetime.PURE["format_datetime"](edge) == "2200-01-01T00:00:00Z"


@needs_extension
@pytest.mark.parametrize(
    "arg", [b"2024-01-02T03:04:05", 17, None, "2024-01-02T03:04:05\u00b2", "x" * 100]
)
def test_compiled_codecs_hand_odd_arguments_to_python(arg: Any) -> None:
    """Non-str or non-ASCII input, and objects of other types: the pure function decides."""
    for name, module in _public_codecs():
        if name == "colons_surely":  # (the document, and the longest number trusted)
            _same(name, module, differential.Args((arg, _json_text.LONGEST_NUMBER)))
            _same(name, module, differential.Args((arg, -1)))
        else:
            _same(name, module, arg)


@needs_extension
def test_compiled_parse_guid_matches_on_the_guid_tests() -> None:
    texts = [guid_tables.G, guid_tables.G.upper(), "{" + guid_tables.G + "}"]
    texts += ["(" + guid_tables.G + ")", guid_tables.G.replace("-", ""), guid_tables.G + " "]
    for text in texts:
        _same("parse_guid", _guid, text)
    assert compiled.extension is not None
    parsed = compiled.extension.parse_guid(guid_tables.G.upper())
    assert type(parsed) is uuid.UUID
    assert parsed == uuid.UUID(guid_tables.G)
    assert parsed.is_safe is uuid.SafeUUID.unknown


@needs_extension
@pytest.mark.parametrize("row", single_tables.FORMS, ids=[f[1] for f in single_tables.FORMS])
def test_compiled_single_codecs_match_on_the_mono_table(row: tuple[Any, ...]) -> None:
    """Mono's R texts of Singles: the compiled format gives them, the compiled parse reads
    them (and the XML texts, INF and -0 among them) as the pure code does."""
    value, r, xml, _ = row
    _same("format_single_r", _single, value)
    assert compiled.extension is not None
    assert compiled.extension.format_single_r(value) == r
    for text in (r, xml, f" {r}\t", "-" + r):
        _same("parse_single_xml", _single, text)


# beyond Single.MaxValue after the double rounding (refused), just within it, and the texts
# that round to it from both sides; the Double tables' texts too
_SINGLE_TEXTS = [
    "3.40282357E+38", "3.4028235677973366E+38", "3.4028235677973362E+38", "3.40282347E+38",
    "-3.40282357E+38", "1.401298E-45", "7E-46", "1E-46", "1.00000005960464477539062500001",
    *_DOUBLE_TEXTS,
]  # fmt: skip


@needs_extension
@pytest.mark.parametrize("text", _SINGLE_TEXTS)
def test_compiled_parse_single_xml_matches_at_the_range_edges(text: str) -> None:
    _same("parse_single_xml", _single, text)


_INT_BOUNDS = list(differential.INT_RANGES)


@needs_extension
@pytest.mark.parametrize(
    "text",
    [t for t, _ in numbers_tables.INT32_ACCEPTED] + list(numbers_tables.INT32_REFUSED),
)
def test_compiled_parse_int_xml_matches_on_the_mono_tables(text: str) -> None:
    for lo, hi, name in _INT_BOUNDS:
        _same("parse_int_xml", _numbers, differential.Args((text, lo, hi, name)))


@needs_extension
@pytest.mark.parametrize(("lo", "hi", "name"), _INT_BOUNDS)
def test_compiled_parse_int_xml_matches_at_each_types_bounds(lo: int, hi: int, name: str) -> None:
    """Every type's bounds and one past them, signed, padded with zeros and white space."""
    for value in (lo - 1, lo, lo + 1, -1, 0, 1, hi - 1, hi, hi + 1, 10**19 - 1, 10**19):
        for text in (str(value), f" {value}\r\n", "+" + str(value), "-0" + str(abs(value))):
            _same("parse_int_xml", _numbers, differential.Args((text, lo, hi, name)))


@needs_extension
@pytest.mark.parametrize(
    "text",
    ["", "plain", "a & b < c > d", "ligne 1\r\nligne 2", "\t\n", "caf\u00e9 & \u20ac",
     "\U0001f69a<\r", "bad\x00", "x\x0b", "\ud800", "a\udc00&", "\ufffe", "\uffff", "&#xD;"],
)  # fmt: skip
def test_compiled_escape_text_matches_the_pure_one(text: str) -> None:
    """Each escaped character in each str width, and the characters XML 1.0 refuses (their
    error comes from the pure code, with the index)."""
    _same("escape_text", _xml_write, text)
