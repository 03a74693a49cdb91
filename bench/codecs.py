"""Per-codec speed of the compiled .NET codecs against the pure-Python ones.

    python bench/codecs.py [--count 20000] [--markdown]

Each codec is called on the values of bench/generate.py's document (texts and values as
netcontract writes them) and on values as .NET itself produces them from live data: DateTimes
with all 7 tick digits and a +00:00 or Z suffix (DateTime.Now / UtcNow), and doubles that are
results of arithmetic (17 significant digits in R). Singles are those doubles rounded to
float32; "Int32 parse, signed" reads the integers as negative text (what the XML reader's
inline ``int()`` leaves to ``parse_int_xml``); "XML text escape" is the text with a CR, LF or
tab the writer hands to ``escape_text``. The time is the CPU time per call in ns,
the median of 7 runs over ``--count`` inputs, the pure function (``module.PURE``) and the
compiled one (``netcontract.clr.compiled.extension``) measured in the same process, one
after the other, so they see the same machine load.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_group

from netcontract.clr import compiled
from netcontract.clr import datetime as _datetime
from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr import single as _single
from netcontract.clr.datetime import DateTime, DateTimeKind
from netcontract.xml import write as _xml_write


def per_call_ns(fn: Callable[..., Any], inputs: Sequence[Any]) -> float:
    """CPU ns per call of ``fn(x)``, or ``fn(*x)`` where the inputs are tuples."""
    spread = type(inputs[0]) is tuple
    if spread:
        fn(*inputs[0])
    else:
        fn(inputs[0])
    times = []
    for _ in range(7):
        gc.collect()
        start = time.process_time()
        if spread:
            for x in inputs:
                fn(*x)
        else:
            for x in inputs:
                fn(x)
        times.append(time.process_time() - start)
    return statistics.median(times) / len(inputs) * 1e9


def document_values(count: int) -> dict[str, list[Any]]:
    group = make_group(max(count // 10, 10))
    dates: list[DateTime] = []
    doubles: list[float] = []
    guids: list[uuid.UUID] = []
    ints: list[int] = []
    texts: list[str] = []
    for vehicle in group.vehicles:
        for name in type(vehicle).__attrs_attrs__:  # type: ignore[attr-defined]
            value = getattr(vehicle, name.name)
            if type(value) is DateTime:
                dates.append(value)
            elif type(value) is float:
                doubles.append(value)
            elif type(value) is uuid.UUID:
                guids.append(value)
            elif type(value) is int:
                ints.append(value)
            elif type(value) is str and not value.isprintable():
                texts.append(value)  # (the writer checks printable text inline)
    return {"DateTime": dates, "Double": doubles, "Guid": guids, "Int32": ints, "Text": texts}


def dotnet_values(count: int, rng: random.Random) -> dict[str, list[Any]]:
    start = 639_000_000_000_000_000  # 2025
    dates = [
        DateTime(
            start + rng.randrange(10**15),
            *rng.choice(((DateTimeKind.UTC, None), (DateTimeKind.LOCAL, 0))),
        )
        for _ in range(count)
    ]
    doubles = [rng.uniform(0, 500) * rng.uniform(0.5, 2) for _ in range(count)]
    guids = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(count)]
    ints = [rng.randrange(-(2**31), 2**31) for _ in range(count)]
    lines = ("Zeile 1\r\nZeile 2", "a\tb & c", "x < y\n", "caf\u00e9\r\n\u20ac 12")
    texts = [rng.choice(lines) + str(rng.randrange(10**5)) for _ in range(count)]
    return {"DateTime": dates, "Double": doubles, "Guid": guids, "Int32": ints, "Text": texts}


def rows(values: dict[str, list[Any]]) -> list[tuple[str, Any, str, list[Any]]]:
    fmt_r = _numbers.PURE["format_double_r"]
    fmt_dt = _datetime.PURE["format_datetime"]
    finite = [v for v in values["Double"] if v == v and abs(v) != float("inf")]
    fmt_s = _single.PURE["format_single_r"]
    singles = [_single.to_single(v) for v in finite if abs(v) < _single.SINGLE_MAX]
    lo, hi = _numbers.INT32_MIN, _numbers.INT32_MAX
    return [
        ("DateTime parse", _datetime, "parse_datetime", [fmt_dt(v) for v in values["DateTime"]]),
        ("DateTime format", _datetime, "format_datetime", values["DateTime"]),
        ("Double parse (XML)", _numbers, "parse_double_xml", [fmt_r(v) for v in finite]),
        (
            "Double parse (JSON)",
            _numbers,
            "parse_double_json_number",
            [fmt_r(v) if "." in fmt_r(v) or "E" in fmt_r(v) else fmt_r(v) + ".0" for v in finite],
        ),
        ("Double format R", _numbers, "format_double_r", finite),
        ("Guid parse", _guid, "parse_guid", [str(v) for v in values["Guid"]]),
        # Singles: the same values rounded to float32 (7 digits, or 9 where 7 do not read back)
        ("Single format R", _single, "format_single_r", singles),
        ("Single parse (XML)", _single, "parse_single_xml", [fmt_s(v) for v in singles]),
        # the text the XML reader's inline int() cannot take: a sign (Int32's range)
        (
            "Int32 parse, signed",
            _numbers,
            "parse_int_xml",
            [(str(-abs(v) or "-0"), lo, hi, "Int32") for v in values["Int32"]],
        ),
        ("XML text escape", _xml_write, "escape_text", values["Text"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    extension = compiled.extension
    if extension is None:
        sys.exit("the compiled codecs are not built (no C compiler at install)")
    rng = random.Random(19)  # noqa: S311 - reproducible benchmark inputs
    sets = {
        "bench document": document_values(args.count),
        "as .NET writes": dotnet_values(args.count, rng),
    }
    sep = "|" if args.markdown else " "
    header = ["codec", "values", "n", "pure ns", "compiled ns", "speed-up"]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|---|--:|--:|--:|--:|")
    else:
        print(f"{'codec':22}{'values':16}{'n':>7}{'pure ns':>10}{'compiled ns':>13}{'x':>7}")
    for label, values in sets.items():
        for name, module, attr, all_inputs in rows(values):
            inputs = all_inputs[: args.count]
            pure = per_call_ns(module.PURE[attr], inputs)
            fast = per_call_ns(getattr(extension, attr), inputs)
            if args.markdown:
                cells = [name, label, f"{len(inputs):,}", f"{pure:,.0f}", f"{fast:,.0f}"]
                print(f"{sep} " + f" {sep} ".join([*cells, f"{pure / fast:.1f}x"]) + f" {sep}")
            else:
                print(
                    f"{name:22}{label:16}{len(inputs):>7,}{pure:>10,.0f}{fast:>13,.0f}"
                    f"{pure / fast:>6.1f}x"
                )


if __name__ == "__main__":
    main()
