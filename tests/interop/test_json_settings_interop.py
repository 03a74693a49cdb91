"""``JsonSettings`` against Json.NET 6.0.8 on Mono (the twin runs with TZ=UTC, so the server's
offset is ``local_utc_offset_minutes=0``).

For every settings combination below (each setting alone, and the combinations real servers
use) and every edge case of ``test_edge_contracts`` plus the help page's ``CustomerGroupDto``:

- netcontract writes the object with the settings, compact and indented; Json.NET, configured
  the same way, reads netcontract's bytes and writes them back identical;
- netcontract reads what Json.NET wrote with the same settings and writes it back identical
  (nothing read is lost or changed);
- documents one refuses, the other refuses (``missing_member_handling="Error"``).

Non-default settings are written and read by the reference code: these tests are marked
``falls_back``; ``test_settings_fall_back_visibly`` shows the fallback.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import netcontract as nc
from netcontract import codegen
from vehizen import CustomerGroupDto

from ._mono import DotNetTwin, TwinResult
from .edge_models import CLR_NAMES, Box, Color, Dates, Doubles, Holder, Lists, Maps
from .test_edge_contracts import AT_LOCAL, AT_UNSPECIFIED, AT_UTC, CASES

pytestmark = [pytest.mark.interop, pytest.mark.falls_back]

UTC = nc.DateTimeKind.UTC

#: each setting alone, then the combinations servers are configured with
SETTINGS: dict[str, dict[str, Any]] = {
    "camel-case": {"contract_resolver": "CamelCase"},
    "string-enums": {"string_enum_converter": True},
    "string-enums-camel-text": {"string_enum_converter": True, "string_enum_camel_case_text": True},
    "ignore-nulls": {"null_value_handling": "Ignore"},
    "ignore-defaults": {"default_value_handling": "Ignore"},
    "populate": {"default_value_handling": "Populate"},
    "ignore-and-populate": {"default_value_handling": "IgnoreAndPopulate"},
    "missing-member-error": {"missing_member_handling": "Error"},
    "microsoft-dates": {"date_format_handling": "MicrosoftDateFormat"},
    "utc": {"date_time_zone_handling": "Utc"},
    "local": {"date_time_zone_handling": "Local"},
    "unspecified": {"date_time_zone_handling": "Unspecified"},
    "float-symbol": {"float_format_handling": "Symbol"},
    "float-default-value": {"float_format_handling": "DefaultValue"},
    "indented": {"formatting": "Indented"},
    # ASP.NET Web API's most common configuration
    "web-api": {
        "contract_resolver": "CamelCase",
        "string_enum_converter": True,
        "null_value_handling": "Ignore",
    },
    "web-api-camel-text": {
        "contract_resolver": "CamelCase",
        "string_enum_converter": True,
        "string_enum_camel_case_text": True,
        "null_value_handling": "Ignore",
        "default_value_handling": "Ignore",
    },
    "microsoft-dates-utc": {
        "date_format_handling": "MicrosoftDateFormat",
        "date_time_zone_handling": "Utc",
    },
    "microsoft-dates-local-symbols": {
        "date_format_handling": "MicrosoftDateFormat",
        "date_time_zone_handling": "Local",
        "float_format_handling": "Symbol",
        "missing_member_handling": "Error",
    },
}

#: objects whose values the settings change most, beyond test_edge_contracts' cases
EXTRA: dict[str, Any] = {
    "doubles-non-finite-all": Doubles(
        d=float("-inf"), nd=float("nan"), many=[float("inf"), 0.5, float("nan")]
    ),
    "dates-kinds": Dates(at=AT_UNSPECIFIED, maybe=AT_LOCAL),
    "dates-utc-before-1970": Dates(
        at=nc.DateTime.from_parts(1969, 12, 31, 23, 59, 59, 9_995_000, kind=UTC), maybe=AT_UTC
    ),
    "dates-max": Dates(at=nc.DateTime(3_155_378_975_999_999_999), maybe=nc.MIN_DATETIME),
    "lists-of-dates-and-enums": Lists(
        dates=[AT_UTC, AT_LOCAL, AT_UNSPECIFIED],
        colors=[Color.Minus, Color(3), Color.Blue],
        doubles=[float("nan"), -1.5],
    ),
    "object-members": Box(thing=AT_UNSPECIFIED, after=None),
    "object-enum": Box(thing=Color.Green, after="a"),
    "object-double": Box(thing=float("inf")),
    "customer-group": nc.help_page_sample(CustomerGroupDto),
}

OBJECTS: dict[str, Any] = {case.id: case.obj for case in CASES} | EXTRA

#: Json.NET applies DateTimeZoneHandling to the DateTime dictionary keys it reads, not to those
#: it writes (Mono), so it does not echo its own keys under these settings:
#: test_datetime_keys_are_converted_on_reading_only
_ZONE_SETTINGS: frozenset[str] = frozenset(
    name for name, values in SETTINGS.items() if "date_time_zone_handling" in values
)


def _twin_name(obj: Any) -> str:
    cls = type(obj)
    return "CustomerGroupDto" if cls is CustomerGroupDto else CLR_NAMES[cls]


#: netcontract refused to write the object: the test checks Json.NET refuses it too
_REFUSED: Any = b"refused"


def _write(obj: Any, settings: nc.JsonSettings, indent: bool = False) -> bytes:
    try:
        return nc.to_json(obj, settings=settings, indent=indent)
    except nc.SerializationError as exc:
        # two members one camel-case name (Names: "z" and "Z"): Json.NET refuses the class
        assert "camel-case contract resolver" in str(exc)
        return _REFUSED


@pytest.fixture(scope="module")
def default_echoes(dotnet: DotNetTwin) -> dict[str, bool]:
    """Whether Json.NET with default settings echoes netcontract's bytes of each object (the
    few it does not, -0.0 and the lost runtime types of object members, are
    test_edge_contracts' business)."""
    ids = list(OBJECTS)
    # (module fixtures run outside the falls_back marker's context: emit_default_value=False
    # contracts are written by the reference writer)
    with codegen._no_fallback(False):
        payloads = [nc.to_json(OBJECTS[i]) for i in ids]
    results = dotnet.roundtrip_many(
        [(_twin_name(OBJECTS[i]), "json", p) for i, p in zip(ids, payloads, strict=True)]
    )
    return {i: r.json == p for i, p, r in zip(ids, payloads, results, strict=True) if r.ok}


@pytest.fixture(scope="module")
def echoes(
    dotnet: DotNetTwin, default_echoes: dict[str, bool]
) -> dict[tuple[str, str], tuple[bytes, bytes, TwinResult]]:
    """(settings, object) -> (netcontract compact, indented, what Json.NET did with compact)."""
    found: dict[tuple[str, str], tuple[bytes, bytes, TwinResult]] = {}
    with codegen._no_fallback(False):  # (see default_echoes)
        for name, values in SETTINGS.items():
            _echo_settings(dotnet, default_echoes, name, values, found)
    return found


def _echo_settings(
    dotnet: DotNetTwin,
    default_echoes: dict[str, bool],
    name: str,
    values: dict[str, Any],
    found: dict[tuple[str, str], tuple[bytes, bytes, TwinResult]],
) -> None:
    """Send every object written with one settings combination to Json.NET so configured."""
    settings = nc.JsonSettings.from_mapping(values)
    keys, requests, written = [], [], []
    for oid, obj in OBJECTS.items():
        if not default_echoes.get(oid) or (oid == "maps" and name in _ZONE_SETTINGS):
            continue
        compact = _write(obj, settings)
        indented = _write(obj, settings, indent=True)
        keys.append((name, oid))
        written.append((compact, indented))
        # a class Json.NET refuses: sent with default names, which it refuses to read
        payload = nc.to_json(obj) if compact is _REFUSED else compact
        requests.append((_twin_name(obj), "json", payload))
    results = dotnet.roundtrip_many(requests, json_settings=values)
    for key, (compact, indented), result in zip(keys, written, results, strict=True):
        found[key] = (compact, indented, result)


@pytest.mark.parametrize("name", list(SETTINGS))
def test_jsonnet_writes_back_netcontract_bytes(echoes, name: str) -> None:
    """Json.NET, configured alike, reads netcontract's bytes and writes them back identical,
    compact and indented (Mono)."""
    checked = 0
    for (settings_name, oid), (compact, indented, result) in echoes.items():
        if settings_name != name:
            continue
        if compact is _REFUSED:
            assert result.read_error is not None and "already exists" in result.read_error, oid
            continue
        if result.read_error is not None:
            # a required member left out as null (Ignore): Json.NET cannot read its own
            # output either (test_required_null_left_out_is_refused_on_both_sides)
            assert "Required property" in result.read_error, (oid, result.read_error)
            with pytest.raises(nc.JsonPayloadError, match="required"):
                nc.from_json(compact, type(OBJECTS[oid]), settings=settings_of(name))
            continue
        want_compact = indented if name == "indented" else compact
        assert result.json == want_compact, oid
        assert result.json_indent == indented, oid
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("name", list(SETTINGS))
def test_netcontract_reads_jsonnet_bytes(echoes, name: str) -> None:
    """netcontract reads Json.NET's output (compact and indented) with the same settings and
    writes it back identical: nothing read was lost or changed."""
    settings = nc.JsonSettings.from_mapping(SETTINGS[name])
    for (settings_name, oid), (compact, _, result) in echoes.items():
        if settings_name != name or compact is _REFUSED or result.read_error is not None:
            continue
        cls = type(OBJECTS[oid])
        for out in (result.json, result.json_indent):
            assert isinstance(out, bytes), oid
            obj = nc.from_json(out, cls, settings=settings)
            assert nc.to_json(obj, settings=settings, indent=out is result.json_indent) == out, oid


def settings_of(name: str) -> nc.JsonSettings:
    return nc.JsonSettings.from_mapping(SETTINGS[name])


def _jsonnet(dotnet: DotNetTwin, cls: type, payload: bytes, values: dict[str, Any]) -> TwinResult:
    (result,) = dotnet.roundtrip_many([(_twin_name_of(cls), "json", payload)], json_settings=values)
    return result


def _twin_name_of(cls: type) -> str:
    return "CustomerGroupDto" if cls is CustomerGroupDto else CLR_NAMES[cls]


def test_jsonnet_facts_pinned(dotnet: DotNetTwin) -> None:
    """The bytes the unit tests pin (tests/netcontract/json/test_settings.py), from Json.NET."""
    obj = Dates(at=AT_UTC, maybe=AT_LOCAL)
    values: dict[str, Any] = {"date_format_handling": "MicrosoftDateFormat"}
    result = _jsonnet(dotnet, Dates, nc.to_json(obj), values)
    assert result.json == (
        b'{"At":"\\/Date(1704164645120)\\/","Maybe":"\\/Date(946684799000+0000)\\/",'
        b'"Id":"00000000-0000-0000-0000-000000000000","MaybeId":null}'
    )
    result = _jsonnet(
        dotnet,
        Doubles,
        nc.to_json(EXTRA["doubles-non-finite-all"]),
        {"float_format_handling": "Symbol"},
    )
    assert result.json == b'{"D":-Infinity,"ND":NaN,"Many":[Infinity,0.5,NaN]}'
    result = _jsonnet(
        dotnet,
        Doubles,
        nc.to_json(EXTRA["doubles-non-finite-all"]),
        {"float_format_handling": "DefaultValue"},
    )
    assert result.json == b'{"D":0.0,"ND":null,"Many":[0.0,0.5,0.0]}'


@pytest.mark.parametrize(
    ("document", "values"),
    [
        (b'{"Title":"t","Unknown":1}', {"missing_member_handling": "Error"}),
        (b'{"title":"t","other":{"name":"x","extra":[]}}', {"missing_member_handling": "Error"}),
        (b'{"Other":{"Colors":["Nope"]}}', {"string_enum_converter": True}),
        (b'{"Other":{"Colors":[null]}}', {"null_value_handling": "Ignore"}),
    ],
)
def test_refused_as_jsonnet_refuses(
    dotnet: DotNetTwin, document: bytes, values: dict[str, Any]
) -> None:
    """What Json.NET refuses with these settings, netcontract refuses, naming the member."""
    result = _jsonnet(dotnet, Holder, document, values)
    assert result.read_error is not None
    with pytest.raises(nc.JsonPayloadError):
        nc.from_json(document, Holder, settings=nc.JsonSettings.from_mapping(values))


@pytest.mark.parametrize(
    ("document", "values"),
    [
        # names in another case (camelCase documents with the default resolver, and back)
        (b'{"title":"t","other":{"NAME":"x"}}', {}),
        (b'{"Title":"t"}', {"contract_resolver": "CamelCase"}),
        # a null where none is allowed is not read with NullValueHandling.Ignore
        (b'{"Title":null,"Other":{"Far":null,"Colors":[1]}}', {"null_value_handling": "Ignore"}),
        # Microsoft dates are read with either date format (Json.NET reads both)
        (b'{"Title":"x"}', {"date_format_handling": "MicrosoftDateFormat"}),
    ],
)
def test_accepted_as_jsonnet_accepts(
    dotnet: DotNetTwin, document: bytes, values: dict[str, Any]
) -> None:
    result = _jsonnet(dotnet, Holder, document, values)
    assert result.read_error is None, result.read_error
    settings = nc.JsonSettings.from_mapping(values)
    obj = nc.from_json(document, Holder, settings=settings)
    assert nc.to_json(obj, settings=settings) == result.json


def test_null_for_a_value_type_is_skipped_with_ignore(dotnet: DotNetTwin) -> None:
    """NullValueHandling.Ignore: a null for an Int32 keeps the default (Mono reads it; without
    the setting both refuse it)."""
    document = b'{"D":null,"Many":[1.5]}'
    ignore = {"null_value_handling": "Ignore"}
    assert _jsonnet(dotnet, Doubles, document, ignore).read_error is None
    assert _jsonnet(dotnet, Doubles, document, {}).read_error is not None
    assert nc.from_json(
        document, Doubles, settings=nc.JsonSettings.from_mapping(ignore)
    ) == Doubles(many=[1.5])
    with pytest.raises(nc.JsonPayloadError):
        nc.from_json(document, Doubles)


def test_microsoft_dates_read_with_offsets(dotnet: DotNetTwin) -> None:
    """``/Date(ms+hhmm)/``: the instant is the milliseconds; the offset makes it Local. Json.NET
    converts it into the server's zone (UTC here: it writes +0000 back); netcontract keeps
    the offset read (README, "Behaviours chosen where .NET is lossy"), and with
    ``date_time_zone_handling="Local"`` converts it as Json.NET does."""
    document = b'{"At":"\\/Date(1704164645000+0200)\\/","Maybe":"/Date(-1000)/"}'
    values: dict[str, Any] = {"date_format_handling": "MicrosoftDateFormat"}
    result = _jsonnet(dotnet, Dates, document, values)
    assert result.json == (
        b'{"At":"\\/Date(1704164645000+0000)\\/","Maybe":"\\/Date(-1000)\\/",'
        b'"Id":"00000000-0000-0000-0000-000000000000","MaybeId":null}'
    )
    settings = nc.JsonSettings.from_mapping(values)
    ours = nc.from_json(document, Dates, settings=settings)
    assert ours.at == nc.DateTime.from_parts(
        2024, 1, 2, 5, 4, 5, kind=nc.DateTimeKind.LOCAL, offset_minutes=120
    )
    assert nc.to_json(ours, settings=settings) == result.json.replace(b"+0000", b"+0200")
    local = {**values, "date_time_zone_handling": "Local"}
    result = _jsonnet(dotnet, Dates, document, local)
    local_settings = nc.JsonSettings.from_mapping(local)
    ours = nc.from_json(document, Dates, settings=local_settings)
    assert nc.to_json(ours, settings=local_settings) == result.json


def test_settings_fall_back_visibly() -> None:
    """Non-default settings are honoured by the reference code, and the conversion says so:
    with fallbacks forbidden it fails naming JsonSettings. Default settings keep the
    generated paths."""
    obj = EXTRA["customer-group"]
    camel = nc.JsonSettings(contract_resolver="CamelCase")
    with codegen._no_fallback(True):
        with pytest.raises(codegen.FallbackForbidden, match="JsonSettings"):
            nc.to_json(obj, settings=camel)
        data = nc.to_json(obj)
        with pytest.raises(codegen.FallbackForbidden, match="JsonSettings"):
            nc.from_json(data, CustomerGroupDto, settings=camel)
        assert nc.to_json(obj, settings=nc.JsonSettings()) == data
        assert nc.from_json(data, CustomerGroupDto, settings=nc.JsonSettings()) == obj


@pytest.mark.parametrize(
    "values", [{"null_value_handling": "Ignore"}, {"default_value_handling": "Ignore"}]
)
def test_required_null_left_out_is_refused_on_both_sides(
    dotnet: DotNetTwin, values: dict[str, Any]
) -> None:
    """A required member holding null (or its default) is left out by Json.NET with Ignore, and
    then Json.NET refuses its own document: netcontract writes the same bytes and refuses
    them the same way."""
    from .edge_models import Required

    obj = Required()
    (result,) = dotnet.roundtrip_many(
        [(CLR_NAMES[Required], "xml", nc.to_xml(obj))], json_settings=values
    )
    settings = nc.JsonSettings.from_mapping(values)
    assert result.json == nc.to_json(obj, settings=settings)
    assert isinstance(result.json, bytes)
    assert _jsonnet(dotnet, Required, result.json, values).read_error is not None
    with pytest.raises(nc.JsonPayloadError, match="required"):
        nc.from_json(result.json, Required, settings=settings)


@nc.contract("Settings.Probe")
class ProbeColour(nc.ContractEnum):
    Red = 0
    DarkBlue = 1
    URLKind = 2


@nc.contract("Settings.Probe")
class ProbeTwin:
    """``Probe`` of dotnet/JsonSettingsProbe.cs."""

    id: nc.Int32 = nc.member("ID", default=0)
    url: str | None = nc.member("URLValue", default=None)
    id_ws: nc.Int32 | None = nc.member("IdWS", default=None)
    colour: ProbeColour = nc.member("Color", default=ProbeColour.Red)
    colour2: ProbeColour | None = nc.member("Color2", default=None)
    at: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    f: float = nc.member("F", default=0.0)
    g: float | None = nc.member("G", default=None)
    o: object = nc.member("O", default=None)


@nc.contract("Settings.Probe")
class NamesTwin:
    a: str | None = nc.member("A", default=None)
    x: str | None = nc.member("_x", default=None)
    b: str | None = nc.member("ABCdef", default=None)
    c: str | None = nc.member("HTMLParser2", default=None)
    d: str | None = nc.member("IDs", default=None)


def _o_format(value: nc.DateTime) -> str:
    """DateTime.ToString("o")."""
    text = value.isoformat()
    base, suffix = text[:19], text[19:]
    if suffix.startswith("."):
        suffix = suffix.lstrip(".0123456789")
    return f"{base}.{value.tick_fraction:07d}{suffix}"


def _netcontract_lines(paris: int) -> list[str]:
    """What netcontract gives for each line JsonSettingsProbe.cs prints."""
    from netcontract.json.settings import ensure_datetime, format_microsoft_date

    probe = ProbeTwin(
        id=5,
        url="u",
        colour=ProbeColour.URLKind,
        colour2=ProbeColour(7),
        at=nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC),
        f=float("nan"),
        g=float("inf"),
        o=float("-inf"),
    )
    web = nc.JsonSettings(
        contract_resolver="CamelCase",
        null_value_handling="Ignore",
        string_enum_converter=True,
        string_enum_camel_case_text=True,
    )
    lines = [
        nc.to_json(probe, settings=web).decode(),
        nc.to_json(NamesTwin(), settings=nc.JsonSettings(contract_resolver="CamelCase")).decode(),
        nc.to_json(probe, settings=evolve(web, float_format_handling="Symbol")).decode(),
        nc.to_json(probe, settings=evolve(web, float_format_handling="DefaultValue")).decode(),
    ]
    local = nc.DateTimeKind.LOCAL
    dates = [
        nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC),
        nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=local, offset_minutes=paris),
        nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5),
        nc.MIN_DATETIME,
        nc.DateTime.from_parts(1969, 12, 31, 23, 59, 59, 9_995_000, kind=UTC),
    ]
    ms = nc.JsonSettings(date_format_handling="MicrosoftDateFormat", local_utc_offset_minutes=paris)
    lines += [format_microsoft_date(d, ms) for d in dates]
    texts = [
        '"2024-01-02T03:04:05Z"',
        '"2024-01-02T03:04:05+02:00"',
        '"2024-01-02T03:04:05"',
        '"\\/Date(1704164645000)\\/"',
        '"\\/Date(1704164645000+0200)\\/"',
    ]
    for handling in ("Utc", "Local", "Unspecified", "RoundtripKind"):
        settings = nc.JsonSettings(
            date_time_zone_handling=handling,  # type: ignore[arg-type]
            date_format_handling="MicrosoftDateFormat",
            local_utc_offset_minutes=paris,
        )
        written = [f'"{ensure_datetime(d, settings).isoformat()}"' for d in dates[:3]]
        lines.append(f"{handling}: " + " ".join(written))
        for text in texts:
            value = nc.from_json(f'{{"D":{text}}}'.encode(), ProbeTwin, settings=settings).at
            if handling == "RoundtripKind" and value.kind is local:
                # netcontract keeps the offset read; .NET converts it into its zone: the same
                # instant, shown as .NET shows it
                value = ensure_datetime(value, evolve(settings, date_time_zone_handling="Local"))
            lines.append(f"read {_o_format(value)} ID=0")
    rules = nc.JsonSettings(null_value_handling="Ignore", missing_member_handling="Error")
    skipped_null = nc.from_json(b'{"ID":null}', ProbeTwin, settings=rules)
    lines.append(f"read {_o_format(skipped_null.at)} ID={skipped_null.id}")
    for document, settings in ((b'{"idws":3,"Foo":1}', rules), (b'{"ID":null}', nc.JsonSettings())):
        try:
            nc.from_json(document, ProbeTwin, settings=settings)
        except nc.JsonPayloadError as exc:
            lines.append(f"refused {exc.problems[0].path}")
    return lines


def evolve(settings: nc.JsonSettings, **changes: Any) -> nc.JsonSettings:
    import attrs

    return attrs.evolve(settings, **changes)


def test_probe_prints_the_pinned_facts(tmp_path) -> None:
    """dotnet/JsonSettingsProbe.cs, run by Mono in Europe/Paris (UTC+1 in January), prints
    what netcontract gives with ``local_utc_offset_minutes=60``, line by line (the facts
    tests/netcontract/json/test_settings.py pins)."""
    import os
    import shutil
    import subprocess

    from ._mono import DOTNET_DIR, find_newtonsoft

    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    shutil.copyfile(newtonsoft, tmp_path / "Newtonsoft.Json.dll")
    exe = tmp_path / "probe.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            f"-r:{tmp_path / 'Newtonsoft.Json.dll'}",
            str(DOTNET_DIR / "JsonSettingsProbe.cs"),
        ],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        ["mono", str(exe)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "TZ": "Europe/Paris"},
    )
    live = done.stdout.splitlines()
    ours = _netcontract_lines(60)
    refusals = [line for line in live if line.startswith("refused")]
    assert [line.split(" ", 2)[1] for line in refusals] == ["Could", "Error"]
    assert "member 'Foo'" in refusals[0] and "Path 'ID'" in refusals[1]
    assert ours[-2:] == ["refused Foo", "refused ID"]
    assert live[: -len(refusals)] == ours[:-2]


@nc.contract("Members.Probe")
class MembersTwin:
    """``M`` of dotnet/JsonMembersProbe.cs."""

    a: str | None = nc.member("A", default=None, json_name="AJson", json_order=2)
    b: str | None = nc.member("B", default=None, order=1, json_order=1)
    c: str | None = nc.member("C", default=None, json_ignore=True)
    d: str | None = nc.member("D", default=None, json_required="Always")
    e: str | None = nc.member("E", default=None, is_required=True, json_required="Default")
    f: str | None = nc.member("F", default=None, json_null_value_handling="Ignore")
    g: str | None = nc.member("G", default=None, json_null_value_handling="Include")
    h: str | None = nc.member("H", default=None)
    i: nc.Int32 | None = nc.member("I", default=None, json_required="AllowNull")


@nc.contract("Members.Probe")
class NTwin:
    """``N`` of dotnet/JsonMembersProbe.cs: IsRequired, with a [JsonProperty] that sets no
    Required (J, K, O: optional in JSON) and without (L: required)."""

    j: str | None = nc.member("J", default=None, is_required=True, json_name="JJson")
    k: str | None = nc.member(
        "K", default=None, is_required=True, json_null_value_handling="Include"
    )
    l: str | None = nc.member("L", default=None, is_required=True)  # noqa: E741
    o: str | None = nc.member("O", default=None, is_required=True, json_order=1)


MEMBER_CASES = [
    "write default a b c d - f g h 1",
    "write default a b c - - - - - -",
    "write default - - - d - - - - -",
    "write ignore-nulls - - c d - - - - -",
    "write camel-case z - - d - - - - -",
    'read default {"D":"d","I":1,"C":"c","AJson":"x"}',
    'read default {"D":"d","I":1,"A":"x","ajson":"y2"}',
    'read missing-member-error {"D":"d","I":1,"A":"x"}',
    'read missing-member-error {"D":"d","I":1,"C":"c"}',
    'read ignore-nulls {"D":"d","I":null,"F":null,"G":null,"H":null}',
    'read default {"d":"d","i":null,"AJSON":"q"}',
    'read default {"D":"d","I":null}',
    "read default {}",
    'read default {"D":null,"I":1}',
    'read default {"D":"d"}',
    'read default {"D":"d","I":null,"E":null,"F":null,"G":null}',
    'read camel-case {"d":"d","i":2,"aJson":"j"}',
    'read-n default {"JJson":"j","K":"k","L":"l","O":"o"}',
    'read-n default {"JJson":null,"K":null,"L":null}',
    'read-n default {"L":"l"}',
    'read-n default {"J":"j","L":"l"}',
    "read-n default {}",
    'read-n default {"JJson":"j","K":"k"}',
]

_MEMBER_SETTINGS = {
    "default": nc.JsonSettings(),
    "ignore-nulls": nc.JsonSettings(null_value_handling="Ignore"),
    "camel-case": nc.JsonSettings(contract_resolver="CamelCase"),
    "missing-member-error": nc.JsonSettings(missing_member_handling="Error"),
}


def _member_case(case: str) -> tuple[str, str]:
    """netcontract's line for one case: ``ok JSON`` or ``refused PATH: MESSAGE``."""
    op, name, rest = case.split(" ", 2)
    settings = _MEMBER_SETTINGS[name]
    try:
        if op == "write":
            values: list[Any] = [None if v == "-" else v for v in rest.split(" ")]
            values[8] = None if values[8] is None else int(values[8])
            obj = MembersTwin(**dict(zip("abcdefghi", values, strict=True)))
            return "ok", nc.to_json(obj, settings=settings).decode()
        if op == "read-n":
            n = nc.from_json(rest.encode(), NTwin, settings=settings)
            return "ok", nc.to_json(n, settings=settings).decode() + " C=-"
        read = nc.from_json(rest.encode(), MembersTwin, settings=settings)
        return "ok", nc.to_json(read, settings=settings).decode() + f" C={read.c or '-'}"
    except nc.NetContractError as exc:
        return "refused", str(exc.problems[0])  # type: ignore[attr-defined]


def test_json_member_attributes_as_json_net(tmp_path) -> None:
    """[JsonProperty(PropertyName, Order, Required, NullValueHandling)] and [JsonIgnore] on a
    [DataMember] (``member(json_name=, json_order=, json_required=, json_null_value_handling=,
    json_ignore=)``): each write and read of dotnet/JsonMembersProbe.cs gives what netcontract
    gives, and what one refuses the other refuses, at the same member."""
    import os
    import shutil
    import subprocess

    from ._mono import DOTNET_DIR, find_newtonsoft

    newtonsoft = find_newtonsoft()
    assert newtonsoft is not None
    shutil.copyfile(newtonsoft, tmp_path / "Newtonsoft.Json.dll")
    exe = tmp_path / "members.exe"
    subprocess.run(
        [
            "mcs",
            "-nologo",
            f"-out:{exe}",
            "-r:System.Runtime.Serialization",
            f"-r:{tmp_path / 'Newtonsoft.Json.dll'}",
            str(DOTNET_DIR / "JsonMembersProbe.cs"),
        ],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        ["mono", str(exe)],
        input="\n".join(MEMBER_CASES) + "\n",
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "TZ": "UTC"},
    )
    first, *live = done.stdout.splitlines()
    # Json.NET 6.0.8 has no Required.DisallowNull (Json.NET 8 added it): not provable here
    assert first == "Required: Default,AllowNull,Always"
    assert len(live) == len(MEMBER_CASES)
    for case, line in zip(MEMBER_CASES, live, strict=True):
        outcome, ours = _member_case(case)
        theirs = line.split(" ", 1)
        assert outcome == theirs[0], (case, line, ours)
        if outcome == "ok":
            assert ours == theirs[1], case
        else:
            # the member Json.NET names ("property 'D'", "member 'A'") is the one refused
            member = re.search(r"(?:property|member) '(\w+)'", theirs[1])
            assert member is not None, line
            assert ours.split(":", 1)[0] == member.group(1), (case, line, ours)


@pytest.mark.parametrize("name", sorted(_ZONE_SETTINGS))
def test_datetime_keys_are_converted_on_reading_only(dotnet: DotNetTwin, name: str) -> None:
    """Mono: Json.NET writes a DateTime dictionary key without DateTimeZoneHandling
    (``DateFormatHandling`` only) but converts the keys it reads; netcontract does both alike,
    so it reads Json.NET's keys as Json.NET does and writes them back as Json.NET does."""
    values = SETTINGS[name]
    settings = nc.JsonSettings.from_mapping(values)
    obj = Maps(by_date={AT_UTC: "u", AT_UNSPECIFIED: "n", AT_LOCAL: "l"})
    ours = nc.to_json(obj, settings=settings)
    (result,) = dotnet.roundtrip_many([("Edge.A.Maps", "json", ours)], json_settings=values)
    assert result.read_error is None and isinstance(result.json, bytes)
    read = nc.from_json(ours, Maps, settings=settings)
    assert nc.to_json(read, settings=settings) == result.json
