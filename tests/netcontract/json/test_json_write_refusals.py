"""What to_json refuses to write in a dictionary, with the whole message and its path.

The rules: DateTime keys of one instant in two kinds are one key in .NET (Mono: "An item with
the same key has already been added", ``tests/netcontract/test_dictionaries.py``); keys that
camel case makes equal would be written twice; a dictionary member holds a dict.
"""

from __future__ import annotations

import pytest

import netcontract as nc

UTC = nc.DateTimeKind.UTC
AT = nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=UTC)
CAMEL = nc.JsonSettings(contract_resolver="CamelCase")


@nc.contract("JsonWrite.Refusals")
class Maps:
    d2s: dict[nc.DateTime, str] | None = nc.member("D2S", default=None)
    s2i: dict[str, nc.Int32] | None = nc.member("S2I", default=None)


@pytest.mark.parametrize(
    ("value", "settings", "problems"),
    [
        pytest.param(
            Maps(d2s={AT: "u", nc.DateTime(AT.ticks): "n"}),
            None,
            [
                (
                    'D2S["2020-01-02T03:04:05"]',
                    "is the key 2020-01-02T03:04:05Z in .NET (same ticks)",
                )
            ],
            id="datetime-same-ticks",
        ),
        pytest.param(
            Maps(d2s={AT: "u", nc.DateTime(AT.ticks + 1): "n"}),
            None,
            None,
            id="datetime-one-tick-apart",
        ),
        pytest.param(
            Maps(s2i=[1]),  # type: ignore[arg-type]
            None,
            [("S2I", "expected a dict, got list")],
            id="not-a-dict",
        ),
        pytest.param(
            Maps(s2i={"Bee": 1, "bee": 2, "x": 3}),
            CAMEL,
            [
                (
                    's2i["bee"]',
                    "two keys have the JSON name 'bee' (the contract resolver's camel case):"
                    " the document would hold it twice",
                )
            ],
            id="camel-case-collision",
        ),
    ],
)
def test_dictionary_refusals(
    value: Maps, settings: nc.JsonSettings | None, problems: list[tuple[str, str]] | None
) -> None:
    if problems is None:
        assert nc.to_json(value, settings=settings).count(b'"2020-01-02T03:04:05') == 2
        return
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_json(value, settings=settings)
    assert [(p.path, p.message) for p in caught.value.problems] == problems
    assert str(caught.value) == "\n".join(f"{path}: {message}" for path, message in problems)


@nc.contract("JsonWrite.Refusals")
class Sub:
    n: nc.Int32 = nc.member("N", default=0)


@nc.contract("JsonWrite.Refusals")
class Outer:
    inner: Sub | None = nc.member("Inner", default=None)
    subs: list[Sub | None] | None = nc.member("Subs", default=None)


@pytest.mark.parametrize(
    ("value", "problems"),
    [
        pytest.param(
            Outer(inner=Sub(n="x")),  # type: ignore[arg-type]
            [("Inner.N", "expected an integer (Int32), got the string 'x'")],
            id="member-of-a-member",
        ),
        pytest.param(
            Outer(subs=[None, Sub(n=2**40)]),
            [("Subs[1].N", "1099511627776 is outside the Int32 range [-2147483648, 2147483647]")],
            id="member-of-an-item",
        ),
        pytest.param(
            Outer(inner="s"),  # type: ignore[arg-type]
            [("Inner", "expected a Sub, got str")],
            id="not-the-contract",
        ),
        pytest.param(
            Outer(subs="x"),  # type: ignore[arg-type]
            [("Subs", "expected a list, got str")],
            id="not-a-list",
        ),
    ],
)
@pytest.mark.parametrize(
    "settings",
    [None, nc.JsonSettings(preserve_references_handling="Arrays")],
    ids=["default", "preserve-arrays"],
)
def test_nested_contract_refusals_name_the_whole_path(
    value: Outer, problems: list[tuple[str, str]], settings: nc.JsonSettings | None
) -> None:
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_json(value, settings=settings)
    assert [(p.path, p.message) for p in caught.value.problems] == problems
