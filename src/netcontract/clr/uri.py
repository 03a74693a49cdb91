"""``System.Uri``: the original text, and the normalized text DataContractSerializer writes.

A :class:`Uri` keeps the string it was made from (``Uri.OriginalString``): Json.NET writes that
string unchanged and every reader gives it back, so nothing is lost. DataContractSerializer (and
WCF's DataContractJsonSerializer) write ``Uri.GetComponents(SerializationInfoString,
UriEscaped)`` instead: a normalized, escaped text. :func:`serialization_text` emulates that
normalization for the forms proven against Mono (``tests/interop/test_uri_interop.py`` runs
thousands of generated strings through ``new Uri(s, UriKind.RelativeOrAbsolute)``) and raises
:class:`UnprovenUri` for any other text, rather than guess:

- absolute ``http``, ``https``, ``ws``, ``wss`` and ``ftp`` URIs: surrounding white space
  trimmed, scheme and ASCII host lowercased, default port dropped, ``/`` for an empty path, dot
  segments removed from the path, escapes of unreserved characters decoded (``%41`` -> ``A``),
  other escapes kept as written, characters URIs cannot carry (space, ``<>"{}|\\^``` ``, controls,
  non-ASCII) escaped as UTF-8, ``\\`` in the path read as ``/``; IPv6 hosts in .NET's
  canonical form; a lowercase Unicode (IDN) host kept;
- relative URIs (no scheme, not starting with ``/`` or ``\\``): escaped the same way, nothing
  else changed (``../a`` stays);
- the empty Uri.

Refused as unproven: other schemes (``mailto:``, ``urn:``, ``file:``...), paths Mono reads as
Unix or DOS file paths (``/abs``, ``C:\\dir``), numeric IPv4 hosts other than four canonical
decimal parts, user information with anything but unreserved characters, non-ASCII hosts with
capitals, lowercase escapes of non-ASCII bytes (``%c3%a4``: .NET rewrites them depending on
their neighbours).

:func:`check_readable` refuses what ``new Uri(s, RelativeOrAbsolute)`` refuses, as far as it
is proven: a known scheme whose authority does not parse (``http://[::1``, ``http://``, a port
over 65535), a one-letter scheme that is no rooted DOS path (``x:y``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import unicodedata
from typing import Final, final

__all__ = [
    "DEFAULT_PORTS",
    "InvalidUri",
    "UnprovenUri",
    "Uri",
    "check_readable",
    "serialization_text",
]

#: the schemes whose normalization is proven, with their default ports
DEFAULT_PORTS: Final = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}


class UnprovenUri(ValueError):  # noqa: N818 - a ValueError whose message says why
    """netcontract cannot prove the text .NET writes for this URI (it refuses to guess)."""


class InvalidUri(ValueError):  # noqa: N818 - a ValueError whose message says why
    """``new Uri(text, UriKind.RelativeOrAbsolute)`` throws a UriFormatException."""


@final
class Uri:
    """An immutable .NET ``System.Uri``, holding the string it was made from.

    ``Uri("HTTP://Example.com/a b")``: :attr:`original_string` is the text as given (what
    Json.NET writes and reads); ``str(uri)`` is that text too. The text .NET's
    DataContractSerializer writes is :meth:`serialization_text` (raises ``ValueError`` where
    netcontract cannot prove it). Only texts ``new Uri(text, UriKind.RelativeOrAbsolute)``
    accepts are accepted (as far as :func:`check_readable` knows them).
    """

    __slots__ = ("_original",)

    _original: str

    def __init__(self, original_string: str) -> None:
        if type(original_string) is not str:
            raise TypeError(f"a Uri is made from a str, not {type(original_string).__name__}")
        if not original_string.isascii() and _LONE_SURROGATE.search(original_string):
            raise ValueError("the string holds a lone surrogate (an unpaired \\uD800-\\uDFFF)")
        check_readable(original_string)
        self._original = original_string

    @property
    def original_string(self) -> str:
        """``Uri.OriginalString``: the text the Uri was made from."""
        return self._original

    def serialization_text(self) -> str:
        """The text DataContractSerializer writes (raises :class:`UnprovenUri`)."""
        return serialization_text(self._original)

    def __eq__(self, other: object) -> bool:
        return type(other) is Uri and other._original == self._original

    def __hash__(self) -> int:
        return hash((Uri, self._original))

    def __repr__(self) -> str:
        return f"Uri({self._original!r})"

    def __str__(self) -> str:
        return self._original

    def __reduce__(self) -> tuple[object, ...]:
        return (Uri, (self._original,))


# --------------------------------------------------------------------------- character rules

#: System.Uri's "LWS" trimmed around an absolute URI (Mono: space, tab, CR, LF)
_LWS: Final = " \t\r\n"
_UNRESERVED: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
#: ASCII characters .NET escapes in a path, query, fragment or relative URI (Mono probe over
#: U+0000..U+007F); ``%`` only where no two hex digits follow
_ESCAPED_ASCII: Final = frozenset(
    [chr(c) for c in range(0x20)] + [" ", '"', "<", ">", "\\", "^", "`", "{", "|", "}", "\x7f"]
)
_HEX: Final = frozenset("0123456789ABCDEFabcdef")
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_ESCAPE: Final = re.compile("%[0-9A-Fa-f]{2}")
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_REG_NAME: Final = re.compile(r"[A-Za-z0-9\-_.]+")
_IPV4: Final = re.compile(r"(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}")
_NUMERIC_HOST: Final = re.compile(r"[0-9.]+|.*\.[0-9]+\.?|(0[xX][0-9A-Fa-f]*|[0-9]+)(\..*)?")


def _escape_char(char: str) -> str:
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def _escape(text: str, *, backslash: str = "%5C") -> str:
    """``text`` escaped as .NET escapes a path, query, fragment or relative URI: unreserved
    escapes decoded, other escapes kept as written, what URIs cannot carry escaped."""
    out: list[str] = []
    i, n = 0, len(text)
    # where the last escape starts (escapes cannot overlap): one pass, so that a text of many
    # bare '%' stays linear
    last_escape = -1
    if "%" in text:
        for found in _ESCAPE.finditer(text):
            last_escape = found.start()
    while i < n:
        char = text[i]
        if char == "%":
            if i + 2 < n and text[i + 1] in _HEX and text[i + 2] in _HEX:
                pair = text[i + 1 : i + 3]
                code = int(pair, 16)
                if code >= 0x80 and pair != pair.upper():
                    # Mono rewrites %c3%a4 (uppercase) or keeps %e2%82, depending on the
                    # bytes around it: not proven
                    raise UnprovenUri(
                        f"the lowercase escape %{pair} of a non-ASCII byte is written by .NET "
                        "in a form netcontract cannot prove"
                    )
                decoded = chr(code)
                out.append(decoded if decoded in _UNRESERVED else f"%{pair}")
                i += 3
                continue
            if last_escape > i:
                # Mono keeps the next escape as written after a '%' that starts none
                # ("%%41" -> "%25%41"), and decodes later ones: not proven further
                raise UnprovenUri(
                    "a '%' that starts no escape, followed by an escape, is written by .NET in "
                    "a form netcontract cannot prove"
                )
            out.append("%25")
        elif char == "\\":
            out.append(backslash)
        elif char in _ESCAPED_ASCII:
            out.append(f"%{ord(char):02X}")
        elif char > "\x7f":
            out.append(_escape_char(char))
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4 over a path starting with ``/`` (``.`` and ``..`` segments only)."""
    segments = path.split("/")[1:]
    out: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                out.append("")
        elif segment == "..":
            if out:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


# --------------------------------------------------------------------------- the codec


def serialization_text(text: str) -> str:
    """The text DataContractSerializer writes for ``new Uri(text, RelativeOrAbsolute)``
    (``GetComponents(SerializationInfoString, UriEscaped)``), where proven.

    Raises :class:`UnprovenUri` where netcontract cannot prove the text, :class:`InvalidUri`
    where .NET refuses the string.
    """
    if text == "":
        return ""
    match = _SCHEME.match(text.lstrip(_LWS))
    if match is None:
        return _relative(text)
    scheme = match.group(1).lower()
    if scheme not in DEFAULT_PORTS:
        if len(scheme) == 1:
            if text.lstrip(_LWS)[match.end() : match.end() + 1] not in ("/", "\\", ""):
                raise InvalidUri(f"{text!r} is a DOS path that is not rooted (.NET refuses it)")
            raise UnprovenUri(
                f"{text!r} is a DOS path (file URI) whose text .NET writes differently on Mono "
                "and Windows"
            )
        raise UnprovenUri(
            f"the scheme {scheme!r}: netcontract proves .NET's text for http, https, ws, wss, "
            "ftp and relative URIs only"
        )
    if text[-1] in _LWS:
        if scheme in ("http", "https"):
            _absolute(text.strip(_LWS), scheme, match.end())  # what .NET refuses, trimmed or not
        # Mono trims it in some URIs and escapes it in others (and crashes on "http://h:0\n")
        raise UnprovenUri(f"{text!r} ends in white space, which .NET writes unpredictably")
    try:
        return _absolute(text.lstrip(_LWS), scheme, match.end())
    except InvalidUri:
        if scheme in ("http", "https"):
            raise
        # the host rules are proven for http and https only (ftp reads "[::1]{")
        raise UnprovenUri(f"{text!r}: an authority netcontract cannot prove .NET reads") from None


def _relative(text: str) -> str:
    first = text[0]
    if first in "/\\":
        raise UnprovenUri(
            f"{text!r} starts with {first!r}: Mono reads it as a file path (file:///...), "
            ".NET Framework on Windows as a relative URI"
        )
    if len(text) > 1 and text[1] == "|" and text[0].isascii() and text[0].isalpha():
        if text[2:3] in ("/", "\\"):
            raise UnprovenUri(f"{text!r} is a DOS path (a|/ means a:/), a file URI")
        if len(text) == 2:
            raise UnprovenUri(f"{text!r} is a DOS drive, a file URI")
        raise InvalidUri(f"{text!r} is a DOS path that is not rooted (.NET refuses it)")
    for char in text:
        if char in "/?#":
            break
        if char == ":":
            # "::", "a b:c": relative for .NET, not proven how it escapes them
            raise UnprovenUri(f"{text!r} has a colon in its first segment")
    return _escape(text)


def _absolute(text: str, scheme: str, start: int) -> str:
    rest = text[start:]
    if not rest.startswith("//"):
        raise UnprovenUri(f"{text!r} has no '//' after its scheme")
    rest = rest[2:]
    end = len(rest)
    for index, char in enumerate(rest):
        # Mono: a '\\' does not end the authority ("http://h\\x" is refused)
        if char in "/?#":
            end = index
            break
    authority, tail = rest[:end], rest[end:]
    userinfo, host, port = _authority(text, authority, scheme)
    path, query, fragment = tail, "", ""
    hash_at = path.find("#")
    if hash_at >= 0:
        path, fragment = path[:hash_at], path[hash_at:]
    question = path.find("?")
    if question >= 0 and scheme != "ftp":  # ftp has no query: '?' is part of the path
        path, query = path[:question], path[question:]
    path = _escape(path, backslash="/").replace("?", "%3F")
    path = _remove_dot_segments(path if path.startswith("/") else "/" + path)
    out = [scheme, "://"]
    if userinfo is not None:
        out += [userinfo, "@"]
    out.append(host)
    if port is not None and port != DEFAULT_PORTS[scheme]:
        out.append(f":{port}")
    out += [path, _escape(query), _escape(fragment)]
    return "".join(out)


def _authority(text: str, authority: str, scheme: str) -> tuple[str | None, str, int | None]:
    userinfo: str | None = None
    if "@" in authority:
        userinfo, authority = authority.rsplit("@", 1)
        if "@" in userinfo:
            raise InvalidUri(f"{text!r}: '@' in the user information (.NET refuses it)")
        if not userinfo or not all(c in _UNRESERVED or c == ":" for c in userinfo):
            raise UnprovenUri(f"{text!r}: user information other than unreserved characters")
    port: int | None = None
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:
            raise InvalidUri(f"{text!r}: the IPv6 host has no ']' (.NET refuses it)")
        host = _ipv6(text, authority[1:close])
        after = authority[close + 1 :]
    else:
        colon = authority.find(":")
        raw_host, after = (authority, "") if colon < 0 else (authority[:colon], authority[colon:])
        host = _host(text, raw_host)
    if after:
        if not after.startswith(":"):
            # "[::1]%41" is read by Mono, "a b" is not: only the latter is proven
            if authority.startswith("["):
                raise UnprovenUri(f"{text!r}: text after the IPv6 host")
            raise InvalidUri(f"{text!r}: the host could not be parsed (.NET refuses it)")
        digits = after[1:]
        if digits and not (digits.isascii() and digits.isdigit()):
            raise InvalidUri(f"{text!r}: the port is not a number (.NET refuses it)")
        if digits:
            if len(digits) > 5 or int(digits) > 65535:
                raise InvalidUri(f"{text!r}: the port is over 65535 (.NET refuses it)")
            port = int(digits)
    return userinfo, host, port


def _host(text: str, host: str) -> str:
    if not host:
        raise InvalidUri(f"{text!r} has an empty host (.NET refuses it)")
    if host.startswith(".") or ".." in host:
        raise InvalidUri(f"{text!r}: an empty label in the host (.NET refuses it)")
    if len(host) > 255 or any(len(label) > 63 for label in host.split(".")):
        raise UnprovenUri(f"{text!r}: a host label over 63 characters or a host over 255")
    if host.isascii():
        if not _REG_NAME.fullmatch(host):
            raise InvalidUri(f"{text!r}: the host could not be parsed (.NET refuses it)")
        if _NUMERIC_HOST.fullmatch(host):
            if _IPV4.fullmatch(host) and all(int(p) <= 255 for p in host.split(".")):
                return host
            raise UnprovenUri(f"{text!r}: a numeric host .NET rewrites (1.2.3 -> 1.2.0.3)")
        return host.lower()
    if (
        host != host.lower()
        or unicodedata.normalize("NFC", host) != host
        or not all(c in _UNRESERVED or (c > "\x7f" and c.isalnum()) for c in host)
    ):
        raise UnprovenUri(
            f"{text!r}: a Unicode host with capitals or symbols, which .NET writes in a form "
            "netcontract cannot prove"
        )
    return host


def _ipv6(text: str, address: str) -> str:
    if "%" in address or "." in address:
        raise UnprovenUri(f"{text!r}: an IPv6 host with a zone or an IPv4 part")
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        raise InvalidUri(f"{text!r}: the IPv6 host could not be parsed (.NET refuses it)") from None
    return f"[{parsed.compressed}]"


def check_readable(text: str) -> str:
    """``text`` if ``new Uri(text, UriKind.RelativeOrAbsolute)`` accepts it (as far as proven:
    texts netcontract cannot write are accepted); raises :class:`InvalidUri` otherwise."""
    with contextlib.suppress(UnprovenUri):
        serialization_text(text)
    return text
