"""from_form under the reading quotas, and bodies that are not forms (issue 17).

Memory and time bounds of the same refusals are measured in a subprocess by
``tests/hostile/test_resource_bounds.py``; here, each quota is passed by one unit.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.webapi import forms as _forms
from netcontract.webapi.forms import FormSyntaxError
from vehizen import CustomerGroupDto, VehicleLightDto

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
CG = CustomerGroupDto


@nc.contract("NetContract.Tests.FormLimits")
class Ints:
    ints: list[int] | None = nc.member("Ints", default=None)


def quota_of(body: bytes | str, limits: nc.Limits, cls: type = CG) -> nc.QuotaExceededError:
    with pytest.raises(nc.QuotaExceededError) as caught:
        nc.from_form(body, cls, limits=limits)
    return caught.value


def test_form_over_max_bytes_raises_quota_exceeded() -> None:
    error = quota_of(b"Name=x", nc.Limits(max_bytes=5))
    assert error.quota == "max_bytes"
    assert str(error) == "<root>: quota max_bytes exceeded (more than 5 bytes)"
    assert nc.from_form(b"Name=x", CG, limits=nc.Limits(max_bytes=6)).name == "x"
    # a str is measured in UTF-8 bytes, as it would be sent
    assert quota_of("Name=é", nc.Limits(max_bytes=6)).quota == "max_bytes"


def test_form_key_depth_follows_max_depth() -> None:
    limits = nc.Limits(max_depth=3)
    assert nc.from_form(b"Vehicles[0][IdWS]=1", CG, limits=limits).vehicles == [
        VehicleLightDto(id_ws=1)
    ]
    # one level per segment, as in JSON: {"Vehicles":[{"ExternalInterfaces":[{}]}]} has 5
    error = quota_of(b"Vehicles[0][ExternalInterfaces][0]=", limits)
    assert error.quota == "max_depth"
    assert error.problems[0].path == "Vehicles[0].ExternalInterfaces[0]"
    # the key: 40,000 brackets, refused at once with a short path
    error = quota_of(("Name" + "[a]" * 40000 + "=x").encode(), nc.Limits())
    assert error.quota == "max_depth"
    assert len(error.problems[0].path) <= 120


def test_form_key_prefixes_are_stored_once() -> None:
    # 64 segments of 2,000 characters: every prefix as its own string would take 64 times
    # the key; the prefix tree keeps each segment once
    key = "Name" + "".join(f"[{'a' * 2000}{i}]" for i in range(60))
    binder = _forms._Binder([(_forms.normalize_key(key), "x")], nc.Limits())
    node, stored = binder.root, 0
    while node.children:
        (segment, node), *_ = node.children.items()
        stored += len(segment)
    assert stored == len(_forms.normalize_key(key))


def test_form_pairs_count_toward_max_total_items() -> None:
    body = b"&".join([b"Name=x", *(b"x=1" for _ in range(5))])
    assert quota_of(body, nc.Limits(max_total_items=5)).quota == "max_total_items"
    assert nc.from_form(body, CG, limits=nc.Limits(max_total_items=6)).name == "x"
    # every distinct key prefix is an item: Vehicles, Vehicles[0], Vehicles[0].IdWS
    assert quota_of(b"Vehicles[0][IdWS]=1", nc.Limits(max_total_items=2)).quota == (
        "max_total_items"
    )
    assert nc.from_form(b"Vehicles[0][IdWS]=1", CG, limits=nc.Limits(max_total_items=3))


def test_form_pairs_over_max_keys_are_refused_before_splitting(monkeypatch) -> None:
    def never(*_: object) -> None:
        raise AssertionError("the body was split")

    monkeypatch.setattr(_forms, "_unquote_plus", never)
    with pytest.raises(nc.FormPayloadError, match="1001 pairs"):
        nc.from_form(b"a=1&" * 1000 + b"a=1", CG)
    assert quota_of(b"a&" * 1_000_000, nc.Limits()).quota == "max_total_items"


def test_form_values_and_keys_over_max_string_length() -> None:
    limits = nc.Limits(max_string_length=10)
    assert nc.from_form(b"Name=" + b"%41" * 10, CG, limits=limits).name == "A" * 10
    error = quota_of(b"Name=" + b"%41" * 11, limits)
    assert (error.quota, error.problems[0].path) == ("max_string_length", "Name")
    assert quota_of(b"Name=" + b"a" * 11, limits).quota == "max_string_length"
    assert quota_of(b"Name=" + b"%E2%82%AC" * 11, limits).quota == "max_string_length"
    error = quota_of(b"N" * 11 + b"=1&Name=x", limits)
    assert (error.quota, error.problems[0].path) == ("max_string_length", "N" * 11)


def test_form_list_items_over_max_collection_items() -> None:
    limits = nc.Limits(max_collection_items=2)
    assert nc.from_form(b"Ints=1&Ints=2", Ints, limits=limits).ints == [1, 2]
    error = quota_of(b"Ints=1&Ints=2&Ints=3", limits, Ints)
    assert (error.quota, error.problems[0].path) == ("max_collection_items", "Ints")
    assert quota_of(b"Ints[]=1&Ints[]=2&Ints[]=3", limits, Ints).quota == "max_collection_items"
    body = b"Vehicles[0][IdWS]=1&Vehicles[1][IdWS]=2&Vehicles[2][IdWS]=3"
    assert quota_of(body, limits).quota == "max_collection_items"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="%+aZ09fF\u00e9\u20ac\U0001f600\x80 ", max_size=40))
def test_form_percent_decoding_in_windows_matches_urllib(text: str) -> None:
    expected = unquote_plus(text, errors="replace")
    assert _forms._unquote_plus(text, 1000) == expected
    old = _forms._WINDOW
    try:
        _forms._WINDOW = 3  # type: ignore[misc]  # every cut position is exercised
        assert _forms._unquote_plus(text, 1000) == expected
    finally:
        _forms._WINDOW = old  # type: ignore[misc]


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        ((FIXTURES / "customer_group.xml").read_bytes(), "looks like XML"),
        ((FIXTURES / "customer_group.json").read_bytes(), "looks like JSON"),
        (b"x=1&y=2", "silently bind a default object"),
        (b"Nom=Flotte", "silently bind a default object"),
    ],
)
def test_a_form_that_binds_no_key_is_refused(body: bytes, hint: str) -> None:
    # Mono's Web API binds any such body as a default object (FORMS.md); netcontract refuses
    with pytest.raises(FormSyntaxError) as caught:
        nc.from_form(body, CG)
    assert hint in str(caught.value)
    one_line = body.replace(b"\n", b"").replace(b"\r", b"")  # (curl --data drops them)
    with pytest.raises(FormSyntaxError, match="no key of the form names a member") as caught:
        nc.from_form(one_line, CG)
    assert hint in str(caught.value)


@pytest.mark.parametrize("raw", [b"\n", b"\r", b"\t", b"\x00", b"\x7f"])
def test_a_form_with_raw_control_characters_is_refused(raw: bytes) -> None:
    # an encoder writes %0A; a raw one means the body was not form-encoded (Web API would
    # keep it in the value: Name below would be "x\nVehicles[0][IdWS]=1")
    body = b"Name=x" + raw + b"Vehicles[0][IdWS]=1"
    with pytest.raises(FormSyntaxError, match=r"raw control character \(U\+00") as caught:
        nc.from_form(body, CG)
    assert "at byte 6" in str(caught.value)
    assert nc.from_form(b"Name=x" + b"%%%02X" % raw[0], CG).name == "x" + raw.decode()


def test_a_form_str_with_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(nc.FormPayloadError, match="lone surrogate"):
        nc.from_form("Name=\ud800", CG)


@nc.contract("NetContract.Tests.FormLimits")
class Nest:
    """A dictionary of dictionaries of lists: every key segment of a form is a level."""

    maps: dict[str, dict[nc.Int32, list[nc.Int32] | None] | None] | None = nc.member(
        "Maps", default=None
    )


def test_form_dictionaries_follow_the_limits() -> None:
    entry = b"Maps[0][Key]=a&Maps[0][Value][0][Key]=1&Maps[0][Value][0][Value][0]=7"
    assert nc.from_form(entry, Nest).maps == {"a": {1: [7]}}
    # Maps [0] .Value [0] .Value [0]: six segments
    assert quota_of(entry, nc.Limits(max_depth=5), Nest).quota == "max_depth"
    assert nc.from_form(entry, Nest, limits=nc.Limits(max_depth=6)).maps == {"a": {1: [7]}}
    many = b"&".join(b"Maps[%d][Key]=k%d&Maps[%d][Value]=" % (i, i, i) for i in range(4))
    error = quota_of(many, nc.Limits(max_collection_items=3), Nest)
    assert (error.quota, error.problems[0].path) == ("max_collection_items", "Maps")
    long_key = b"Maps[0][Key]=" + b"k" * 11 + b"&Maps[0][Value]="
    assert quota_of(long_key, nc.Limits(max_string_length=10), Nest).quota == "max_string_length"


_PIECES = st.sampled_from(
    [
        "Maps",
        "[0]",
        "[1]",
        "[Key]",
        "[Value]",
        ".Key",
        ".value",
        "[]",
        "[x]",
        ".index",
        "=",
        "&",
        "a",
        "1",
        "%20",
        "+",
        "-",
        "%00",
        "%FF",
        "[",
        "]",
        ".",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_hostile_dictionary_forms_end_in_netcontract_errors(body: str) -> None:
    """Any body, however broken, gives a value or a NetContractError (with paths)."""
    try:
        nc.from_form(body, Nest)
    except nc.NetContractError as exc:
        problems = getattr(exc, "problems", [])
        assert all(isinstance(p.path, str) for p in problems)
