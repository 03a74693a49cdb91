"""``dict[K, V]`` against the real .NET on Mono, beyond test_edge_contracts' ``Edge.A.Maps``
cases (which prove XML, Json.NET and every JsonSettings combination byte for byte):

- the bytes ``tests/netcontract/test_dictionaries.py`` pins (``data/mono_dictionaries.txt``)
  are what ``dotnet/DictProbe.cs`` prints on Mono today;
- dictionaries drawn by ``netcontract.strategies`` are read by DataContractSerializer and
  Json.NET and written back byte for byte, compact and indented, and netcontract reads .NET's
  four outputs back to the same value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.strategies import for_type

from ._csharp import compile_program, run_program
from ._mono import DotNetTwin, mono_available, mono_unavailable_reason
from .edge_models import Maps

pytestmark = pytest.mark.interop

PINNED = Path(__file__).resolve().parents[1] / "netcontract" / "data" / "mono_dictionaries.txt"
DRAWN = 150


def test_pinned_dictionary_bytes_are_what_mono_writes(tmp_path: Path) -> None:
    if not mono_available():
        pytest.skip(mono_unavailable_reason())
    exe = compile_program("DictProbe", tmp_path)
    assert run_program(exe, tz="UTC").decode("utf-8") == PINNED.read_text("utf-8")


def _drawn(count: int) -> list[Any]:
    drawn: list[Any] = []

    @seed(14)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(for_type(Maps, local_offsets=st.just(0), object_contracts=()))
    def collect(value: Any) -> None:
        # (the object member is left out: the twin does not know the test modules' contracts;
        # test_edge_contracts puts values in it. object_contracts=() keeps the draws the
        # same whatever contracts the other test modules of the session declared: with more
        # of them, seed 14 drew a NaN, which != itself)
        # (and -0.0, which .NET reads as +0 and Json.NET on .NET Framework writes as 0.0:
        # README, "Behaviours chosen where .NET is lossy"; test_edge_contracts has its cases)
        by_bool = value.by_bool and {k: v if v != 0 else 0.0 for k, v in value.by_bool.items()}
        drawn.append(attrs.evolve(value, objects=None, by_bool=by_bool))

    collect()
    return drawn


def test_drawn_dictionaries_are_written_and_read_as_dotnet_does(dotnet: DotNetTwin) -> None:
    values = _drawn(DRAWN)
    requests = []
    for value in values:
        requests.append(("Edge.A.Maps", "xml", nc.to_xml(value)))
        requests.append(("Edge.A.Maps", "json", nc.to_json(value)))
    results = dotnet.roundtrip_many(requests)
    failures = []
    for index, value in enumerate(values):
        # each format against its own (across formats, Json.NET's decimal "426.0" keeps a
        # scale .NET then writes in XML: test_edge_contracts' json_obj cases)
        for fmt, result in zip(("xml", "json"), results[2 * index : 2 * index + 2], strict=True):
            assert result.read_error is None, (result.read_error, nc.to_json(value))
            write, read = (nc.to_xml, nc.from_xml) if fmt == "xml" else (nc.to_json, nc.from_json)
            for indent in (False, True):
                ours = write(value, indent=indent)
                theirs = getattr(result, fmt + ("_indent" if indent else ""))
                if theirs != ours:
                    failures.append(f"{fmt} {indent}: ours {ours!r}\n  Mono {theirs!r}")
                elif read(theirs, Maps) != value:
                    failures.append(f"{fmt}: read back differs: {theirs!r}")
    assert not failures, "\n".join(failures[:3]) + f"\n({len(failures)} mismatches)"
