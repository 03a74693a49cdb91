"""Media types as ASP.NET Web API handles them: reading a body by its ``Content-Type`` and
choosing the answer's format from ``Accept`` (content negotiation).

Web API's default formatters, in their order: JSON (``application/json``, ``text/json``),
XML (``application/xml``, ``text/xml``), and two form formatters
(``application/x-www-form-urlencoded``) that read only. Each writer supports UTF-8 (first, the
default) and UTF-16 (little-endian, written with a byte order mark).

:func:`negotiate` follows Web API 2's ``DefaultContentNegotiator``: ``Accept`` values sorted by
q-value (ties: the more specific first, otherwise header order), each formatter matched
against the first value that covers one of its media types; the best literal, ``type/*``
and ``*/*`` match wins by quality, ties going to the earlier formatter (JSON); with no
``Accept`` match, the request's own ``Content-Type``; else the first formatter (JSON). A
q-value of 0 never matches. There is no 406: an ``Accept`` nothing matches gets JSON.
"""

from __future__ import annotations

import codecs
from typing import Any, Final, Literal, TypeVar

import attrs

from netcontract.conversions import from_json, from_xml, to_json, to_xml
from netcontract.errors import (
    FormSyntaxError,
    InputTypeError,
    JsonSyntaxError,
    Problem,
    UnreadableBodyError,
    UnsupportedMediaTypeError,
    XmlSyntaxError,
)
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, Limits, ReadContext, as_document
from netcontract.webapi.forms import FORM_MEDIA_TYPE, from_form

__all__ = [
    "JSON_MEDIA_TYPES",
    "REQUEST_MEDIA_TYPES",
    "XML_MEDIA_TYPES",
    "MediaType",
    "Negotiated",
    "UnreadableBodyError",
    "UnsupportedMediaTypeError",
    "WireFormat",
    "decode_body",
    "encode_body",
    "negotiate",
    "parse_accept",
]

T = TypeVar("T")

#: ``"json"``, ``"xml"`` or ``"form"``
WireFormat = Literal["json", "xml", "form"]

JSON_MEDIA_TYPES: Final = ("application/json", "text/json")
XML_MEDIA_TYPES: Final = ("application/xml", "text/xml")
#: the request formats of ``POST api/v2/CustomerGroup``, in the help page's order
REQUEST_MEDIA_TYPES: Final = (*JSON_MEDIA_TYPES, *XML_MEDIA_TYPES, FORM_MEDIA_TYPE)

#: the writing formatters, in Web API's order
_WRITERS: Final[tuple[tuple[WireFormat, tuple[str, ...]], ...]] = (
    ("json", JSON_MEDIA_TYPES),
    ("xml", XML_MEDIA_TYPES),
)
#: the encodings of the JSON and XML formatters, by ``Encoding.WebName``, in their order
_ENCODINGS: Final = ("utf-8", "utf-16")


def _unsupported(media_type: str | None, message: str | None = None) -> UnsupportedMediaTypeError:
    if message is None:
        shown = "no Content-Type" if not media_type else f"media type {media_type!r}"
        message = f"{shown} is not supported; use one of: {', '.join(REQUEST_MEDIA_TYPES)}"
    return UnsupportedMediaTypeError(media_type, message)


# ----------------------------------------------------------------------------- parsing


_TOKEN_CHARS: Final = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz")


def _is_token(text: str) -> bool:
    return bool(text) and all(c in _TOKEN_CHARS for c in text.lower())


def _split_params(text: str) -> list[str]:
    """Split at ``;`` outside quoted strings."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


@attrs.frozen
class MediaType:
    """One media type with its parameters, as in ``Content-Type`` or one ``Accept`` value."""

    type: str  #: lowercase, ``*`` for a range
    subtype: str  #: lowercase, ``*`` for a range
    params: tuple[tuple[str, str], ...] = ()  #: (lowercase name, value) in order

    @classmethod
    def parse(cls, text: str) -> MediaType:
        """Parse ``type/subtype; name=value; ...``; raises ValueError when malformed."""
        head, *rest = _split_params(text)
        main, slash, sub = head.strip().partition("/")
        main, sub = main.strip().lower(), sub.strip().lower()
        if not slash or not _is_token(main) or not _is_token(sub) or (main == "*" != sub):
            raise ValueError(f"{text.strip()!r} is not a media type (type/subtype)")
        params = []
        for piece in rest:
            name, eq, value = piece.strip().partition("=")
            name, value = name.strip().lower(), value.strip()
            if not eq or not _is_token(name):
                raise ValueError(f"{text.strip()!r}: bad parameter {piece.strip()!r}")
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            params.append((name, value))
        return cls(main, sub, tuple(params))

    @property
    def mime(self) -> str:
        """``type/subtype``."""
        return f"{self.type}/{self.subtype}"

    def param(self, name: str) -> str | None:
        """The first value of a parameter (names are case-insensitive), or None."""
        name = name.lower()
        return next((v for k, v in self.params if k == name), None)

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter, lowercase, or None."""
        value = self.param("charset")
        return None if value is None else value.strip().lower()

    @property
    def quality(self) -> float:
        """The ``q`` parameter (1.0 when absent or malformed, as a missing value)."""
        value = self.param("q")
        if value is None:
            return 1.0
        try:
            q = float(value)
        except ValueError:
            return 1.0
        return q if 0.0 <= q <= 1.0 else 1.0

    def covers(self, media_type: str) -> str | None:
        """How this (``Accept``) range covers ``media_type``: ``"literal"``, ``"subtype"``
        (``type/*``), ``"all"`` (``*/*``), or None."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return "all"
        if self.type != main:
            return None
        if self.subtype == "*":
            return "subtype"
        return "literal" if self.subtype == sub else None


def parse_accept(header: str | None) -> list[MediaType]:
    """The values of an ``Accept`` header; malformed values are skipped (Web API ignores
    them too)."""
    values = []
    for piece in _split_commas(header or ""):
        if piece.strip():
            try:
                values.append(MediaType.parse(piece))
            except ValueError:
                continue
    return values


def _split_commas(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _specificity(value: MediaType) -> int:
    if value.type == "*":
        return 0
    return 1 if value.subtype == "*" else 2


def _sorted_accept(values: list[MediaType]) -> list[MediaType]:
    # MediaTypeWithQualityHeaderValueComparer: q, then specificity; OrderByDescending is stable
    return sorted(values, key=lambda v: (v.quality, _specificity(v)), reverse=True)


def _parse_charsets(header: str | None) -> list[tuple[str, float]]:
    result = []
    for piece in _split_commas(header or ""):
        name, *params = piece.split(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 1.0
        result.append((name, q))
    # StringWithQualityHeaderValueComparer: by q, stable
    return sorted(result, key=lambda item: item[1], reverse=True)


# ----------------------------------------------------------------------------- negotiation


@attrs.frozen
class Negotiated:
    """The outcome of content negotiation."""

    format: WireFormat  #: ``"json"`` or ``"xml"``
    media_type: str  #: e.g. ``application/json`` or ``text/xml``
    charset: str  #: ``utf-8`` or ``utf-16``

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` Web API writes: ``application/json; charset=utf-8``."""
        return f"{self.media_type}; charset={self.charset}"


_RANKS: Final = ("literal", "subtype", "all")


def negotiate(
    accept: str | None = None,
    *,
    request_content_type: str | None = None,
    accept_charset: str | None = None,
) -> Negotiated:
    """Choose the answer's format and charset as Web API 2's ``DefaultContentNegotiator``
    does for a type both JSON and XML can write (see the module documentation).

    ``request_content_type`` is the request's ``Content-Type``: it decides when ``Accept``
    matches nothing, and its charset is the answer's when ``Accept-Charset`` matches none.
    """
    sorted_accept = _sorted_accept(parse_accept(accept))
    best: dict[str, tuple[float, WireFormat, str]] = {}
    for fmt, media_types in _WRITERS:
        match = _match_accept(sorted_accept, media_types)
        if match is not None:
            rank, quality, media_type = match
            current = best.get(rank)
            if current is None or quality > current[0]:  # ties: the earlier formatter
                best[rank] = (quality, fmt, media_type)
    chosen: tuple[float, WireFormat, str] | None = None
    for rank in _RANKS:
        candidate = best.get(rank)
        if candidate is not None and (chosen is None or candidate[0] > chosen[0]):
            chosen = candidate
    request_type = _parse_or_none(request_content_type)
    if chosen is None and request_type is not None:
        for fmt, media_types in _WRITERS:
            if request_type.mime in media_types:
                chosen = (1.0, fmt, request_type.mime)
                break
    if chosen is None:
        fmt, media_types = _WRITERS[0]
        chosen = (1.0, fmt, media_types[0])
    _, fmt, media_type = chosen
    return Negotiated(fmt, media_type, _charset(accept_charset, request_type))


def _match_accept(
    sorted_accept: list[MediaType], media_types: tuple[str, ...]
) -> tuple[str, float, str] | None:
    for value in sorted_accept:
        if value.quality == 0.0:
            continue
        for media_type in media_types:
            rank = value.covers(media_type)
            if rank is not None:
                return rank, value.quality, media_type
    return None


def _parse_or_none(text: str | None) -> MediaType | None:
    if not text:
        return None
    try:
        return MediaType.parse(text)
    except ValueError:
        return None


def _charset(accept_charset: str | None, request_type: MediaType | None) -> str:
    for name, q in _parse_charsets(accept_charset):
        if q == 0.0:
            continue
        if name == "*":
            return _ENCODINGS[0]
        if name in _ENCODINGS:
            return name
    if request_type is not None:
        charset = request_type.charset
        if charset is not None and charset in _ENCODINGS:
            return charset
    return _ENCODINGS[0]


# ----------------------------------------------------------------------------- encode / decode


def _encode_text(text: bytes, charset: str) -> bytes:
    if charset == "utf-16":
        # UnicodeEncoding(bigEndian: false, byteOrderMark: true): the writer puts the BOM first
        return codecs.BOM_UTF16_LE + text.decode("utf-8").encode("utf-16-le")
    return text


def encode_body(
    obj: Any,
    accept: str | None = None,
    *,
    request_content_type: str | None = None,
    accept_charset: str | None = None,
    indent: bool = False,
    settings: JsonSettings | None = None,
) -> tuple[bytes, str]:
    """Write ``obj`` in the format Web API would answer with: ``(body, content_type)``.

    The format comes from :func:`negotiate`; the body is :func:`~netcontract.to_json` or
    :func:`~netcontract.to_xml` (no XML declaration), in UTF-8, or in UTF-16 little-endian
    with a byte order mark when ``utf-16`` was negotiated (``Accept-Charset``, or the
    request's charset). ``settings``: the server's Json.NET settings (JSON only).
    """
    chosen = negotiate(
        accept, request_content_type=request_content_type, accept_charset=accept_charset
    )
    raw = (
        to_json(obj, indent=indent, settings=settings)
        if chosen.format == "json"
        else to_xml(obj, indent=indent)
    )
    return _encode_text(raw, chosen.charset), chosen.content_type


def format_of(content_type: str | None) -> tuple[WireFormat, MediaType]:
    """The format that reads a body of this ``Content-Type``; raises
    :class:`UnsupportedMediaTypeError` for anything else (and for no ``Content-Type``)."""
    if not content_type or not content_type.strip():
        raise _unsupported(None)
    try:
        media = MediaType.parse(content_type)
    except ValueError:
        raise _unsupported(content_type) from None
    if media.mime in JSON_MEDIA_TYPES:
        return "json", media
    if media.mime in XML_MEDIA_TYPES:
        return "xml", media
    if media.mime == FORM_MEDIA_TYPE:
        return "form", media
    raise _unsupported(media.mime)


_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _bom(body: bytes) -> tuple[str | None, int]:
    for mark, name in _BOMS:
        if body.startswith(mark):
            return name, len(mark)
    return None, 0


def _check_charset(media: MediaType, allowed: tuple[str, ...]) -> str | None:
    charset = media.charset
    if charset is not None and charset not in allowed:
        raise _unsupported(
            media.mime,
            f"charset {charset!r} is not supported for {media.mime}; use {' or '.join(allowed)}",
        )
    return charset


def _unreadable(message: str) -> UnreadableBodyError:
    return UnreadableBodyError([Problem("", message)])


def _json_text(body: bytes, charset: str | None) -> str:
    # StreamReader(stream, encoding) with byte-order-mark detection: a BOM wins
    name, skip = _bom(body)
    if name is None:
        name = "utf-16-le" if charset == "utf-16" else "utf-8"
    try:
        return body[skip:].decode(name)
    except UnicodeDecodeError as exc:
        raise _unreadable(f"the body is not valid {name.upper()}: {exc.reason}") from None


def _xml_bytes(body: bytes, charset: str | None) -> bytes:
    # XmlDictionaryReader.CreateTextReader(stream, encoding): the document must be in it
    name, _ = _bom(body)
    if charset == "utf-16" and name not in ("utf-16-le", "utf-16-be"):
        raise _unreadable("charset=utf-16, but the body has no UTF-16 byte order mark")
    if charset in (None, "utf-8") and name is not None and name != "utf-8":
        raise _unreadable(f"the body is {name.upper()} (byte order mark), but the charset is UTF-8")
    if charset in (None, "utf-8") and body[:2] in (b"<\x00", b"\x00<"):
        # UTF-16 without a byte order mark: parse_xml reads it when its declaration says
        # UTF-16, but Web API's reader is made for the charset, UTF-8, and refuses it
        raise _unreadable("the body is UTF-16 (no byte order mark), but the charset is UTF-8")
    return body


def decode_body(
    body: bytes,
    content_type: str | None,
    cls: type[T] | Any,
    *,
    limits: Limits = DEFAULT_LIMITS,
    settings: JsonSettings | None = None,
) -> T:
    """Read a request body by its ``Content-Type``, as Web API's formatters do
    (``settings``: the server's Json.NET settings, for JSON bodies).

    JSON and XML: ``charset`` ``utf-8`` (the default) or ``utf-16``; a JSON body's byte
    order mark decides over the charset, an XML body must be in its charset (UTF-16 with a
    byte order mark). Forms: UTF-8 (see :func:`~netcontract.from_form`).

    Raises :class:`UnsupportedMediaTypeError` for another media type or charset (Web API
    answers 415; it would read an unknown charset as UTF-8, which netcontract refuses),
    :class:`UnreadableBodyError` for a body that is not well-formed (or a form body none of
    whose keys names a member), :class:`~netcontract.QuotaExceededError` for a body over
    ``limits`` (``max_bytes`` before anything is decoded), and a
    :class:`~netcontract.PayloadError` for values the contract refuses.
    """
    document = as_document(body, "decode_body")
    if isinstance(document, str):  # a body is bytes: its charset is what this function decodes
        raise InputTypeError("decode_body() reads a body given as bytes, not str")
    body = document
    fmt, media = format_of(content_type)
    if len(body) > limits.max_bytes:  # before a charset decoding copies it
        ReadContext(limits=limits).exceeded("", "max_bytes", limits.max_bytes, "bytes")
    result: Any
    if fmt == "form":
        _check_charset(media, ("utf-8", "us-ascii"))
        try:
            result = from_form(body, cls, limits=limits)
        except FormSyntaxError as exc:
            raise UnreadableBodyError(exc.problems) from None
        return result  # type: ignore[no-any-return]
    charset = _check_charset(media, _ENCODINGS)
    try:
        if fmt == "json":
            result = from_json(_json_text(body, charset), cls, limits=limits, settings=settings)
        else:
            result = from_xml(_xml_bytes(body, charset), cls, limits=limits)
    except (JsonSyntaxError, XmlSyntaxError) as exc:
        raise UnreadableBodyError(exc.problems) from None
    return result  # type: ignore[no-any-return]
