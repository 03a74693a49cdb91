"""Plans built where an application builds them: on another thread than the one that imported
netcontract, and computed members whose annotations name classes of the module or of the
function that declares the contract (model/plan.py)."""

from __future__ import annotations

import threading

import pytest

import netcontract as nc
from netcontract.clr.value_types import BYTE
from netcontract.model.wire import ContractType, PrimitiveType

G = "http://schemas.datacontract.org/2004/07/G"


@nc.contract("G")
class Tag:
    """A contract of this module: a computed member's string annotation names it."""

    t: str | None = nc.member("T", default=None)


def test_a_plan_is_first_built_on_a_new_thread() -> None:
    # each thread has its own set of the artifacts it is building (model/plan.py _Building);
    # a thread started after import makes its own on first use
    @nc.contract("G")
    class Fresh:
        a: str | None = nc.member("A", default=None)

    results: list[bytes] = []
    errors: list[BaseException] = []

    def convert() -> None:
        try:
            results.append(nc.to_xml(Fresh(a="x")))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    worker = threading.Thread(target=convert)
    worker.start()
    worker.join()
    assert errors == []
    # the shape Mono's DataContractSerializer writes (test_generic_contracts' ApiResponse)
    assert results == [
        b'<Fresh xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/G"><A>x</A></Fresh>'
    ]


def test_computed_annotations_resolve_where_the_contract_is_declared() -> None:
    # under `from __future__ import annotations` each annotation is a string: a class of this
    # module (Tag), a class local to this function (Local), a .NET type carried by Annotated
    # (nc.Byte: Byte, not Int32)
    @nc.contract("G")
    class Local:
        x: int = nc.member("X", default=0)

    @nc.contract("G")
    class WithComputed:
        n: int = nc.member("N", default=0)
        small: nc.Byte = nc.computed("Small", lambda self: self.n)
        tag: Tag | None = nc.computed("Tag", lambda self: Tag(t="a"))
        local: Local | None = nc.computed("Loc", lambda self: Local(x=1))
        after: str | None = nc.member("After", default=None)

    slots = {m.wire_name: m.slot for m in nc.contract_info(WithComputed).json_members}
    assert list(slots) == ["N", "Small", "Tag", "Loc", "After"]
    small, tag, local = slots["Small"], slots["Tag"], slots["Loc"]
    assert isinstance(small.wire, PrimitiveType)
    assert (small.wire.primitive, small.optional) == (BYTE, False)
    assert isinstance(tag.wire, ContractType)
    assert (tag.wire.cls, tag.wire.contract_name, tag.wire.contract_namespace) == (Tag, "Tag", G)
    assert tag.optional
    assert isinstance(local.wire, ContractType)
    assert (local.wire.cls, local.wire.contract_name) == (Local, "Local")
    # Json.NET writes a get-only property at its declaration position (docs/json-rules.md)
    assert nc.to_json(WithComputed(n=3, after="z")) == (
        b'{"N":3,"Small":3,"Tag":{"T":"a"},"Loc":{"X":1},"After":"z"}'
    )
    # ... never in XML, and ignored on input (Json.NET cannot set a get-only property)
    assert [m.wire_name for m in nc.contract_info(WithComputed).xml_members] == ["After", "N"]
    assert nc.from_json(
        b'{"N":3,"Small":7,"Tag":{"T":"b"},"Loc":null,"After":"z"}', WithComputed
    ) == WithComputed(n=3, after="z")
    # a Byte holds 0..255: the computed value is checked as a Byte member's
    with pytest.raises(nc.SerializationError) as caught:
        nc.to_json(WithComputed(n=256))
    assert str(caught.value) == "Small: 256 is outside the Byte range [0, 255]"


@pytest.mark.falls_back  # (a Required rule: the reference reader)
def test_json_required_as_json_net_sees_each_member() -> None:
    # dotnet/JsonMembersProbe.cs's N and M's D (Mono, Json.NET 6.0.8, live in
    # tests/interop/test_json_settings_interop.py): IsRequired alone is Required.AllowNull; a
    # [JsonProperty] without Required (a JSON name, a null rule, an order) makes the member
    # optional in JSON, XML still requires it; Required.Always is required
    @nc.contract("Members.Probe")
    class Required:
        j: str | None = nc.member("J", default=None, is_required=True, json_name="JJson")
        k: str | None = nc.member(
            "K", default=None, is_required=True, json_null_value_handling="Include"
        )
        l: str | None = nc.member("L", default=None, is_required=True)  # noqa: E741
        o: str | None = nc.member("O", default=None, is_required=True, json_order=1)
        d: str | None = nc.member("D", default=None, json_required="Always")
        h: str | None = nc.member("H", default=None)

    info = nc.contract_info(Required)
    assert [(m.wire_name, m.is_required, m.json_required) for m in info.json_net_members] == [
        ("JJson", False, "Default"),
        ("K", False, "Default"),
        ("L", True, "AllowNull"),
        ("D", True, "Always"),
        ("H", False, "Default"),
        ("O", False, "Default"),
    ]
    # Mono: {"L":"l","D":"d"} is read, J, K and O left at null
    assert nc.from_json(b'{"L":"l","D":"d"}', Required) == Required(l="l", d="d")
    for document, problem in (
        # Mono: Required property 'L' not found in JSON
        (b'{"JJson":"j","K":"k","O":"o","D":"d"}', "L: missing, and it is required (is_required)"),
        # Mono: Required property 'D' not found in JSON
        (b'{"L":"l"}', "D: missing, and it is required (is_required)"),
    ):
        with pytest.raises(nc.JsonPayloadError) as caught:
            nc.from_json(document, Required)
        assert [str(p) for p in caught.value.problems] == [problem]
    # DataContractSerializer: every IsRequired member is required in XML (the README's
    # is_required, Mono)
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.from_xml(
            b'<Required xmlns="http://schemas.datacontract.org/2004/07/Members.Probe">'
            b"<D>d</D><L>l</L></Required>",
            Required,
        )
    assert [str(p) for p in refused.value.problems] == [
        "J: missing, and it is required (is_required) (line 1)",
        "K: missing, and it is required (is_required) (line 1)",
        "O: missing, and it is required (is_required) (line 1)",
    ]


def test_json_ignore_and_order_as_declared_in_a_function() -> None:
    # [JsonIgnore] (M's C in dotnet/JsonMembersProbe.cs, Mono): in XML only, never in JSON.
    # [DataMember(Order = n)] (README "order", Mono): DataContractSerializer writes the members
    # without an order first, ordinal by name, then by order; Json.NET the members without an
    # order in declaration order, then by order
    @nc.contract("Members.Probe")
    class Ordered:
        first: str | None = nc.member("First", default=None, order=2)
        hidden: str | None = nc.member("Hidden", default=None, json_ignore=True)
        zed: str | None = nc.member("Zed", default=None)
        second: str | None = nc.member("Second", default=None, order=1)

    info = nc.contract_info(Ordered)
    assert [(m.wire_name, m.order) for m in info.xml_members] == [
        ("Hidden", -1),
        ("Zed", -1),
        ("Second", 1),
        ("First", 2),
    ]
    assert [m.wire_name for m in info.json_members] == ["Hidden", "Zed", "Second", "First"]
    assert [m.wire_name for m in info.json_net_members] == ["Zed", "Second", "First"]
    value = Ordered(first="f", hidden="h", zed="z", second="s")
    assert nc.to_xml(value) == (
        b'<Ordered xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns="http://schemas.datacontract.org/2004/07/Members.Probe">'
        b"<Hidden>h</Hidden><Zed>z</Zed><Second>s</Second><First>f</First></Ordered>"
    )
    assert nc.to_json(value) == b'{"Zed":"z","Second":"s","First":"f"}'
