"""``member(order=, is_required=, emit_default_value=)``: .NET's ``[DataMember(...)]``.

The bytes below are Mono's (DataContractSerializer and Json.NET 6.0.8 on the twin
``Edge.E`` classes of tests/interop/dotnet/EdgeContracts.cs), pinned so the rules hold
without Mono; tests/interop/test_edge_contracts.py checks them live. No Mono is needed here.
"""

from __future__ import annotations

import decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import codegen
from netcontract.model.plan import contract_info
from netcontract.strategies import for_type

from .edge_models import AllDefault, Defaults, HoldsAllDefault, Ordered, Required

NS = b"http://schemas.datacontract.org/2004/07/Edge.E"
ORDERED = Ordered(zb=1, yb="y", xb=3, ab="a", md="m", nd=6, kd=7, cd="c", rq="r")
# Mono: base class first; within a class the members without an Order, then by Order, ordinal
# by name among equals
ORDERED_XML = (
    b'<Ordered xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
    b"<Ab>a</Ab><Yb>y</Yb><Xb>3</Xb><Zb>1</Zb>"
    b"<Nd>6</Nd><Rq>r</Rq><Kd>7</Kd><Cd>c</Cd><Md>m</Md></Ordered>"
)
# Mono (Json.NET): reflection order (most-derived first), sorted stably by Order (-1 if none)
ORDERED_JSON = b'{"Nd":6,"Rq":"r","Yb":"y","Ab":"a","Kd":7,"Md":"m","Cd":"c","Xb":3,"Zb":1}'


def test_data_member_order_sorts_dcs_members_within_each_class() -> None:
    assert nc.to_xml(ORDERED) == ORDERED_XML
    assert nc.from_xml(ORDERED_XML, Ordered) == ORDERED


def test_data_member_order_sorts_jsonnet_members_stably_across_the_hierarchy() -> None:
    assert nc.to_json(ORDERED) == ORDERED_JSON
    assert nc.from_json(ORDERED_JSON, Ordered) == ORDERED


def test_data_member_order_on_the_reference_paths(engine_path: str) -> None:
    assert nc.to_xml(ORDERED) == ORDERED_XML
    assert nc.to_json(ORDERED) == ORDERED_JSON
    assert nc.from_xml(ORDERED_XML, Ordered) == ORDERED


def test_data_member_order_is_the_xsd_sequence() -> None:
    names = [m.wire_name for m in contract_info(Ordered).xml_members]
    assert names == ["Ab", "Yb", "Xb", "Zb", "Nd", "Rq", "Kd", "Cd", "Md"]
    schema = nc.export_schemas(Ordered)
    text = next(v for k, v in schema.items() if "Edge.E" in k)
    assert text.index('name="Nd"') < text.index('name="Kd"') < text.index('name="Md"')


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_data_member_order_must_be_a_non_negative_int(bad: object) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="order must be an int >= 0"):
        nc.member("X", default=0, order=bad)  # type: ignore[arg-type]


REQUIRED_XML = (
    b'<Required xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
    b"<Name>n</Name><Note>x</Note><Count>2</Count></Required>"
)


@pytest.mark.parametrize(
    ("payload", "member"),
    [
        (b'<Required xmlns="' + NS + b'"><Name>n</Name><Note>x</Note></Required>', "Count"),
        (b'<Required xmlns="' + NS + b'"><Count>1</Count></Required>', "Name"),
    ],
)
def test_is_required_member_missing_from_xml_is_refused(
    engine_path: str, payload: bytes, member: str
) -> None:
    # Mono: "'EndElement' 'Required' ... is not expected. Expecting element 'Count'."
    with pytest.raises(nc.XmlPayloadError, match=rf"{member}: missing, and it is required"):
        nc.from_xml(payload, Required)


def test_is_required_member_missing_from_json_is_refused(engine_path: str) -> None:
    # Mono (Json.NET): "Required property 'Name' not found in JSON."
    with pytest.raises(nc.JsonPayloadError, match="Name: missing, and it is required"):
        nc.from_json(b'{"Note":"x","Count":1}', Required)


def test_is_required_reads_null_in_json_as_jsonnet_allow_null(engine_path: str) -> None:
    assert nc.from_json(b'{"Name":null,"Note":null,"Count":0}', Required) == Required()


def test_is_required_present_reads_on_the_generated_paths() -> None:
    # under NETCONTRACT_NO_FALLBACK (CI) a fallback here fails the test
    assert nc.from_xml(REQUIRED_XML, Required) == Required(name="n", note="x", count=2)
    assert nc.to_xml(Required(name="n", note="x", count=2)) == REQUIRED_XML
    # Note is optional: leaving it out still reads
    text = REQUIRED_XML.replace(b"<Note>x</Note>", b"")
    assert nc.from_xml(text, Required) == Required(name="n", count=2)


def test_is_required_member_has_no_min_occurs_in_the_xsd() -> None:
    text = nc.export_schemas(Required)["http://schemas.datacontract.org/2004/07/Edge.E"]
    # Mono's XsdDataContractExporter
    assert (
        "    <xs:sequence>\n"
        '      <xs:element name="Name" nillable="true" type="xs:string" />\n'
        '      <xs:element minOccurs="0" name="Note" nillable="true" type="xs:string" />\n'
        '      <xs:element name="Count" type="xs:int" />\n'
        "    </xs:sequence>\n"
    ) in text


def test_validate_xml_reports_a_missing_required_member() -> None:
    missing = b'<Required xmlns="' + NS + b'"><Name>n</Name></Required>'
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml(missing, Required)
    assert any("Count" in p.message or "Count" in p.path for p in refused.value.problems)
    assert nc.validate_xml(REQUIRED_XML, Required) == Required(name="n", note="x", count=2)


@pytest.mark.parametrize("bad", [1, None, "yes"])
def test_is_required_must_be_a_bool(bad: object) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="is_required must be a bool"):
        nc.member("X", default=0, is_required=bad)  # type: ignore[arg-type]


# Mono: EmitDefaultValue=false. DCS leaves out null and a default Boolean, Int32, Int64, Double
# (-0.0 too), Decimal (any scale), DateTime (0 ticks, any kind) but writes a default Int16,
# Byte, UInt64, Char, Guid; Json.NET leaves out every default value type but Char.
AT_DEFAULTS = Defaults(d=-0.0, m=decimal.Decimal("0.00"), must="m")
AT_DEFAULTS_XML = (
    b'<Defaults xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + NS + b'">'
    b"<C>0</C><G>00000000-0000-0000-0000-000000000000</G><I16>0</I16><Kept>0</Kept>"
    b"<Must>m</Must><U64>0</U64><U8>0</U8></Defaults>"
)
AT_DEFAULTS_JSON = b'{"C":"\\u0000","Kept":0,"Must":"m"}'


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_leaves_out_what_dcs_leaves_out(engine_path: str) -> None:
    assert nc.to_xml(AT_DEFAULTS) == AT_DEFAULTS_XML
    assert nc.from_xml(AT_DEFAULTS_XML, Defaults) == Defaults(must="m")


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_leaves_out_what_jsonnet_leaves_out(engine_path: str) -> None:
    assert nc.to_json(AT_DEFAULTS) == AT_DEFAULTS_JSON
    assert nc.from_json(AT_DEFAULTS_JSON, Defaults) == Defaults(must="m")


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_keeps_a_nullable_holding_zero_and_empty_values() -> None:
    obj = Defaults(n=0, s="", l=[], must="m")
    assert b"<N>0</N>" in nc.to_xml(obj) and b'"N":0' in nc.to_json(obj)
    assert b"<S></S>" in nc.to_xml(obj) and b'"S":""' in nc.to_json(obj)


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_every_member_left_out_is_an_empty_element() -> None:
    # Mono: <Inner /> and {"Inner":{}}; the root: <AllDefault ... />
    holder = HoldsAllDefault(inner=AllDefault())
    assert b"<Inner />" in nc.to_xml(holder)
    assert nc.to_json(holder) == b'{"Inner":{}}'
    assert nc.to_xml(AllDefault()).endswith(b'xmlns="' + NS + b'" />')
    assert nc.to_xml(holder, indent=True).count(b"<Inner />") == 1


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_required_member_at_default_is_refused_in_xml_only() -> None:
    # Mono: DCS SerializationException ("This conflict cannot be resolved"); Json.NET writes {}
    with pytest.raises(nc.SerializationError, match="Must: holds its default value"):
        nc.to_xml(Defaults())
    assert b"Must" not in nc.to_json(Defaults())


def test_emit_default_false_is_annotated_in_the_xsd() -> None:
    text = nc.export_schemas(Defaults)["http://schemas.datacontract.org/2004/07/Edge.E"]
    assert (
        '      <xs:element name="Must" nillable="true" type="xs:string">\n'
        "        <xs:annotation>\n"
        "          <xs:appinfo>\n"
        '            <DefaultValue EmitDefaultValue="false"'
        ' xmlns="http://schemas.microsoft.com/2003/10/Serialization/" />\n'
        "          </xs:appinfo>\n"
        "        </xs:annotation>\n"
        "      </xs:element>\n"
    ) in text
    assert '<xs:element minOccurs="0" name="Kept" type="xs:int" />' in text


@pytest.mark.falls_back  # written by the reference writers only
def test_emit_default_false_documents_validate() -> None:
    assert nc.validate_xml(AT_DEFAULTS_XML, Defaults) == Defaults(must="m")


def test_emit_default_false_generated_writers_decline_visibly() -> None:
    with (
        codegen._no_fallback(),
        pytest.raises(codegen.FallbackForbidden, match="emit_default_value"),
    ):
        nc.to_json(AT_DEFAULTS)


@nc.contract("Edge.T")
class Spans:
    d: nc.TimeSpan = nc.member("D", default=nc.TimeSpan.ZERO, emit_default_value=False)
    n: nc.TimeSpan | None = nc.member("N", default=None, emit_default_value=False)
    s: str | None = nc.member("S", default=None)


SPANS_NS = b"http://schemas.datacontract.org/2004/07/Edge.T"


@pytest.mark.falls_back  # emit_default_value=False: written by the reference writers only
def test_emit_default_false_leaves_out_a_zero_timespan_in_json_only() -> None:
    # Mono: [DataMember(EmitDefaultValue=false)] TimeSpan D, TimeSpan? N: DataContractSerializer
    # writes <D>PT0S</D>, Json.NET leaves D out; a Nullable holding Zero is written by both
    assert nc.to_json(Spans()) == b'{"S":null}'
    assert nc.to_xml(Spans()) == (
        b'<Spans xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="' + SPANS_NS + b'">'
        b'<D>PT0S</D><S i:nil="true" /></Spans>'
    )
    kept = Spans(d=nc.TimeSpan(1), n=nc.TimeSpan.ZERO)
    assert nc.to_json(kept) == b'{"D":"00:00:00.0000001","N":"00:00:00","S":null}'
    assert nc.from_json(nc.to_json(Spans()), Spans) == Spans()


@nc.contract("Edge.T")
class SinglesAndOffsets:
    f: nc.Single = nc.member("F", default=0.0, emit_default_value=False)
    d: nc.DateTimeOffset = nc.member("D", default=nc.DateTimeOffset(0), emit_default_value=False)


SYSTEM_NS = b"http://schemas.datacontract.org/2004/07/System"


@pytest.mark.falls_back  # emit_default_value=False: written by the reference writers only
@pytest.mark.parametrize(
    ("value", "xml", "json"),
    [
        # Mono: [DataMember(EmitDefaultValue=false)] float F; DateTimeOffset D in a
        # [DataContract(Namespace="http://schemas.datacontract.org/2004/07/Edge.T")]:
        # DataContractSerializer leaves out 0 and -0 floats and
        # writes every DateTimeOffset; Json.NET leaves out both, a DateTimeOffset whenever its
        # instant is 0001-01-01T00:00:00Z (DateTimeOffset.Equals), whatever its offset. The
        # prefix is d2p1 as the serializer writes it through an XmlWriter, as Web API does
        # (tests/interop/test_datetimeoffset_interop.py)
        (
            SinglesAndOffsets(),
            b"<d2p1:DateTime>0001-01-01T00:00:00Z</d2p1:DateTime><d2p1:OffsetMinutes>0</d2p1:OffsetMinutes>",
            b"{}",
        ),
        (
            SinglesAndOffsets(f=-0.0),
            b"<d2p1:DateTime>0001-01-01T00:00:00Z</d2p1:DateTime><d2p1:OffsetMinutes>0</d2p1:OffsetMinutes>",
            b"{}",
        ),
        (
            SinglesAndOffsets(d=nc.DateTimeOffset(36_000_000_000, 60)),
            b"<d2p1:DateTime>0001-01-01T00:00:00Z</d2p1:DateTime><d2p1:OffsetMinutes>60</d2p1:OffsetMinutes>",
            b"{}",
        ),
        (
            SinglesAndOffsets(d=nc.DateTimeOffset(0, -60)),
            b"<d2p1:DateTime>0001-01-01T01:00:00Z</d2p1:DateTime><d2p1:OffsetMinutes>-60</d2p1:OffsetMinutes>",
            b'{"D":"0001-01-01T00:00:00-01:00"}',
        ),
    ],
)
def test_emit_default_false_single_and_datetimeoffset_as_mono(
    value: SinglesAndOffsets, xml: bytes, json: bytes
) -> None:
    assert nc.to_xml(value) == (
        b'<SinglesAndOffsets xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="'
        + SPANS_NS
        + b'">'
        b'<D xmlns:d2p1="' + SYSTEM_NS + b'">' + xml + b"</D></SinglesAndOffsets>"
    )
    assert nc.to_json(value) == json


@pytest.mark.parametrize("bad", [0, None])
def test_emit_default_value_must_be_a_bool(bad: object) -> None:
    with pytest.raises(nc.ContractDefinitionError, match="emit_default_value must be a bool"):
        nc.member("X", default=0, emit_default_value=bad)  # type: ignore[arg-type]


@pytest.mark.falls_back  # Defaults: written by the reference writers only
@pytest.mark.parametrize("tp", [Ordered, Required, Defaults, HoldsAllDefault], ids=repr)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_member_rules_drawn_values_round_trip_in_both_formats(
    tp: type, data: st.DataObject
) -> None:
    # the strategies leave out what emit_default_value=False would lose (-0.0, 0.00, a UTC
    # DateTime of 0 ticks) and a required member's default XML cannot write
    obj = data.draw(for_type(tp))
    for indent in (False, True):
        # repr tells -0.0, Decimal scale and DateTime kinds apart, where == does not (and
        # NaN equals itself there); JSON writes a Decimal 1 as 1.0, as Json.NET does: its
        # bytes must survive the round trip instead
        assert repr(nc.from_xml(nc.to_xml(obj, indent=indent), tp)) == repr(obj)
        text = nc.to_json(obj, indent=indent)
        assert nc.to_json(nc.from_json(text, tp), indent=indent) == text
