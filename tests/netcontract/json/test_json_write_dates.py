"""DateTime members written with ``date_format_handling="MicrosoftDateFormat"``: a member of
type DateTime, a list of them and an ``object`` member holding one.

The token is Json.NET 6.0.8's on Mono for 2024-01-02T03:04:05Z (JsonSettingsProbe.cs, pinned
in ``test_settings.py::test_microsoft_date_format``); every member writes the same token
(``tests/interop/test_json_settings_interop.py`` runs the "microsoft-dates" settings over the
edge contracts' dates).
"""

from __future__ import annotations

import pytest

import netcontract as nc

AT = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=nc.DateTimeKind.UTC)
TOKEN = b'"\\/Date(1704164645000)\\/"'


@nc.contract("JsonWrite.Dates")
class Dated:
    at: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    ats: list[nc.DateTime] | None = nc.member("L", default=None)
    o: object = nc.member("O", default=None)


@pytest.mark.falls_back
def test_microsoft_dates_in_every_kind_of_member() -> None:
    settings = nc.JsonSettings(date_format_handling="MicrosoftDateFormat")
    value = Dated(at=AT, ats=[AT], o=AT)
    assert nc.to_json(value, settings=settings) == (
        b'{"D":' + TOKEN + b',"L":[' + TOKEN + b'],"O":' + TOKEN + b"}"
    )
    iso = b'"2024-01-02T03:04:05Z"'
    assert nc.to_json(value) == b'{"D":' + iso + b',"L":[' + iso + b'],"O":' + iso + b"}"
