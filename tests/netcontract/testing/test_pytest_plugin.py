"""The pytest plugin (``netcontract.pytest_plugin``), run inside pytest's own ``pytester``.

Expected payloads are the help page's samples in ``fixtures/``; differences are made by
editing the objects read from them.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import attrs
import pytest

import netcontract as nc
from netcontract.pytest_plugin import (
    Difference,
    assert_json_equal,
    assert_xml_equal,
    json_differences,
    xml_differences,
)
from netcontract.testing.payload_diff import MAX_SHOWN
from vehizen import CustomerGroupDto, ResponseDto

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
GROUP_XML = (FIXTURES / "customer_group.xml").read_bytes()
GROUP_JSON = (FIXTURES / "customer_group.json").read_bytes()
RESPONSE_XML = (FIXTURES / "response.xml").read_bytes()

HEADER = f"""
import re
from pathlib import Path

import attrs
import pytest

import netcontract as nc
from netcontract.pytest_plugin import assert_json_equal, assert_xml_equal
from vehizen import CustomerGroupDto, ResponseDto

FIXTURES = Path({str(FIXTURES)!r})
GUID = re.compile(rb"[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}")
"""


def error_lines(result: pytest.RunResult) -> list[str]:
    """The failure message as pytest shows it (its ``E`` lines), without the margin."""
    return [line[1:].strip() for line in result.stdout.lines if line.startswith("E ")]


def edited_group() -> CustomerGroupDto:
    group = nc.from_xml(GROUP_XML, CustomerGroupDto)
    first = group.vehicles[0]
    first = attrs.evolve(first, brand="Renault", external_interfaces=first.external_interfaces[:1])
    return attrs.evolve(group, name=None, vehicles=[first, group.vehicles[1]])


# ------------------------------------------------------------------------------- registration


def test_the_plugin_is_registered_as_a_pytest11_entry_point():
    (entry,) = [
        e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "netcontract"
    ]
    assert entry.value == "netcontract.pytest_plugin"


def test_pytest_loads_it_by_itself_and_no_netcontract_turns_it_off(pytester):
    pytester.makepyfile(
        """
        def test_it(nc_sample, nc_corpus, nc_seed, nc_assert):
            assert nc_seed == 0
        """
    )
    # a fresh interpreter: the plugin comes from the installed entry point, nowhere else
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=1)
    off = pytester.runpytest_subprocess("-p", "no:netcontract")
    off.assert_outcomes(errors=1)
    off.stdout.fnmatch_lines(["*fixture 'nc_sample' not found*"])


# ------------------------------------------------------------------------------- the fixtures


def test_nc_sample_gives_the_help_page_samples(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_objects_and_bytes(nc_sample):
    group = nc_sample(CustomerGroupDto)
    assert group.vehicles[0].tolerance == 8
    assert nc_sample(CustomerGroupDto) == group  # the same seed: equal,
    assert nc_sample(CustomerGroupDto) is not group  # but a fresh object each call
    for name, payload in [
        ("customer_group.json", nc_sample.json(CustomerGroupDto)),
        ("customer_group.xml", nc_sample.xml(CustomerGroupDto)),
        ("response.json", nc_sample.json(ResponseDto)),
        ("response.xml", nc_sample.xml(ResponseDto)),
    ]:
        expected = (FIXTURES / name).read_bytes()
        assert GUID.sub(b"G", payload) == GUID.sub(b"G", expected), name
    assert nc_sample.json(ResponseDto, indent=False) == (
        b'{"IsValid":true,"Errors":["sample string 1","sample string 2"],"Data":{}}'
    )
    assert nc_sample(CustomerGroupDto, seed=1) != group
"""
    )
    pytester.runpytest().assert_outcomes(passed=1)


def test_netcontract_seed_option_changes_the_guids_and_is_shown(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_seed(nc_seed, nc_sample):
    assert nc_seed == 5
    assert nc_sample(CustomerGroupDto) == nc.help_page_sample(CustomerGroupDto, seed=5)
    assert nc_sample(CustomerGroupDto) != nc.help_page_sample(CustomerGroupDto, seed=0)
"""
    )
    result = pytester.runpytest("--netcontract-seed", "5")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["netcontract: --netcontract-seed=5"])


def test_nc_corpus_is_deterministic_and_follows_the_seed(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_corpus(nc_corpus, nc_seed):
    values = nc_corpus(CustomerGroupDto, 6)
    assert len(values) == 6
    assert all(type(v) is CustomerGroupDto for v in values)
    again = nc_corpus(CustomerGroupDto, 6)
    assert [nc.to_json(v) for v in values] == [nc.to_json(v) for v in again]
    direct = nc.draw_corpus(CustomerGroupDto, count=6, seed=nc_seed)
    assert [nc.to_json(v) for v in values] == [nc.to_json(v) for v in direct]
    other = nc_corpus(CustomerGroupDto, 6, seed=nc_seed + 1)
    assert [nc.to_json(v) for v in values] != [nc.to_json(v) for v in other]
"""
    )
    pytester.runpytest().assert_outcomes(passed=1)
    pytester.runpytest("--netcontract-seed=9").assert_outcomes(passed=1)


# ---------------------------------------------------------------------------- the assertions


def test_a_failing_xml_assertion_lists_member_paths_not_bytes(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_xml():
    group = nc.from_xml((FIXTURES / "customer_group.xml").read_bytes())
    first = group.vehicles[0]
    first = attrs.evolve(first, brand="Renault", external_interfaces=first.external_interfaces[:1])
    group = attrs.evolve(group, name=None, vehicles=[first, group.vehicles[1]])
    assert_xml_equal(nc.to_xml(group, indent=True), (FIXTURES / "customer_group.xml").read_bytes())
"""
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    assert error_lines(result) == (
        [
            "AssertionError: XML payloads differ: 4 differences",
            "Name: expected 'sample string 2', got nil",
            "Vehicles[0].Brand: expected 'sample string 19', got 'Renault'",
            "Vehicles[0].ExternalInterfaces: expected 2 items, got 1",
            "Vehicles[0].ExternalInterfaces[1]: missing (expected"
            " <ExternalInterfaceHeaderDto> with 3 child elements)",
        ]
    )
    out = result.stdout.str()
    assert "CompatibleDownload" not in out  # no wall of bytes
    assert "pytest_plugin.py" not in out  # the traceback stops at the test
    assert "assert_xml_equal(nc.to_xml(group" in out


def test_a_failing_json_assertion_lists_member_paths(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_json():
    assert_json_equal(
        b'{"IsValid":"true","Errors":["sample string 1"],"Data":{},"Extra":1.50}',
        b'{"IsValid":true,"Errors":["sample string 1","sample string 2"],"Data":{}}',
    )
"""
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    assert error_lines(result) == (
        [
            "AssertionError: JSON payloads differ: 4 differences",
            "Extra: unexpected member (got 1.50)",
            'IsValid: expected true (boolean), got "true" (string)',
            "Errors: expected 2 items, got 1",
            'Errors[1]: missing (expected "sample string 2")',
        ]
    )


def test_layout_only_differences(pytester):
    pytester.makepyfile(
        HEADER
        + """
def test_inexact_passes():
    group = nc.from_xml((FIXTURES / "customer_group.xml").read_bytes())
    assert_xml_equal(nc.to_xml(group), (FIXTURES / "customer_group.xml").read_bytes(), exact=False)
    expected_json = (FIXTURES / "customer_group.json").read_bytes()
    assert_json_equal(nc.to_json(group), expected_json, exact=False)

def test_exact_fails_where_the_bytes_part(nc_assert):
    group = nc.from_xml((FIXTURES / "customer_group.xml").read_bytes())
    nc_assert.json_equal(nc.to_json(group), (FIXTURES / "customer_group.json").read_bytes())
"""
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    assert error_lines(result) == (
        [
            "AssertionError: JSON payloads differ: 1 difference",
            "<root>: same content, other bytes from byte 1 (line 1, column 2 of expected):"
            ' expected \'{\\n  "Id": "328f28de-3e6c-480c-b…\','
            ' got \'{"Id":"328f28de-3e6c-480c-b5c3-…\' (5059 and 3969 bytes)',
        ]
    )


# ------------------------------------------------------------------- the differences, directly


def test_equal_payloads_have_no_differences():
    assert xml_differences(GROUP_XML, GROUP_XML) == []
    assert json_differences(GROUP_JSON.decode(), GROUP_JSON) == []
    assert_xml_equal(GROUP_XML, GROUP_XML.decode())
    assert_json_equal(GROUP_JSON, GROUP_JSON)


def test_xml_paths_follow_the_contracts():
    actual = nc.to_xml(edited_group(), indent=True)
    assert [str(d) for d in xml_differences(actual, GROUP_XML)] == [
        "Name: expected 'sample string 2', got nil",
        "Vehicles[0].Brand: expected 'sample string 19', got 'Renault'",
        "Vehicles[0].ExternalInterfaces: expected 2 items, got 1",
        "Vehicles[0].ExternalInterfaces[1]: missing"
        " (expected <ExternalInterfaceHeaderDto> with 3 child elements)",
    ]


def test_json_paths():
    actual = nc.to_json(edited_group(), indent=True)
    assert [str(d) for d in json_differences(actual, GROUP_JSON)] == [
        'Name: expected "sample string 2" (string), got null (null)',
        "Vehicles[0].ExternalInterfaces: expected 2 items, got 1",
        'Vehicles[0].ExternalInterfaces[1]: missing (expected {"Id":"5f6d9004-086b-4863-'
        'ba12-3de9cdbfc8a9","CustomerId":"…)',
        'Vehicles[0].Brand: expected "sample string 19", got "Renault"',
    ]


def test_a_single_item_list_is_still_a_list_when_the_contract_says_so():
    response = nc.from_xml(RESPONSE_XML, ResponseDto)
    one = nc.to_xml(attrs.evolve(response, errors=["x"]), indent=True)
    other = nc.to_xml(attrs.evolve(response, errors=["y"]), indent=True)
    assert [str(d) for d in xml_differences(one, other)] == ["Errors[0]: expected 'y', got 'x'"]


def test_xml_i_type_nil_and_order():
    base = nc.to_xml(nc.help_page_sample(ResponseDto[CustomerGroupDto]))
    as_guid = nc.to_xml(attrs.evolve(nc.help_page_sample(ResponseDto), data=nc.EMPTY_GUID))
    found = [str(d) for d in xml_differences(as_guid, base)]
    assert found[0].startswith("Data: attribute i:type: expected 'd2p1:CustomerGroupDto'")
    # the same i:type behind other prefixes is the same type
    assert (
        xml_differences(
            b'<R xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:a="urn:t">'
            b'<D i:type="a:T">1</D></R>',
            b'<R xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:b="urn:t">'
            b'<D i:type="b:T">1</D></R>',
            exact=False,
        )
        == []
    )
    assert xml_differences(b"<a><b>1</b><c/></a>", b"<a><c/><b>1</b></a>") == [
        Difference("", "elements in another order: expected c, b; got b, c")
    ]
    assert [str(d) for d in xml_differences(b"<a><b>1</b></a>", b"<a><c>1</c></a>")] == [
        "c: missing (expected '1')",
        "b: unexpected element (got '1')",
    ]


def test_unknown_documents_use_repeated_names_as_items():
    assert [
        str(d) for d in xml_differences(b"<r><x>1</x><x>3</x></r>", b"<r><x>1</x><x>2</x></r>")
    ] == ["[1]: expected '2', got '3'"]


def test_prefixes_and_layout_differ_only_in_exact_mode():
    a = b'<a xmlns:x="urn:x"><x:b>1</x:b></a>'
    b = b'<a xmlns:y="urn:x"><y:b>1</y:b></a>'
    assert xml_differences(a, b, exact=False) == []
    (only,) = xml_differences(a, b)
    assert only.message.startswith("same content, other bytes from byte 9 (line 1, column 10")
    assert json_differences('{"a":1.0}', '{"a":1.00}', exact=False) == []
    assert [str(d) for d in json_differences('{"a":1.0}', '{"a":1.00}')] == [
        "a: expected 1.00, got 1.0"
    ]
    (escape,) = json_differences('{"a":"\\u00e9"}', '{"a":"é"}')
    assert escape.message.startswith("same content, other bytes from byte 6")


def test_json_order_duplicates_and_kinds():
    assert [str(d) for d in json_differences('{"b":1,"a":2}', '{"a":2,"b":1}')] == [
        "<root>: members in another order: expected a, b; got b, a"
    ]
    assert [str(d) for d in json_differences('{"a":1,"a":1}', '{"a":1}')] == ["a: appears 2 times"]
    assert [str(d) for d in json_differences("[1,2,3]", "[1]")] == [
        "<root>: expected 1 item, got 3",
        "[1]: unexpected item (got 2)",
        "[2]: unexpected item (got 3)",
    ]


def test_broken_payloads_are_one_difference():
    (bad_xml,) = xml_differences(b"<a", b"<a/>")
    assert bad_xml.message.startswith("actual is not well-formed XML")
    (bad_json,) = json_differences(b"{}", b"{")
    assert bad_json.message.startswith("expected is not valid JSON")
    with pytest.raises(TypeError, match="actual must be bytes or str"):
        xml_differences(None, b"<a/>")  # type: ignore[arg-type]


def test_long_reports_are_cut():
    many = ",".join(f'"m{i}":{i}' for i in range(MAX_SHOWN + 5))
    with pytest.raises(AssertionError) as info:
        assert_json_equal("{" + many + "}", "{}")
    lines = str(info.value).splitlines()
    assert lines[0] == f"JSON payloads differ: {MAX_SHOWN + 5} differences"
    assert len(lines) == MAX_SHOWN + 2
    assert lines[-1] == "  ... and 5 more"
    assert re.fullmatch(r"  m0: unexpected member \(got 0\)", lines[1])


# ------------------------------------------------------------------------- the README example


def test_the_readme_example_runs_green(pytester):
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using netcontract in your tests", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert code.startswith("# test_fleet.py")
    pytester.makepyfile(test_fleet=code)
    pytester.runpytest().assert_outcomes(passed=3)
