"""Boundaries through every reader and writer of the public API, with the expected values
written out and their sources named.

- Integers: each type at MinValue - 1, MinValue, MaxValue, MaxValue + 1 (.NET's documented
  constants, written out in ``INTEGERS``) in a plain, a Nullable, a list and an ``object``
  member, through ``from_xml``, ``validate_xml``, ``from_json``, ``from_wcf_json``, ``iter_xml``,
  ``iter_json``, ``from_form`` and ``to_xml``,
  ``to_json`` (compact: the generated writers; indented: the reference writers), ``to_form`` and
  the CLI. Mono: DataContractSerializer and Json.NET read and write the bounds and refuse the
  values past them (re-checked live by ``tests/interop/test_stored_tables.py``; the bytes
  they write at the bounds are pinned in ``test_byte_rules.py``).
- ``i:nil``: the lexical forms Mono was seen to read as null or as not null (``NIL_FORMS``,
  ``NOT_NIL_FORMS``), in every kind of member and in list items. Forms Mono refuses (``TRUE``,
  ``yes``, ``""``...) are left to issue 17 #13.
- DateTime: MinValue, MaxValue and the edges of netcontract's 1900..2199 month tables in each
  kind; the bytes are in test_byte_rules.py, the forms and the refused leap days here.
- Strings and quotas: each ``Limits`` quota at its limit (accepted) and one past it (refused
  with a ``QuotaExceededError`` naming it), in each reader that applies it, and the defaults
  the README documents.

Only public names are used (``netcontract``, ``netcontract.cli.main``, ``vehizen``).
"""

import io
import pickle
from typing import Any

import attrs
import pytest

import netcontract as nc
from netcontract.cli import main as cli_main
from vehizen import VehicleLightDto

NS = "Boundaries"
NS_URI = "http://schemas.datacontract.org/2004/07/Boundaries"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XS = "http://www.w3.org/2001/XMLSchema"
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
ROOT = f'xmlns:i="{XSI}" xmlns="{NS_URI}"'

# =============================================================================================
# Integers
# =============================================================================================

#: (CLR type, annotation, XML Schema name, MinValue, MaxValue): .NET's constants (Int16.MinValue
#: ...), typed out rather than computed, so that a wrong bound in the code cannot hide here.
INTEGERS = [
    ("SByte", nc.SByte, "byte", -128, 127),
    ("Byte", nc.Byte, "unsignedByte", 0, 255),
    ("Int16", nc.Int16, "short", -32768, 32767),
    ("UInt16", nc.UInt16, "unsignedShort", 0, 65535),
    ("Int32", nc.Int32, "int", -2147483648, 2147483647),
    ("UInt32", nc.UInt32, "unsignedInt", 0, 4294967295),
    ("Int64", nc.Int64, "long", -9223372036854775808, 9223372036854775807),
    ("UInt64", nc.UInt64, "unsignedLong", 0, 18446744073709551615),
]
INTEGER_IDS = [row[0] for row in INTEGERS]


def _holder(clr: str, tp: Any) -> type:
    """``Ints<clr>``: V (plain), N (Nullable), L (list), O (``object``) of that type."""

    @nc.contract(NS, name=f"Ints{clr}")
    class Holder:
        v: tp = nc.member("V", default=0)
        n: tp | None = nc.member("N", default=None)
        l: list[tp] | None = nc.member("L", default=None)  # noqa: E741 - the wire name
        o: object = nc.member("O", default=None)

    Holder.__name__ = Holder.__qualname__ = f"Ints{clr}"
    return Holder


HOLDERS = {clr: _holder(clr, tp) for clr, tp, *_ in INTEGERS}


def _boxed(clr: str, xs: str, value: int) -> Any:
    """``value`` in an ``object`` member as that CLR type: read from ``i:type``, the public way
    to get a :class:`nc.Boxed`; a plain int (Int64, ``long``) needs none."""
    doc = f'<Ints{clr} {ROOT}><O xmlns:d2p1="{XS}" i:type="d2p1:{xs}">{value}</O></Ints{clr}>'
    return nc.from_xml(doc.encode(), HOLDERS[clr]).o


def _range_message(clr: str, lo: int, hi: int, value: object) -> str:
    return f"{value} is outside the {clr} range [{lo}, {hi}]"


@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), INTEGERS, ids=INTEGER_IDS)
def test_integer_bounds_are_written_by_every_writer(
    clr: str, tp: Any, xs: str, lo: int, hi: int
) -> None:
    """MaxValue in the plain member, MinValue in the Nullable one, both in list and object.

    Mono: the layout is the one of test_byte_rules.py's "bounds" rows (there V = MinValue).
    """
    obj = HOLDERS[clr](v=hi, n=lo, l=[hi, lo], o=_boxed(clr, xs, lo))
    item = f"<d2p1:{xs}>{hi}</d2p1:{xs}><d2p1:{xs}>{lo}</d2p1:{xs}>"
    boxed = f'<O xmlns:d2p1="{XS}" i:type="d2p1:{xs}">{lo}</O>'
    assert (
        nc.to_xml(obj)
        == (
            f'<Ints{clr} {ROOT}><L xmlns:d2p1="{ARR}">{item}</L><N>{lo}</N>{boxed}<V>{hi}</V>'
            f"</Ints{clr}>"
        ).encode()
    )
    assert (
        nc.to_xml(obj, indent=True)
        == (
            f'<Ints{clr} {ROOT}>\n  <L xmlns:d2p1="{ARR}">\n    <d2p1:{xs}>{hi}</d2p1:{xs}>\n'
            f"    <d2p1:{xs}>{lo}</d2p1:{xs}>\n  </L>\n  <N>{lo}</N>\n  {boxed}\n  <V>{hi}</V>\n"
            f"</Ints{clr}>"
        ).encode()
    )
    assert nc.to_json(obj) == f'{{"V":{hi},"N":{lo},"L":[{hi},{lo}],"O":{lo}}}'.encode()
    assert (
        nc.to_json(obj, indent=True)
        == (
            f'{{\n  "V": {hi},\n  "N": {lo},\n  "L": [\n    {hi},\n    {lo}\n  ],\n  "O": {lo}\n}}'
        ).encode()
    )
    # forms cannot carry an object member (README, "Form bodies")
    formed = attrs.evolve(obj, o=None)
    assert nc.to_form(formed) == f"V={hi}&N={lo}&L[]={hi}&L[]={lo}".encode()
    assert nc.to_form(formed, style="mvc") == f"V={hi}&N={lo}&L[0]={hi}&L[1]={lo}".encode()


WRITERS = {
    "to_xml": nc.to_xml,
    "to_xml(indent)": lambda obj: nc.to_xml(obj, indent=True),
    "to_json": nc.to_json,
    "to_json(indent)": lambda obj: nc.to_json(obj, indent=True),
    "to_form": nc.to_form,
}


@pytest.mark.parametrize("past", ["lo-1", "hi+1"])
@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), INTEGERS, ids=INTEGER_IDS)
def test_integer_past_bounds_is_refused_by_every_writer(
    clr: str, tp: Any, xs: str, lo: int, hi: int, past: str
) -> None:
    bad = lo - 1 if past == "lo-1" else hi + 1
    cls = HOLDERS[clr]
    for path, obj in (
        ("V", cls(v=bad)),
        ("N", cls(n=bad)),
        ("L[1]", cls(l=[lo, bad])),
    ):
        for name, write in WRITERS.items():
            with pytest.raises(nc.SerializationError) as info:
                write(obj)
            assert str(info.value) == f"{path}: {_range_message(clr, lo, hi, bad)}", name


# an Int64 in an object member is a plain int: no Boxed
BOXED = [row for row in INTEGERS if row[0] != "Int64"]


def test_boxed_is_immutable_and_pickles_to_the_same_value() -> None:
    boxed = _boxed("Int32", "int", 5)
    with pytest.raises(AttributeError):
        boxed.value = 2**31  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(boxed)) == boxed


@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), BOXED, ids=[r[0] for r in BOXED])
def test_boxed_integer_past_bounds_cannot_be_made(
    clr: str, tp: Any, xs: str, lo: int, hi: int
) -> None:
    primitive = _boxed(clr, xs, 0).primitive
    assert nc.Boxed(lo, primitive).value == lo
    assert nc.Boxed(hi, primitive).value == hi
    for bad in (lo - 1, hi + 1):
        # a NetContractError (it is a ValueError too, for callers that catch that)
        with pytest.raises(nc.SerializationError) as info:
            nc.Boxed(bad, primitive)
        assert [p.message for p in info.value.problems] == [_range_message(clr, lo, hi, bad)]


def _xml_doc(
    clr: str, xs: str, v: object, n: object, items: tuple[object, ...], o: object
) -> bytes:
    body = "".join(f"<d2p1:{xs}>{x}</d2p1:{xs}>" for x in items)
    return (
        f'<Ints{clr} {ROOT}><L xmlns:d2p1="{ARR}">{body}</L><N>{n}</N>'
        f'<O xmlns:d2p1="{XS}" i:type="d2p1:{xs}">{o}</O><V>{v}</V></Ints{clr}>'
    ).encode()


@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), INTEGERS, ids=INTEGER_IDS)
def test_integer_bounds_are_read_by_every_reader(
    clr: str, tp: Any, xs: str, lo: int, hi: int
) -> None:
    cls = HOLDERS[clr]
    for v, n in ((lo, hi), (hi, lo)):
        doc = _xml_doc(clr, xs, v, n, (lo, hi), n)
        expected = cls(v=v, n=n, l=[lo, hi], o=_boxed(clr, xs, n))
        assert nc.from_xml(doc, cls) == expected
        assert nc.validate_xml(doc, cls) == expected
        # JSON does not say the CLR type of a number in an object member: a plain int
        plain = attrs.evolve(expected, o=n)
        assert nc.from_json(f'{{"V":{v},"N":{n},"L":[{lo},{hi}],"O":{n}}}', cls) == plain
        # Json.NET reads an integer member from a string too (PROBES.md §4)
        assert nc.from_json(f'{{"V":"{v}","N":"{n}","L":["{lo}","{hi}"]}}', cls) == (
            attrs.evolve(plain, o=None)
        )
        form = attrs.evolve(expected, o=None)
        assert nc.from_form(f"V={v}&N={n}&L[]={lo}&L[]={hi}", cls) == form
        assert nc.from_form(f"V={v}&N={n}&L[0]={lo}&L[1]={hi}", cls) == form


def _problems(error: nc.PayloadError) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.problems]


@pytest.mark.parametrize("past", ["lo-1", "hi+1"])
@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), INTEGERS, ids=INTEGER_IDS)
def test_integer_past_bounds_is_refused_by_every_reader(
    clr: str, tp: Any, xs: str, lo: int, hi: int, past: str
) -> None:
    bad = lo - 1 if past == "lo-1" else hi + 1
    cls = HOLDERS[clr]
    quoted = _range_message(clr, lo, hi, f"'{bad}'")
    xml_cases = {
        "V": _xml_doc(clr, xs, bad, lo, (), lo),
        "N": _xml_doc(clr, xs, lo, bad, (), lo),
        "L[1]": _xml_doc(clr, xs, lo, lo, (lo, bad), lo),
        "O": _xml_doc(clr, xs, lo, lo, (), bad),
    }
    for path, doc in xml_cases.items():
        with pytest.raises(nc.XmlPayloadError) as info:
            nc.from_xml(doc, cls)
        assert _problems(info.value) == [(path, quoted)]
        with pytest.raises(nc.XmlPayloadError) as info:
            nc.validate_xml(doc, cls)
        ((where, message),) = _problems(info.value)
        assert where == path
        assert message.startswith(f"'{bad}' is not a valid {clr} (xs:{xs}): ")
    json_cases = {
        "V": (f'{{"V":{bad}}}', f'{{"V":"{bad}"}}'),
        "N": (f'{{"N":{bad}}}', f'{{"N":"{bad}"}}'),
        "L[1]": (f'{{"L":[{lo},{bad}]}}', f'{{"L":["{lo}","{bad}"]}}'),
    }
    for path, (number, string) in json_cases.items():
        with pytest.raises(nc.JsonPayloadError) as info:
            nc.from_json(number, cls)
        assert _problems(info.value) == [(path, _range_message(clr, lo, hi, bad))]
        with pytest.raises(nc.JsonPayloadError) as info:
            nc.from_json(string, cls)
        assert _problems(info.value) == [(path, quoted)]
    for path, form in (("V", f"V={bad}"), ("N", f"N={bad}"), ("L[1]", f"L[]={lo}&L[]={bad}")):
        with pytest.raises(nc.FormPayloadError) as info:
            nc.from_form(form, cls)
        assert _problems(info.value) == [(path, quoted)]


def test_json_writer_refuses_int32_max_plus_one() -> None:
    """The issue's example: the generated JSON writer checks Int32 against 2147483647."""
    assert nc.to_json(VehicleLightDto(tolerance=2147483647)).count(b'"Tolerance":2147483647') == 1
    for bad in (2147483648, -2147483649):
        with pytest.raises(nc.SerializationError, match=r"^Tolerance: .* outside the Int32 range"):
            nc.to_json(VehicleLightDto(tolerance=bad))


def _cli(*args: str, stdin: bytes) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = cli_main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("tolerance", "status"),
    [(2147483647, 0), (-2147483648, 0), (2147483648, 1), (-2147483649, 1)],
)
def test_cli_converts_int32_bounds_and_refuses_past_them(tolerance: int, status: int) -> None:
    payload = f'{{"Vehicles":[{{"Tolerance":{tolerance}}}]}}'.encode()
    got, out, err = _cli("convert", "--type", "CustomerGroupDto", "-", stdin=payload)
    assert got == status
    if status == 0:
        assert f"<d2p1:Tolerance>{tolerance}</d2p1:Tolerance>".encode() in out
        assert err == ""
        back, json_out, _ = _cli("convert", "--type", "CustomerGroupDto", "-", stdin=out)
        assert back == 0
        assert f'"Tolerance":{tolerance},'.encode() in json_out
    else:
        assert out == b""
        assert err == (
            f"netcontract: Vehicles[0].Tolerance: {tolerance} is outside the Int32 range"
            " [-2147483648, 2147483647]\n"
        )


# =============================================================================================
# i:nil
# =============================================================================================

# Mono: DataContractSerializer (TZ=UTC, read as Web API reads) gives null for each of these on a
# string, a list, a contract, a Nullable<int>, an object member and a list item ...
NIL_FORMS = ["true", "1", " true ", " 1 ", "\ttrue\n"]
# ... and for these the member is not null: "" for a string, an empty list, a default object,
# new object() for an object member; a Nullable<int> or an int item is then refused (empty
# content is no Int32). Other forms ("TRUE", "True", "yes", "", "01", "+1") make Mono refuse
# the document: issue 17 #13 settles them, so they are not asserted here.
NOT_NIL_FORMS = ["false", "0", " false "]


@nc.contract(NS)
class Item:
    a: nc.Int32 = nc.member("A", default=0)


@nc.contract(NS)
class Nils:
    child: Item | None = nc.member("Child", default=None)
    ints: list[nc.Int32] | None = nc.member("Ints", default=None)
    n: nc.Int32 | None = nc.member("N", default=None)
    name: str | None = nc.member("Name", default=None)
    o: object = nc.member("O", default=None)
    strs: list[str | None] | None = nc.member("Strs", default=None)
    vehicles: list[Item | None] | None = nc.member("Vehicles", default=None)


def _nil_doc(inner: str) -> bytes:
    return f"<Nils {ROOT}>{inner}</Nils>".encode()


#: element, attribute of Nils, value when nil, value when not nil (None: refused)
NIL_CASES = [
    ("<Child i:nil={q}/>", "child", None, Item()),
    ("<Ints i:nil={q}/>", "ints", None, []),
    ("<N i:nil={q}/>", "n", None, "refused"),
    ("<Name i:nil={q}/>", "name", None, ""),
    ("<O i:nil={q}/>", "o", None, nc.AnyObject()),
    (f'<Strs xmlns:a="{ARR}"><a:string i:nil={{q}}/></Strs>', "strs", [None], [""]),
    ("<Vehicles i:nil={q}/>", "vehicles", None, []),
    ("<Vehicles><Item i:nil={q}/></Vehicles>", "vehicles", [None], [Item()]),
    (f'<Ints xmlns:a="{ARR}"><a:int i:nil={{q}}/></Ints>', "ints", "refused", "refused"),
]
NIL_IDS = [f"{attr}: {element.split(' ')[0]}" for element, attr, *_ in NIL_CASES]


def _read_nil(element: str, attr: str, form: str, read: Any) -> Any:
    doc = _nil_doc(element.format(q=f'"{form}"'))
    try:
        return getattr(read(doc, Nils), attr)
    except nc.XmlPayloadError:
        return "refused"


@pytest.mark.parametrize("read", [nc.from_xml, nc.validate_xml], ids=["from_xml", "validate_xml"])
@pytest.mark.parametrize(("element", "attr", "nil", "not_nil"), NIL_CASES, ids=NIL_IDS)
def test_i_nil_lexical_forms_read_as_mono_reads_them(
    element: str, attr: str, nil: Any, not_nil: Any, read: Any
) -> None:
    for form in NIL_FORMS:
        assert _read_nil(element, attr, form, read) == nil, repr(form)
    for form in NOT_NIL_FORMS:
        assert _read_nil(element, attr, form, read) == not_nil, repr(form)


def test_i_nil_one_on_a_string_and_a_list_reads_none() -> None:
    """The issue's examples: <Name i:nil="1"/> and <Vehicles i:nil=" 1 "/> are null (Mono)."""
    group = nc.from_xml(
        b'<CustomerGroupDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
        b'xmlns="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.CustomerGroup">'
        b'<Name i:nil="1"/><Vehicles i:nil=" 1 "/></CustomerGroupDto>'
    )
    assert group.name is None
    assert group.vehicles is None


# =============================================================================================
# DateTime
# =============================================================================================

U = nc.DateTimeKind.UNSPECIFIED
Z = nc.DateTimeKind.UTC
L = nc.DateTimeKind.LOCAL


@nc.contract(NS)
class When:
    d: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    n: nc.DateTime | None = nc.member("N", default=None)
    l: list[nc.DateTime] | None = nc.member("L", default=None)  # noqa: E741


#: (text, value): the edges of .NET's range and of netcontract's 1900..2199 month tables, and
#: leap days on both sides of them (texts: the round-trip format, test_byte_rules.py's Mono rows)
DATETIME_EDGES = [
    ("0001-01-01T00:00:00", nc.DateTime(0)),
    ("9999-12-31T23:59:59.9999999", nc.DateTime(3155378975999999999)),
    ("0001-01-01T00:00:00-14:00", nc.DateTime(0, L, -840)),
    ("9999-12-31T23:59:59.9999999+14:00", nc.DateTime(3155378975999999999, L, 840)),
    ("1899-12-31T23:59:59.9999999", nc.DateTime.from_parts(1899, 12, 31, 23, 59, 59, 9999999)),
    ("1900-01-01T00:00:00", nc.DateTime.from_parts(1900, 1, 1)),
    ("2199-12-31T23:59:59.9999999", nc.DateTime.from_parts(2199, 12, 31, 23, 59, 59, 9999999)),
    ("2200-01-01T00:00:00", nc.DateTime.from_parts(2200, 1, 1)),
    ("2200-01-01T00:00:00.0000001", nc.DateTime.from_parts(2200, 1, 1, 0, 0, 0, 1)),
    ("2200-01-01T00:00:00+05:30", nc.DateTime.from_parts(2200, 1, 1, kind=L, offset_minutes=330)),
    ("1896-02-29T00:00:00", nc.DateTime.from_parts(1896, 2, 29)),
    ("1900-02-28T00:00:00", nc.DateTime.from_parts(1900, 2, 28)),
    ("1900-03-01T00:00:00", nc.DateTime.from_parts(1900, 3, 1)),
    ("2000-02-29T00:00:00", nc.DateTime.from_parts(2000, 2, 29)),
    ("2100-03-01T00:00:00-02:30", nc.DateTime.from_parts(2100, 3, 1, kind=L, offset_minutes=-150)),
    ("2196-02-29T12:00:00", nc.DateTime.from_parts(2196, 2, 29, 12)),
    ("2204-02-29T00:00:00", nc.DateTime.from_parts(2204, 2, 29)),
]


def _form_text(text: str) -> str:
    return text.replace(":", "%3A").replace("+", "%2B")


@pytest.mark.parametrize(("text", "value"), DATETIME_EDGES, ids=[t for t, _ in DATETIME_EDGES])
def test_datetime_edges_through_forms(text: str, value: nc.DateTime) -> None:
    """Forms write the round-trip text (Unspecified and Local; README, "Form bodies")."""
    obj = When(d=value, n=value, l=[value])
    encoded = _form_text(text)
    assert nc.to_form(obj) == f"D={encoded}&N={encoded}&L[]={encoded}".encode()
    assert nc.from_form(f"D={encoded}&N={encoded}&L[]={encoded}", When) == obj


@pytest.mark.parametrize(("text", "value"), DATETIME_EDGES, ids=[t for t, _ in DATETIME_EDGES])
def test_datetime_edges_through_xml_and_json(text: str, value: nc.DateTime) -> None:
    obj = When(d=value, n=value, l=[value])
    xml = (
        f'<When {ROOT}><D>{text}</D><L xmlns:d2p1="{ARR}"><d2p1:dateTime>{text}</d2p1:dateTime>'
        f"</L><N>{text}</N></When>"
    ).encode()
    json = f'{{"D":"{text}","N":"{text}","L":["{text}"]}}'.encode()
    assert nc.to_xml(obj) == xml
    assert nc.to_json(obj) == json
    assert (
        nc.to_json(obj, indent=True)
        == (f'{{\n  "D": "{text}",\n  "N": "{text}",\n  "L": [\n    "{text}"\n  ]\n}}').encode()
    )
    assert nc.from_xml(xml, When) == obj
    assert nc.validate_xml(xml, When) == obj
    assert nc.from_json(json, When) == obj


def test_a_utc_datetime_at_the_table_edge_in_a_form() -> None:
    """Web API binds a Utc value as Local (FORMS.md): refused unless lossy=True."""
    value = nc.DateTime.from_parts(2200, 1, 1, kind=Z)
    with pytest.raises(nc.SerializationError, match=r"^D: a DateTime of kind Utc cannot be"):
        nc.to_form(When(d=value))
    assert nc.to_form(When(d=value), lossy=True) == b"D=2200-01-01T00%3A00%3A00Z"
    assert nc.from_form("D=2200-01-01T00%3A00%3A00Z", When).d == nc.DateTime(value.ticks, L, 0)


#: Mono: XmlConvert.ToDateTime and Json.NET refuse these (re-checked live in the interop suite)
DATETIME_REFUSED = [
    ("1899-02-29T00:00:00", "February 1899 has no day 29"),
    ("1900-02-29T00:00:00", "February 1900 has no day 29"),
    ("2100-02-29T00:00:00Z", "February 2100 has no day 29"),
    ("2199-02-29T00:00:00", "February 2199 has no day 29"),
    ("2200-02-29T00:00:00+01:00", "February 2200 has no day 29"),
    ("2199-12-32T00:00:00", "December 2199 has no day 32"),
    ("2199-12-31T24:00:00", "hour 24 is outside 00..23"),
    ("1899-12-31T23:59:60", "second 60 is outside 00..59"),
    ("10000-01-01T00:00:00", "expected yyyy-MM-dd"),
    ("0000-12-31T23:59:59", "year 0 is outside 1..9999"),
]


@pytest.mark.parametrize(
    ("text", "problem"), DATETIME_REFUSED, ids=[t for t, _ in DATETIME_REFUSED]
)
def test_datetime_past_the_edges_is_refused_by_every_reader(text: str, problem: str) -> None:
    message = f"{text!r} is not a valid DateTime: "
    readers: list[tuple[Any, Any, bytes | str]] = [
        (nc.from_xml, nc.XmlPayloadError, f"<When {ROOT}><D>{text}</D></When>"),
        (nc.from_json, nc.JsonPayloadError, f'{{"D":"{text}"}}'),
        (nc.from_form, nc.FormPayloadError, f"D={_form_text(text)}"),
    ]
    for read, error, data in readers:
        with pytest.raises(error) as info:
            read(data, When)
        ((path, got),) = _problems(info.value)
        assert path == "D"
        assert got.startswith(message), got
        assert problem in got


# =============================================================================================
# Strings and quotas
# =============================================================================================


@nc.contract(NS)
class Node:
    name: str | None = nc.member("Name", default=None)
    child: "Node | None" = nc.member("Child", default=None)
    items: "list[Node | None] | None" = nc.member("Items", default=None)
    ints: list[nc.Int32] | None = nc.member("Ints", default=None)
    o: object = nc.member("O", default=None)


XML_READERS = {"from_xml": nc.from_xml, "validate_xml": nc.validate_xml}
ALL_READERS = {**XML_READERS, "from_json": nc.from_json}


def _docs(obj: Node) -> dict[str, bytes]:
    xml = nc.to_xml(obj)
    return {"from_xml": xml, "validate_xml": xml, "from_json": nc.to_json(obj)}


def _refused(read: Any, data: bytes, limits: nc.Limits, quota: str) -> nc.QuotaExceededError:
    with pytest.raises(nc.QuotaExceededError) as info:
        read(data, Node, limits=limits)
    assert info.value.quota == quota
    return info.value


def test_defaults_are_the_documented_ones() -> None:
    # README, "Hostile input and limits"
    assert nc.Limits() == nc.DEFAULT_LIMITS
    assert attrs.asdict(nc.DEFAULT_LIMITS) == {
        "max_bytes": 33554432,
        "max_depth": 64,
        "max_string_length": 1048576,
        "max_collection_items": 65536,
        "max_total_items": 1000000,
        "max_attributes": 64,
        "max_item_bytes": 33554432,
    }


@pytest.mark.parametrize("where", ["member", "list item", "object member"])
def test_string_length_at_the_limit_and_one_past(where: str) -> None:
    def node(text: str) -> Node:
        if where == "member":
            return Node(name=text)
        if where == "list item":
            return Node(items=[Node(name="ok"), Node(name=text)])
        return Node(o=text)

    path = {"member": "Name", "list item": "Items[1].Name", "object member": "O"}[where]
    # characters are counted, not bytes: 5 x U+00E9 is 10 bytes of UTF-8
    for text in ("abcde", "\u00e9" * 5):
        for name, data in _docs(node(text)).items():
            assert ALL_READERS[name](data, Node, limits=nc.Limits(max_string_length=5)) == node(
                text
            ), name
    for name, data in _docs(node("abcdef")).items():
        error = _refused(
            ALL_READERS[name], data, nc.Limits(max_string_length=5), "max_string_length"
        )
        assert _problems(error)[0] == (
            path,
            "quota max_string_length exceeded (more than 5 characters)",
        )


def test_default_string_length_limit_is_one_mebibyte_of_characters() -> None:
    at, past = "x" * 1048576, "x" * 1048577
    for name, data in _docs(Node(name=at)).items():
        assert ALL_READERS[name](data, Node).name == at, name
    for name, data in _docs(Node(name=past)).items():
        _refused(ALL_READERS[name], data, nc.DEFAULT_LIMITS, "max_string_length")


def test_max_bytes_at_the_limit_and_one_past() -> None:
    for name, data in _docs(Node(name="x")).items():
        read = ALL_READERS[name]
        assert read(data, Node, limits=nc.Limits(max_bytes=len(data))) == Node(name="x")
        error = _refused(read, data, nc.Limits(max_bytes=len(data) - 1), "max_bytes")
        assert _problems(error) == [
            ("", f"quota max_bytes exceeded (more than {len(data) - 1:,} bytes)")
        ]


def _chain(depth: int) -> Node:
    """A root and depth - 1 nested children: ``depth`` levels, as the quota counts them."""
    node = Node(name="leaf")
    for _ in range(depth - 1):
        node = Node(child=node)
    return node


def test_max_depth_at_the_limit_and_one_past() -> None:
    """The root object is level 1; each nested object or list is one more (README)."""
    cases = [
        (4, _chain(4)),  # root, Child, Child.Child, Child.Child.Child
        (4, Node(items=[Node(ints=[1])])),  # root, Items (a list), Items[0], Items[0].Ints
    ]
    for depth, obj in cases:
        for name, data in _docs(obj).items():
            read = ALL_READERS[name]
            assert read(data, Node, limits=nc.Limits(max_depth=depth)) == obj, name
            error = _refused(read, data, nc.Limits(max_depth=depth - 1), "max_depth")
            assert _problems(error)[0][1] == (
                f"quota max_depth exceeded (more than {depth - 1} levels of nesting)"
            )


def test_default_max_depth_is_64() -> None:
    for name, data in _docs(_chain(64)).items():
        assert ALL_READERS[name](data, Node) == _chain(64), name
    for name, data in _docs(_chain(65)).items():
        _refused(ALL_READERS[name], data, nc.DEFAULT_LIMITS, "max_depth")


def test_max_collection_items_at_the_limit_and_one_past() -> None:
    for count, limit in ((3, 3), (65536, None)):
        limits = nc.Limits(max_collection_items=limit) if limit else nc.DEFAULT_LIMITS
        shown = limit or 65536
        for name, data in _docs(Node(ints=list(range(count)))).items():
            read = ALL_READERS[name]
            if name == "validate_xml" and count > 3:
                continue  # a 65,536-item list is validated elsewhere; 10 s here
            assert read(data, Node, limits=limits).ints == list(range(count)), name
        for name, data in _docs(Node(ints=list(range(count + 1)))).items():
            if name == "validate_xml" and count > 3:
                continue
            error = _refused(ALL_READERS[name], data, limits, "max_collection_items")
            assert _problems(error) == [
                ("Ints", f"quota max_collection_items exceeded (more than {shown:,} items)")
            ]


def test_max_total_items_at_the_limit_and_one_past() -> None:
    """An object counts 1; a list counts 1 plus one per item; an object in a list also counts
    once more as an object."""
    cases = {
        5: Node(ints=[1, 2, 3]),  # root 1 + list (1 + 3)
        6: Node(items=[Node(), Node()]),  # root 1 + list (1 + 2) + 2 objects
    }
    for total, obj in cases.items():
        for name, data in _docs(obj).items():
            read = ALL_READERS[name]
            assert read(data, Node, limits=nc.Limits(max_total_items=total)) == obj, name
            error = _refused(read, data, nc.Limits(max_total_items=total - 1), "max_total_items")
            assert _problems(error)[0][1] == (
                f"quota max_total_items exceeded (more than {total - 1} items)"
            )


def test_max_attributes_at_the_limit_and_one_past() -> None:
    """validate_xml counts attributes per element before validating (xmlns are not attributes);
    at the limit the unknown attributes are schema problems, past it the quota."""

    def doc(count: int) -> bytes:
        attributes = " ".join(f'a{i}="x"' for i in range(count))
        return f"<Node {ROOT} {attributes}><Name>x</Name></Node>".encode()

    limits = nc.Limits(max_attributes=3)
    with pytest.raises(nc.XmlPayloadError) as info:
        nc.validate_xml(doc(3), Node, limits=limits)
    assert not isinstance(info.value, nc.QuotaExceededError)
    assert _problems(info.value) == [("", "'a0' attribute not allowed for element")]
    error = _refused(nc.validate_xml, doc(4), limits, "max_attributes")
    assert _problems(error) == [("", "quota max_attributes exceeded (more than 3 attributes)")]
    # from_xml ignores attributes it does not know, as .NET does
    assert nc.from_xml(doc(65), Node) == Node(name="x")


def test_form_past_max_bytes_raises_quota_exceeded() -> None:
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_form(b"Name=x", Node, limits=nc.Limits(max_bytes=5))
    assert info.value.quota == "max_bytes"


def test_form_string_past_max_string_length_is_refused() -> None:
    assert nc.from_form(b"Name=abcde", Node, limits=nc.Limits(max_string_length=5)).name == "abcde"
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_form(b"Name=abcdef", Node, limits=nc.Limits(max_string_length=5))
    assert info.value.quota == "max_string_length"


def test_form_nesting_past_max_depth_is_refused() -> None:
    key = "Child" + "[Child]" * 1999 + "[Name]"
    with pytest.raises(nc.QuotaExceededError) as info:
        nc.from_form(f"{key}=x".encode(), Node)
    assert info.value.quota == "max_depth"


@pytest.mark.parametrize(("clr", "tp", "xs", "lo", "hi"), INTEGERS, ids=INTEGER_IDS)
def test_integer_bounds_through_wcf_json_and_the_streaming_readers(
    clr: str, tp: Any, xs: str, lo: int, hi: int
) -> None:
    """The readers the table above leaves out: WCF JSON (DataContractJsonSerializer reads the
    bounds and throws past them) and iter_xml / iter_json (each item as from_xml / from_json
    reads the items of a list), at MinValue and MaxValue and one past each."""
    cls = HOLDERS[clr]
    obj = cls(v=hi, n=lo, l=[lo, hi])
    assert nc.from_wcf_json(nc.to_wcf_json(obj), cls) == obj
    assert nc.from_wcf_json(f'{{"V":{lo},"N":{hi},"L":[{hi},{lo}]}}', cls) == cls(
        v=lo, n=hi, l=[hi, lo]
    )
    items = f'<ArrayOf{xs} xmlns:i="{XSI}" xmlns="{ARR}"><{xs}>{lo}</{xs}><{xs}>{hi}</{xs}>'
    assert list(nc.iter_xml(io.BytesIO(f"{items}</ArrayOf{xs}>".encode()), tp)) == [lo, hi]
    assert list(nc.iter_json(io.BytesIO(f"[{lo},{hi}]".encode()), tp)) == [lo, hi]
    for bad in (lo - 1, hi + 1):
        for doc, path in (
            (f'{{"V":{bad}}}', "V"),
            (f'{{"N":{bad}}}', "N"),
            (f'{{"L":[{lo},{bad}]}}', "L[1]"),
        ):
            with pytest.raises(nc.JsonPayloadError) as info:
                nc.from_wcf_json(doc, cls)
            assert [p.path for p in info.value.problems] == [path]
            assert str(bad) in info.value.problems[0].message
        with pytest.raises(nc.XmlPayloadError) as xml_info:
            list(nc.iter_xml(io.BytesIO(f"{items}<{xs}>{bad}</{xs}></ArrayOf{xs}>".encode()), tp))
        assert _problems(xml_info.value) == [("[2]", _range_message(clr, lo, hi, f"'{bad}'"))]
        with pytest.raises(nc.JsonPayloadError) as json_info:
            list(nc.iter_json(io.BytesIO(f"[{lo},{hi},{bad}]".encode()), tp))
        assert _problems(json_info.value) == [("[2]", _range_message(clr, lo, hi, bad))]
