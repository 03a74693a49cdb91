"""Collection contracts as the document against Mono, live (``dotnet/CollectionRoots.cs``, whose
classes are ``collection_root_models.py``'s twins): Mono's bytes through XmlWriter and
``WriteObject(Stream)`` are the ones ``collection_root_models.PINNED`` holds (which the unit
tests pin, tests/netcontract/xml/test_write_rules.py), netcontract writes them and reads them
back."""

from __future__ import annotations

import base64

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .collection_root_models import PINNED, samples

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]


@pytest.fixture(scope="module")
def mono(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, ...]]:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe = compile_program("CollectionRoots", tmp_path_factory.mktemp("collection-roots"))
    found: dict[str, tuple[str, ...]] = {}
    for line in run_program(exe).decode().splitlines():
        name, *parts = line.split(" ")
        found[name] = tuple(base64.b64decode(part).decode() for part in parts)
    return found


def test_every_sample_is_run() -> None:
    assert set(PINNED) == set(samples())


@pytest.mark.parametrize("case", sorted(PINNED))
def test_a_collection_contract_root_is_written_as_mono_writes_it(
    mono: dict[str, tuple[str, ...]], case: str
) -> None:
    assert mono[case] == PINNED[case]
    value, known = samples()[case]
    writer, stream, indented = PINNED[case]
    assert nc.to_xml(value, known_types=known) == writer.encode()
    assert nc.to_xml(value, known_types=known, layout="stream") == stream.encode()
    assert nc.to_xml(value, known_types=known, indent=True) == indented.encode()
    for data in (writer, stream, indented):
        back = nc.from_xml(data.encode(), type(value), known_types=known)
        assert type(back) is type(value)
        assert back == value
