"""Enums in ``object`` members and collection contracts of enums as the document, with and
without Json.NET's StringEnumConverter.

Every expected document below is what Json.NET 6.0.8 wrote on Mono for the same value
(``tests/interop/dotnet/ObjectEnums.cs``; ``tests/interop/test_object_enum_interop.py`` asks
Mono again). Non-default settings are written by the reference code (``falls_back``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from interop.object_enum_models import CASES, Currencies, Currency, Holder, PlainFlags
from netcontract import codegen
from netcontract.codegen import FallbackForbidden, _no_fallback

CONVERTER = nc.JsonSettings(string_enum_converter=True)
CAMEL_TEXT = nc.JsonSettings(string_enum_converter=True, string_enum_camel_case_text=True)

#: Mono: (StringEnumConverter, CamelCaseText = true, no converter), by case
PINNED: dict[str, tuple[str, str, str]] = {
    "currency-euro": ('{"O":"EUR"}', '{"O":"eur"}', '{"O":1}'),
    "currency-pound": ('{"O":"Pound"}', '{"O":"pound"}', '{"O":3}'),
    "currency-hidden": ('{"O":"Hidden"}', '{"O":"hidden"}', '{"O":4}'),
    "currency-9": ('{"O":9}', '{"O":9}', '{"O":9}'),
    "channels-web-mobile": ('{"O":"Web, mobile-app"}', '{"O":"web, mobile-app"}', '{"O":3}'),
    "channels-all": ('{"O":"all"}', '{"O":"all"}', '{"O":7}'),
    "channels-none": ('{"O":"None"}', '{"O":"none"}', '{"O":0}'),
    "channels-15": ('{"O":15}', '{"O":15}', '{"O":15}'),
    "plain-first": ('{"O":"First"}', '{"O":"first"}', '{"O":1}'),
    "plain-3": ('{"O":3}', '{"O":3}', '{"O":3}'),
    "plain-flags-3": ('{"O":"First, Second"}', '{"O":"first, second"}', '{"O":3}'),
    "plain-flags-7": (
        '{"O":"First, Second, Fourth"}',
        '{"O":"first, second, fourth"}',
        '{"O":7}',
    ),
    "plain-flags-8": ('{"O":8}', '{"O":8}', '{"O":8}'),
    "currencies": ('["EUR","Pound",9]', '["eur","pound",9]', "[1,3,9]"),
    "channels-list": ('["Web, Store","None"]', '["web, store","none"]', "[5,0]"),
}


def test_every_case_is_pinned() -> None:
    assert sorted(PINNED) == sorted(CASES)


@pytest.mark.falls_back
@pytest.mark.parametrize("name", sorted(PINNED))
def test_written_as_json_net_writes_them(name: str) -> None:
    value = CASES[name]
    converter, camel, plain = PINNED[name]
    assert nc.to_json(value, settings=CONVERTER) == converter.encode()
    assert nc.to_json(value, settings=CAMEL_TEXT) == camel.encode()
    assert nc.to_json(value) == plain.encode()
    # indented: the same values (the reference writer lays them out)
    indented = nc.to_json(value, settings=CONVERTER, indent=True)
    assert json.loads(indented) == json.loads(converter)


@pytest.mark.falls_back
def test_an_int_flag_that_is_no_contract_is_written() -> None:
    # was refused ("O: cannot write a PlainFlags as JSON"): an IntFlag is no IntEnum, and the
    # object member's writer took IntEnum values only; Json.NET writes any enum (Mono, above)
    assert nc.to_json(Holder(o=PlainFlags(5)), settings=CONVERTER) == b'{"O":"First, Fourth"}'
    assert nc.to_json(Holder(o=PlainFlags(5))) == b'{"O":5}'


def test_a_collection_document_falls_back_visibly() -> None:
    with _no_fallback(), pytest.raises(FallbackForbidden) as caught:
        nc.to_json(Currencies([Currency.Euro]))
    assert str(caught.value) == (
        "a generated path fell back on an accepted input:"
        " Currencies: a collection contract as the document: the reference writer"
    )


@pytest.mark.parametrize("settings", [None, CONVERTER], ids=["default", "converter"])
def test_a_collection_documents_problems_are_at_its_items(settings: Any) -> None:
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_json(Currencies([Currency.Euro, None, Currency.Pound, None]), settings=settings)
    message = "null is not allowed: Currency is a value type (declare it Optional if null is meant)"
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("[1]", message),
        ("[3]", message),
    ]


def test_generated_item_writers_are_named_by_kind_and_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # NETCONTRACT_GENERATED_SOURCES: each generated function is a file named by what it is
    # (kind, then the contract), which coverage reports under that name
    monkeypatch.setattr(codegen._Switches, "sources_folder", str(tmp_path))

    @nc.contract("ObjectEnums.Files")
    class WithItems:
        ints: list[nc.Int32] | None = nc.member("L", default=None)
        texts: list[str | None] | None = nc.member("E", default=None)

    assert nc.to_json(WithItems(ints=[1, 2], texts=["a", None])) == b'{"L":[1,2],"E":["a",null]}'
    names = sorted(p.name.rsplit("__", 1)[0] for p in tmp_path.iterdir())
    assert [n for n in names if n.startswith("json_item")] == [
        "json_item_writer__int",
        "json_item_writer__string",
    ]
