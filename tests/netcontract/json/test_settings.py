"""``JsonSettings``: Json.NET's JsonSerializerSettings, with Mono's bytes pinned.

Every expected value marked "Mono:" was printed by Json.NET 6.0.8 on Mono (probe programs in
tests/interop/dotnet/probes/JsonSettings.cs; the live comparison is
tests/interop/test_json_settings_interop.py). Non-default settings are read and written by the
reference code: the tests that use them are marked ``falls_back``.
"""

from __future__ import annotations

import enum
from pathlib import Path

import pytest

import netcontract as nc
from netcontract import codegen
from netcontract.clr.datetime import parse_microsoft_date
from netcontract.json.settings import camel_case, ensure_datetime, format_microsoft_date
from vehizen import CustomerGroupDto, VehicleLightDto
from vehizen.domain.dto import CameraType

UTC = nc.DateTimeKind.UTC
LOCAL = nc.DateTimeKind.LOCAL
UNSPECIFIED = nc.DateTimeKind.UNSPECIFIED
S = nc.JsonSettings
#: the server of the Mono probes ran in Europe/Paris: UTC+1 in January
PARIS = 60


@nc.contract("Settings.Test")
class Colour(nc.ContractEnum):
    Red = 0
    DarkBlue = 1
    URLKind = 2


@nc.contract("Settings.Test")
class Probe:
    id: nc.Int32 = nc.member("ID", default=0)
    url: str | None = nc.member("URLValue", default=None)
    id_ws: nc.Int32 | None = nc.member("IdWS", default=None)
    colour: Colour = nc.member("Color", default=Colour.Red)
    colour2: Colour | None = nc.member("Color2", default=None)
    at: nc.DateTime = nc.member("D", default=nc.MIN_DATETIME)
    f: float = nc.member("F", default=0.0)
    g: float | None = nc.member("G", default=None)
    o: object = nc.member("O", default=None)


@nc.contract("Settings.Test")
class Clash:
    lower: str | None = nc.member("z", default=None)
    upper: str | None = nc.member("Z", default=None)


PROBE = Probe(
    id=5,
    url="u",
    colour=Colour.URLKind,
    colour2=Colour(7),
    at=nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC),
    f=float("nan"),
    g=float("inf"),
    o=float("-inf"),
)


def test_camel_case_is_json_net_6s() -> None:
    # Mono: CamelCasePropertyNamesContractResolver on [DataMember(Name = ...)]
    names = ["ID", "URLValue", "IdWS", "A", "_x", "ABCdef", "HTMLParser2", "IDs", "", "x"]
    assert [camel_case(n) for n in names] == [
        "id",
        "urlValue",
        "idws",
        "a",
        "_x",
        "abCdef",
        "htmlParser2",
        "iDs",
        "",
        "x",
    ]


def test_default_settings_keep_todays_bytes_and_generated_paths() -> None:
    group = nc.help_page_sample(CustomerGroupDto)
    data = nc.to_json(group)
    with codegen._no_fallback(True):  # no fallback: the generated paths did the work
        assert nc.to_json(group, settings=S()) == data
        assert nc.from_json(data, CustomerGroupDto, settings=S()) == group
        assert nc.to_json(group, settings=S(formatting="Indented")) == nc.to_json(
            group, indent=True
        )
        assert nc.from_json(data, CustomerGroupDto, settings=S(formatting="Indented")) == group


@pytest.mark.falls_back
def test_web_api_settings_write_as_json_net() -> None:
    settings = S(
        contract_resolver="CamelCase",
        null_value_handling="Ignore",
        string_enum_converter=True,
        string_enum_camel_case_text=True,
    )
    # Mono: {"id":5,"urlValue":"u","color":"urlKind","color2":7,"d":"2024-01-02T03:04:05Z",
    # "f":"NaN","g":"Infinity","o":"-Infinity"} (a value without a name stays a number)
    assert nc.to_json(PROBE, settings=settings) == (
        b'{"id":5,"urlValue":"u","color":"urlKind","color2":7,"d":"2024-01-02T03:04:05Z",'
        b'"f":"NaN","g":"Infinity","o":"-Infinity"}'
    )
    plain_names = S(string_enum_converter=True)
    assert b'"Color":"URLKind"' in nc.to_json(PROBE, settings=plain_names)


@pytest.mark.falls_back
def test_settings_read_back_what_they_write() -> None:
    settings = S(contract_resolver="CamelCase", string_enum_converter=True)
    group = nc.help_page_sample(CustomerGroupDto)
    data = nc.to_json(group, settings=settings)
    assert b'"idws":' in data and b'"vehicles":' in data
    assert nc.from_json(data, CustomerGroupDto, settings=settings) == group
    # names in any case, either way (Json.NET matches them ignoring case)
    assert nc.from_json(nc.to_json(group), CustomerGroupDto, settings=settings) == group
    assert nc.from_json(data, CustomerGroupDto) == group


@pytest.mark.falls_back
def test_string_enum_names_in_object_members() -> None:
    settings = S(string_enum_converter=True, string_enum_camel_case_text=True)
    assert b'"O":"darkBlue"' in nc.to_json(Probe(o=Colour.DarkBlue), settings=settings)
    assert b'"O":7' in nc.to_json(Probe(o=Colour(7)), settings=settings)  # no name: a number
    plain = enum.IntEnum("Plain", {"First": 1})  # not a contract: its Python names
    assert b'"O":"first"' in nc.to_json(Probe(o=plain(1)), settings=settings)


@nc.contract("Settings.Test")
class Currency(nc.ContractEnum):
    Euro = nc.enum_member(1, "EUR")  # [EnumMember(Value = "EUR")]
    Dollar = nc.enum_member(2, "USD")
    Pound = 3  # [EnumMember]
    Hidden = nc.enum_member(4, serializable=False)  # no [EnumMember]


@nc.contract("Settings.Test")
class Channels(nc.ContractFlag):
    None_ = nc.enum_member(0, "None")
    Web = 1
    Mobile = nc.enum_member(2, "mobile-app")
    Store = 4
    All = nc.enum_member(7, "all")


@nc.contract("Settings.Test")
class NoZero(nc.ContractFlag):
    A = 1
    B = 2
    AB = 3
    C = 8


@nc.contract("Settings.Test")
class EnumHolder:
    c: Currency = nc.member("C", default=Currency(0))
    f: Channels = nc.member("F", default=Channels.None_)
    n: NoZero = nc.member("N", default=NoZero(0))
    nc_: Currency | None = nc.member("NC", default=None)


@pytest.mark.falls_back
@pytest.mark.parametrize(
    ("value", "plain", "camel"),
    [
        # Mono, Json.NET 6.0.8's StringEnumConverter (tests/interop/dotnet/RealWorld.cs, the
        # same enums in Contoso.Probe): EnumMember's names, [Flags] values as Enum.ToString
        # takes them apart ("AB, C": the highest first), members without [EnumMember] by name
        (
            EnumHolder(
                c=Currency.Euro,
                f=Channels.Web | Channels.Mobile,
                n=NoZero.A | NoZero.B | NoZero.C,
                nc_=Currency.Hidden,
            ),
            b'{"C":"EUR","F":"Web, mobile-app","N":"AB, C","NC":"Hidden"}',
            b'{"C":"eur","F":"web, mobile-app","N":"ab, c","NC":"hidden"}',
        ),
        (
            EnumHolder(c=Currency(9), f=Channels.All, n=NoZero(0), nc_=Currency.Dollar),
            b'{"C":9,"F":"all","N":0,"NC":"USD"}',
            b'{"C":9,"F":"all","N":0,"NC":"usd"}',
        ),
        (  # bits no member covers: the number
            EnumHolder(c=Currency.Pound, f=Channels(15), n=NoZero(5)),
            b'{"C":"Pound","F":15,"N":5,"NC":null}',
            b'{"C":"pound","F":15,"N":5,"NC":null}',
        ),
        (
            EnumHolder(c=Currency.Pound, f=Channels(6), n=NoZero.AB | NoZero.C),
            b'{"C":"Pound","F":"mobile-app, Store","N":"AB, C","NC":null}',
            b'{"C":"pound","F":"mobile-app, store","N":"ab, c","NC":null}',
        ),
    ],
)
def test_string_enum_converter_names(value: EnumHolder, plain: bytes, camel: bytes) -> None:
    converter = S(string_enum_converter=True)
    camel_text = S(string_enum_converter=True, string_enum_camel_case_text=True)
    assert nc.to_json(value, settings=converter) == plain
    assert nc.to_json(value, settings=camel_text) == camel
    assert nc.from_json(plain, EnumHolder, settings=converter) == value
    assert nc.from_json(camel, EnumHolder, settings=converter) == value


@pytest.mark.falls_back
@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # Mono: what StringEnumConverter reads (C, F, N), or refuses (None)
        (b'{"C":"EUR"}', (1, 0, 0)),
        (b'{"C":"eur"}', (1, 0, 0)),  # EnumMember names in any case
        (b'{"C":"euro"}', (1, 0, 0)),  # and the C# names (Enum.Parse)
        (b'{"C":" EUR"}', None),  # not trimmed alone...
        (b'{"C":" Euro"}', (1, 0, 0)),  # ...but Enum.Parse trims
        (b'{"C":"USD, EUR"}', (3, 0, 0)),
        (b'{"C":"USD, 1"}', None),
        (b'{"C":"hidden"}', (4, 0, 0)),
        (b'{"F":"web,MOBILE-APP"}', (0, 3, 0)),
        (b'{"F":" Web , Store "}', (0, 5, 0)),
        (b'{"F":"None"}', (0, 0, 0)),
        (b'{"F":"mobile-app,"}', None),
        (b'{"F":"Web Store"}', None),
        (b'{"N":"AB, C"}', (0, 0, 11)),
    ],
)
def test_string_enum_converter_reads(document: bytes, expected: tuple[int, ...] | None) -> None:
    converter = S(string_enum_converter=True)
    if expected is None:
        with pytest.raises(nc.JsonPayloadError):
            nc.from_json(document, EnumHolder, settings=converter)
        return
    read = nc.from_json(document, EnumHolder, settings=converter)
    assert (int(read.c), int(read.f), int(read.n)) == expected
    if b"EUR" in document or b"mobile" in document.lower():
        # Json.NET without the converter reads C# names only
        with pytest.raises(nc.JsonPayloadError):
            nc.from_json(document, EnumHolder)


@pytest.mark.falls_back
def test_float_format_handling() -> None:
    # Mono: Symbol: "f":NaN,"g":Infinity,"o":-Infinity; DefaultValue: "f":0.0,"g":null,"o":0.0
    symbol = nc.to_json(PROBE, settings=S(float_format_handling="Symbol"))
    assert b'"F":NaN,"G":Infinity,"O":-Infinity}' in symbol
    default = nc.to_json(PROBE, settings=S(float_format_handling="DefaultValue"))
    assert b'"F":0.0,"G":null,"O":0.0}' in default
    # the unquoted symbols are read back
    back = nc.from_json(symbol, Probe, settings=S(float_format_handling="Symbol"))
    assert back.g == float("inf") and back.f != back.f


@pytest.mark.parametrize(
    ("value", "offset", "expected"),
    [
        # Mono (TZ=UTC and TZ=Europe/Paris)
        (nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC), 0, '"\\/Date(1704164645000)\\/"'),
        (
            nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=LOCAL, offset_minutes=0),
            0,
            '"\\/Date(1704164645000+0000)\\/"',
        ),
        (nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5), 0, '"\\/Date(1704164645000+0000)\\/"'),
        (nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5), PARIS, '"\\/Date(1704161045000+0100)\\/"'),
        (
            nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=LOCAL, offset_minutes=PARIS),
            0,
            '"\\/Date(1704161045000+0100)\\/"',
        ),
        (nc.MIN_DATETIME, 0, '"\\/Date(-62135596800000)\\/"'),
        (nc.MIN_DATETIME, PARIS, '"\\/Date(-62135596800000)\\/"'),  # clamped at MinValue
        # milliseconds truncated towards zero: -0.5 ms is 0
        (
            nc.DateTime.from_parts(1969, 12, 31, 23, 59, 59, 9_995_000, kind=UTC),
            0,
            '"\\/Date(0)\\/"',
        ),
        # (not from Mono, whose Local values are in its own zone: the same rule at -01:30)
        (
            nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=LOCAL, offset_minutes=-90),
            0,
            '"\\/Date(1704170045000-0130)\\/"',
        ),
    ],
)
def test_microsoft_date_format(value: nc.DateTime, offset: int, expected: str) -> None:
    settings = S(date_format_handling="MicrosoftDateFormat", local_utc_offset_minutes=offset)
    assert format_microsoft_date(value, settings) == expected


def test_microsoft_dates_are_read() -> None:
    assert parse_microsoft_date("/Date(1704164645000)/") == nc.DateTime.from_parts(
        2024, 1, 2, 3, 4, 5, kind=UTC
    )
    # the milliseconds are the instant; the offset makes the value Local there
    assert parse_microsoft_date("/Date(1704164645000+0200)/") == nc.DateTime.from_parts(
        2024, 1, 2, 5, 4, 5, kind=LOCAL, offset_minutes=120
    )
    assert parse_microsoft_date("/Date(x)/") is None
    assert parse_microsoft_date("2024-01-02") is None
    with pytest.raises(ValueError, match="outside the DateTime range"):
        parse_microsoft_date("/Date(-99999999999999999)/")


AT_UTC = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC)
AT_LOCAL = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=LOCAL, offset_minutes=PARIS)
AT_NONE = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5)


@pytest.mark.parametrize(
    ("handling", "expected"),
    [
        # Mono, TZ=Europe/Paris, writing Utc / Local / Unspecified values of 03:04:05
        (
            "RoundtripKind",
            ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02T03:04:05"],
        ),
        ("Utc", ["2024-01-02T03:04:05Z", "2024-01-02T02:04:05Z", "2024-01-02T03:04:05Z"]),
        (
            "Local",
            ["2024-01-02T04:04:05+01:00", "2024-01-02T03:04:05+01:00", "2024-01-02T03:04:05+01:00"],
        ),
        ("Unspecified", ["2024-01-02T03:04:05", "2024-01-02T03:04:05", "2024-01-02T03:04:05"]),
    ],
)
def test_date_time_zone_handling_on_writing(handling: str, expected: list[str]) -> None:
    settings = S(date_time_zone_handling=handling, local_utc_offset_minutes=PARIS)  # type: ignore[arg-type]
    assert [
        ensure_datetime(v, settings).isoformat() for v in (AT_UTC, AT_LOCAL, AT_NONE)
    ] == expected


@pytest.mark.falls_back
@pytest.mark.parametrize(
    ("handling", "expected"),
    [
        # Mono, TZ=Europe/Paris: what Json.NET reads from these texts (ToString("o"))
        (
            "Utc",
            [
                "2024-01-02T03:04:05Z",
                "2024-01-02T01:04:05Z",
                "2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05Z",
                "2024-01-02T03:04:05Z",
            ],
        ),
        (
            "Local",
            [
                "2024-01-02T04:04:05+01:00",
                "2024-01-02T02:04:05+01:00",
                "2024-01-02T03:04:05+01:00",
                "2024-01-02T04:04:05+01:00",
                "2024-01-02T04:04:05+01:00",
            ],
        ),
        (
            "Unspecified",
            [
                "2024-01-02T03:04:05",
                "2024-01-02T02:04:05",
                "2024-01-02T03:04:05",
                "2024-01-02T03:04:05",
                "2024-01-02T04:04:05",
            ],
        ),
    ],
)
def test_date_time_zone_handling_on_reading(handling: str, expected: list[str]) -> None:
    settings = S(
        date_time_zone_handling=handling,  # type: ignore[arg-type]
        date_format_handling="MicrosoftDateFormat",
        local_utc_offset_minutes=PARIS,
    )
    texts = [
        "2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05+02:00",
        "2024-01-02T03:04:05",
        "\\/Date(1704164645000)\\/",
        "\\/Date(1704164645000+0200)\\/",
    ]
    read = [
        nc.from_json(f'{{"D":"{text}"}}'.encode(), Probe, settings=settings).at.isoformat()
        for text in texts
    ]
    assert read == expected


@pytest.mark.falls_back
def test_microsoft_dates_are_read_whatever_the_date_format_setting() -> None:
    # Mono: Json.NET reads "\/Date(ms)\/" into a DateTime with its default settings too;
    # DateFormatHandling chooses what it writes only
    document = b'{"D":"\\/Date(1704164645000)\\/"}'
    expected = nc.DateTime.from_parts(2024, 1, 2, 3, 4, 5, kind=UTC)
    assert nc.from_json(document, Probe).at == expected
    assert nc.from_json(document, Probe, settings=S(null_value_handling="Ignore")).at == expected
    assert (
        nc.from_json(document, Probe, settings=S(date_format_handling="MicrosoftDateFormat")).at
        == expected
    )


@pytest.mark.falls_back
def test_null_value_handling_ignore() -> None:
    settings = S(null_value_handling="Ignore")
    assert nc.to_json(Probe(), settings=settings) == (
        b'{"ID":0,"Color":0,"D":"0001-01-01T00:00:00","F":0.0}'
    )
    # Mono: a null is not read with Ignore, even for an Int32 (without it, it is refused)
    assert nc.from_json(b'{"ID":null,"IdWS":null}', Probe, settings=settings) == Probe()
    with pytest.raises(nc.JsonPayloadError, match="ID: "):
        nc.from_json(b'{"ID":null}', Probe)


@pytest.mark.falls_back
def test_missing_member_handling_error_names_the_member() -> None:
    settings = S(missing_member_handling="Error")
    # Mono: Could not find member 'Foo' on object of type 'C'. Path 'Foo'
    with pytest.raises(nc.JsonPayloadError) as info:
        nc.from_json(b'{"idws":3,"Foo":1,"Bar":{"x":1}}', Probe, settings=settings)
    assert [str(p) for p in info.value.problems] == [
        "Foo: Probe has no member of this name (MissingMemberHandling.Error)",
        "Bar: Probe has no member of this name (MissingMemberHandling.Error)",
    ]
    assert nc.from_json(b'{"idws":3}', Probe, settings=settings) == Probe(id_ws=3)
    assert nc.from_json(b'{"Foo":1}', Probe) == Probe()


@pytest.mark.falls_back
def test_default_value_handling() -> None:
    ignore = S(default_value_handling="Ignore")
    assert nc.to_json(Probe(), settings=ignore) == b"{}"
    assert nc.to_json(Probe(id=1, g=0.0), settings=ignore) == b'{"ID":1,"G":0.0}'
    # Populate: a DataMember missing from the document gets default(T), not the contract's
    populate = S(default_value_handling="Populate")
    vehicle = nc.from_json(b"{}", VehicleLightDto, settings=populate)
    assert vehicle == nc.from_json(b"{}", VehicleLightDto)
    assert nc.to_json(Probe(), settings=populate) == nc.to_json(Probe())


@nc.contract("Settings.Test")
class NotDefault:
    count: nc.Int32 = nc.member("Count", default=3)
    name: str | None = nc.member("Name", default="x")


@pytest.mark.falls_back
def test_populate_sets_clr_defaults() -> None:
    # a C# member initialised to 3 or "x" is set to 0 / null by Populate when missing
    assert nc.from_json(b"{}", NotDefault) == NotDefault()
    for handling in ("Populate", "IgnoreAndPopulate"):
        settings = S(default_value_handling=handling)  # type: ignore[arg-type]
        assert nc.from_json(b"{}", NotDefault, settings=settings) == NotDefault(count=0, name=None)
        assert nc.from_json(b'{"Count":4}', NotDefault, settings=settings) == NotDefault(
            count=4, name=None
        )


@pytest.mark.falls_back
def test_two_members_with_one_camel_case_name_are_refused() -> None:
    # Mono: A member with the name 'z' already exists on 'Edge.A.Names'
    settings = S(contract_resolver="CamelCase")
    with pytest.raises(nc.SerializationError, match="two members of Clash are named 'z'"):
        nc.to_json(Clash(lower="a"), settings=settings)
    with pytest.raises(nc.JsonPayloadError, match="two members of Clash are named 'z'"):
        nc.from_json(b"{}", Clash, settings=settings)
    assert nc.to_json(Clash(lower="a"), settings=S()) == b'{"z":"a","Z":null}'


@pytest.mark.falls_back
def test_converters_and_bodies_take_settings() -> None:
    settings = S(contract_resolver="CamelCase", null_value_handling="Ignore")
    converter = nc.JsonConverter(settings=settings)
    vehicle = VehicleLightDto(id_ws=5, camera_type=CameraType.WITHOUT_CAMERA)
    tree = converter.unstructure(vehicle)
    assert tree["idws"] == 5 and "externalInterfaces" not in tree
    assert converter.structure(tree, VehicleLightDto) == vehicle
    body, content_type = nc.encode_body(vehicle, "application/json", settings=settings)
    assert body == nc.to_json(vehicle, settings=settings)
    assert nc.decode_body(body, content_type, VehicleLightDto, settings=settings) == vehicle
    xml, _ = nc.encode_body(vehicle, "text/xml", settings=settings)
    assert xml == nc.to_xml(vehicle)  # the XML formatter has no Json.NET settings


def test_settings_files(tmp_path: Path) -> None:
    toml = tmp_path / "server.toml"
    toml.write_text(
        'contract_resolver = "CamelCase"\nNullValueHandling = "Ignore"\n'
        "string_enum_converter = true\n"
    )
    assert S.from_file(toml) == S(
        contract_resolver="CamelCase", null_value_handling="Ignore", string_enum_converter=True
    )
    json_file = tmp_path / "server.json"
    json_file.write_text(
        '{"ContractResolver": "CamelCasePropertyNamesContractResolver",'
        ' "DateFormatHandling": "MicrosoftDateFormat", "local_utc_offset_minutes": -300}'
    )
    assert S.from_file(json_file) == S(
        contract_resolver="CamelCase",
        date_format_handling="MicrosoftDateFormat",
        local_utc_offset_minutes=-300,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"NullValue": "Ignore"}', "unknown JSON setting 'NullValue'"),
        ('{"null_value_handling": "ignore"}', "'ignore' is not one of Include, Ignore"),
        ('{"string_enum_converter": "yes"}', "expected true or false"),
        ('{"local_utc_offset_minutes": 900}', "expected minutes in -840..840"),
        ('{"formatting": "None", "Formatting": "Indented"}', "given twice"),
        ("[1]", "expected an object of settings"),
        ("{", "not a readable settings file"),
    ],
)
def test_bad_settings_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text)
    with pytest.raises(ValueError, match=message) as info:
        S.from_file(path)
    assert str(path) in str(info.value)


def test_settings_are_values() -> None:
    assert S() == S() and hash(S()) == hash(S())
    assert S().is_default and S(formatting="Indented").is_default
    assert not S(null_value_handling="Ignore").is_default
    with pytest.raises(ValueError, match="contract_resolver"):
        S(contract_resolver="camel")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mono, Json.NET 6.0.8, DateFormatHandling.MicrosoftDateFormat (DateTimeZoneHandling.Utc
        # gives the same: it leaves a DateTimeOffset alone)
        ("2024-01-02T03:04:05.0012345+05:30", '"\\/Date(1704144845001+0530)\\/"'),
        ("1960-01-02T03:04:05.0009999-14:00", '"\\/Date(-315471354999-1400)\\/"'),
        ("0001-01-01T00:00:00+00:00", '"\\/Date(-62135596800000+0000)\\/"'),
        ("9999-12-31T23:59:59.9999999+00:00", '"\\/Date(253402300799999+0000)\\/"'),
    ],
)
def test_microsoft_datetimeoffsets_as_jsonnet_writes_them(text: str, expected: str) -> None:
    from netcontract.json.settings import format_microsoft_datetimeoffset

    EPOCH_TICKS = 621_355_968_000_000_000  # noqa: N806 - 1970-01-01T00:00:00Z
    value = nc.DateTimeOffset.parse(text)
    assert format_microsoft_datetimeoffset(value) == expected
    for zone in ("RoundtripKind", "Utc"):
        settings = S(date_format_handling="MicrosoftDateFormat", date_time_zone_handling=zone)
        assert (
            nc.to_json(Offsets(d=value), settings=settings) == b'{"D":' + expected.encode() + b"}"
        )
        read = nc.from_json(b'{"D":' + expected.encode() + b"}", Offsets, settings=settings).d
        assert read.offset_minutes == value.offset_minutes
        since = value.utc_ticks - EPOCH_TICKS  # milliseconds truncated towards zero
        millis = since // 10_000 if since >= 0 else -(-since // 10_000)
        assert read.utc_ticks == EPOCH_TICKS + millis * 10_000


@pytest.mark.parametrize(
    ("handling", "expected"),
    [
        # as a Double's (Json.NET writes both with JsonConvert.ToString(value, handling, ...);
        # live: tests/interop/test_json_settings_interop.py, the Singles twin)
        ("Symbol", b'{"F":0.1,"N":NaN,"X":-Infinity}'),
        ("DefaultValue", b'{"F":0.1,"N":null,"X":0.0}'),
        ("String", b'{"F":0.1,"N":"NaN","X":"-Infinity"}'),
    ],
)
def test_singles_under_float_format_handling(handling: str, expected: bytes) -> None:
    value = SinglePair(f=nc.to_single(0.1), n=float("nan"), x=float("-inf"))
    assert nc.to_json(value, settings=S(float_format_handling=handling)) == expected


@nc.contract("Tests.Settings")
class Offsets:
    d: nc.DateTimeOffset = nc.member("D", default=nc.DateTimeOffset(0))


@nc.contract("Tests.Settings")
class SinglePair:
    f: nc.Single = nc.member("F", default=0.0)
    n: nc.Single | None = nc.member("N", default=None)
    x: nc.Single = nc.member("X", default=0.0)
