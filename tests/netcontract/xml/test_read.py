"""Reading DataContract XML: namespaces, lexical forms, order, unknown elements, problems.

Accept/refuse expectations follow Mono's DataContractSerializer (tests/interop/dotnet/PROBES.md
§3, §5, §8; docs/xml-rules.md §12) except where README "Behaviours chosen where .NET is lossy"
documents a deliberate difference.
"""

from __future__ import annotations

import uuid

import pytest

import netcontract as nc
from vehizen import CameraType, CustomerGroupDto, ResponseDto

DTO = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto"
CG = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
G = "0f8fad5b-d9cb-469f-a165-70867728950e"


def group(vehicle_xml: str = "", extra: str = "", prefix: str = "v") -> bytes:
    vehicles = (
        f'<Vehicles xmlns:{prefix}="{DTO}"><{prefix}:VehicleLightDto>{vehicle_xml}'
        f"</{prefix}:VehicleLightDto></Vehicles>"
    )
    return (
        f'<CustomerGroupDto xmlns:i="{XSI}" xmlns="{CG}">'
        f"<CustomerId>{G}</CustomerId>{extra}{vehicles}</CustomerGroupDto>"
    ).encode()


def vehicle(xml: str) -> object:
    return nc.from_xml(group(xml)).vehicles[0]


def problems(data: bytes, cls: object = None, **kw: object) -> list[str]:
    with pytest.raises(nc.XmlPayloadError) as info:
        nc.from_xml(data, cls, **kw)
    return [str(p) for p in info.value.problems]


def test_any_prefixes_and_default_namespaces_are_accepted():
    doc = (
        f'<cg:CustomerGroupDto xmlns:cg="{CG}" xmlns:xsi="{XSI}">'
        f"<cg:CustomerId>{G}</cg:CustomerId><cg:Id xsi:nil='true'/>"
        f'<cg:Vehicles><VehicleLightDto xmlns="{DTO}"><IdWS>4</IdWS></VehicleLightDto>'
        "</cg:Vehicles></cg:CustomerGroupDto>"
    ).encode()
    obj = nc.from_xml(doc, CustomerGroupDto)
    assert obj.customer_id == uuid.UUID(G)
    assert obj.id is None
    assert obj.vehicles[0].id_ws == 4


def test_cdata_character_references_comments_whitespace_bom_and_declaration():
    body = group(
        "<!-- note --><v:IdWS> 5 </v:IdWS>\n  <v:Imei><![CDATA[a<b]]>&#x41;&#xD;&amp;</v:Imei>"
    )
    doc = b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\n' + body
    v = nc.from_xml(doc).vehicles[0]
    assert v.id_ws == 5  # numbers are whitespace-trimmed, as XmlConvert does
    assert v.imei == "a<bA\r&"  # &#xD; is a carriage return that survives (PROBES §3)


def test_literal_crlf_in_text_is_normalised_by_xml_itself():
    assert vehicle("<v:Imei>a\r\nb\rc</v:Imei>").imei == "a\nb\nc"


def test_latin1_declared_document_is_refused_as_wcf_refuses_it():
    # Mono: DataContractSerializer.ReadObject(stream) -> XmlException "The encoding in the
    # declaration 'iso-8859-1' does not match the encoding of the document 'utf-8'."
    body = group("<v:Imei>\xe9t\xe9</v:Imei>".replace("\xe9", "&#xE9;"))
    doc = b'<?xml version="1.0" encoding="ISO-8859-1"?>' + body.replace(b"&#xE9;", b"\xe9")
    with pytest.raises(nc.XmlPayloadError, match="declares encoding 'iso-8859-1'"):
        nc.from_xml(doc)


def test_utf16_with_bom():
    doc = '<?xml version="1.0" encoding="utf-16"?>' + group("<v:Imei>ü</v:Imei>").decode()
    assert nc.from_xml(doc.encode("utf-16")).vehicles[0].imei == "ü"


@pytest.mark.parametrize(
    ("xml", "attr", "value"),
    [
        ("<v:Tolerance>+5</v:Tolerance>", "tolerance", 5),
        ("<v:Tolerance>05</v:Tolerance>", "tolerance", 5),
        ("<v:Tolerance>-2147483648</v:Tolerance>", "tolerance", -(2**31)),
        ("<v:NoGeoloc>1</v:NoGeoloc>", "no_geoloc", True),
        ("<v:NoGeoloc> true </v:NoGeoloc>", "no_geoloc", True),
        ("<v:TotalFuelUsed>1e3</v:TotalFuelUsed>", "total_fuel_used", 1000.0),
        ("<v:TotalFuelUsed>INF</v:TotalFuelUsed>", "total_fuel_used", float("inf")),
        ("<v:TotalFuelUsed>-INF</v:TotalFuelUsed>", "total_fuel_used", float("-inf")),
        (
            "<v:VehicleId>{0F8FAD5B-D9CB-469F-A165-70867728950E}</v:VehicleId>",
            "vehicle_id",
            uuid.UUID(G),
        ),
        ("<v:VehicleId>0f8fad5bd9cb469fa16570867728950e</v:VehicleId>", "vehicle_id", uuid.UUID(G)),
        ("<v:CameraType>WITHOUT_CAMERA</v:CameraType>", "camera_type", CameraType.WITHOUT_CAMERA),
        ("<v:KmEndOfLease i:nil='false'>5</v:KmEndOfLease>", "km_end_of_lease", 5),
    ],
)
def test_lexical_forms_dotnet_accepts(xml, attr, value):
    assert getattr(vehicle(xml), attr) == value


def test_negative_zero_is_kept():
    # .NET Framework reads "-0" as +0 (PROBES §5); netcontract keeps the sign (nothing lost)
    value = vehicle("<v:TotalFuelUsed>-0</v:TotalFuelUsed>").total_fuel_used
    assert str(value) == "-0.0"


@pytest.mark.parametrize(
    ("xml", "fragment"),
    [
        ("<v:Tolerance>5.0</v:Tolerance>", "Tolerance"),
        ("<v:Tolerance>2147483648</v:Tolerance>", "Int32"),
        ("<v:Tolerance></v:Tolerance>", "Tolerance"),
        ("<v:Tolerance i:nil='true'/>", "null is not allowed"),
        ("<v:KmEndOfLease/>", "KmEndOfLease"),  # empty is not nil (PROBES §5)
        ("<v:NoGeoloc>True</v:NoGeoloc>", "NoGeoloc"),
        ("<v:TotalFuelUsed>inf</v:TotalFuelUsed>", "TotalFuelUsed"),
        ("<v:TotalFuelUsed>1,5</v:TotalFuelUsed>", "TotalFuelUsed"),
        ("<v:CameraType>without_camera</v:CameraType>", "is not a CameraType name"),
        ("<v:CameraType>0</v:CameraType>", "is not a CameraType name"),
        ("<v:CameraType> WITHOUT_CAMERA </v:CameraType>", "is not a CameraType name"),
        ("<v:VehicleId>not-a-guid</v:VehicleId>", "VehicleId"),
        ("<v:InitialEntryIntoService>2024-01-02T03:04</v:InitialEntryIntoService>", "Initial"),
        ("<v:Imei><x/></v:Imei>", "expected text"),
    ],
)
def test_values_dotnet_refuses_are_refused_with_the_path(xml, fragment):
    found = problems(group(xml))
    assert len(found) == 1
    assert found[0].startswith("Vehicles[0].")
    assert fragment in found[0]
    assert "(line 1" in found[0]


def test_all_problems_are_reported_together_with_lines():
    doc = group(
        "<v:IdWS>x</v:IdWS>\n<v:Tolerance>99999999999</v:Tolerance>\n<v:VIN i:nil='true'/>"
    ).replace(b"<CustomerId>", b"<CustomerId>bad")
    found = problems(doc)
    assert [p.split(":")[0] for p in found] == [
        "CustomerId",
        "Vehicles[0].IdWS",
        "Vehicles[0].Tolerance",
    ]
    assert "(line 2" in found[2]


def test_unknown_elements_are_ignored_by_default_and_refused_when_strict():
    doc = group("<v:Colour>red</v:Colour><v:IdWS>3</v:IdWS>", extra="<Extra/>")
    assert nc.from_xml(doc).vehicles[0].id_ws == 3
    found = problems(doc, strict=True)
    assert len(found) == 2
    assert all("unknown element" in p for p in found)


def test_element_out_of_order_is_refused_not_dropped():
    # .NET would silently drop IdWS here (docs/xml-rules.md §12); netcontract refuses
    found = problems(group("<v:Tolerance>3</v:Tolerance><v:IdWS>4</v:IdWS>"))
    assert found == [
        "Vehicles[0].IdWS: element out of order: DataContract order puts it before "
        "'Tolerance'; .NET would silently drop it (line 1)"
    ]


def test_duplicate_element_is_refused():
    found = problems(group("<v:IdWS>3</v:IdWS><v:IdWS>4</v:IdWS>"))
    assert len(found) == 1
    assert "given twice" in found[0]


def test_wrong_root_and_unknown_root():
    doc = f'<CustomerGroupDto xmlns="{DTO}"/>'.encode()
    assert "no known contract" in problems(doc)[0]
    assert "expecting element 'ResponseDto'" in problems(group(), ResponseDto)[0]


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<a>", b"<a></b>", b"not xml", b"<a/><b/>"],
)
def test_malformed_documents(data):
    with pytest.raises(nc.XmlPayloadError):
        nc.from_xml(data, CustomerGroupDto)


def test_doctype_is_refused():
    doc = b'<!DOCTYPE x [<!ENTITY e "v">]>' + group("<v:Imei>&e;</v:Imei>")
    assert "DOCTYPE" in problems(doc)[0]


def test_missing_members_take_dotnet_defaults():
    v = vehicle("")
    assert (v.id_ws, v.vin, v.external_interfaces, v.utility) == (0, None, None, "Porteur")


def test_object_member_with_types():
    doc = (
        f'<ResponseDto xmlns:i="{XSI}" xmlns="{DTO}">'
        '<Data xmlns:x="http://www.w3.org/2001/XMLSchema" i:type="x:int">5</Data>'
        "<IsValid>true</IsValid></ResponseDto>"
    ).encode()
    obj = nc.from_xml(doc)
    assert obj.data == nc.Boxed(5, nc.Int32.__metadata__[0])
    # the type survives: written back as int, not long
    assert b'i:type="d2p1:int">5</Data>' in nc.to_xml(obj)
    unknown = doc.replace(b'"x:int"', b'"x:nonsense"')
    assert "is not a known type here" in problems(unknown)[0]


def test_xml_converter_skips_the_comments_and_processing_instructions_of_a_parsed_tree():
    # lxml's default parser keeps them; DataContractSerializer skips them and joins the text
    # around them. Mono read this document and wrote back LEAVES_BACK
    # (tests/interop/test_references_interop.py asks it live); the caller's tree is unchanged
    from lxml import etree

    from interop.reference_models import Leaves

    r = "http://schemas.datacontract.org/2004/07/R"
    arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
    commented = (
        f'<Leaves xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{r}"><!-- c -->'
        f'<Ints><?pi x?><int xmlns="{arrays}">1<!-- c -->2</int></Ints><N>3<?pi?>4</N>'
        "<!-- c --><Name>x<!-- c -->y<?pi z?>w</Name></Leaves>"
    ).encode()
    leaves_back = (
        f'<Leaves xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{r}">'
        f'<Ints xmlns:d2p1="{arrays}"><d2p1:int>12</d2p1:int></Ints><N>34</N><Name>xyw</Name>'
        f'<Ps i:nil="true" /><Strs xmlns:d2p1="{arrays}" i:nil="true" /></Leaves>'
    ).encode()
    tree = etree.fromstring(commented)
    assert nc.to_xml(nc.xml_converter.structure(tree, Leaves)) == leaves_back
    assert etree.tostring(tree) == commented
    assert nc.to_xml(nc.from_xml(commented, Leaves)) == leaves_back
