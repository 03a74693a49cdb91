"""Enums in ``object`` members, and collection contracts of enums as the document, against
Json.NET 6.0.8 on Mono: ``dotnet/ObjectEnums.cs`` writes each case of
``object_enum_models.CASES`` with StringEnumConverter (plain, then ``CamelCaseText``) and
without it; netcontract writes the same bytes. The lines are pinned without Mono in
``tests/netcontract/json/test_object_member_enums.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import netcontract as nc

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available
from .object_enum_models import CASES

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

CONVERTER = nc.JsonSettings(string_enum_converter=True)
CAMEL_TEXT = nc.JsonSettings(string_enum_converter=True, string_enum_camel_case_text=True)


def test_enums_are_written_as_json_net_writes_them(tmp_path: Path) -> None:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    exe = compile_program("ObjectEnums", tmp_path)
    lines = run_program(exe).decode().splitlines()
    ours = [
        " | ".join(
            [
                name,
                nc.to_json(value, settings=CONVERTER).decode(),
                nc.to_json(value, settings=CAMEL_TEXT).decode(),
                nc.to_json(value).decode(),
            ]
        )
        for name, value in CASES.items()
    ]
    assert lines == ours
