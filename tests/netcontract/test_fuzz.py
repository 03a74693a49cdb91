"""Fuzzing the readers: for any bytes, the only exceptions are netcontract's own.

CI runs a share of the examples; a dedicated run sets NETCONTRACT_FUZZ_EXAMPLES, e.g.

    NETCONTRACT_FUZZ_EXAMPLES=50000 python3 dev.py test tests/netcontract/test_fuzz.py

(two tests, so 100,000 inputs in all).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcontract as nc
from vehizen import CustomerGroupDto, ResponseDto, VehicleLightDto

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXAMPLES = int(os.environ.get("NETCONTRACT_FUZZ_EXAMPLES", "1500"))
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.json")) + sorted(FIXTURES.glob("*.xml"))]
TYPES = [CustomerGroupDto, ResponseDto, VehicleLightDto, ResponseDto[CustomerGroupDto]]

# fragments that reach the interesting branches: entities, DTDs, bad characters, numbers, nils
TOKENS = [
    b"<!DOCTYPE x [<!ENTITY e 'v'>]>",
    b"&e;",
    b"&#x1;",
    b"&#xD800;",
    b"&#xD;",
    b"<![CDATA[x]]>",
    b' i:nil="true"',
    b' i:type="d2p1:guid"',
    b' xmlns:d2p1="http://www.w3.org/2001/XMLSchema"',
    b"\xff",
    b"\xed\xa0\x80",
    b"\x00",
    b'"\\ud800"',
    b"1e400",
    b"NaN",
    b"-0",
    b"2147483648",
    b"9" * 50,
    b"null",
    b'"$type"',
    b"[[[[[[[[",
    b"{}",
    b'""',
    b"<x>",
    b"</x>",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "token"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "replace":
            data[position : position + 1] = draw(st.binary(min_size=1, max_size=1))
        else:
            data[position:position] = draw(st.sampled_from(TOKENS))
    return bytes(data)


def _read_all_ways(data: bytes) -> None:
    for read in (
        lambda: nc.from_xml(data),
        *(lambda cls=cls: nc.from_xml(data, cls) for cls in TYPES),
        *(lambda cls=cls: nc.from_json(data, cls) for cls in TYPES),
        lambda: nc.from_xml(data, strict=True),
    ):
        try:
            obj = read()
        except nc.NetContractError as exc:
            assert str(exc)  # every refusal says something
            continue
        # what was read can be written back, or is refused with our own error
        for write in (nc.to_json, nc.to_xml):
            with contextlib.suppress(nc.SerializationError):
                write(obj)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@FUZZ
@given(st.one_of(mutated(), st.binary(max_size=200)))
def test_mutated_and_random_bytes_raise_only_netcontract_errors(data: bytes) -> None:
    _read_all_ways(data)


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["Vehicles", "IdWS", "Name", "Data", "Errors", "Id", "x", "$ref"]),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_arbitrary_json_values_raise_only_netcontract_errors(value: object) -> None:
    import json

    try:
        data = json.dumps(value).encode("utf-8", "surrogatepass")
    except ValueError:
        return
    _read_all_ways(data)
