"""Enum wire names (``nc.enum_member``) and ``[Flags]`` enums (``nc.ContractFlag``).

Expected texts are Mono's (DataContractSerializer, Json.NET 6.0.8, XsdDataContractExporter),
pinned from a probe program and from ``tests/interop/test_enum_interop.py``, which re-asks
Mono live; they hold here without Mono.
"""

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import given, settings

import netcontract as nc
from netcontract.codegen import _engine_path, _no_fallback
from netcontract.model.wire import enum_type
from netcontract.strategies import for_type

NS = "urn:enums"


@nc.contract("Enums.Test", xml_namespace=NS)
class Progress(nc.ContractEnum):
    InProgress = nc.enum_member(1, "in-progress")
    Done = 2
    NotMarked = nc.enum_member(3, serializable=False)
    Zero = nc.enum_member(0, "zero & <none>")


@nc.contract("Enums.Test", xml_namespace=NS)
class Perms(nc.ContractFlag):
    Nothing = 0
    Exec = 4
    Read = 1
    Write = 2
    ReadWrite = 3
    Big = 16


@nc.contract("Enums.Test", xml_namespace=NS)
class NoZero(nc.ContractFlag):
    A = 1
    B = nc.enum_member(2, "bee")
    Hidden = nc.enum_member(4, serializable=False)


@nc.contract("Enums.Test", xml_namespace=NS, known_types=(Perms,))
class Holder:
    p: Progress = nc.member("P", default=Progress.Zero)
    f: Perms = nc.member("F", default=Perms.Nothing)
    z: NoZero = nc.member("Z", default=NoZero(0))
    fs: list[Perms] | None = nc.member("Fs", default=None)
    np: Progress | None = nc.member("NP", default=None)
    o: object = nc.member("O", default=None)


@nc.contract("Enums.Test", xml_namespace=NS)
class Typed:
    """Holder without its object member (which may draw any contract known to the session)."""

    p: Progress = nc.member("P", default=Progress.Zero)
    np: Progress | None = nc.member("NP", default=None)
    f: Perms = nc.member("F", default=Perms.Nothing)
    z: NoZero = nc.member("Z", default=NoZero(0))
    fs: list[Perms] | None = nc.member("Fs", default=None)
    zs: list[NoZero | None] | None = nc.member("Zs", default=None)


OPEN = f'<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'


def holder_xml(inner: str) -> bytes:
    return (OPEN + inner + "</Holder>").encode()


@pytest.fixture(params=["generated", "reference"])
def paths(request: pytest.FixtureRequest) -> Any:
    """The generated paths must handle these values (no fallback); the reference the same."""
    if request.param == "reference":
        with _engine_path("reference"):
            yield request.param
    else:
        with _no_fallback():
            yield request.param


# Mono: DataContractSerializer's text of each Perms value (None: SerializationException)
PERMS_TEXT: list[tuple[int, str | None]] = [
    (0, "Nothing"),
    (1, "Read"),
    (3, "ReadWrite"),  # a member's exact value first
    (4, "Exec"),
    (5, "Exec Read"),  # then greedily, in declaration order
    (7, "Exec Read Write"),
    (16, "Big"),
    (17, "Read Big"),
    (8, None),  # a bit no member covers
    (9, None),
    (-1, None),
]


@pytest.mark.parametrize(("value", "text"), PERMS_TEXT)
def test_flags_are_written_as_mono_writes_them(paths: str, value: int, text: str | None) -> None:
    obj = Holder(f=Perms(value))
    if text is None:
        with pytest.raises(nc.SerializationError) as refused:
            nc.to_xml(obj)
        assert [p.path for p in refused.value.problems] == ["F"]
        assert f"enum value '{value}' is invalid for type Perms" in str(refused.value)
        return
    xml = nc.to_xml(obj)
    assert f"<F>{text}</F>".encode() in xml
    assert nc.from_xml(xml, Holder) == obj
    assert nc.to_json(obj) == (
        b'{"P":0,"F":' + str(value).encode() + b',"Z":0,"Fs":null,"NP":null,"O":null}'
    )
    assert nc.from_json(nc.to_json(obj), Holder) == obj


def test_flags_zero_without_a_zero_member_is_an_empty_element(paths: str) -> None:
    """Mono: ``<NoZero xmlns="..." />``; the empty text reads as 0."""
    xml = nc.to_xml(Holder(z=NoZero(0), fs=[Perms(0), Perms(5)]))
    assert b"<Z />" in xml
    assert b"<Fs><Perms>Nothing</Perms><Perms>Exec Read</Perms></Fs>" in xml
    assert nc.from_xml(xml, Holder).z == 0
    assert b"\n  <Z />\n" in nc.to_xml(Holder(), indent=True)


# Mono: what DataContractSerializer reads from each Perms text (None: refused)
PERMS_READ: list[tuple[str, int | None]] = [
    ("Read Write", 3),
    ("Write Read", 3),
    ("Read  Write", 3),
    (" Read ", 1),
    ("", 0),
    ("ReadWrite Exec", 7),
    ("Nothing Read", 1),
    ("Read Read", 1),
    ("read", None),  # case-sensitive
    ("Read\tWrite", None),  # only the space separates
    ("Read\nWrite", None),
    ("Read,Write", None),
    ("1", None),
    ("Nope", None),
]


@pytest.mark.parametrize(("text", "value"), PERMS_READ)
def test_flags_are_read_as_mono_reads_them(paths: str, text: str, value: int | None) -> None:
    doc = holder_xml(f"<F>{text}</F>")
    if value is None:
        with pytest.raises(nc.XmlPayloadError) as refused:
            nc.from_xml(doc, Holder)
        assert [p.path for p in refused.value.problems] == ["F"]
        return
    with _no_fallback(False):  # a member left out: the reference reader's job
        read = nc.from_xml(doc, Holder)
    assert read.f == value and type(read.f) is Perms


def test_wire_names_are_xml_only(paths: str) -> None:
    """Mono: XML writes and reads ``[EnumMember(Value)]`` (escaped); Json.NET writes the number
    and reads the C# name, refusing the wire name."""
    obj = Holder(p=Progress.InProgress, np=Progress.Zero, z=NoZero.A | NoZero.B)
    xml = nc.to_xml(obj)
    assert xml == holder_xml(
        '<F>Nothing</F><Fs i:nil="true" /><NP>zero &amp; &lt;none&gt;</NP>'
        '<O i:nil="true" /><P>in-progress</P><Z>A bee</Z>'
    )
    assert nc.from_xml(xml, Holder) == obj
    assert nc.to_json(obj) == b'{"P":1,"F":0,"Z":3,"Fs":null,"NP":0,"O":null}'
    with _no_fallback(False):  # names instead of numbers: the reference reader's job
        assert nc.from_json(b'{"P":"InProgress"}', Holder).p == 1
        with pytest.raises(nc.JsonPayloadError) as refused:
            nc.from_json(b'{"P":"in-progress"}', Holder)
    assert [p.path for p in refused.value.problems] == ["P"]
    with pytest.raises(nc.XmlPayloadError) as refused_xml:
        nc.from_xml(holder_xml("<P>InProgress</P>"), Holder)
    assert [p.path for p in refused_xml.value.problems] == ["P"]


def test_a_member_that_is_not_serializable_travels_in_json_only(paths: str) -> None:
    """Mono: 'Enum value 'NotMarked' is invalid for type 'P.Progress' and cannot be serialized'
    on write, 'Invalid enum value 'NotMarked' cannot be deserialized' on read; Json.NET reads
    and writes 3."""
    obj = Holder(p=Progress.NotMarked, fs=[Perms.Read])
    assert nc.from_json(nc.to_json(obj), Holder) == obj
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(obj)
    assert [p.path for p in refused.value.problems] == ["P"]
    assert "enum value 'NotMarked' is invalid for type Progress" in str(refused.value)
    with pytest.raises(nc.XmlPayloadError) as unread:
        nc.from_xml(holder_xml("<P>NotMarked</P>"), Holder)
    assert [p.path for p in unread.value.problems] == ["P"]
    with pytest.raises(nc.SerializationError) as hidden:
        nc.to_xml(Holder(z=NoZero.A | NoZero.Hidden))
    assert [p.path for p in hidden.value.problems] == ["Z"]
    with pytest.raises(nc.XmlPayloadError):
        nc.from_xml(holder_xml("<Z>A Hidden</Z>"), Holder)


def test_flags_in_an_object_member_carry_their_i_type(paths: str) -> None:
    obj = Holder(o=Perms(7))
    xml = nc.to_xml(obj)
    assert b'<O i:type="Perms">Exec Read Write</O>' in xml  # the holder's namespace
    back = nc.from_xml(xml, Holder).o
    assert type(back) is Perms and back == 7


def test_json_reads_flag_numbers_and_names_as_json_net_does() -> None:
    """Mono (Json.NET): numbers, and C# names joined by commas in any case (``Enum.Parse``)."""
    with _no_fallback(False):
        assert nc.from_json(b'{"F":"Read, Write"}', Holder).f == 3
        assert nc.from_json(b'{"F":"exec,read"}', Holder).f == 5
        assert nc.from_json(b'{"F":" 17"}', Holder).f == 17
        with pytest.raises(nc.JsonPayloadError):
            nc.from_json(b'{"F":"Read Write"}', Holder)
    with _no_fallback():  # a number is what Json.NET writes: the generated readers take it
        whole = b'{"P":0,"F":21,"Z":0,"Fs":[7,0,24],"NP":null,"O":null}'
        read = nc.from_json(whole, Holder)
        assert read.f == 21 and type(read.f) is Perms
        assert read.fs == [7, 0, 24] and all(type(v) is Perms for v in read.fs)


def test_contract_flag_operators_stay_in_the_class() -> None:
    both = Perms.Read | Perms.Exec
    assert type(both) is Perms and both == 5 and not both.is_named
    assert Perms.Read | Perms.Write is Perms.ReadWrite
    assert Perms.Read in both and Perms.Write not in both
    assert type(both & Perms.Read) is Perms and both & Perms.Read is Perms.Read
    assert both ^ Perms.Exec is Perms.Read
    assert ~Perms.Read == -2 and type(~Perms.Read) is Perms  # as the CLR's Int32
    assert 2 | Perms.Read is Perms.ReadWrite
    assert repr(both) == "<Perms.Exec|Read: 5>" and repr(Perms(8)) == "<Perms: 8 (no name)>"


def test_unnamed_flag_values_are_drawn_only_where_some_exist() -> None:
    """``unnamed_enums=True`` draws values DataContractSerializer cannot write; a [Flags] enum
    whose members make every bit has none (the strategy must not filter forever)."""

    @nc.contract("Enums.Test", xml_namespace=NS)
    class AllBits(nc.ContractFlag):
        locals().update({f"B{k}": 1 << k for k in range(31)})
        Top = -(2**31)

    seen: list[int] = []

    @settings(max_examples=30, deadline=None, database=None)
    @given(for_type(AllBits, unnamed_enums=True), for_type(Perms, unnamed_enums=True))
    def collect(every: AllBits, perms: Perms) -> None:
        assert enum_type(AllBits, "AllBits", NS).xml_text(int(every)) is not None
        seen.append(int(perms))

    collect()
    assert any(enum_type(Perms, "Perms", NS).xml_text(v) is None for v in seen)


def test_enum_member_records_the_wire_name() -> None:
    assert Progress.InProgress.wire_name == "in-progress"
    assert Progress.Done.wire_name == "Done"
    assert Progress.NotMarked.wire_name is None
    assert Progress(9).wire_name is None
    assert int(Progress.InProgress) == 1 and Progress(1) is Progress.InProgress


def test_two_members_under_one_wire_name_are_refused_at_declaration() -> None:
    """.NET refuses the enum when first serialized (InvalidDataContractException)."""

    class Twice(nc.ContractEnum):
        A = nc.enum_member(1, "x")
        x = 2

    with pytest.raises(nc.ContractDefinitionError, match="A and x both have the wire name 'x'"):
        nc.contract("Enums.Test")(Twice)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((1, ""), {}, "non-empty string"),
        (("1",), {}, "must be an int"),
        ((1, "x"), {"serializable": False}, "has no wire name"),
    ],
)
def test_enum_member_refuses_what_dotnet_refuses(
    args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(nc.ContractDefinitionError, match=message):
        nc.enum_member(*args, **kwargs)


def test_schema_export_is_monos() -> None:
    """Mono: wire names, an ``EnumerationValue`` where the value is not the index (2**index
    in a [Flags] enum), [Flags] as an ``xs:list``, unserializable members left out."""
    schema = nc.export_schemas(Holder)[NS]
    assert (
        '  <xs:simpleType name="NoZero">\n'
        "    <xs:list>\n"
        "      <xs:simpleType>\n"
        '        <xs:restriction base="xs:string">\n'
        '          <xs:enumeration value="A" />\n'
        '          <xs:enumeration value="bee" />\n'
        "        </xs:restriction>\n"
        "      </xs:simpleType>\n"
        "    </xs:list>\n"
        "  </xs:simpleType>\n"
    ) in schema
    assert '<xs:enumeration value="zero &amp; &lt;none&gt;">' in schema
    assert "NotMarked" not in schema and "Hidden" not in schema
    assert '<xs:enumeration value="Exec">' in schema  # 4 at index 1: annotated


def test_validate_xml_reads_flag_lists() -> None:
    valid = nc.validate_xml(holder_xml("<F>Read Exec</F><Z>A bee</Z>"), Holder)
    assert valid.f == 5 and valid.z == 3
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml(holder_xml("<F>Read Nope</F>"), Holder)
    assert [p.path for p in refused.value.problems] == ["F"]


@settings(max_examples=80, deadline=None)
@given(for_type(Typed))
def test_drawn_values_convert_without_fallback(obj: Typed) -> None:
    """Every drawn value is writable as XML (serializable members and their combinations) and
    converts through the generated paths alone."""
    with _no_fallback():
        assert nc.from_xml(nc.to_xml(obj), Typed) == obj
        assert nc.from_xml(nc.to_xml(obj, indent=True), Typed) == obj
        assert nc.from_json(nc.to_json(obj), Typed) == obj
        assert nc.from_json(nc.to_json(obj, indent=True), Typed) == obj
    assert obj.p != Progress.NotMarked and obj.np != Progress.NotMarked


def test_the_strategy_draws_combined_flags() -> None:
    seen: set[int] = set()

    @settings(max_examples=150, deadline=None, database=None)
    @given(for_type(Perms))
    def collect(value: Perms) -> None:
        assert type(value) is Perms
        assert enum_type(Perms, "Perms", NS).xml_text(int(value)) is not None
        seen.add(int(value))

    collect()
    assert seen - set(Perms._value2member_map_)  # combinations no member has
    assert not seen - set(range(32))


def test_forms_carry_the_csharp_names() -> None:
    """Web API binds forms with EnumConverter (Enum.Parse): C# names or numbers, never the
    EnumMember wire names."""
    obj = Holder(p=Progress.InProgress, f=Perms(5), np=Progress.NotMarked)
    form = nc.to_form(obj)
    assert b"P=InProgress" in form and b"F=5" in form and b"NP=NotMarked" in form
    assert nc.from_form(form, Holder) == obj


def test_from_form_reads_flag_names_joined_by_commas() -> None:
    """Mono's Web API (EnumConverter): ``Exec, Read`` binds 5 in a [Flags] enum; a name
    EnumConverter cannot read is refused (Web API binds 0 silently)."""
    assert nc.from_form(b"F=Exec%2C+read&Fs[]=Big%2CRead", Holder).f == 5
    assert nc.from_form(b"F=Exec%2C+read&Fs[]=Big%2CRead", Holder).fs == [17]
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(b"F=Exec%2CNope", Holder)
    assert [p.path for p in refused.value.problems] == ["F"]


_LONG_FLAGS_CHILD = r"""
import netcontract as nc

@nc.contract("Hostile", xml_namespace="urn:h")
class Perms(nc.ContractFlag):
    Read = 1
    Write = 2

@nc.contract("Hostile", xml_namespace="urn:h")
class Doc:
    f: Perms = nc.member("F", default=Perms(0))

# just under libxml2's 10 MB text node: 1.8 million names
data = b'<Doc xmlns="urn:h"><F>' + b"Read Write " * 900_000 + b"</F></Doc>"
limits = nc.Limits(max_string_length=len(data))
nc.from_xml(b'<Doc xmlns="urn:h"><F>Read</F></Doc>', Doc)  # warm up

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024

open("/proc/self/clear_refs", "w").write("5")
before = status("VmHWM")
assert nc.from_xml(data, Doc, limits=limits).f == 3
print((status("VmHWM") - before) // (1024 * 1024))
"""


@pytest.mark.skipif(
    not __import__("os").path.exists("/proc/self/clear_refs"), reason="Linux /proc only"
)
def test_a_long_flags_text_is_read_in_bounded_memory() -> None:
    """A 10 MB [Flags] text is read word by word: the peak rises by about 18 MiB (the parsed
    text); splitting it into a list first took 142 MiB. Measured in a fresh process."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _LONG_FLAGS_CHILD],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert int(done.stdout.strip()) < 70, done.stdout


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        (
            Holder(p=Progress.NotMarked),
            "P: enum value 'NotMarked' is invalid for type Progress: the member is not"
            " serializable (enum_member(..., serializable=False), a member without [EnumMember]"
            " in a [DataContract] enum)",
        ),
        (
            Holder(f=Perms(8)),
            "F: enum value '8' is invalid for type Perms: no combination of its serializable"
            " members makes it",
        ),
        (
            Holder(p=Progress(99)),
            "P: enum value '99' is invalid for type Progress: DataContractSerializer can only"
            " write named values",
        ),
    ],
)
def test_unwritable_enum_values_say_why(obj: Holder, message: str) -> None:
    # Mono refuses all three ("Enum value ... is invalid for type ... and cannot be
    # serialized", tests/interop/test_enum_interop.py); netcontract's message says which case
    with pytest.raises(nc.SerializationError) as refused:
        nc.to_xml(obj)
    assert str(refused.value) == message


def test_a_plain_int_enum_member_named_wire_name_is_one_more_member() -> None:
    # a plain IntEnum (not a ContractEnum) has no wire names: a member called wire_name is a
    # member like the others (C#: enum Odd { A = 1, wire_name = 2 }), each written under its
    # own name as DataContractSerializer writes an enum member
    @nc.contract("Enums.Test", xml_namespace=NS)
    class Odd(enum.IntEnum):
        A = 1
        wire_name = 2

    @nc.contract("Enums.Test", xml_namespace=NS)
    class HoldsOdd:
        v: Odd = nc.member("V", default=Odd.A)

    assert enum_type(Odd, "Odd", NS).names == {1: "A", 2: "wire_name"}
    for value, text in ((Odd.A, b"A"), (Odd.wire_name, b"wire_name")):
        xml = nc.to_xml(HoldsOdd(v=value))
        assert xml == (
            b'<HoldsOdd xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:enums">'
            b"<V>" + text + b"</V></HoldsOdd>"
        )
        assert nc.from_xml(xml, HoldsOdd) == HoldsOdd(v=value)
