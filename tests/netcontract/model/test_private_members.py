"""A contract may keep members in private attributes (``_name``): attrs then names the
``__init__`` parameter ``name``. Every reading path used to pass ``_name=`` and refuse every
document ("Private refused the value: TypeError: ... unexpected keyword argument '_name'"),
hypothesis strategies failed to draw such a class, and a form bound into a class whose
validator refused a value escaped as a bare ValueError."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import netcontract as nc
from netcontract import strategies
from netcontract.codegen import _engine_path, _no_fallback


@nc.contract("Tests.Private")
class Secretive:
    _name: str | None = nc.member("Name", default=None)
    _count: nc.Int32 = nc.member("Count", default=0)
    shown: str | None = nc.member("Shown", default=None)


@nc.contract("Tests.Private")
class Holder:
    _inner: Secretive | None = nc.member("Inner", default=None)
    _items: list[Secretive] | None = nc.member("Items", default=None)


@nc.contract("Tests.Private")
class Checked:
    count: nc.Int32 = nc.member("Count", default=0)

    @count.validator
    def _not_negative(self, _: Any, value: int) -> None:
        if value < 0:
            raise ValueError(f"Count must be >= 0, not {value}")


VALUE = Holder(inner=Secretive(name="a", count=3, shown="s"), items=[Secretive(count=-1)])


@pytest.mark.parametrize("path", ["generated", "reference"])
@pytest.mark.parametrize("indent", [False, True])
def test_private_members_read_back_on_every_path(path: Any, indent: bool) -> None:
    with _engine_path(path), _no_fallback(path == "generated"):
        assert nc.from_json(nc.to_json(VALUE, indent=indent), Holder) == VALUE
        assert nc.from_xml(nc.to_xml(VALUE, indent=indent), Holder) == VALUE
        assert nc.from_wcf_json(nc.to_wcf_json(VALUE, indent=indent), Holder) == VALUE
    assert nc.to_json(VALUE) == (
        b'{"Inner":{"Name":"a","Count":3,"Shown":"s"},'
        b'"Items":[{"Name":null,"Count":-1,"Shown":null}]}'
    )


def test_private_members_bind_from_forms() -> None:
    body = b"Inner[Name]=a&Inner[Count]=3&Inner[Shown]=s&Items[0][Count]=-1"
    assert nc.webapi.from_form(body, Holder) == VALUE


def test_a_validator_refusing_a_form_value_is_a_form_payload_error() -> None:
    with pytest.raises(nc.FormPayloadError) as caught:
        nc.webapi.from_form(b"Count=-1", Checked)
    assert str(caught.value).startswith("<root>: Checked refused the value: ValueError: ")
    assert nc.webapi.from_form(b"Count=2", Checked) == Checked(count=2)


@settings(max_examples=30)
@given(strategies.for_type(Holder))
def test_strategies_draw_classes_with_private_members(value: Holder) -> None:
    assert nc.from_json(nc.to_json(value), Holder) == value


@settings(max_examples=30)
@given(strategies.for_type(Checked))
def test_strategies_draw_only_what_a_validator_accepts(value: Checked) -> None:
    assert value.count >= 0
