"""from_json's quotas over members it ignores, and the structure measured before parsing
(issue 17). Memory and time of the same refusals are measured in a subprocess by
``tests/hostile/test_resource_bounds.py``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract import conversions as _api
from netcontract.json import text as _jsontext
from netcontract.json.read_struct import UNKNOWN_MEMBER, read_typed
from netcontract.json.text import COUNTED_BEFORE_PARSING, _structure, structure_over
from netcontract.limits import ReadContext
from vehizen import CustomerGroupDto

CG = CustomerGroupDto


def quota_of(doc: bytes, limits: nc.Limits) -> nc.QuotaExceededError:
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_json(doc, CG, limits=limits)
    return caught.value


def test_unknown_members_count_toward_max_total_items() -> None:
    doc = b'{"Name":"x","Extra":[[],[],[]]}'  # root 1, Extra 1 + 3 items, 3 arrays, member 1
    assert nc.from_json(doc, CG, limits=nc.Limits(max_total_items=9)).name == "x"
    error = quota_of(doc, nc.Limits(max_total_items=8))
    assert error.quota == "max_total_items"
    # each unknown member is an item, even a scalar one
    many = b'{"Name":"x",' + b",".join(b'"u%d":0' % i for i in range(10)) + b"}"
    assert quota_of(many, nc.Limits(max_total_items=10)).quota == "max_total_items"


def test_unknown_members_count_toward_max_depth() -> None:
    doc = b'{"Extra":[[[]]]}'
    assert nc.from_json(doc, CG, limits=nc.Limits(max_depth=4)) == CG()
    error = quota_of(doc, nc.Limits(max_depth=3))
    assert (error.quota, error.problems[0].path) == ("max_depth", "Extra[0][0]")


def test_unknown_members_count_toward_max_string_length() -> None:
    limits = nc.Limits(max_string_length=5)
    assert quota_of(b'{"Extra":"abcdef"}', limits).quota == "max_string_length"
    assert quota_of(b'{"Extra":{"k":["abcdef"]}}', limits).quota == "max_string_length"
    assert quota_of(b'{"abcdef":1}', limits).quota == "max_string_length"  # a name too


def test_unknown_members_of_one_object_count_toward_max_collection_items() -> None:
    limits = nc.Limits(max_collection_items=3)
    assert nc.from_json(b'{"a":1,"b":2,"c":3,"Name":"x"}', CG, limits=limits).name == "x"
    error = quota_of(b'{"a":1,"b":2,"c":3,"d":4}', limits)
    assert error.quota == "max_collection_items"


def test_a_computed_members_value_counts_in_the_quotas() -> None:
    # FullName is computed (its input ignored): its size counts all the same
    doc = b'{"Vehicles":[{"FullName":[[[[]]]]}]}'
    assert quota_of(doc, nc.Limits(max_depth=5)).quota == "max_depth"
    assert quota_of(b'{"Vehicles":[{"FullName":"abcdef"}]}', nc.Limits(max_string_length=5))


def test_an_unknown_member_is_parsed_once_only(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = b'{"Name":"x","Extra":[1,2,3]}'
    assert read_typed(doc, CG, ReadContext()) is UNKNOWN_MEMBER

    def never(*_: Any) -> Any:
        raise AssertionError("the dict readers parsed the document too")

    monkeypatch.setattr(_api, "read_json", never)
    assert nc.from_json(doc, CG).name == "x"


def big(inner: bytes, name: bytes = b"Extra") -> bytes:
    """A document of just over COUNTED_BEFORE_PARSING bytes: ``inner`` repeated in an array."""
    count = COUNTED_BEFORE_PARSING // len(inner) + 1
    return b'{"' + name + b'":[' + b",".join([inner] * count) + b"]}"


@pytest.mark.parametrize(
    ("doc", "limits", "quota"),
    [
        (big(b"[]"), nc.Limits(), "max_total_items"),  # the case, smaller
        (big(b"0.5"), nc.Limits(max_total_items=100_000), "max_total_items"),
        (big(b"1"), nc.Limits(max_total_items=10**7), "max_collection_items"),
        (big(b'{"a":1}'), nc.Limits(max_collection_items=200_000, max_depth=2), "max_depth"),
        (
            b'{"Extra":{' + b",".join(b'"k%d":0' % i for i in range(100_000)) + b"}}",
            nc.Limits(),
            "max_collection_items",
        ),
    ],
)
def test_structure_is_measured_before_parsing(
    doc: bytes, limits: nc.Limits, quota: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(doc) >= COUNTED_BEFORE_PARSING

    def never(*_: Any) -> Any:
        raise AssertionError("the document was parsed")

    monkeypatch.setattr(_api, "read_json", never)
    monkeypatch.setattr(_api, "loads_strict", never)
    assert quota_of(doc, limits).quota == quota


def test_documents_within_the_quotas_are_not_refused_by_their_structure() -> None:
    group = nc.help_page_sample(CG)
    doc = nc.to_json(group)
    padded = doc[:-1] + b',"Pad":"' + b"[{,:" * (COUNTED_BEFORE_PARSING // 4) + b'"}'
    assert structure_over(padded, nc.Limits(max_string_length=2 * COUNTED_BEFORE_PARSING)) is None
    assert nc.from_json(padded, CG, limits=nc.Limits(max_string_length=2 << 20)) == group


def shape(value: Any) -> str:
    """The structure of a parsed JSON value, as _structure reduces its text."""
    if isinstance(value, dict):
        return "{" + ",".join(":" + shape(item) for item in value.values()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(shape(item) for item in value) + "]"
    return ""


TEXT = st.text(alphabet='ab"\\/[]{},:ü\U0001f600\n\tbfnrtu0', max_size=8)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.booleans(), st.booleans())
def test_structure_outside_strings(value: Any, ascii_only: bool, indent: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=1 if indent else None)
    assert _structure(text.encode()) == shape(value).encode()
    old = _jsontext._CHUNK
    try:
        _jsontext._CHUNK = 5  # type: ignore[misc]  # strings cut across chunks
        assert _structure(text.encode()) == shape(value).encode()
    finally:
        _jsontext._CHUNK = old  # type: ignore[misc]


@nc.contract("Limits.Texts")
class _Texts:
    b: bytes | None = nc.member("B", default=None)
    t: nc.TimeSpan = nc.member("T", default=nc.TimeSpan.ZERO)
    d: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    bs: list[bytes] | None = nc.member("Bs", default=None)


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (b'{"B":"' + b"QUJD" * 300 + b'"}', "B"),  # base64 of 900 bytes: 1,200 characters
        (b'{"T":"' + b"0" * 1200 + b'1"}', "T"),  # a TimeSpan's digits
        (b'{"D":"2020-01-01T00:00:00.' + b"1" * 1200 + b'Z"}', "D"),
        (b'{"Bs":["AA==","' + b"QUJD" * 300 + b'"]}', "Bs[1]"),
    ],
)
def test_every_json_string_counts_toward_max_string_length(
    doc: bytes, path: str, engine_path: str
) -> None:
    # as from_xml checks every element's text: a base64, TimeSpan or DateTime string too
    # (only String and Uri members were checked)
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_json(doc, _Texts, limits=nc.Limits(max_string_length=1000))
    assert caught.value.quota == "max_string_length"
    assert caught.value.problems[0].path == path
    short = doc.replace(b"QUJD" * 300, b"QUJD").replace(b"0" * 1200, b"0")
    if b"1" * 1200 not in short:
        nc.from_json(short, _Texts, limits=nc.Limits(max_string_length=1000))


def padded(extra: bytes) -> bytes:
    """``{"Pad":"x...x","Extra":extra}``: a string of COUNTED_BEFORE_PARSING bytes makes the
    document one structure_over measures, and _structure leaves it out."""
    return b'{"Pad":"' + b"x" * COUNTED_BEFORE_PARSING + b'","Extra":' + extra + b"}"


def members(count: int) -> bytes:
    return b"{" + b",".join(b'"k%d":0' % i for i in range(count)) + b"}"


#: max_collection_items=3, max_depth=4: the root object is level 1, Extra level 2; an object
#: may have 3 + MEMBERS_OF_A_CONTRACT (4,099) members
SMALL = nc.Limits(max_collection_items=3, max_depth=4)
ITEMS = ("max_collection_items", 3, "items")
DEEP = ("max_depth", 4, "levels of nesting")
MEMBERS = ("max_collection_items", 4099, "members in one object")


@pytest.mark.parametrize(
    ("extra", "over"),
    [
        # the items of one array: 3 are within, a fourth (the third comma) is over
        pytest.param(b"[0,0,0]", None, id="items-3"),
        pytest.param(b"[0,0,0,0]", ITEMS, id="items-4"),
        # commas counted between brackets, added up across the arrays inside
        pytest.param(b"[[],[],[]]", None, id="arrays-3"),
        pytest.param(b"[[],[],[],[]]", ITEMS, id="arrays-4"),
        pytest.param(b"[[0,0],[0,0],[0,0]]", None, id="arrays-3-of-2"),
        pytest.param(b"[{},[0],{},0]", ITEMS, id="mixed-4"),
        pytest.param(b"[[0,0,0,0]]", ITEMS, id="items-4-inner"),
        pytest.param(b"[[[0,0,0,0]]]", ITEMS, id="items-4-deepest"),
        pytest.param(b'[{"a":0,"b":0,"c":0,"d":0},[],{}]', None, id="object-commas-not-items"),
        # levels of nesting: 4 are within (also beside another array: 5 brackets in all)
        pytest.param(b"[[[]],[]]", None, id="depth-4"),
        pytest.param(b"[[[[]]]]", DEEP, id="depth-5"),
        pytest.param(b"[[],[[[]]]]", DEEP, id="depth-5-second"),
        # members of one object: colons, not commas
        pytest.param(members(4099), None, id="members-4099"),
        pytest.param(members(4100), MEMBERS, id="members-4100"),
        pytest.param(b"[" + members(4099) + b",0]", None, id="members-4099-in-array"),
        pytest.param(b"[0," + members(4100) + b"]", MEMBERS, id="members-4100-in-array"),
    ],
)
def test_structure_over_counts_each_container(
    extra: bytes, over: tuple[str, int, str] | None
) -> None:
    doc = padded(extra)
    assert structure_over(doc, SMALL) == over
    assert structure_over(doc.decode(), SMALL) == over  # text: the same bytes in UTF-8


@pytest.mark.parametrize(
    ("extra", "path_and_message"),
    [
        (b"[0,0,0,0]", ("", "quota max_collection_items exceeded (more than 3 items)")),
        (b"[[[[]]]]", ("", "quota max_depth exceeded (more than 4 levels of nesting)")),
        (
            members(4100),
            ("", "quota max_collection_items exceeded (more than 4,099 members in one object)"),
        ),
    ],
)
def test_structure_refusals_are_whole_messages(
    extra: bytes, path_and_message: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_: Any) -> Any:
        raise AssertionError("the document was parsed")

    monkeypatch.setattr(_api, "read_json", never)
    monkeypatch.setattr(_api, "loads_strict", never)
    error = quota_of(padded(extra), SMALL)
    assert [(p.path, p.message) for p in error.problems] == [path_and_message]
    assert str(error) == f"<root>: {path_and_message[1]}"
