"""``netcontract generate`` on real WCF schemas (``real_xsd/``, see its README) against the
classes Mono's XsdDataContractImporter generates from the same schemas (``dotnet/ImportProbe.cs``):

- the reverse check of ``test_generate_interop.py`` (values drawn by ``netcontract.strategies``
  for every generated class: Mono's classes read netcontract's XML and JSON and write the bytes
  netcontract writes);
- values built on the .NET side (``dotnet/ImportFiller.cs``: every member set to an edge value
  of its type, some null, shared and cyclic IsReference instances, derived classes where a base
  is declared): Mono writes each with DataContractSerializer, Json.NET and
  DataContractJsonSerializer, and the generated classes read each and write the same bytes;
- WCF JSON the other way: Mono's classes read netcontract's ``to_wcf_json`` of the drawn values
  with DataContractJsonSerializer and write the WCF JSON and XML netcontract writes;
- ``export_schemas`` of the generated classes equals, component by component, what Mono's
  XsdDataContractExporter exports for the imported classes.

One Mono process per set for the three last checks (the C# is compiled once per module).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import netcontract as nc
from netcontract.generate import generate_module
from netcontract.model.contract import is_contract

from ._import_probe import build_probe, convert, xsd_folder
from ._mono import mono_available, mono_unavailable_reason
from .test_conformance import as_dotnet_holds, undo_mono_bare_object
from .test_generate_interop import (
    TOLERATED,
    _drawn,
    _key,
    _loaded,
    _mismatch,
    _written,
    reverse_check,
)
from .test_xsd_interop import MONO_XS_STUB, _components

pytestmark = pytest.mark.interop

HERE = Path(__file__).resolve().parent
XS = "http://www.w3.org/2001/XMLSchema"
SETS = {
    # Azure Media Services' PlayReady license template (DataContractSerializer XML): members
    # with EmitDefaultValue=false, int?/DateTime?/TimeSpan?, IsRequired, Guid, byte, enums,
    # an empty base class with derived classes (i:type)
    "azure_media_playready_template": HERE / "real_xsd" / "azure_media_playready_template",
    # its token restriction template: byte[], Uri, IsRequired, a derived key class
    "azure_media_token_restriction_template": HERE
    / "real_xsd"
    / "azure_media_token_restriction_template",
    # the WCF "ObjectReferences" sample: an IsReference class holding a list of itself
    "wcf_sample_object_references": HERE / "real_xsd" / "wcf_sample_object_references",
    # the WF "HiringRequestProcess" sample: three namespaces, Guid, DateTime, a class cycle
    # (Employee -> Department -> Employee) without IsReference
    "wf_sample_hiring_request": HERE / "real_xsd" / "wf_sample_hiring_request",
}
#: .NET-built values per class (ImportFiller.cs variants)
VARIANTS = 8


@pytest.fixture(scope="module")
def import_probe(tmp_path_factory) -> Path:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    return build_probe(tmp_path_factory.mktemp("import-probe"))


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_monos_importer_classes_convert_as_the_generated_classes(set_name, import_probe, tmp_path):
    reverse_check(SETS[set_name], import_probe, tmp_path)


def _exported(folder: Path) -> dict[str, str]:
    """Mono's exported schemas by target namespace (its stub of the XML Schema one left out)."""
    out = {}
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8-sig")
        namespace = etree.fromstring(text.encode()).get("targetNamespace")
        if namespace == XS:
            assert text == MONO_XS_STUB
            continue
        out[namespace] = text
    return out


def _to_wcf(value: Any) -> bytes:
    # lossy: an Unspecified DateTime written in the zone, as Mono writes it under TZ=UTC
    return nc.to_wcf_json(value, lossy=True)


def _rewrite_problems(cls: type, answer: Any) -> list[str]:
    """The generated class reads what Mono wrote (XML, Json.NET, WCF JSON) and writes it back."""
    problems = []
    typed = any(
        isinstance(data, bytes) and mark in data
        for data, mark in ((answer.xml, b' i:type="'), (answer.wcf, b'"__type":'))
    )
    checks: list[tuple[str, Any, Any, Any]] = [
        ("XML", answer.xml, nc.from_xml, lambda v: nc.to_xml(v, root_type=cls)),
        ("WCF JSON", answer.wcf, nc.from_wcf_json, lambda v: nc.to_wcf_json(v, root_type=cls)),
    ]
    if not typed:
        # Json.NET writes no type name: a derived value where its base is declared reads back
        # as the base on both sides
        checks.append(("JSON", answer.json, nc.from_json, nc.to_json))
    for fmt, data, read, write in checks:
        if not isinstance(data, bytes):
            # Mono refused to write it: netcontract refuses the value Mono's XML holds
            if isinstance(answer.xml, bytes) and fmt != "XML":
                ours = _written(write, nc.from_xml(answer.xml, cls))
                if not isinstance(ours, str):
                    problems.append(f"{fmt}: Mono refused ({data}), netcontract wrote {ours!r}")
            continue
        try:
            value = read(data, cls)
        except nc.NetContractError as exc:
            problems.append(f"{fmt}: netcontract refused Mono's {data[:300]!r}: {exc}")
            continue
        mismatch = _mismatch(_written(write, value), data)
        if mismatch:
            problems.append(f"{fmt}: {mismatch}")
    return problems


#: an element and a WCF JSON member a later version of the contract would hold
V2_XML = b"<ZzNewInV2>later &amp; more</ZzNewInV2>"
V2_WCF = b'"ZzNewInV2":"later & more"'


def _v2(cls: type, value: Any) -> tuple[bytes, bytes | None]:
    """``value``'s XML and WCF JSON with an unknown member first (where .NET writes extension
    data back whatever the members that follow hold); None where there is no WCF JSON (an
    IsReference class) or ``__type`` must stay first."""
    xml = nc.to_xml(value)
    end = xml.index(b">")
    if xml[end - 1 : end] == b"/":  # <Root ... />: no members
        xml = xml[: end - 1].rstrip() + b">" + V2_XML + f"</{_key(cls).split('}')[1]}>".encode()
    else:
        xml = xml[: end + 1] + V2_XML + xml[end + 1 :]
    wcf = _written(_to_wcf, value)
    if not isinstance(wcf, bytes) or wcf.startswith(b'{"__type"'):
        return xml, None
    return xml, b"{" + V2_WCF + (b"," if wcf != b"{}" else b"") + wcf[1:]


@pytest.mark.parametrize(
    "extension_data", [False, None], ids=["no_extension_data", "extension_data"]
)
@pytest.mark.parametrize("set_name", sorted(SETS))
def test_generated_classes_rewrite_monos_values_and_export_as_mono(
    set_name, extension_data, import_probe, tmp_path
):
    """Both with the default (``extension_data=True``: XsdDataContractImporter's classes
    implement IExtensibleDataObject), where also documents of a later version (an unknown
    member) are read by both and written back alike, in XML and WCF JSON, and with
    ``extension_data=False`` (the generated fast paths)."""
    source = SETS[set_name]
    generated = generate_module(source, extension_data=extension_data)
    # (a report that leaves the wire alone: test_generate_interop.TOLERATED)
    assert [r for r in generated.reports if r.feature not in TOLERATED] == []
    with _loaded(generated.code, tmp_path) as module:
        classes = sorted(
            (v for v in vars(module).values() if isinstance(v, type) and is_contract(v)),
            key=lambda c: c.__name__,
        )
        requests: list[tuple[str, str, bytes]] = []
        filled = [(cls, v) for cls in classes for v in range(VARIANTS)]
        requests += [(_key(cls), "fill", struct.pack("<i", v)) for cls, v in filled]
        drawn = [
            (cls, value)
            for cls in classes
            for value in (_drawn(cls) if nc.contract_info(cls).xml_members else [cls()])
        ]
        # (an IsReference class has no WCF JSON: DataContractJsonSerializer refuses it, as
        # netcontract does; checked on Mono's values below)
        wcf = [(cls, value, _written(_to_wcf, value)) for cls, value in drawn]
        wcf = [(cls, value, data) for cls, value, data in wcf if isinstance(data, bytes)]
        requests += [(_key(cls), "wcf", data) for cls, _, data in wcf]
        later = []
        if extension_data is not False:
            for cls, value in drawn:
                # (as .NET holds it: Mono reads -0.0 as 0)
                xml, json = _v2(cls, as_dotnet_holds(value))
                later.append((cls, "xml", xml))
                if json is not None:
                    later.append((cls, "wcf", json))
        requests += [(_key(cls), fmt, data) for cls, fmt, data in later]
        probe = convert(
            import_probe, xsd_folder(source, tmp_path / "xsd"), tmp_path / "build", requests, True
        )
        problems = []
        written = 0
        for (cls, variant), answer in zip(filled, probe.answers, strict=False):
            if answer.error is not None:
                problems.append(
                    f"{cls.__name__} #{variant}: Mono could not build it: {answer.error}"
                )
                continue
            written += isinstance(answer.xml, bytes)
            for problem in _rewrite_problems(cls, answer):
                problems.append(f"{cls.__name__} #{variant}: {problem}")
        answers = probe.answers[len(filled) + len(wcf) :]
        for (cls, fmt, data), answer in zip(later, answers, strict=True):
            where = f"{cls.__name__} {fmt} {data[:200]!r}"
            if answer.error is not None:
                problems.append(f"{where}: Mono refused the later version: {answer.error}")
                continue
            read, write, theirs = (
                (nc.from_xml, nc.to_xml, undo_mono_bare_object(answer.xml))
                if fmt == "xml"
                else (nc.from_wcf_json, _to_wcf, answer.wcf)
            )
            value = read(data, cls)
            assert value.extension_data is not None, where
            mismatch = _mismatch(_written(write, value), theirs)
            if mismatch:
                problems.append(f"{where}: the later version written back: {mismatch}")
        answers = probe.answers[len(filled) : len(filled) + len(wcf)]
        for (cls, _, data), answer in zip(wcf, answers, strict=True):
            where = f"{cls.__name__} {data[:200]!r}"
            if answer.error is not None:
                problems.append(f"{where}: Mono refused our WCF JSON: {answer.error}")
                continue
            held = as_dotnet_holds(nc.from_wcf_json(data, cls))
            for fmt, theirs, write in (
                ("WCF JSON", answer.wcf, _to_wcf),
                # Mono's i:type="anyType" for new object()
                ("XML", undo_mono_bare_object(answer.xml), nc.to_xml),
            ):
                mismatch = _mismatch(_written(write, held), theirs)
                if mismatch:
                    problems.append(f"{where}: WCF JSON -> {fmt}: {mismatch}")
        assert problems == [], "\n".join(problems[:20])
        assert written >= len(classes)
        # export_schemas of the generated classes: Mono's export of the imported ones
        # (the importer also makes classes of operation wrappers, which the generator skips:
        # their components and namespaces are left out)
        exported = nc.export_schemas(*classes)
        theirs = {
            ns: text
            for ns, text in _exported(tmp_path / "build" / "export").items()
            if ns in exported
        }
        assert set(exported) == set(theirs)
        for namespace, text in exported.items():
            imports, ours = _components(text)
            their_imports, their_parts = _components(theirs[namespace])
            assert imports <= their_imports, namespace
            assert ours == {key: their_parts.get(key) for key in ours}, namespace
