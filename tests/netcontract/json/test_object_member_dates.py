"""ISO date strings in an ``object`` member, as Json.NET 6.0.8 reads them (DateParseHandling).

Mono (TZ=UTC): ``JsonConvert.DeserializeObject`` of ``{"Data": text}`` into a class whose ``Data``
is ``object`` gives a DateTime for an offset with or without its colon (``+00:00``, ``+0000``) or
without minutes (``+00``), and keeps the string for ``+000`` and ``+00:0``. netcontract reads such a
date keeping its offset (README, "Behaviours chosen where .NET is lossy": Json.NET converts it to
the server's zone), so ``+hhmm`` and ``+hh`` are read as ``+hh:mm``. Live proof:
``tests/interop/test_conformance.py::test_date_like_strings_in_object_members``.
"""

from __future__ import annotations

import pytest

import netcontract as nc
from netcontract.clr.datetime import parse_datetime
from vehizen import ResponseDto


def _data(text: str, engine_path: str) -> object:
    return nc.from_json(b'{"Data":"' + text.encode() + b'"}', ResponseDto).data


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("2024-01-02T03:04:05+0000", "2024-01-02T03:04:05+00:00"),
        ("2024-01-02T03:04:05+00", "2024-01-02T03:04:05+00:00"),
        ("2024-01-02T03:04:05-0530", "2024-01-02T03:04:05-05:30"),
        ("2024-01-02T03:04:05.1234567-0530", "2024-01-02T03:04:05.1234567-05:30"),
        ("2024-01-02T03:04:05.5+14", "2024-01-02T03:04:05.5+14:00"),
    ],
)
def test_offsets_without_colon_or_minutes_are_dates(engine_path, text, same_as):
    value = _data(text, engine_path)
    assert value == parse_datetime(same_as)
    # written back as Json.NET writes a DateTime with an offset: with its colon
    assert nc.to_json(ResponseDto(data=value)).endswith(f'"Data":"{same_as}"}}'.encode())


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-02T03:04:05+000",  # Mono: a string (three digits)
        "2024-01-02T03:04:05+0",
        "2024-01-02T03:04:05+00:0",  # Mono: a string
        "2024-01-02T03:04:05Z+0000",
        "2024-01-02T03:04:05+00000",
        "2024-13-02T03:04:05+0000",  # no such month: a string for Json.NET too
    ],
)
def test_other_offset_forms_stay_strings(engine_path, text):
    assert _data(text, engine_path) == text
