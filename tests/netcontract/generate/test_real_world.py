"""Generation on schema sets written by others (``schemas/``, see its README): it succeeds,
reports what cannot be mapped with its location, and the module imports and round-trips
documents; for the sets a DataContractSerializer exporter wrote and netcontract maps fully,
``export_schemas`` of the generated classes gives back the input's components.

(The generated modules pass ruff and mypy --strict: test_generate.py, over every set here; the
fully mapped sets are also checked against Mono's importer: tests/interop.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import netcontract as nc
from netcontract.generate import generate_module
from netcontract.generate.sources import load_sources
from netcontract.model.contract import is_contract

SCHEMAS = Path(__file__).resolve().parent / "schemas"

#: per set: the classes and enums generated, and the features reported (how many of each)
EXPECTED = {
    "collection_types": (
        {"CollectionContainer", "DictionaryContainer"},
        {},  # (its two dictionaries are dict[K, V] members: issue 14)
    ),
    "type_name_reserved_keyword": ({"Composite", "File", "Scoped", "Required"}, {}),
    "corewcf_complex_types_with_collections": ({"DataContainingArray", "DataContainingList"}, {}),
    "corewcf_enum": ({"TestEnum", "TestWrappedEnum"}, {}),
    "corewcf_key_value_pairs": (
        {"KeyValueContainingArray", "KeyValueContainingList", "KeyValuePairOfstringint"},
        {"struct_collection": 2, "value_type": 1, "generic": 1},
    ),
    # a DataSet: only in operation messages (skipped), so no data contract at all
    "corewcf_system_data": (set(), {}),
    # written by XmlSerializer's exporter: imported as Mono's importer imports it
    "corewcf_xml_serializer": (
        {"NonInstantiatedType", "XmlCompositeType", "XmlVeryComplexType"},
        {},
    ),
    "member_named_system": (set(), {"xml_serializer": 2}),
    "soapcore_sample_service": (
        {"ComplexModelInput", "ComplexModelResponse", "ComplexObject"},
        {},
    ),
    "type_reuse_svc": ({"BinLibrary", "TypeReuseCompositeType"}, {}),
    # Bing Ads v13: large services (how many classes and enums; a few pinned by name below)
    "bingads_reporting": (165, {}),
    "bingads_customer_billing": (27, {"enum_name": 1, "generic": 2}),
    "bingads_customer_management": (
        50,
        {
            "struct_collection": 6,
            "value_type": 3,
            "enum_name": 1,
            "enum_actual_type": 1,
            "generic": 4,
        },
    ),
    "bingads_bulk": (14, {"struct_collection": 1, "value_type": 1, "generic": 1}),
    "bingads_ad_insight": (135, {"generic": 5, "enum_actual_type": 1, "enum_name": 1}),
    "bingads_campaign_management": (
        396,
        {
            "struct_collection": 16,
            "value_type": 2,
            "enum_name": 13,
            "enum_actual_type": 4,
            "generic": 2,
        },
    ),
    "wcf_projectn_service": (
        {
            "ComplexCompositeType",
            "CompositeType",
            "FaultDetail",
            "ResultOfArrayOfUserGamePlay",
            "ResultOfstring",
            "TestHttpRequestMessageProperty",
            "UserGamePlay",
        },
        {"generic": 2, "unknown_type": 3},
    ),
}


#: some classes of the large sets, by name
PINNED = {
    "bingads_reporting": {
        "ReportRequest",
        "CampaignPerformanceReportRequest",
        "AccountThroughAdGroupReportScope",
        "CampaignTypeReportFilter",
        "ReportAggregation",
    },
    "bingads_customer_billing": {
        "InsertionOrder",
        "KeyValueEntityOflongstring",
        "InsertionOrderAdditionalField",
    },
    "bingads_customer_management": {
        "AdvertiserAccount",
        "Customer",
        "User",
        "KeyValuePairOfstringstring",
    },
    "bingads_bulk": {"BatchError", "CampaignScope", "DataScope", "KeyValuePairOfstringstring"},
    "bingads_ad_insight": {"SelectionOflong", "RangeResultOfdouble", "Criterion", "ScaleUnit"},
    "bingads_campaign_management": {
        "Ad",
        "TextAd",
        "Campaign",
        "AdGroup",
        "Keyword",
        "AdExtension",
        "Minute",
    },
}


def _drawn(cls: type) -> list[Any]:
    try:
        return nc.draw_corpus(cls, count=5, seed=1)
    except ValueError:  # fewer distinct values than that (one member of a 4-value enum)
        return nc.draw_corpus(cls, count=2, seed=1)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_world_set_generates_reports_and_round_trips(name, load_generated):
    generated = generate_module(SCHEMAS / name)
    classes, features = EXPECTED[name]
    counts: dict[str, int] = {}
    for report in generated.reports:
        counts[report.feature] = counts.get(report.feature, 0) + 1
        assert report.location.split(",")[0] in generated.files
        assert ", line " in report.location
    assert counts == features
    module = load_generated(generated.code)
    declared = {n for n, v in vars(module).items() if hasattr(v, "__netcontract__")}
    if isinstance(classes, int):
        assert len(declared) == classes
        assert PINNED[name] <= declared
    else:
        assert declared == classes
    for cls_name in sorted(declared):
        cls = getattr(module, cls_name)
        if not is_contract(cls):
            continue
        members = nc.contract_info(cls).xml_members
        values = _drawn(cls) if members else [cls()]
        for value in values:
            xml = nc.to_xml(value)
            assert nc.to_xml(nc.from_xml(xml, cls)) == xml
            text = nc.to_json(value)
            assert nc.to_json(nc.from_json(text, cls)) == text


#: sets written by WCF's DataContractSerializer exporter that netcontract maps without a report
ROUND_TRIP = (
    "corewcf_complex_types_with_collections",
    "corewcf_enum",
    "type_name_reserved_keyword",
    "type_reuse_svc",
)
XS = "http://www.w3.org/2001/XMLSchema"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"


def _canon(el: Any) -> Any:
    """A schema component with ``type``/``base`` QNames resolved (prefixes do not matter)."""
    attrs = []
    for key, raw in sorted(el.attrib.items()):
        value = raw
        if key in ("type", "base") and ":" in raw:
            prefix, _, local = raw.partition(":")
            value = f"{{{el.nsmap[prefix]}}}{local}"
        attrs.append((key, value))
    children = tuple(_canon(c) for c in el if isinstance(c.tag, str))
    return (el.tag, tuple(attrs), (el.text or "").strip(), children)


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_real_world_set_mapped_fully_exports_its_own_components(name, load_generated):
    generated = generate_module(SCHEMAS / name)
    assert generated.reports == ()
    module = load_generated(generated.code)
    classes = [v for v in vars(module).values() if isinstance(v, type) and is_contract(v)]
    theirs = {
        (doc.target_namespace, etree.QName(el).localname, el.get("name")): _canon(el)
        for doc in load_sources([SCHEMAS / name]).docs
        for el in doc.root
        if isinstance(el.tag, str) and el.get("name") is not None
    }
    compared = 0
    for namespace, text in nc.export_schemas(*classes).items():
        for el in etree.fromstring(text.encode("utf-8")):
            if el.tag == f"{{{XS}}}import":
                continue
            key = (namespace, etree.QName(el).localname, el.get("name"))
            assert key in theirs, key
            assert _canon(el) == theirs[key], key
            compared += 1
    # the contracts, their global elements and the serialization schema's components
    assert compared >= 2 * len(classes) + 20


#: every set WCF's DataContractSerializer exporter wrote whole (wcf_projectn_service lacks
#: schemas it imports; soapcore_sample_service is SoapCore's own writer; the XmlSerializer sets)
WCF_EXPORTED = (
    *ROUND_TRIP,
    "collection_types",
    "corewcf_key_value_pairs",
    "bingads_ad_insight",
    "bingads_bulk",
    "bingads_campaign_management",
    "bingads_customer_billing",
    "bingads_customer_management",
    "bingads_reporting",
)
#: the reports that change what export_schemas writes for their type
EXPORT_CHANGING = {"generic", "value_type", "enum_actual_type", "dictionary", "struct_collection"}
_TYPE_IN_LOCATION = re.compile(r"(?:complexType|simpleType) '([^']+)'")


def _is_collection(el: Any) -> bool:
    """A complexType that is a sequence of one repeated element: mapped to ``list[...]``."""
    children = [c for c in el if isinstance(c.tag, str) and c.tag != f"{{{XS}}}annotation"]
    if len(children) != 1 or children[0].tag != f"{{{XS}}}sequence":
        return False
    items = [c for c in children[0] if isinstance(c.tag, str)]
    return len(items) == 1 and items[0].get("maxOccurs") == "unbounded"


@pytest.mark.parametrize("name", WCF_EXPORTED)
def test_real_world_set_exports_its_components_but_the_reported_ones(name, load_generated):
    # export_schemas of every class and enum generated gives back the input's component for
    # each, but for the types a report says it changes (a generic's annotation, a struct's
    # IsValueType, an enum's ActualType); and no type of the input is left out unreported
    generated = generate_module(SCHEMAS / name)
    changed = {
        match.group(1)
        for report in generated.reports
        if report.feature in EXPORT_CHANGING
        for match in [_TYPE_IN_LOCATION.search(report.location)]
        if match
    }
    module = load_generated(generated.code)
    declared = [v for v in vars(module).values() if hasattr(v, "__netcontract__")]
    theirs = {
        (doc.target_namespace, etree.QName(el).localname, el.get("name")): el
        for doc in load_sources([SCHEMAS / name]).docs
        for el in doc.root
        if isinstance(el.tag, str) and el.get("name") is not None
    }
    ours = set()
    differing = set()
    for namespace, text in nc.export_schemas(*declared).items():
        for el in etree.fromstring(text.encode("utf-8")):
            if el.tag == f"{{{XS}}}import":
                continue
            key = (namespace, etree.QName(el).localname, el.get("name"))
            assert key in theirs, key
            ours.add(key)
            if _canon(el) != _canon(theirs[key]):
                differing.add(key[2])
    assert differing <= changed
    left_out = {
        key
        for key, el in theirs.items()
        if key[1] in ("complexType", "simpleType")
        and key not in ours
        and key[0] != SER
        and not (key[1] == "complexType" and _is_collection(el))
    }
    assert left_out == set()
    assert len(ours) >= 2 * len(declared)
