"""Generation on schema sets written by others (``schemas/``, see its README): it succeeds,
reports what cannot be mapped with its location, and the module imports and round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest

import netcontract as nc
from netcontract.generate import generate_module
from netcontract.model.contract import is_contract

SCHEMAS = Path(__file__).resolve().parent / "schemas"

#: per set: the classes and enums generated, and the features reported (how many of each)
EXPECTED = {
    "collection_types": (
        {"CollectionContainer", "DictionaryContainer"},
        {"dictionary": 2},
    ),
    "type_name_reserved_keyword": ({"Composite", "File", "Scoped", "Required"}, {}),
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
        {"generic": 2, "unsupported_type": 1, "unknown_type": 3, "dictionary": 1},
    ),
}


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
    assert declared == classes
    for cls_name in sorted(declared):
        cls = getattr(module, cls_name)
        if not is_contract(cls):
            continue
        members = nc.contract_info(cls).xml_members
        values = nc.draw_corpus(cls, count=5, seed=1) if members else [cls()]
        for value in values:
            xml = nc.to_xml(value)
            assert nc.to_xml(nc.from_xml(xml, cls)) == xml
            text = nc.to_json(value)
            assert nc.to_json(nc.from_json(text, cls)) == text
