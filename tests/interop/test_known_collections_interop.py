"""``List<T>`` and ``Dictionary<K,V>`` as the document and, as known types, in ``object``
members, against Mono, live (``dotnet/KnownCollections.cs``; one Mono run feeds every case):

- writing: ``nc.to_xml`` (compact, indented, ``layout="stream"``), ``nc.to_wcf_json``
  (compact, indented) and ``nc.to_json`` (compact, indented) of a
  ``nc.Boxed(value, list[T] / dict[K, V])`` write the bytes Mono's DataContractSerializer
  (``new DataContractSerializer(typeof(Dictionary<string,int>))``, through XmlWriter and
  ``WriteObject(Stream)``), DataContractJsonSerializer and Json.NET 6.0.8 write; a holder of
  one in an ``object`` member the bytes Mono writes with ``[KnownType(typeof(List<int>))]``
  or the serializer's known types;
- reading: netcontract reads Mono's bytes back to the same value (``from_xml(data,
  dict[str, nc.Int32])``; an ``object`` member gives the ``Boxed`` collection again), and
  Mono reads netcontract's bytes;
- refusals: a collection no scope knows in an ``object`` member is refused on writing (Mono's
  WCF JSON writer refuses it; its XML writer writes it and its reader refuses the document)
  and on reading (Mono: "has no knowledge of any type"); a dictionary in an ``object`` member
  in WCF JSON, which Mono writes as ``KeyValuePair`` objects with a ``__type``, is refused.
"""

from __future__ import annotations

import base64
import io
import uuid
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from netcontract.cli import main
from netcontract.clr.value_types import INT32

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available

pytestmark = [pytest.mark.interop]


@nc.contract("KC", xml_namespace="urn:kc")
class Item:
    n: nc.Int32 = nc.member("N", default=0)


DSI = dict[str, nc.Int32]
LI = list[nc.Int32]


@nc.contract("KC", xml_namespace="urn:kc", known_types=(DSI, LI))
class Holder:  # [KnownType(typeof(Dictionary<string, int>))] [KnownType(typeof(List<int>))]
    o: object = nc.member("O", default=None)


@nc.contract("KC", xml_namespace="urn:kc")
class Bare:
    o: object = nc.member("O", default=None)


TYPES: dict[str, Any] = {
    "Holder": Holder,
    "Bare": Bare,
    "DictStringInt": DSI,
    "DictGuidString": dict[uuid.UUID, str | None],
    "DictStringItem": dict[str, Item | None],
    "ListInt": LI,
    "ListString": list[str | None],
    "ListItem": list[Item | None],
    "ListObject": list[object],
    "Item": Item,
}
GUID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
ROOTS: dict[str, tuple[str, Any]] = {
    "dict": ("DictStringInt", {"a": 1, "b": 2}),
    "dict-empty": ("DictStringInt", {}),
    "dict-guid": ("DictGuidString", {uuid.UUID(int=0): None, GUID: "g"}),
    "dict-item": ("DictStringItem", {"x": Item(n=3), "y": None}),
    "list": ("ListInt", [1, 2]),
    "list-empty": ("ListInt", []),
    "list-string": ("ListString", ["x", None, ""]),
    "list-item": ("ListItem", [Item(n=1), None]),
    # (a root List<object>: its items' i:type known by the serializer's list)
    "list-object": ("ListObject", [Item(n=1), nc.Boxed(5, INT32), None, "s"]),
}


def value(case: str) -> Any:
    """The Python twin of KnownCollections.cs's ``Value(case)``."""
    if case in ROOTS:
        name, plain = ROOTS[case]
        return nc.Boxed(plain, TYPES[name])
    if case == "bare-item":
        return Bare(o=Item(n=7))
    holder, inner = case.split("-", 1)
    return (Holder if holder == "holder" else Bare)(o=value(inner))


#: (value, root type, serializer's known types)
WRITES = [
    *((case, root, "") for case, (root, _) in ROOTS.items() if case != "list-object"),
    ("list-object", "ListObject", "Item"),
    ("holder-dict", "Holder", ""),
    ("holder-dict-empty", "Holder", ""),
    ("holder-list", "Holder", ""),
    ("bare-list", "Bare", "ListInt"),
    ("bare-dict", "Bare", "DictStringInt"),
    ("bare-list-item", "Bare", "ListItem"),
    ("bare-dict-item", "Bare", "DictStringItem"),
]
#: an object member holding a collection no scope knows (a List<int> is not known by a
#: dictionary's name, nor the other way round)
UNKNOWN = [
    ("bare-list", "Bare", ""),
    ("bare-dict", "Bare", ""),
    ("bare-dict", "Bare", "ListInt"),
    ("bare-list", "Bare", "DictStringInt"),
    # a known List<Item> / Dictionary<string, Item> does not make Item known (Mono's reader
    # and WCF JSON writer refuse it)
    ("bare-item", "Bare", "ListItem"),
    ("bare-item", "Bare", "DictStringItem"),
]
MODES = ["xml", "xml-indent", "stream", "wcf", "wcf-indent", "json", "json-indent"]
ARR = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: (label, root type, serializer's known types, document) read by both
XML_READS = [
    (
        "root-dict-duplicate",
        "DictStringInt",
        "",
        f'<ArrayOfKeyValueOfstringint xmlns:i="{XSI}" xmlns="{ARR}"><KeyValueOfstringint>'
        "<Key>a</Key><Value>1</Value></KeyValueOfstringint><KeyValueOfstringint><Key>a</Key>"
        "<Value>2</Value></KeyValueOfstringint></ArrayOfKeyValueOfstringint>",
    ),
    (
        "root-list-as-dict",
        "DictStringInt",
        "",
        f'<ArrayOfint xmlns:i="{XSI}" xmlns="{ARR}"><int>1</int></ArrayOfint>',
    ),
    (
        "holder-int-array",
        "Holder",
        "",
        f'<Holder xmlns:i="{XSI}" xmlns="urn:kc"><O xmlns:a="{ARR}" i:type="a:ArrayOfint">'
        "<a:int>4</a:int></O></Holder>",
    ),
    (
        "holder-string-array",
        "Holder",
        "",
        f'<Holder xmlns:i="{XSI}" xmlns="urn:kc"><O xmlns:a="{ARR}" i:type="a:ArrayOfstring">'
        "<a:string>4</a:string></O></Holder>",
    ),
]


#: (label, root type, serializer's known types, document) read by both
WCF_READS = [
    # what Mono's WCF JSON writer writes for a known List<Item> in an object member when
    # Item itself is not known: Mono's DataContractJsonSerializer takes Item as known there
    # (its DataContractSerializer does not: XML "bare-item"); netcontract refuses it
    ("list-item-unknown", "Bare", "ListItem", '{"O":[{"__type":"Item:urn:kc","N":1},null]}'),
    ("list-int", "Holder", "", '{"O":[1,2]}'),
]


def _known(names: str) -> list[Any]:
    return [TYPES[n] for n in names.split(",") if n]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _write(mode: str, obj: Any, known: list[Any]) -> bytes:
    if mode.startswith("xml"):
        return nc.to_xml(obj, indent=mode == "xml-indent", known_types=known)
    if mode == "stream":
        return nc.to_xml(obj, layout="stream", known_types=known)
    if mode.startswith("wcf"):
        return nc.to_wcf_json(obj, indent=mode == "wcf-indent", known_types=known)
    return nc.to_json(obj, indent=mode == "json-indent")


def _ours(mode: str, case: str, known: str) -> bytes | None:
    try:
        return _write(mode, value(case), _known(known))
    except nc.SerializationError:
        return None


@pytest.fixture(scope="module")
def mono(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, str]]:
    """Every case's answer from Mono: (accepted, text or "Type: message")."""
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe: Path = compile_program("KnownCollections", tmp_path_factory.mktemp("known-coll"))
    lines = []
    for case, root, known in WRITES + UNKNOWN:
        for mode in MODES:
            lines.append(f"{mode}/{case}/{known} {mode} {case} {root} {known or '-'}")
            # Mono reads what netcontract writes (the DataContract formats)
            ours = _ours(mode, case, known)
            if ours is not None and not mode.startswith("json"):
                read = "read-wcf" if mode.startswith("wcf") else "read-xml"
                lines.append(
                    f"ours-{mode}/{case}/{known} {read} - {root} {known or '-'} {_b64(ours)}"
                )
    for label, root, known, doc in XML_READS:
        lines.append(f"read-xml/{label} read-xml - {root} {known or '-'} {_b64(doc.encode())}")
    for label, root, known, doc in WCF_READS:
        lines.append(f"read-wcf/{label} read-wcf - {root} {known or '-'} {_b64(doc.encode())}")
    lines.append("xsd-holder xsd - Holder -")
    out: dict[str, tuple[bool, str]] = {}
    stdout = run_program(exe, stdin=("\n".join(lines) + "\n").encode()).decode()
    for line in stdout.splitlines():
        name, status, text = line.split(" ")
        out[name] = (status == "OK", base64.b64decode(text).decode())
    assert len(out) > len(lines)  # (the xsd line gives one line per schema)
    return out


def _read(mode: str, data: bytes, tp: Any, known: list[Any]) -> Any:
    if mode.startswith("json"):
        return nc.from_json(data, tp)
    if mode.startswith("wcf"):
        return nc.from_wcf_json(data, tp, known_types=known)
    return nc.from_xml(data, tp, known_types=known)


def _plain(obj: Any) -> Any:
    return obj.value if isinstance(obj, nc.BoxedCollection) else obj


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("case", "root", "known"), WRITES)
def test_writing_and_reading_match_mono(
    mono: dict[str, tuple[bool, str]], mode: str, case: str, root: str, known: str
) -> None:
    accepted, text = mono[f"{mode}/{case}/{known}"]
    obj = value(case)
    if mode.startswith("wcf") and case.startswith(("holder-dict", "bare-dict")):
        # Mono writes [{"__type":"KeyValuePairOfstringint:#System.Collections.Generic",
        # "key":"a","value":1}] (an empty one as []), which netcontract does not read
        # (nor tell from a list): refused
        assert accepted and ("KeyValuePairOf" in text or case.endswith("-empty"))
        with pytest.raises(nc.SerializationError, match="Dictionary in an object member"):
            _write(mode, obj, _known(known))
        return
    if (case, mode[:3]) == ("bare-list-item", "wcf"):
        # Mono writes [{"__type":"Item:urn:kc","N":1},null]: its DataContractJsonSerializer
        # takes a known List<Item>'s Item as known (and reads it: WCF_READS
        # "list-item-unknown"), its DataContractSerializer does not (UNKNOWN "bare-item");
        # netcontract does not, in either format: refused unless Item is known too
        assert accepted and '"__type":"Item:urn:kc"' in text.replace(" ", "").replace("\r\n", "")
        with pytest.raises(nc.SerializationError, match=r"O\[0\]: Item .* is not expected"):
            _write(mode, obj, _known(known))
        return
    assert accepted, text
    assert _write(mode, obj, _known(known)).decode() == text
    # Mono's bytes read back: the value (a root as a plain list or dict; an object member
    # as the Boxed collection in XML; Json.NET and WCF JSON write no type for it)
    tp = TYPES[root]
    back = _read(mode, text.encode(), tp, _known(known))
    if case == "list-object" and mode.startswith("json"):
        # Json.NET writes no type: the contract item comes back as a plain dict
        assert back == [{"N": 1}, 5, None, "s"]
    elif case in ROOTS:
        assert back == _plain(obj)
    elif mode.startswith(("xml", "stream")):
        assert back == obj
    if mode.startswith(("xml", "stream")):
        # and the exported schemas validate Mono's document
        assert nc.validate_xml(text.encode(), tp, known_types=_known(known)) == back
    if not mode.startswith("json"):
        # and Mono reads netcontract's bytes, writing them again as it writes the value
        ours_ok, again = mono[f"ours-{mode}/{case}/{known}"]
        assert ours_ok, again
        first = "wcf" if mode.startswith("wcf") else "xml"
        assert again == mono[f"{first}/{case}/{known}"][1]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("case", "root", "known"), UNKNOWN)
def test_an_unknown_collection_in_an_object_member_is_refused(
    mono: dict[str, tuple[bool, str]], mode: str, case: str, root: str, known: str
) -> None:
    accepted, text = mono[f"{mode}/{case}/{known}"]
    obj = value(case)
    if mode.startswith("json"):
        # Json.NET writes no type: nothing to know
        assert accepted
        assert _write(mode, obj, _known(known)).decode() == text
        return
    if (case, known, mode[:3]) == ("bare-item", "ListItem", "wcf"):
        # Mono's WCF JSON writer takes Item as known here (not with Dictionary<string,Item>),
        # its XML reader does not: netcontract refuses it in both formats
        assert accepted
    elif mode.startswith("wcf"):
        # (through the indented writer Mono's refusal surfaces as the writer's XmlException)
        assert not accepted and "is not expected" in mono[f"wcf/{case}/{known}"][1], text
    else:
        # Mono's XML writer checks no object member (Microsoft's .NET refuses)...
        assert accepted
        # ...and its reader refuses what it wrote
        tp, types = TYPES[root], _known(known)
        with pytest.raises(nc.XmlPayloadError, match="is not a known type here"):
            nc.from_xml(text.encode(), tp, known_types=types)
        with pytest.raises(nc.XmlPayloadError, match="is not a known type here"):
            nc.validate_xml(text.encode(), tp, known_types=types)
    with pytest.raises(nc.SerializationError, match=r"O: .* is not expected here"):
        _write(mode, obj, _known(known))


def test_mono_refuses_the_unknown_collection_its_xml_writer_wrote(
    mono: dict[str, tuple[bool, str]],
) -> None:
    # (what the test above relies on: netcontract's refusal is .NET's on reading)
    for case, root, known in UNKNOWN:
        doc = mono[f"xml/{case}/{known}"][1]
        assert "i:type" in doc
        del root  # the twin read below is the XML_READS one
    accepted, text = mono["read-xml/holder-string-array"]
    assert not accepted and "has no knowledge of any type" in text


@pytest.mark.parametrize(("label", "root", "known", "doc"), XML_READS)
def test_reading_xml_matches_mono(
    mono: dict[str, tuple[bool, str]], label: str, root: str, known: str, doc: str
) -> None:
    accepted, text = mono[f"read-xml/{label}"]
    tp, types = TYPES[root], _known(known)
    if accepted:
        obj = nc.from_xml(doc.encode(), tp, known_types=types)
        if tp in (Holder, Bare):
            assert nc.to_xml(obj, known_types=types).decode() == text
        else:
            assert nc.to_xml(nc.Boxed(obj, tp), known_types=types).decode() == text
    else:
        with pytest.raises(nc.XmlPayloadError):
            nc.from_xml(doc.encode(), tp, known_types=types)


def test_the_xsd_export_adds_the_known_collections_as_mono_does(
    mono: dict[str, tuple[bool, str]],
) -> None:
    # XsdDataContractExporter adds [KnownType(typeof(Dictionary<string,int>))] and
    # [KnownType(typeof(List<int>))] to Holder's export (its XML Schema stub left out, as in
    # test_xsd_interop)
    theirs = {
        label.split("/", 1)[1]: text
        for label, (_, text) in mono.items()
        if label.startswith("xsd-holder/")
    }
    theirs.pop("http://www.w3.org/2001/XMLSchema")
    ours = nc.export_schemas(Holder)
    assert list(ours) == list(theirs)
    for ns, text in theirs.items():
        assert ours[ns] == text, ns


@pytest.mark.parametrize(("label", "root", "known", "doc"), WCF_READS)
def test_reading_wcf_json_matches_mono(
    mono: dict[str, tuple[bool, str]], label: str, root: str, known: str, doc: str
) -> None:
    accepted, text = mono[f"read-wcf/{label}"]
    tp, types = TYPES[root], _known(known)
    if label == "list-item-unknown":
        # Mono reads it (see WCF_READS); netcontract refuses it, as in XML
        assert accepted
        with pytest.raises(nc.JsonPayloadError, match="not a known type here"):
            nc.from_wcf_json(doc.encode(), tp, known_types=types)
        return
    if accepted:
        obj = nc.from_wcf_json(doc.encode(), tp, known_types=types)
        assert nc.to_wcf_json(obj, known_types=types).decode() == text
    else:
        assert "has no knowledge of any type" in text, text
        with pytest.raises(nc.JsonPayloadError, match="not a known type here"):
            nc.from_wcf_json(doc.encode(), tp, known_types=types)


# -- the command line's --type list[T] / dict[K,V] (README "Command line") ------------------

#: (case, --type spelling): the CLI names for the roots of ROOTS
CLI_TYPES = [
    ("dict", "dict[string,int]"),
    ("dict-empty", "Dictionary[string, int]"),
    ("dict-guid", "dict[Guid,string]"),
    ("dict-item", f"dict[string,{Item.__module__}:Item?]"),
    ("list", "list[int]"),
    ("list-empty", "List[Int32]"),
    ("list-string", "list[string]"),
    ("list-item", f"list[{Item.__module__}:Item?]"),
]


@pytest.mark.parametrize(("case", "spelling"), CLI_TYPES, ids=[c for c, _ in CLI_TYPES])
def test_cli_converts_collection_roots_to_monos_bytes(
    mono: dict[str, tuple[bool, str]], case: str, spelling: str
) -> None:
    """``netcontract convert --type 'list[int]'`` turns the JSON Json.NET writes for a
    List<T> / Dictionary<K,V> into the XML (compact, stream layout) and WCF JSON Mono's
    DataContractSerializer and DataContractJsonSerializer write for it, and back."""

    def convert(data: str, *options: str) -> str:
        out, err = io.BytesIO(), io.StringIO()
        status = main(
            ["convert", "--type", spelling, *options, "-"],
            stdin=io.BytesIO(data.encode()),
            stdout=out,
            stderr=err,
        )
        assert status == 0, err.getvalue()
        return out.getvalue().decode()

    json_text = mono[f"json/{case}/"][1]
    assert convert(json_text, "--to", "xml") == mono[f"xml/{case}/"][1] + "\n"
    assert convert(json_text, "--layout", "stream") == mono[f"stream/{case}/"][1] + "\n"
    assert convert(json_text, "--to", "wcf-json") == mono[f"wcf/{case}/"][1] + "\n"
    assert convert(mono[f"xml/{case}/"][1], "--to", "json") == json_text + "\n"
    assert convert(mono[f"wcf/{case}/"][1], "--from", "wcf-json") == mono[f"xml/{case}/"][1] + "\n"
