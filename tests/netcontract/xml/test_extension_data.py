"""extension_data=True (IExtensibleDataObject) on the Python side: what it is on the class and
the instance, and the rules netcontract adds (the bytes are proven against Mono in
tests/interop/test_extension_data_interop.py)."""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract.model.extension import ExtensionData

# extension data is read and written by the reference code (the generated paths decline it)
pytestmark = pytest.mark.falls_back

NS = "http://schemas.datacontract.org/2004/07/ExtUnit"


@nc.contract("ExtUnit", extension_data=True)
class Kept:
    a: str | None = nc.member("A", default=None)
    z: nc.Int32 = nc.member("Z", default=0)


@nc.contract("ExtUnit")
class KeptToo(Kept):
    b: str | None = nc.member("B", default=None)


@nc.contract("ExtUnit")
class Ignored:
    a: str | None = nc.member("A", default=None)


XSI = "http://www.w3.org/2001/XMLSchema-instance"
V2 = f'<Kept xmlns:i="{XSI}" xmlns="{NS}"><A>a</A><N>n</N><Z>1</Z><E /></Kept>'.encode()


def test_unknown_members_are_kept_and_written_back_in_place() -> None:
    obj = nc.from_xml(V2, Kept)
    assert obj.extension_data is not None
    assert [(m.name, m.after) for m in obj.extension_data.members] == [("N", 0), ("E", 1)]
    assert nc.to_xml(obj) == V2


def test_extension_data_is_not_a_member_nor_compared_nor_shown() -> None:
    obj = nc.from_xml(V2, Kept)
    assert obj == Kept(a="a", z=1)
    assert "extension_data" not in repr(obj)
    assert "N" not in nc.to_json(obj).decode()
    assert "extension_data" not in nc.export_schemas(Kept)[NS]
    with pytest.raises(TypeError):
        Kept(extension_data=None)  # type: ignore[call-arg]


def test_a_derived_contract_keeps_extension_data_too() -> None:
    data = V2.replace(b"<Kept ", b"<KeptToo ").replace(b"</Kept>", b"<B>b</B><F>f</F></KeptToo>")
    obj = nc.from_xml(data, KeptToo)
    assert obj.extension_data is not None
    assert [m.name for m in obj.extension_data.members] == ["N", "E", "F"]
    assert nc.to_xml(obj) == data


def test_without_opting_in_unknown_members_stay_ignored() -> None:
    data = V2.replace(b"<Kept ", b"<Ignored ").replace(b"</Kept>", b"</Ignored>")
    assert nc.to_xml(nc.from_xml(data, Ignored)).count(b"<N>") == 0
    with pytest.raises(nc.PayloadError, match="unknown element"):
        nc.from_xml(data, Ignored, strict=True)


def test_strict_mode_keeps_extension_data_as_nothing_is_ignored() -> None:
    assert nc.to_xml(nc.from_xml(V2, Kept, strict=True)) == V2


def test_extension_data_from_another_format_is_not_written_as_xml() -> None:
    obj = Kept(a="a")
    obj.extension_data = ExtensionData("wcf_json", nc.from_xml(V2, Kept).extension_data.members)  # type: ignore[union-attr]
    with pytest.raises(nc.SerializationError, match="read from wcf_json cannot be written as XML"):
        nc.to_xml(obj)
    obj.extension_data = None
    assert nc.to_xml(obj).count(b"<N>") == 0


def test_a_member_named_extension_data_is_refused() -> None:
    with pytest.raises(nc.ContractDefinitionError, match="holds the extension data"):

        @nc.contract("ExtUnit", extension_data=True)
        class Clash:
            extension_data: str | None = nc.member("X", default=None)


def test_an_enum_cannot_keep_extension_data() -> None:
    with pytest.raises(nc.ContractDefinitionError, match="extension_data"):

        @nc.contract("ExtUnit", extension_data=True)
        class Colour(nc.ContractEnum):
            Red = 0


@nc.contract("ExtUnit", extension_data=True)
class NoMembers:
    pass


@nc.contract("ExtUnit", extension_data=True)
class HoldsNoMembers:
    key: NoMembers | None = nc.member("Key", default=None)
    keys: list[NoMembers | None] | None = nc.member("Keys", default=None)


def test_a_contract_without_members_is_an_empty_element_in_a_member() -> None:
    # Mono's DataContractSerializer writes an IExtensibleDataObject class without members and
    # without extension data in a member (or a list item) as <Key />, as any empty contract
    # (tests/interop/test_real_xsd_interop.py: the token restriction template's
    # <PrimaryVerificationKey />); the generated writer wrote <Key></Key>
    value = HoldsNoMembers(key=NoMembers(), keys=[NoMembers()])
    assert (
        nc.to_xml(value)
        == (
            f'<HoldsNoMembers xmlns:i="{XSI}" xmlns="{NS}"><Key /><Keys><NoMembers /></Keys>'
            "</HoldsNoMembers>"
        ).encode()
    )
    assert (
        nc.to_xml(value, indent=True)
        == (
            f'<HoldsNoMembers xmlns:i="{XSI}" xmlns="{NS}">\n  <Key />\n  <Keys>\n'
            "    <NoMembers />\n  </Keys>\n</HoldsNoMembers>"
        ).encode()
    )
    # the stream layout: <Key/>, as for any empty contract
    assert b"<Key/><Keys><NoMembers/></Keys>" in nc.to_xml(value, layout="stream")
    # with unknown members kept, the reference writer writes them inside
    kept = nc.from_xml(f'<NoMembers xmlns="{NS}"><X>1</X></NoMembers>'.encode(), NoMembers)
    assert b"<Key><X>1</X></Key><Keys><NoMembers><X>1</X></NoMembers></Keys>" in nc.to_xml(
        HoldsNoMembers(key=kept, keys=[kept])
    )
