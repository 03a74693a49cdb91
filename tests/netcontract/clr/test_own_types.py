"""Users' own value types (``nc.register_value_type``): a Python type travelling as a .NET
primitive, honoured by XML, JSON (every tier), XSD, validation, strategies, forms and the help
page; the user's functions' errors reported at the member path.

The carriers' forms are the registry's (proven against Mono in their own tests);
``tests/interop/test_own_types_interop.py`` runs an own-type contract through Mono.
"""

from __future__ import annotations

import decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.codegen import _engine_path, _no_fallback
from netcontract.strategies import for_type


@attrs.frozen
class Cents:
    value: int


@attrs.frozen
class Code:
    text: str


@attrs.frozen
class Fragile:
    """Its to_wire fails on purpose for ``broken``; from_wire for ``"boom"``."""

    text: str
    broken: bool = False


def _code(text: str) -> Code:
    if not text.isupper():
        raise ValueError(f"{text!r} is not an upper-case code")
    return Code(text)


def _fragile_to(value: Fragile) -> str:
    if value.broken:
        raise KeyError("no wire form")
    return value.text


def _fragile_from(text: str) -> Any:
    if text == "boom":
        raise RuntimeError("exploded")
    if text == "wrong":
        return 42  # not a Fragile
    return Fragile(text)


CENTS = nc.register_value_type(
    Cents,
    decimal.Decimal,
    to_wire=lambda c: decimal.Decimal(c.value).scaleb(-2),
    from_wire=lambda d: Cents(int(d.scaleb(2))),
    strategy=st.integers(-(10**12), 10**12).map(Cents),
)
CODE = nc.register_value_type(Code, str, to_wire=lambda c: c.text, from_wire=_code)
nc.register_value_type(Fragile, str, to_wire=_fragile_to, from_wire=_fragile_from)


@attrs.frozen
class Small:
    number: int


nc.register_value_type(Small, nc.Int16, to_wire=lambda s: s.number, from_wire=Small)

NS = "urn:own"


@nc.contract("Own.Test", xml_namespace=NS)
class Account:
    balance: Cents = nc.member("Balance", default=Cents(0))
    limit: Cents | None = nc.member("Limit", default=None)
    code: Code | None = nc.member("Code", default=None)
    codes: list[Code] | None = nc.member("Codes", default=None)
    history: list[Cents | None] | None = nc.member("History", default=None)
    small: Small = nc.member("Small", default=Small(0))


@nc.contract("Own.Test", xml_namespace=NS)
class Holder:
    fragile: Fragile | None = nc.member("Fragile", default=None)
    thing: object = nc.member("Thing", default=None)


@nc.contract("Own.Test", xml_namespace=NS)
class Sparse:
    balance: Cents = nc.member("Balance", default=Cents(0), emit_default_value=False)


SAMPLE = Account(
    balance=Cents(1250),
    limit=Cents(-5),
    code=Code("A&<B>"),
    codes=[Code("X"), Code("YZ")],
    history=[None, Cents(0)],
    small=Small(-300),
)
OPEN = f'<Account xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'
# the texts of the carriers: decimal keeps its scale, string escaped, Int16 a number
SAMPLE_XML = (
    OPEN + "<Balance>12.50</Balance><Code>A&amp;&lt;B&gt;</Code>"
    '<Codes xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
    "<d2p1:string>X</d2p1:string><d2p1:string>YZ</d2p1:string></Codes>"
    '<History xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
    '<d2p1:decimal i:nil="true" /><d2p1:decimal>0.00</d2p1:decimal></History>'
    "<Limit>-0.05</Limit><Small>-300</Small></Account>"
).encode()
SAMPLE_JSON = (
    b'{"Balance":12.50,"Limit":-0.05,"Code":"A&<B>","Codes":["X","YZ"],'
    b'"History":[null,0.00],"Small":-300}'
)


def test_own_types_are_written_and_read_as_their_carriers_by_the_generated_paths() -> None:
    with _no_fallback():  # no fallback: the generated readers and writers do it all
        assert nc.to_xml(SAMPLE) == SAMPLE_XML
        assert nc.to_json(SAMPLE) == SAMPLE_JSON
        assert nc.from_xml(SAMPLE_XML, Account) == SAMPLE
        assert nc.from_json(SAMPLE_JSON, Account) == SAMPLE
        indented = nc.to_xml(SAMPLE, indent=True)
        assert nc.from_xml(indented, Account) == SAMPLE
        assert nc.from_json(nc.to_json(SAMPLE, indent=True), Account) == SAMPLE
    with _engine_path("reference"):
        assert nc.to_xml(SAMPLE) == SAMPLE_XML
        assert nc.to_xml(SAMPLE, indent=True) == indented
        assert nc.to_json(SAMPLE) == SAMPLE_JSON
        assert nc.from_xml(SAMPLE_XML, Account) == SAMPLE
        assert nc.from_json(SAMPLE_JSON, Account) == SAMPLE


@pytest.mark.parametrize("reference", [False, True])
@pytest.mark.parametrize(
    ("fmt", "payload", "path", "message"),
    [
        ("json", b'{"Code":"lower"}', "Code", "Code: from_wire raised ValueError: 'lower'"),
        ("json", b'{"Codes":["OK","no"]}', "Codes[1]", "from_wire raised ValueError"),
        ("json", b'{"Small":40000}', "Small", "Int16"),  # the carrier refuses it
        ("xml", f'<Account xmlns="{NS}"><Code>x</Code></Account>'.encode(), "Code", "'x'"),
        ("xml", f'<Holder xmlns="{NS}"><Fragile>boom</Fragile></Holder>'.encode(), "Fragile",
         "Fragile: from_wire raised RuntimeError: exploded"),
        ("json", b'{"Fragile":"wrong"}', "Fragile", "from_wire returned int, not Fragile"),
    ],
)  # fmt: skip
def test_errors_of_from_wire_are_payload_problems_at_the_member_path(
    fmt: str, payload: bytes, path: str, message: str, reference: bool
) -> None:
    cls = Holder if b"Fragile" in payload else Account
    read: Any = nc.from_json if fmt == "json" else nc.from_xml
    # (a refused input passes the switch: falling back is how its problem is reported)
    with (
        _engine_path("reference" if reference else "generated"),
        _no_fallback(),
        pytest.raises(nc.PayloadError) as refused,
    ):
        read(payload, cls)
    assert [p.path for p in refused.value.problems] == [path]
    assert message in refused.value.problems[0].message


@pytest.mark.parametrize("reference", [False, True])
@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_errors_of_to_wire_are_serialization_problems_at_the_member_path(
    fmt: str, reference: bool
) -> None:
    write: Any = nc.to_json if fmt == "json" else nc.to_xml
    with _engine_path("reference" if reference else "generated"), _no_fallback():
        with pytest.raises(nc.SerializationError) as broken:
            write(Holder(fragile=Fragile("x", broken=True)))
        assert [p.path for p in broken.value.problems] == ["Fragile"]
        assert "Fragile: to_wire raised KeyError" in str(broken.value)
        with pytest.raises(nc.SerializationError) as too_big:
            write(Account(small=Small(40000)))  # to_wire gives what Int16 cannot hold
        assert [p.path for p in too_big.value.problems] == ["Small"]
        assert "to_wire gave a value Int16 cannot hold" in str(too_big.value)
        with pytest.raises(nc.SerializationError) as wrong:
            write(Account(code="ABC"))  # type: ignore[arg-type]
        assert [p.path for p in wrong.value.problems] == ["Code"]


def test_an_own_value_in_an_object_member_travels_as_its_carrier() -> None:
    xml = nc.to_xml(Holder(thing=Cents(199)))
    assert b'<Thing xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:decimal">1.99' in xml
    assert nc.from_xml(xml, Holder).thing == decimal.Decimal("1.99")  # .NET sees a decimal
    assert nc.to_json(Holder(thing=Cents(199))) == b'{"Fragile":null,"Thing":1.99}'


@pytest.mark.falls_back  # EmitDefaultValue=false: written by the reference writers only
def test_emit_default_value_looks_at_the_carriers_value() -> None:
    """DataContractSerializer leaves out a decimal 0 under EmitDefaultValue=false."""
    assert b"Balance" not in nc.to_xml(Sparse())
    assert b"<Balance>0.01</Balance>" in nc.to_xml(Sparse(balance=Cents(1)))
    assert nc.to_json(Sparse()) == b"{}"


def test_the_schema_and_validation_are_the_carriers() -> None:
    schema = nc.export_schemas(Account)[NS]
    assert '<xs:element minOccurs="0" name="Balance" type="xs:decimal" />' in schema
    assert '<xs:element minOccurs="0" name="Code" nillable="true" type="xs:string" />' in schema
    assert 'name="Small" type="xs:short"' in schema
    assert nc.validate_xml(SAMPLE_XML, Account) == SAMPLE
    with pytest.raises(nc.XmlPayloadError) as refused:
        nc.validate_xml(SAMPLE_XML.replace(b"12.50", b"twelve"), Account)
    assert [p.path for p in refused.value.problems] == ["Balance"]


def test_forms_carry_the_carriers_text() -> None:
    form = nc.to_form(Account(balance=Cents(1250), code=Code("AB"), codes=[Code("C")]))
    assert form == b"Balance=12.50&Code=AB&Codes[]=C&Small=0"
    assert nc.from_form(form, Account) == Account(
        balance=Cents(1250), code=Code("AB"), codes=[Code("C")]
    )
    with pytest.raises(nc.FormPayloadError) as refused:
        nc.from_form(b"Code=ab", Account)
    assert [p.path for p in refused.value.problems] == ["Code"]


def test_help_page_sample_converts_the_carriers_sample_or_names_the_member() -> None:
    sample = nc.help_page_sample(Sparse)
    assert type(sample.balance) is Cents
    with pytest.raises(nc.SerializationError) as refused:
        nc.help_page_sample(Account)  # .NET's "sample string 3" is no upper-case code
    assert refused.value.problems[0].path == "Code"


@settings(max_examples=60, deadline=None)
@given(for_type(Account))
def test_drawn_documents_convert_without_fallback(doc: Account) -> None:
    """The user's strategy (Cents) and the default one (the carrier's values from_wire
    accepts: Code, Small) give documents the generated paths carry both ways."""
    assert doc.code is None or doc.code.text.isupper()
    with _no_fallback():
        assert nc.from_xml(nc.to_xml(doc), Account) == doc
        assert nc.from_json(nc.to_json(doc), Account) == doc


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((int, str), "already has a .NET mapping"),
        ((Account, str), "is a contract"),
        ((Cents, str), "already has a .NET mapping"),  # registered once
        (("Cents", str), "is not a class"),
        ((type("T1", (), {}), list), "is not a .NET primitive"),
        ((type("T2", (), {}), Cents), "is not a .NET primitive"),
        ((type("T3", (), {}), CODE), "must be a .NET type"),
    ],
)
def test_register_value_type_refuses_what_cannot_travel(
    args: tuple[Any, Any], message: str
) -> None:
    with pytest.raises(nc.ContractDefinitionError, match=message):
        nc.register_value_type(args[0], args[1], to_wire=str, from_wire=str)


def test_own_types_pickle_as_the_registered_object() -> None:
    import pickle

    assert pickle.loads(pickle.dumps(CENTS)) is CENTS
