"""Json.NET's member attributes through ``nc.member(json_name=, json_order=, json_required=,
json_null_value_handling=, json_ignore=)``: [JsonProperty] and [JsonIgnore] on a [DataMember].

Expected bytes marked "Mono:" were printed by Json.NET 6.0.8 (dotnet/JsonMembersProbe.cs; the
live comparison is tests/interop/test_json_settings_interop.py). Contracts with a Required or
NullValueHandling rule are read and written by the reference code (``falls_back``).
"""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract import codegen


@nc.contract("Members.Test")
class Member:
    a: str | None = nc.member("A", default=None, json_name="AJson", json_order=2)
    b: str | None = nc.member("B", default=None, order=1, json_order=1)
    c: str | None = nc.member("C", default=None, json_ignore=True)
    d: str | None = nc.member("D", default=None, json_required="Always")
    e: str | None = nc.member("E", default=None, is_required=True, json_required="Default")
    f: str | None = nc.member("F", default=None, json_null_value_handling="Ignore")
    g: str | None = nc.member("G", default=None, json_null_value_handling="Include")
    h: str | None = nc.member("H", default=None)
    i: nc.Int32 | None = nc.member("I", default=None, json_required="AllowNull")


@nc.contract("Members.Test")
class Renamed:
    """Only names, order and [JsonIgnore]: the generated paths handle these."""

    first: nc.Int32 = nc.member("First", default=0, json_name="first_json", json_order=1)
    second: str | None = nc.member("Second", default=None)
    hidden: str | None = nc.member("Hidden", default=None, json_ignore=True)


@nc.contract("Members.Test")
class NotNull:
    value: str | None = nc.member("Value", default=None, json_required="DisallowNull")


pytestmark = pytest.mark.falls_back


def test_names_order_and_ignore_in_json_only() -> None:
    obj = Member(a="a", b="b", c="c", d="d", f="f", g="g", h="h", i=1)
    # Mono: {"D":"d","E":null,"F":"f","G":"g","H":"h","I":1,"B":"b","AJson":"a"}
    assert nc.to_json(obj) == (
        b'{"D":"d","E":null,"F":"f","G":"g","H":"h","I":1,"B":"b","AJson":"a"}'
    )
    # XML keeps the DataMember names and order, and the [JsonIgnore] member
    xml = nc.to_xml(obj)
    assert b"<A>a</A>" in xml and b"<C>c</C>" in xml and b"AJson" not in xml
    assert nc.from_xml(xml, Member) == obj


def test_null_rules_on_writing() -> None:
    # Mono: F left out (its own Ignore), G written (its own Include over the settings' Ignore)
    assert nc.to_json(Member(d="d")) == (
        b'{"D":"d","E":null,"G":null,"H":null,"I":null,"B":null,"AJson":null}'
    )
    ignore = nc.JsonSettings(null_value_handling="Ignore")
    assert nc.to_json(Member(d="d", c="c"), settings=ignore) == b'{"D":"d","G":null}'
    # Mono: Cannot write a null value for property 'D'. Property requires a value.
    with pytest.raises(nc.SerializationError, match=r"D: null, but Required\.Always needs a value"):
        nc.to_json(Member(a="a"))


def test_camel_case_renames_the_json_names_too() -> None:
    camel = nc.JsonSettings(contract_resolver="CamelCase")
    # Mono: {"d":"d","e":null,"g":null,"h":null,"i":null,"b":null,"aJson":"z"}
    assert nc.to_json(Member(d="d", a="z"), settings=camel) == (
        b'{"d":"d","e":null,"g":null,"h":null,"i":null,"b":null,"aJson":"z"}'
    )


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"{}", "D: missing, and it is required (is_required)"),  # Mono: Required property 'D'
        (b'{"D":null,"I":1}', "D: null, but Required.Always needs a value"),
        (b'{"D":"d"}', "I: missing, and it is required (is_required)"),  # AllowNull: present
    ],
)
def test_required_on_reading(document: bytes, problem: str) -> None:
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_json(document, Member)
    assert str(info.value.problems[0]) == problem


def test_reading_what_json_net_reads() -> None:
    # Mono: the [JsonIgnore] member is not read (C=-), the DataMember name "A" is not the JSON
    # name; IsRequired with Required.Default makes E optional; a null for AllowNull is read
    read = nc.from_json(b'{"D":"d","I":1,"C":"c","A":"x","ajson":"y"}', Member)
    assert read == Member(d="d", i=1, a="y")
    assert nc.from_json(b'{"D":"d","I":null}', Member) == Member(d="d")
    # MissingMemberHandling.Error refuses "A" but not the [JsonIgnore] member "C" (Mono)
    error = nc.JsonSettings(missing_member_handling="Error")
    assert nc.from_json(b'{"D":"d","I":1,"C":"c"}', Member, settings=error) == Member(d="d", i=1)
    with pytest.raises(nc.JsonPayloadError, match="A: Member has no member of this name"):
        nc.from_json(b'{"D":"d","I":1,"A":"x"}', Member, settings=error)
    # NullValueHandling.Ignore skips a null, but the member was there (Required.AllowNull)
    ignore = nc.JsonSettings(null_value_handling="Ignore")
    assert nc.from_json(b'{"D":"d","I":null,"F":null}', Member, settings=ignore) == Member(d="d")


def test_disallow_null_is_optional_but_never_null() -> None:
    # Json.NET 8's Required.DisallowNull (Json.NET 6.0.8 on Mono has no such value)
    assert nc.from_json(b"{}", NotNull) == NotNull()
    assert nc.from_json(b'{"Value":"v"}', NotNull) == NotNull(value="v")
    with pytest.raises(nc.JsonPayloadError, match=r"Value: null, but Required\.DisallowNull"):
        nc.from_json(b'{"Value":null}', NotNull)
    with pytest.raises(nc.SerializationError, match=r"Value: null, but Required\.DisallowNull"):
        nc.to_json(NotNull())


@pytest.mark.falls_back
def test_null_rules_decline_the_generated_paths_visibly() -> None:
    data = nc.to_json(Member(d="d"))
    with codegen._no_fallback(True):
        with pytest.raises(codegen.FallbackForbidden, match="JsonProperty"):
            nc.to_json(Member(d="d"))
        with pytest.raises(codegen.FallbackForbidden, match="JsonProperty"):
            nc.from_json(data, Member)


def test_names_order_and_ignore_keep_the_generated_paths() -> None:
    obj = Renamed(first=1, second="s", hidden="h")
    with codegen._no_fallback(True):
        data = nc.to_json(obj)
        assert data == b'{"Second":"s","first_json":1}'
        assert nc.from_json(data, Renamed) == Renamed(first=1, second="s")
        assert nc.to_json(obj, indent=True) == b'{\n  "Second": "s",\n  "first_json": 1\n}'
    assert b"<First>1</First><Hidden>h</Hidden><Second>s</Second>" in nc.to_xml(obj)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"json_name": ""}, "json_name must be a non-empty str"),
        ({"json_order": -1}, "json_order must be an int >= 0"),
        ({"json_required": "Sometimes"}, "json_required must be one of"),
        ({"json_null_value_handling": "Skip"}, "json_null_value_handling must be Include"),
        ({"json_ignore": 1}, "json_ignore must be a bool"),
        ({"json_ignore": True, "json_only": True}, "leave it in no format"),
    ],
)
def test_bad_member_attributes_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(nc.ContractDefinitionError, match=message):
        nc.member("X", default=None, **kwargs)  # type: ignore[arg-type]


def test_two_members_with_one_json_name_are_refused() -> None:
    @nc.contract("Members.Test")
    class Twice:
        a: str | None = nc.member("A", default=None, json_name="B")
        b: str | None = nc.member("B", default=None)

    with pytest.raises(nc.ContractDefinitionError, match="duplicate JSON member names"):
        nc.to_json(Twice())
