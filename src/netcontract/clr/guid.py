"""Text form of .NET ``System.Guid`` (DataContract XML and Json.NET both use the same).

.NET writes the lowercase "D" format. ``new Guid(string)`` (used by DataContractSerializer and
Json.NET) reads more; netcontract reads the four plain formats in any letter case, the X format
and white space around, and refuses the rest, including the legacy prefixes inside a group
that .NET takes (checked on Mono 6.8, see :func:`parse_guid`).
"""

from __future__ import annotations

import binascii
import re
import uuid
from typing import Final

from netcontract.clr.compiled import extension as _extension
from netcontract.clr.compiled import speedups as _speedups
from netcontract.clr.numbers import NET_TRIM, show_text

__all__ = ["format_guid", "parse_guid"]

_UUID: Final = uuid.UUID
_UNKNOWN: Final = uuid.SafeUUID.unknown
_new = object.__new__
# the slots' own setters (UUID.__setattr__ refuses assignments)
_set_int = _UUID.__dict__["int"].__set__
_set_safe = _UUID.__dict__["is_safe"].__set__
_unhexlify = binascii.unhexlify
_from_bytes = int.from_bytes

_EXPECTED: Final = (
    "expected 32 hex digits as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx,"
    " optionally inside {} or (), or without hyphens"
)


def _invalid(text: str) -> ValueError:
    return ValueError(f"{show_text(text)} is not a valid Guid: {_EXPECTED}")


#: what .NET's Guid parser eats inside the X format and trims around any (Char.IsWhiteSpace)
_WS: Final = NET_TRIM
_EAT: Final = {ord(c): None for c in _WS}
_WS_SET: Final = frozenset(_WS)
_NUMBER: Final = r"0[xX]\+?(?:0[xX])?([0-9a-fA-F]+)"
#: the X format once white space is eaten: {0xa,0xb,0xc,{0xd,0xe,0xf,0xg,0xh,0xi,0xj,0xk}}
_X_FORMAT: Final = re.compile(
    r"\{" + ",".join([_NUMBER] * 3) + r",\{" + ",".join([_NUMBER] * 8) + r"\}\}"
)
_X_LIMITS: Final = (0xFFFFFFFF, 0xFFFF, 0xFFFF, *(0xFF,) * 8)


def _parse_x_format(text: str) -> uuid.UUID | None:
    """The X format as ``new Guid(string)`` reads it (Mono 6.8): white space anywhere inside
    eaten, ``0x`` or ``0X`` before each number, then ``+`` or a second ``0x`` allowed, any
    number of hex digits (leading zeros too) up to the field's size. None for another text;
    ValueError for a number too large: Mono refuses it for the first field and the bytes,
    and silently keeps the low 16 bits of the two shorts (``0x1d9cb`` is ``d9cb``), which
    netcontract refuses."""
    match = _X_FORMAT.fullmatch(text.translate(_EAT))
    if match is None:
        return None
    numbers = [int(digits, 16) for digits in match.groups()]
    for number, limit in zip(numbers, _X_LIMITS, strict=True):
        if number > limit:
            raise ValueError(
                f"{show_text(text)} is not a valid Guid: 0x{number:x} does not fit its"
                f" {limit.bit_length() // 8}-byte field"
                + (" (.NET keeps its low 16 bits)" if limit == 0xFFFF else "")
            )
    a, b, c, *rest = numbers
    return uuid.UUID(int=(a << 96) | (b << 80) | (c << 64) | int.from_bytes(bytes(rest), "big"))


def parse_guid(text: str) -> uuid.UUID:
    """Read a Guid in one of .NET's formats D, N, B or P, in any letter case.

    ``0f8fad5b-d9cb-469f-a165-70867728950e`` (D), ``0f8fad5bd9cb469fa16570867728950e`` (N),
    ``{…D…}`` (B), ``(…D…)`` (P). White space around the text (``Char.IsWhiteSpace``: also
    U+00A0, U+2003, U+2028…) is trimmed as ``new Guid(string)`` trims it (``String.Trim``):
    Mono reads `` G ``, ``\u00a0G\n`` to G in XML, Json.NET members and keys, WCF JSON members
    and simple dictionary keys alike; not NUL, U+200B or U+FEFF (no white space to .NET).

    The X format ``{0x0f8fad5b,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}`` as
    .NET reads it (:func:`_parse_x_format`; Mono reads it alike in XML, Json.NET members and
    keys, WCF JSON members and simple dictionary keys).

    Refused although ``new Guid(string)`` accepts them: an X-format short beyond 0xffff (.NET
    keeps its low 16 bits), and the legacy ``0x``/``+`` prefixes inside a group of the D
    format: ``0x8fad5b-…`` is ``008fad5b-…`` to .NET and ``+f8fad5b-…`` is ``0f8fad5b-…``, a
    text with fewer hex digits than its group holds, padded with zeros on the left: the
    digits written are not the digits read (a cut or mistyped Guid, never one a .NET writer
    wrote), so netcontract refuses it rather than guess.
    .NET never writes these. Python-only forms (``urn:uuid:…``, stray hyphens or braces as
    :class:`uuid.UUID` allows) are refused too.
    """
    if text[:1] in _WS_SET or text[-1:] in _WS_SET:  # "" is in no set
        text = text.strip(_WS)
    n = len(text)
    if n == 36:
        hex_text = text
    elif n == 38:
        first, last = text[0], text[37]
        if not ((first == "{" and last == "}") or (first == "(" and last == ")")):
            raise _invalid(text)
        hex_text = text[1:37]
    elif n == 32:
        hex_text = text
        if "-" in hex_text:
            raise _invalid(text)
    else:
        if text[:1] == "{" and text[-1:] == "}":
            value = _parse_x_format(text)
            if value is not None:
                return value
        raise _invalid(text)
    if n != 32:
        if hex_text[8] != "-" or hex_text[13] != "-" or hex_text[18] != "-" or hex_text[23] != "-":
            raise _invalid(text)
        hex_text = hex_text.replace("-", "")
    try:
        # unhexlify takes hex digits only: no sign, "0x", "_" or white space as int() would.
        raw = _unhexlify(hex_text)
    except ValueError:
        raise _invalid(text) from None
    if len(raw) != 16:  # other hyphens were removed above
        raise _invalid(text)
    value = _new(_UUID)
    _set_int(value, _from_bytes(raw, "big"))
    _set_safe(value, _UNKNOWN)
    return value


def format_guid(value: uuid.UUID) -> str:
    """The lowercase D format that both serializers write."""
    return str(value)


# The compiled codec (netcontract.clr.compiled): same results, the function above as fallback
PURE: Final = {"parse_guid": parse_guid}
"""The pure-Python reference of each codec that has a compiled version."""

if _extension is not None:  # registered even when not in use, for the differential tests
    _extension.set_fallback("parse_guid", parse_guid)
    _extension.setup_guid(_UUID, _UUID.__dict__["int"], _UUID.__dict__["is_safe"], _UNKNOWN)
if _speedups is not None:
    parse_guid = _speedups.parse_guid
