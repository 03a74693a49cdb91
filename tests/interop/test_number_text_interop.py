"""Number texts .NET reads into Double and Decimal members, read by Mono and by netcontract.

Found by ``python3 dev.py mutate --codecs`` (README, "Mutation testing"): a Double text that is
not a number (a JSON string for Json.NET, an element's text for DataContractSerializer) is
trimmed as ``String.Trim`` trims (every ``Char.IsWhiteSpace`` character, U+00A0 and U+2003 among
them, not U+001C..U+001F) before Double.Parse compares it with ``NaN``, ``Infinity`` and
``-Infinity``, while a number keeps the parser's own white space (U+0009..U+000D, U+0020), and
XML's ``INF``/``-INF`` XmlConvert's (space, tab, CR, LF); and a positive exponent in a Decimal
number is folded into scale 0 up to the last one that fits. Each input is read by both: where
Mono reads a value, netcontract reads the same one (the same XML and JSON written back); where
Mono refuses, netcontract refuses it at the member's path.
"""

from __future__ import annotations

from typing import Any

import pytest

import netcontract as nc

from ._mono import DotNetTwin
from .edge_models import Decimals, Doubles

pytestmark = pytest.mark.interop


def _xml(members: str) -> bytes:
    return (
        '<Doubles xmlns="http://schemas.datacontract.org/2004/07/Edge.A"'
        f' xmlns:i="http://www.w3.org/2001/XMLSchema-instance">{members}</Doubles>'
    ).encode()


ODD_INPUT: list[tuple[str, type[Any], bytes, str]] = [
    ("Edge.A.Doubles", Doubles, '{"D":"\u00a0NaN"}'.encode(), "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"NaN\\u00a0"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"\\u2003-Infinity"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"\\u0085Infinity\\u3000"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"\\u2029NaN"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"\\u001cNaN"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"Infinity\\u001f"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"\\u00a01.5"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":" NaN "}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"Many":[1,"\\u00a0-Infinity"]}', "Many[1]"),
    # NULs at the end after a name and String.Trim's white space: refused, as "NaN\\u0000"
    # (the NULs are left to the comparison, which they fail); "  NaN\\u0000" too
    ("Edge.A.Doubles", Doubles, b'{"D":"NaN\\u00a0\\u0000"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"Infinity\\u2003\\u0000"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"  NaN\\u0000"}', "D"),
    ("Edge.A.Doubles", Doubles, b'{"D":"1 \\u0000"}', "D"),
    ("Edge.A.Decimals", Decimals, b'{"D":1e1}', "D"),
    ("Edge.A.Decimals", Decimals, b'{"D":1E+28}', "D"),
    ("Edge.A.Decimals", Decimals, b'{"D":7.9e28}', "D"),
    ("Edge.A.Decimals", Decimals, b'{"D":1e29}', "D"),
    ("Edge.A.Decimals", Decimals, b'{"D":8e28}', "D"),
    *(
        ("Edge.A.Doubles", Doubles, _xml(f"<D>{text}</D>"), "D")
        for text in [
            "\u00a0NaN",
            "NaN\u3000",
            "\u00a0Infinity",
            "\u2003-Infinity",
            "\u00a0INF",
            "-INF\u00a0",
            "\u00a01.5",
            " INF ",
            # exponents of four digits and more (test_numbers.py, EXPONENT_EDGES)
            "0." + "0" * 999 + "1e1000",
            "0." + "0" * 9998 + "1e1001",
            "1e-" + "9" * 5000,
            "0." + "0" * 1000 + "1e1001",
            "1e" + "9" * 5000,
            # the edges of the runtime's conversion (test_numbers.py, CONVERSION_EDGES): half
            # the smallest subnormal (2**-1075) from below and above, where the 64-bit product
            # rounds up past 2**64 or lands on the threshold; powers of ten at the table's
            # limit (±352) and next to it; values just past Double.MaxValue
            *("2.47032822920623258E-324", "2.47032822920623261E-324"),
            *("2.4703282292062326E-324", "2.47032822920623272E-324", "2.47032822920623273E-324"),
            *("1e-352", "1e-351", "1e351", "1e352", "1.8e308", "1.79769313486231581E+308"),
            "1.797693134862315807E+308",
        ]
    ),
]


@pytest.fixture(scope="module")
def odd_results(dotnet: DotNetTwin) -> list[Any]:
    return dotnet.roundtrip_many(
        [(name, _fmt(payload), payload) for name, _, payload, _ in ODD_INPUT]
    )


def _fmt(payload: bytes) -> str:
    return "xml" if payload.startswith(b"<") else "json"


def _read(payload: bytes, contract: type[Any]) -> Any:
    return (
        nc.from_xml(payload, contract)
        if payload.startswith(b"<")
        else nc.from_json(payload, contract)
    )


@pytest.mark.parametrize("index", range(len(ODD_INPUT)), ids=[repr(i[2][-60:]) for i in ODD_INPUT])
def test_read_as_json_net_reads_it_or_refused(odd_results: list[Any], index: int) -> None:
    _, contract, payload, path = ODD_INPUT[index]
    result = odd_results[index]
    if result.read_error is not None:
        with pytest.raises(nc.PayloadError) as refused:
            _read(payload, contract)
        assert [p.path for p in refused.value.problems] == [path], result.read_error
        return
    obj = _read(payload, contract)
    assert nc.to_xml(obj) == result.xml
    assert nc.to_json(obj) == result.json


def test_the_trimmed_names_are_read_by_mono(odd_results: list[Any]) -> None:
    """The table above is not vacuous: Mono reads the names with U+00A0 around them and
    refuses U+001C and a number with U+00A0 before it."""
    read = {ODD_INPUT[i][2]: r.read_error is None for i, r in enumerate(odd_results)}
    assert read['{"D":"\u00a0NaN"}'.encode()]
    assert read[b'{"D":"\\u2003-Infinity"}']
    assert not read[b'{"D":"\\u001cNaN"}']
    assert not read[b'{"D":"\\u00a01.5"}']
    assert not read[b'{"D":"NaN\\u00a0\\u0000"}']
    assert read[b'{"D":"1 \\u0000"}']
    assert read[b'{"D":1E+28}']
    assert not read[b'{"D":1e29}']
    assert read[_xml("<D>\u00a0NaN</D>")]
    assert not read[_xml("<D>\u00a0INF</D>")]
