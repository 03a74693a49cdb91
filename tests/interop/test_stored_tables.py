"""Every stored table that says its rows come from Mono, asked of Mono again at test time.

The unit tests keep .NET's answers as literal tables so that they run without Mono; nothing
else would notice when a row was mistyped or when it stops being what .NET answers. Here each
row is put to Mono (``dotnet/StoredTables.cs``: XmlConvert, DataContractSerializer, Json.NET,
``new Guid``; ``dotnet/ByteRules.cs``; the probe programs) and compared:

- tests/netcontract/clr/test_numbers.py: Int32 texts accepted and refused, the range facts,
  Booleans, the double "R" texts and the XmlConvert.ToDouble tables;
- tests/netcontract/clr/test_guid.py: the four formats accepted, the refused texts (and that
  .NET does accept the rows netcontract refuses on purpose);
- tests/netcontract/clr/test_datetime.py: the format table, its Local rows under the three
  machine zones they name, and the parse tables;
- tests/netcontract/test_boundaries.py: integer bounds, ``i:nil`` forms, DateTime edges;
- tests/netcontract/test_byte_rules.py: the whole ``MONO`` table;
- tests/interop/dotnet/PROBES.md: the raw section, rerun in full (about 15 s).

Not re-checked here: the JSON double and decimal tables of test_numbers.py, whose rows mix
Mono's answers with deliberate departures that only comments tell apart (the random live
comparison of doubles in test_numbers.py covers their codecs).
"""

from __future__ import annotations

import base64
import importlib.util
import struct
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import netcontract as nc

from ._csharp import compile_program
from ._mono import DOTNET_DIR, MONO_MISSING_REASON, mono_available

pytestmark = pytest.mark.interop

TESTS = Path(__file__).resolve().parents[1]
TABLES_NS = "http://schemas.datacontract.org/2004/07/Tables"
KINDS = {nc.DateTimeKind.UNSPECIFIED: 0, nc.DateTimeKind.UTC: 1, nc.DateTimeKind.LOCAL: 2}
TICKS_PER_MINUTE = 600_000_000
MAX_TICKS = 3155378975999999999


def stored(relative: str) -> ModuleType:
    """The test module holding a table: the one pytest imported, else a fresh import."""
    path = TESTS / relative
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) == str(path):
            return module
    spec = importlib.util.spec_from_file_location(f"_stored_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def params(test: Any) -> list[Any]:
    """The rows a test function is parametrized with (its ``parametrize`` mark)."""
    (mark,) = [m for m in test.pytestmark if m.name == "parametrize"]
    return list(mark.args[1])


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    return compile_program("StoredTables", tmp_path_factory.mktemp("tables"))


def ask(exe: Path, requests: Sequence[Sequence[str]], tz: str = "UTC") -> list[str]:
    """One answer per request: "OK\\tvalue" or "E\\tExceptionType" (protocol: StoredTables.cs)."""
    lines = [
        "\t".join([op, *(base64.b64encode(a.encode()).decode() for a in args)])
        for op, *args in requests
    ]
    done = subprocess.run(
        ["mono", str(exe)],
        input=("\n".join(lines) + "\n").encode(),
        capture_output=True,
        cwd=exe.parent,
        env={"TZ": tz, "PATH": "/usr/bin:/bin", "MONO_PATH": str(exe.parent)},
        timeout=120,
        check=True,
    )
    answers = done.stdout.decode("utf-8").splitlines()
    assert len(answers) == len(requests), done.stderr.decode()[-2000:]
    return answers


def element(text: str) -> str:
    """``text`` as element content: markup escaped, ``\\r`` kept as a reference, other
    characters raw (a raw ``\\v`` is not well-formed, as it would be on the wire)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xD;")
    )


def holder_xml(clr: str, text: str) -> str:
    return f'<V{clr} xmlns="{TABLES_NS}"><V>{element(text)}</V></V{clr}>'


def three_ways(clr: str, text: str) -> list[tuple[str, ...]]:
    """XmlConvert, DataContractSerializer, and Json.NET given the text as a JSON string."""
    json_text = text.replace("\\", "\\\\").replace('"', '\\"')
    return [
        ("xmlconvert", clr, text),
        ("dcs", clr, holder_xml(clr, text)),
        ("json", clr, f'{{"V":"{json_text}"}}'),
    ]


def check(rows: Iterable[tuple[str, str, str]]) -> None:
    """Collect every (what, expected, answer) that differs, so one run shows all of them."""
    wrong = [
        f"{what}: expected {expected!r}, Mono answered {got!r}"
        for what, expected, got in rows
        if got != expected
    ]
    assert not wrong, "\n".join(wrong)


def bits(value: float) -> str:
    return str(struct.unpack("<q", struct.pack("<d", value))[0])


# =============================================================================================
# Integers and Booleans
# =============================================================================================


def test_integer_tables_are_monos(tables: Path) -> None:
    numbers = stored("netcontract/clr/test_numbers.py")
    boundaries = stored("netcontract/test_boundaries.py")
    requests: list[tuple[str, ...]] = []
    expected: list[str] = []

    def expect(request: tuple[str, ...], answer: str) -> None:
        requests.append(request)
        expected.append(answer)

    for text, value in numbers.INT32_ACCEPTED:
        expect(("xmlconvert", "Int32", text), f"OK\t{value}")
        expect(("dcs", "Int32", holder_xml("Int32", text)), f"OK\t{value}")
    for text in numbers.INT32_REFUSED:
        # the table's own note: XmlConvert takes "5\v", which cannot occur in an XML document
        expect(("xmlconvert", "Int32", text), "OK\t5" if text == "5\v" else "refused")
        expect(("dcs", "Int32", holder_xml("Int32", text)), "refused")
    # test_parse_int_xml_range_message_names_the_text_and_the_range
    expect(("xmlconvert", "Int32", "2147483648"), "refused")
    expect(("xmlconvert", "Int64", "2147483648"), "OK\t2147483648")
    expect(("xmlconvert", "Int64", "9223372036854775808"), "refused")
    # test_boundaries.INTEGERS: the bounds read, the values past them refused, every way
    for clr, _tp, _xs, lo, hi in boundaries.INTEGERS:
        for value in (lo, hi):
            for request in three_ways(clr, str(value)):
                expect(request, f"OK\t{value}")
            expect(("json", clr, f'{{"V":{value}}}'), f"OK\t{value}")
        for value in (lo - 1, hi + 1):
            for request in three_ways(clr, str(value)):
                expect(request, "refused")
            expect(("json", clr, f'{{"V":{value}}}'), "refused")
    answers = _outcomes(ask(tables, requests))
    check(
        (repr(request), want, got)
        for request, want, got in zip(requests, expected, answers, strict=True)
    )


def test_boolean_table_is_monos(tables: Path) -> None:
    """XmlConvert.ToBoolean and DataContractSerializer (the table says they agree)."""
    numbers = stored("netcontract/clr/test_numbers.py")
    boundaries = stored("netcontract/test_boundaries.py")
    rows: list[tuple[str, bool | None]] = params(numbers.test_parse_bool_xml_accepts)
    # the i:nil forms are xs:boolean texts: the nil forms are true, the others false
    rows += [(form, True) for form in boundaries.NIL_FORMS]
    rows += [(form, False) for form in boundaries.NOT_NIL_FORMS]
    rows += [(text, None) for text in params(numbers.test_parse_bool_xml_refuses)]
    requests = [r for text, _ in rows for r in three_ways("Boolean", text)[:2]]
    answers = ask(tables, requests)
    check(
        (repr(request), "refused" if value is None else f"OK\t{str(value).lower()}", got)
        for (_, value), request, got in zip(
            [row for row in rows for _ in range(2)], requests, _outcomes(answers), strict=True
        )
    )


def _outcomes(answers: Iterable[str]) -> list[str]:
    """Answers with every refusal shown as "refused" (the exception type varies by reader)."""
    return ["refused" if a.startswith("E\t") else a for a in answers]


# =============================================================================================
# Guids
# =============================================================================================

G = "0f8fad5b-d9cb-469f-a165-70867728950e"
#: the rows of test_parse_guid_refuses that its comments mark [deliberate] (.NET accepts them,
#: netcontract refuses them on purpose), with the Guid .NET reads (Mono). White space around
#: is read now (as .NET trims it); the legacy prefixes stay refused: fewer hex digits than the
#: group holds, padded on the left (guid.parse_guid)
GUID_DELIBERATE = {
    "0x8fad5b-d9cb-469f-a165-70867728950e": "008fad5b-d9cb-469f-a165-70867728950e",
    "+f8fad5b-d9cb-469f-a165-70867728950e": G,
    "0f8fad5b-+9cb-469f-a165-70867728950e": "0f8fad5b-09cb-469f-a165-70867728950e",
    # the hexadecimal form with a 2nd number past 0xffff: Mono keeps its low 16 bits silently
    "{0x0f8fad5b,0x1d9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}": G,
    # Found by this test: listed under "int(x, 16) would accept these pieces" as if .NET
    # refused them, but Mono's new Guid, DCS and Json.NET all read them (the same legacy
    # prefixes as the rows above, in the last group). netcontract refusing them is right.
    "0f8fad5b-d9cb-469f-a165-0x0867728950": "0f8fad5b-d9cb-469f-a165-000867728950",
    "0f8fad5b-d9cb-469f-a165-+70867728950": "0f8fad5b-d9cb-469f-a165-070867728950",
}


def test_guid_tables_are_monos(tables: Path) -> None:
    """new Guid(s), DataContractSerializer and Json.NET agree on every row (the module says
    so): the formats accepted read as G, the rows refused are refused, except the rows
    netcontract refuses on purpose, which .NET accepts."""
    guids = stored("netcontract/clr/test_guid.py")
    accepted = params(guids.test_parse_guid_accepts_the_four_formats)
    refused = params(guids.test_parse_guid_refuses)
    assert set(refused) >= set(GUID_DELIBERATE)
    wants = [(text, f"OK\t{guids.G}") for text in accepted]
    wants += [
        (text, f"OK\t{GUID_DELIBERATE[text]}" if text in GUID_DELIBERATE else "refused")
        for text in refused
    ]
    requests = [r for text, _ in wants for r in (("guid", text), *three_ways("Guid", text)[1:])]
    answers = _outcomes(ask(tables, requests))
    rows = [
        (f"new Guid, DCS, Json.NET {text!r}", (want,) * 3, tuple(answers[3 * i : 3 * i + 3]))
        for i, (text, want) in enumerate(wants)
    ]
    check(rows)


# =============================================================================================
# DateTime
# =============================================================================================

#: the machine zone each Local row of test_datetime.FORMAT_TABLE names, by its offset
ZONES = {0: "UTC", 330: "Asia/Kolkata", -150: "America/St_Johns"}


def test_datetime_format_table_is_monos_in_each_zone(tables: Path) -> None:
    """XmlConvert, DataContractSerializer and Json.NET write each row's text; the Local rows
    under TZ=UTC, Asia/Kolkata and America/St_Johns (the offset .NET takes from the zone)."""
    table = stored("netcontract/clr/test_datetime.py").FORMAT_TABLE
    by_zone: dict[str, list[tuple[int, Any, str]]] = {}
    for ticks, kind, offset, text in table:
        by_zone.setdefault(ZONES[offset or 0], []).append((ticks, kind, text))
    assert set(by_zone) == set(ZONES.values())  # each zone the table names has rows
    rows = []
    for zone, zone_rows in by_zone.items():
        answers = ask(tables, [("dtformat", str(t), str(KINDS[k])) for t, k, _ in zone_rows], zone)
        for (ticks, kind, text), got in zip(zone_rows, answers, strict=True):
            rows.append((f"{ticks} {kind.name} TZ={zone}", f'OK\t{text}\t{text}\t"{text}"', got))
    check(rows)


#: test_datetime.PARSE_REFUSED rows its comments mark "refused by XmlConvert, accepted by
#: Json.NET only", and those marked [deliberate] (.NET accepts them both ways)
JSON_ONLY = {
    "2024-01-02t03:04:05",
    "2024-01-02 03:04:05",
    "2024-01-02T03:04:05+0530",
    "2024-01-02T03:04:05+05",
    "2024-01-02T03:04",
    "2024-1-02T03:04:05",
}
DATETIME_DELIBERATE = {
    "2024-01-02T03:04:05.12345678",
    "2024-01-02T03:04:05.123456789Z",
    "2024-01-02T03:04:05+14:01",
    "2024-01-02T03:04:05+15:00",
    "2024-01-02T03:04:05.5+15:00",
    "2024-01-02T03:04:05+15:59",
    "2024-01-02T03:04:05-99:00",
    "2024-01-02T03:04:05+05:60",
    "2024-01-02",
    " 2024-01-02T03:04:05",
    "2024-01-02T03:04:05 ",
}


def _dotnet_reading(ticks: int, kind: Any, offset: int | None) -> str:
    """What .NET reads (TZ=UTC): an offset is converted to UTC, clamped to DateTime's range."""
    if offset is None:
        return f"OK\t{ticks} {KINDS[kind]}"
    return f"OK\t{min(max(ticks - offset * TICKS_PER_MINUTE, 0), MAX_TICKS)} 2"


def test_datetime_parse_tables_are_monos(tables: Path) -> None:
    module = stored("netcontract/clr/test_datetime.py")
    boundaries = stored("netcontract/test_boundaries.py")
    accepted = [
        (text, _dotnet_reading(ticks, kind, offset))
        for text, ticks, kind, offset in module.PARSE_ACCEPTED
    ] + [
        (text, _dotnet_reading(value.ticks, value.kind, value.offset_minutes))
        for text, value in boundaries.DATETIME_EDGES
    ]
    refused = [text for text, _ in module.PARSE_REFUSED]
    refused += [text for text, _ in boundaries.DATETIME_REFUSED]
    assert set(refused) >= (JSON_ONLY | DATETIME_DELIBERATE)
    texts = [text for text, _ in accepted] + refused
    answers = ask(tables, [r for text in texts for r in three_ways("DateTime", text)])
    rows = []
    for index, text in enumerate(texts):
        xml, dcs, json = answers[3 * index : 3 * index + 3]
        if index < len(accepted):
            want = accepted[index][1]
            rows += [(f"XmlConvert {text!r}", want, xml), (f"DCS {text!r}", want, dcs)]
            rows.append((f"Json.NET {text!r}", want, json))
            continue
        outcome = tuple("refused" if a.startswith("E\t") else "accepted" for a in (xml, json))
        if text in DATETIME_DELIBERATE:
            want_outcome = ("accepted", "accepted")
        elif text in JSON_ONLY:
            want_outcome = ("refused", "accepted")
        else:
            want_outcome = ("refused", "refused")
        rows.append((f"XmlConvert, Json.NET {text!r}", want_outcome, outcome))
    check(rows)


# =============================================================================================
# Doubles
# =============================================================================================


def test_double_tables_are_monos(tables: Path) -> None:
    numbers = stored("netcontract/clr/test_numbers.py")
    formats = numbers.R_TABLE + numbers.R_RUNTIME_QUIRKS
    accepted = numbers.XML_DOUBLE_ACCEPTED
    refused = numbers.XML_DOUBLE_REFUSED + params(numbers.test_parse_double_xml_refuses_overflow)
    requests: list[tuple[str, ...]] = [("double", bits(value)) for value, _ in formats]
    requests += [("xmlconvert", "Double", text) for text, _ in accepted]
    requests += [("xmlconvert", "Double", text) for text in refused]
    answers = ask(tables, requests)
    rows = []
    for (value, text), got in zip(formats, answers, strict=False):
        rows.append((f"R of {value!r}", text, got.split("\t")[1]))
    rest = answers[len(formats) :]
    for (text, value), got in zip(accepted, rest, strict=False):
        rows.append((f"XmlConvert.ToDouble({text!r})", f"OK\t{bits(value)}", got))
    for text, got in zip(refused, rest[len(accepted) :], strict=True):
        rows.append(
            (f"XmlConvert.ToDouble({text!r})", "refused", "refused" if got[0] == "E" else got)
        )
    check(rows)


# =============================================================================================
# i:nil
# =============================================================================================


def _shown(value: Any) -> str:
    """A value of test_boundaries.NIL_CASES as StoredTables.cs prints it."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, nc.AnyObject):
        return "object()"
    return f"Item(A={value.a})"


def test_i_nil_forms_are_monos(tables: Path) -> None:
    """Each form of test_boundaries.NIL_FORMS reads as null, each of NOT_NIL_FORMS as not null,
    in every member and list item of its NIL_CASES."""
    boundaries = stored("netcontract/test_boundaries.py")
    members = {"child": "Child", "ints": "Ints", "n": "N", "name": "Name", "o": "O"}
    members |= {"strs": "Strs", "vehicles": "Vehicles"}
    requests, wants = [], []
    for template, attr, nil, not_nil in boundaries.NIL_CASES:
        for forms, value in ((boundaries.NIL_FORMS, nil), (boundaries.NOT_NIL_FORMS, not_nil)):
            for form in forms:
                doc = boundaries._nil_doc(template.format(q=f'"{form}"')).decode()
                requests.append(("nil", doc))
                wants.append((f"{template} with {form!r}", members[attr], value))
    rows = []
    for (what, member, value), got in zip(wants, ask(tables, requests), strict=True):
        if value == "refused":
            rows.append((what, "refused", "refused" if got.startswith("E\t") else got))
            continue
        fields = dict(field.split("=", 1) for field in got.split("\t")[1:])
        rows.append((what, _shown(value), fields.get(member, got)))
    check(rows)


# =============================================================================================
# test_byte_rules.MONO and PROBES.md
# =============================================================================================


def test_byte_rules_table_is_what_mono_writes(tmp_path: Path) -> None:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    from .byte_rules_mono import render_table, run_byte_rules

    stored_table = stored("netcontract/test_byte_rules.py").MONO
    live = run_byte_rules(tmp_path)
    rows = [
        (f"{label} | {output}", stored_table.get(label, {}).get(output), value)
        for label, outputs in live.items()
        for output, value in outputs.items()
    ]
    rows += [(f"{label} (only stored)", "", None) for label in set(stored_table) - set(live)]
    if any(want != got for _, want, got in rows):
        print(render_table(live))  # the table to paste (pytest shows it on failure)
    check(rows)


PROBES = DOTNET_DIR / "PROBES.md"
RAW_HEADER = "## Raw output (exact)\n\n"


def test_probe_log_is_what_the_probes_print(tmp_path: Path) -> None:
    """Every probe program (probes/run_probes.py, all nine: about 15 s of Mono) prints exactly
    the raw section of PROBES.md."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    spec = importlib.util.spec_from_file_location(
        "_run_probes", DOTNET_DIR / "probes" / "run_probes.py"
    )
    assert spec is not None and spec.loader is not None
    run_probes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_probes)
    if not run_probes.NEWTONSOFT.is_file():
        pytest.skip(f"run_probes.py needs {run_probes.NEWTONSOFT}")
    names = sorted(p.stem for p in (DOTNET_DIR / "probes").glob("probe*.cs"))
    (tmp_path / "Newtonsoft.Json.dll").write_bytes(run_probes.NEWTONSOFT.read_bytes())
    live = "".join(run_probes.run(name, tmp_path) + "\n" for name in names)
    text = PROBES.read_text(encoding="utf-8")
    stored_raw = text[text.index(RAW_HEADER) + len(RAW_HEADER) :]
    assert live == stored_raw
