"""``JsonSettings``: the Json.NET ``JsonSerializerSettings`` a server is configured with.

The defaults are Json.NET's defaults, which is what netcontract reads and writes without
settings (byte for byte, through the generated paths). Any other value is honoured by the
reference reader and writer (:mod:`netcontract.json.read`, :mod:`netcontract.json.write`): the
conversion says so through :func:`~netcontract.codegen.fell_back`. Each field's values are the
names of the Json.NET enum members it mirrors; every behaviour was checked against Json.NET
6.0.8 on Mono (``tests/interop/test_json_settings_interop.py``).
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from netcontract.clr.datetime import (
    MAX_TICKS,
    MIN_TICKS,
    TICKS_PER_MINUTE,
    DateTime,
    DateTimeKind,
)
from netcontract.clr.datetimeoffset import DateTimeOffset

__all__ = [
    "DEFAULT_JSON_SETTINGS",
    "JsonSettings",
    "camel_case",
    "ensure_datetime",
    "format_microsoft_date",
    "format_microsoft_datetimeoffset",
]


def _one_of(*allowed: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise ValueError(
                f"JsonSettings.{attribute.name}: {value!r} is not one of {', '.join(allowed)}"
            )

    return check


def _is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise TypeError(f"JsonSettings.{attribute.name}: expected true or false, got {value!r}")


def _offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not -840 <= value <= 840:
        raise ValueError(
            f"JsonSettings.{attribute.name}: expected minutes in -840..840, got {value!r}"
        )


@attrs.frozen
class JsonSettings:
    """Json.NET's ``JsonSerializerSettings``, as far as a server's JSON depends on them.

    Pass it as ``settings=`` to :func:`~netcontract.to_json`, :func:`~netcontract.from_json`,
    :class:`~netcontract.JsonConverter`, :func:`~netcontract.encode_body` and
    :func:`~netcontract.decode_body`; the CLI takes a file (:meth:`from_file`).
    """

    #: ``NullValueHandling``: ``"Include"`` writes ``null`` members; ``"Ignore"`` leaves them
    #: out, and on reading ignores a ``null`` (the member keeps its default, even where null
    #: is not allowed)
    null_value_handling: Literal["Include", "Ignore"] = attrs.field(
        default="Include", validator=_one_of("Include", "Ignore")
    )
    #: ``DefaultValueHandling``: ``"Ignore"`` leaves a member out at its .NET default (as
    #: ``emit_default_value=False`` does for one member); ``"Populate"`` sets a member missing
    #: from the document to its .NET default (``default(T)``: null, 0, false...) instead of the
    #: contract's default; ``"IgnoreAndPopulate"`` both
    default_value_handling: Literal["Include", "Ignore", "Populate", "IgnoreAndPopulate"] = (
        attrs.field(
            default="Include",
            validator=_one_of("Include", "Ignore", "Populate", "IgnoreAndPopulate"),
        )
    )
    #: ``ContractResolver``: ``"Default"`` (``DefaultContractResolver``) or ``"CamelCase"``
    #: (``CamelCasePropertyNamesContractResolver``: member names through :func:`camel_case`,
    #: the DataMember names included); reading matches names in any case either way
    contract_resolver: Literal["Default", "CamelCase"] = attrs.field(
        default="Default", validator=_one_of("Default", "CamelCase")
    )
    #: ``Converters.Add(new StringEnumConverter())``: enums written as their name (a value
    #: without a name stays a number, as the converter writes it)
    string_enum_converter: bool = attrs.field(default=False, validator=_is_bool)
    #: ``StringEnumConverter.CamelCaseText``: the names through :func:`camel_case`
    string_enum_camel_case_text: bool = attrs.field(default=False, validator=_is_bool)
    #: ``Formatting``: ``"None"`` (compact) or ``"Indented"`` (two spaces, ``\n``)
    formatting: Literal["None", "Indented"] = attrs.field(
        default="None", validator=_one_of("None", "Indented")
    )
    #: ``MissingMemberHandling``: ``"Error"`` refuses a member the contract does not have,
    #: naming it (by default it is ignored)
    missing_member_handling: Literal["Ignore", "Error"] = attrs.field(
        default="Ignore", validator=_one_of("Ignore", "Error")
    )
    #: ``DateFormatHandling``: ``"IsoDateFormat"`` (``2024-01-02T03:04:05Z``) or
    #: ``"MicrosoftDateFormat"`` (``"\\/Date(1704164645000)\\/"``, ``+hhmm`` after a
    #: Local or Unspecified value); with the latter both forms are read
    date_format_handling: Literal["IsoDateFormat", "MicrosoftDateFormat"] = attrs.field(
        default="IsoDateFormat", validator=_one_of("IsoDateFormat", "MicrosoftDateFormat")
    )
    #: ``DateTimeZoneHandling``, on writing and on reading: ``"RoundtripKind"`` keeps the
    #: kind; ``"Utc"`` converts Local values to UTC and labels Unspecified ones UTC;
    #: ``"Local"`` converts UTC values to the server's offset (``local_utc_offset_minutes``)
    #: and labels Unspecified ones Local; ``"Unspecified"`` drops the kind (an offset read is
    #: first converted to the server's)
    date_time_zone_handling: Literal["RoundtripKind", "Utc", "Local", "Unspecified"] = attrs.field(
        default="RoundtripKind",
        validator=_one_of("RoundtripKind", "Utc", "Local", "Unspecified"),
    )
    #: ``FloatFormatHandling`` for NaN and the infinities: ``"String"`` (``"NaN"``),
    #: ``"Symbol"`` (``NaN``, ``Infinity``, ``-Infinity`` unquoted) or ``"DefaultValue"``
    #: (``0.0``; ``null`` for a ``Nullable<double>``)
    float_format_handling: Literal["String", "Symbol", "DefaultValue"] = attrs.field(
        default="String", validator=_one_of("String", "Symbol", "DefaultValue")
    )
    #: ``PreserveReferencesHandling``: ``"None"`` writes ``"$id"``/``"$ref"`` for
    #: is_reference contracts only (as Json.NET honours ``IsReference``); ``"Objects"`` for
    #: every contract object (the root too); ``"Arrays"`` wraps every list as
    #: ``{"$id":"2","$values":[...]}``; ``"All"`` both. One counter numbers objects and
    #: lists in writing order. Reading accepts what the same setting writes
    preserve_references_handling: Literal["None", "Objects", "Arrays", "All"] = attrs.field(
        default="None", validator=_one_of("None", "Objects", "Arrays", "All")
    )
    #: the server's UTC offset in minutes (``TimeZoneInfo.Local``), which Json.NET uses for
    #: Local and Unspecified values: ``MicrosoftDateFormat``'s ``+hhmm``, the ``"Utc"`` and
    #: ``"Local"`` conversions. One fixed offset (no daylight saving time); 0 is a server
    #: running in UTC
    local_utc_offset_minutes: int = attrs.field(default=0, validator=_offset)

    @property
    def indented(self) -> bool:
        return self.formatting == "Indented"

    @property
    def is_default(self) -> bool:
        """Whether reading and writing are Json.NET's defaults (the formatting aside): then the
        generated paths run, else the reference reader and writer."""
        return self is DEFAULT_JSON_SETTINGS or self in (DEFAULT_JSON_SETTINGS, _DEFAULT_INDENTED)

    @property
    def preserves_objects(self) -> bool:
        """``$id``/``$ref`` on every contract object (``Objects``, ``All``)."""
        return self.preserve_references_handling in ("Objects", "All")

    @property
    def preserves_arrays(self) -> bool:
        """Lists as ``{"$id":..,"$values":[..]}`` (``Arrays``, ``All``)."""
        return self.preserve_references_handling in ("Arrays", "All")

    @property
    def ignores_defaults(self) -> bool:
        return self.default_value_handling in ("Ignore", "IgnoreAndPopulate")

    @property
    def populates(self) -> bool:
        return self.default_value_handling in ("Populate", "IgnoreAndPopulate")

    def name(self, wire_name: str) -> str:
        """A member's JSON name under the contract resolver."""
        return camel_case(wire_name) if self.contract_resolver == "CamelCase" else wire_name

    def name_clash(self, cls_name: str, wire_names: list[str]) -> str | None:
        """The problem when the contract resolver gives two members one name (Mono: Json.NET
        refuses the class, reading and writing), else None."""
        seen: set[str] = set()
        for wire_name in wire_names:
            name = self.name(wire_name)
            if name in seen:
                return (
                    f"two members of {cls_name} are named {name!r} by the camel-case contract"
                    " resolver; Json.NET refuses the class"
                )
            seen.add(name)
        return None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> JsonSettings:
        """Settings from a mapping of field names (``null_value_handling``) or Json.NET's
        property names (``NullValueHandling``) to values; raises ``ValueError`` naming an
        unknown key or a value that is not allowed."""
        fields = {f.name for f in attrs.fields(cls)}
        by_pascal = {_pascal(name): name for name in fields}
        by_pascal.update(_ALIASES)
        given: dict[str, Any] = {}
        for key, value in values.items():
            name = key if key in fields else by_pascal.get(key)
            if name is None:
                raise ValueError(
                    f"unknown JSON setting {key!r} (expected one of: {', '.join(sorted(fields))})"
                )
            if name in given:
                raise ValueError(f"JSON setting {name!r} given twice")
            if name == "contract_resolver" and value in _RESOLVER_ALIASES:
                given[name] = _RESOLVER_ALIASES[value]
            else:
                given[name] = value
        return cls(**given)

    @classmethod
    def from_file(cls, path: str | Path) -> JsonSettings:
        """Settings from a ``.toml`` file or a JSON file (any other name): one table / object of
        :meth:`from_mapping`'s keys. Raises ``OSError`` or ``ValueError`` (naming the file)."""
        path = Path(path)
        data = path.read_bytes()
        if len(data) > 65536:
            raise ValueError(f"{path}: a settings file is at most 64 KiB")
        try:
            if path.suffix.lower() == ".toml":
                values: Any = tomllib.loads(data.decode("utf-8"))
            else:
                values = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a readable settings file: {exc}") from None
        if not isinstance(values, dict):
            raise ValueError(f"{path}: expected an object of settings")
        try:
            return cls.from_mapping(values)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{path}: {exc}") from None


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


#: Json.NET's own spellings of two settings
_ALIASES: Final = {
    "StringEnumCamelCaseText": "string_enum_camel_case_text",
    "CamelCaseText": "string_enum_camel_case_text",
    "StringEnumConverter": "string_enum_converter",
}
_RESOLVER_ALIASES: Final = {
    "DefaultContractResolver": "Default",
    "CamelCasePropertyNamesContractResolver": "CamelCase",
}

DEFAULT_JSON_SETTINGS: Final = JsonSettings()
_DEFAULT_INDENTED: Final = JsonSettings(formatting="Indented")


def camel_case(name: str) -> str:
    """A name as Json.NET 6's ``StringUtils.ToCamelCase`` writes it: the leading capitals
    lowered, but for the last one of a run followed by a small letter (Mono: ``ID`` -> ``id``,
    ``URLValue`` -> ``urlValue``, ``IdWS`` -> ``idws``, ``ABCdef`` -> ``abCdef``, ``IDs`` ->
    ``iDs``; ``_x`` unchanged)."""
    if not name or not _is_upper(name[0]):
        return name
    chars = list(name)
    for i in range(len(chars)):
        if i > 0 and i + 1 < len(chars) and not _is_upper(chars[i + 1]):
            break
        chars[i] = _to_lower(chars[i])
    return "".join(chars)


def _is_upper(char: str) -> bool:
    return unicodedata.category(char) == "Lu"  # Char.IsUpper


def _to_lower(char: str) -> str:
    # Char.ToLower(c, InvariantCulture): one character to one (Python's may give two)
    lower = char.lower()
    return lower if len(lower) == 1 else char


# ------------------------------------------------------------------------- dates

_EPOCH_TICKS: Final = 621_355_968_000_000_000  # 1970-01-01T00:00:00Z


def _clamped(ticks: int) -> int:
    # DateTime.ToUniversalTime / ToLocalTime saturate at MinValue and MaxValue
    return min(max(ticks, MIN_TICKS), MAX_TICKS)


def _at_offset(value: DateTime, offset: int) -> DateTime:
    """``value`` as a Local value at ``offset`` minutes (the same instant; a value without a
    kind is taken as Local, as .NET takes it)."""
    if value.kind is DateTimeKind.LOCAL and value.offset_minutes == offset:
        return value
    if value.kind is DateTimeKind.UTC:
        ticks = _clamped(value.ticks + offset * TICKS_PER_MINUTE)
        return DateTime(ticks, DateTimeKind.LOCAL, offset)
    if value.kind is DateTimeKind.UNSPECIFIED:
        return DateTime(value.ticks, DateTimeKind.LOCAL, offset)
    own = value.offset_minutes or 0
    ticks = _clamped(value.ticks + (offset - own) * TICKS_PER_MINUTE)
    return DateTime(ticks, DateTimeKind.LOCAL, offset)


def ensure_datetime(value: DateTime, settings: JsonSettings) -> DateTime:
    """``value`` after Json.NET's ``DateTimeUtils.EnsureDateTime`` (``DateTimeZoneHandling``),
    applied on writing and on reading; the server's time zone is
    ``settings.local_utc_offset_minutes``."""
    handling = settings.date_time_zone_handling
    if handling == "RoundtripKind":
        return value
    local = settings.local_utc_offset_minutes
    kind = value.kind
    if handling == "Utc":
        if kind is DateTimeKind.UTC:
            return value
        if kind is DateTimeKind.UNSPECIFIED:  # labelled, not converted (SwitchToUtcTime)
            return DateTime(value.ticks, DateTimeKind.UTC)
        own = value.offset_minutes or 0
        return DateTime(_clamped(value.ticks - own * TICKS_PER_MINUTE), DateTimeKind.UTC)
    if handling == "Local":
        return _at_offset(value, local)
    # Unspecified: the ticks of the server's clock, without a kind
    if kind is DateTimeKind.LOCAL:
        value = _at_offset(value, local)
    return DateTime(value.ticks, DateTimeKind.UNSPECIFIED)


def _microsoft_token(universal_ticks: int, offset_minutes: int | None) -> str:
    """``"\\/Date(ms[+hhmm])\\/"``: milliseconds since 1970 UTC, truncated towards zero
    (Json.NET divides), then the offset if one is given."""
    since = universal_ticks - _EPOCH_TICKS
    millis = since // 10_000 if since >= 0 else -(-since // 10_000)
    suffix = ""
    if offset_minutes is not None:
        sign = "-" if offset_minutes < 0 else "+"
        hours, minutes = divmod(abs(offset_minutes), 60)
        suffix = f"{sign}{hours:02d}{minutes:02d}"
    return f'"\\/Date({millis}{suffix})\\/"'


def format_microsoft_datetimeoffset(value: DateTimeOffset) -> str:
    """The JSON token Json.NET writes for a DateTimeOffset with ``MicrosoftDateFormat``
    (Mono): milliseconds of the UTC instant since 1970, truncated towards zero, then the
    value's own offset, ``+0000`` included (``"\\/Date(1704144845001+0530)\\/"``)."""
    return _microsoft_token(value.utc_ticks, value.offset_minutes)


def format_microsoft_date(value: DateTime, settings: JsonSettings) -> str:
    """The JSON token Json.NET writes for ``value`` with ``MicrosoftDateFormat`` (Mono:
    ``"\\/Date(1704164645000)\\/"``, ``"\\/Date(1704161045000+0100)\\/"``): milliseconds since
    1970 UTC, truncated towards zero, then the offset of a Local value, or of the server for
    an Unspecified one (not for ``DateTime.MinValue``/``MaxValue``)."""
    kind = value.kind
    if kind is DateTimeKind.UTC:
        universal = value.ticks
        offset = 0
    else:
        offset = (
            value.offset_minutes
            if kind is DateTimeKind.LOCAL and value.offset_minutes is not None
            else settings.local_utc_offset_minutes
        )
        universal = _clamped(value.ticks - offset * TICKS_PER_MINUTE)
    shows_offset = kind is DateTimeKind.LOCAL or (
        kind is DateTimeKind.UNSPECIFIED and value.ticks not in (MIN_TICKS, MAX_TICKS)
    )
    return _microsoft_token(universal, offset if shows_offset else None)
