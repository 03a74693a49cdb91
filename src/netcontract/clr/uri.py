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
is proven, whatever netcontract can write: an authority whose host is no host or whose port
is no port (``http://[::1``, ``http://``, ``ws://a b/``, ``urn://h:99999``, ``mailto:u@v@h``, a
port over 65535), a file URI with a port or a DOS path that is not rooted (``file:c:x``), a
UNC path whose host is no host (``\\\\a b\\s``), a one-letter scheme that is no rooted DOS
path (``x:y``). It reads ``http:/ä`` (Mono: NullReferenceException; a relative URI for .NET's
reference source). docs/values.md §10 lists the rules and what is still read leniently.
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
    _refuse(text)
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


# --------------------------------------------------------------------------- refusals

#: the schemes whose syntax (System.UriParser) must have an authority, has no empty host and
#: takes user information and a port: http's flags (ftp's, gopher's, nntp's and telnet's
#: differ only outside the authority)
_AUTHORITY_SCHEMES: Final = frozenset((*DEFAULT_PORTS, "gopher", "nntp", "telnet"))
#: the schemes .NET knows (System.UriParser's table); any other is an "unknown V1" scheme
_KNOWN_SCHEMES: Final = frozenset(
    (
        *DEFAULT_PORTS,
        "file",
        "gopher",
        "nntp",
        "news",
        "mailto",
        "uuid",
        "telnet",
        "ldap",
        "net.tcp",
        "net.pipe",
        "vsmacros",
    )
)
#: the ASCII characters some host form (DNS name, IPv4, UNC name) may hold
_IPV6_CHARS: Final = frozenset("0123456789ABCDEFabcdef:./")
_IRI_DOTS: Final = str.maketrans("\u3002\uff0e\uff61", "...")
_ALNUM: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_IPV4_CHARS: Final = frozenset("0123456789ABCDEFabcdefXx.")
_HOST_ASCII: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")


def _ipv6_end(text: str, start: int) -> int:
    """IPv6AddressHelper.InternalIsValid (not strict: Mono reads ``[:1::]``) over ``text`` from
    ``start``, just after a ``[``: the index after the closing ``]`` if valid, -1 if not, 0
    where an IPv4 part (a ``.``) leaves it undecided. The address ends at the first ``]``; a
    ``%`` zone takes anything up to ``]`` or ``/``; ``/`` starts a prefix of 1 or 2 digits."""
    end = len(text)
    count = length = 0
    compressor = prefix = False
    expecting_number = True
    close = -1
    i = start
    while i < end:
        char = text[i]
        if ("0" <= char <= "9") if prefix else (char in _HEX):
            length += 1
            expecting_number = False
            i += 1
            continue
        if length > 4:
            return -1
        if length:
            count += 1
        if char == "%":
            while True:
                i += 1
                if i == end:
                    return -1
                if text[i] in "]/":
                    char = text[i]
                    break
        if char == "]":
            close = i
            break
        if char == ":":
            if text[i - 1] == ":":
                if compressor:
                    return -1
                compressor = True
                expecting_number = False
            else:
                expecting_number = True
        elif char == "/":
            if count == 0 or prefix:
                return -1
            prefix = True
            expecting_number = True
        elif char == ".":
            return 0
        else:
            return -1
        length = 0
        i += 1
    if close < 0 or (prefix and not 1 <= length <= 2):
        return -1
    expected = 9 if prefix else 8
    if (
        expecting_number
        or length > 4
        or not (count < expected if compressor else count == expected)
    ):
        return -1
    return close + 1


def _refuse_ipv6(text: str, address: str) -> None:
    """What IPv6AddressHelper.IsValid refuses for sure (up to the first ``]``, before any
    ``%`` zone): no address, no ``:`` (no ``::`` and not 8 parts), a character other than hex
    digits and ``:./``."""
    if "%" in address:
        return
    if ":" not in address or any(c not in _IPV6_CHARS for c in address):
        raise InvalidUri(f"{text!r}: the IPv6 host could not be parsed (.NET refuses it)")


def _dns_name(host: str) -> bool:
    """DomainNameHelper.IsValidByIri, leniently: labels (split at ``.`` and the IRI dots) whose
    characters below U+00A0 are ASCII letters, digits, ``-`` and ``_``, each starting with no
    ``-`` or ``_``; a final dot allowed; label lengths not checked."""
    dotted = host.translate(_IRI_DOTS)
    labels = (dotted[:-1] if dotted.endswith(".") else dotted).split(".")
    return all(
        label
        and (label[0] >= "\xa0" or label[0] in _ALNUM)
        and all(c >= "\xa0" or c in _HOST_ASCII for c in label)
        for label in labels
    )


def _unc_name(host: str) -> bool:
    """UncNameHelper.IsValid, leniently (any character from U+0080 up taken as a letter): a
    first segment that is not all digits, then segments that start with a letter or a
    digit; ``-`` and ``_`` only after one."""
    valid = False
    index = 0
    while index < len(host):
        char = host[index]
        index += 1
        if char == ".":
            break
        if char >= "\x80" or char.isalpha() or char in "-_":
            valid = True
        elif not "0" <= char <= "9":
            return False
    if not valid:
        return False
    for at in range(index, len(host)):
        char = host[at]
        if char == ".":
            if not valid or host[at - 1] == ".":
                return False
            valid = False
        elif char in "-_":
            if not valid:
                return False
        elif char >= "\x80" or char in _ALNUM:
            valid = True
        else:
            return False
    return valid or host.endswith(".")


def _bad_labels(host: str) -> bool:
    """A host no host form takes: an empty label (a host starting with a dot, or two dots in
    a row; IRI names also split at U+3002, U+FF0E and U+FF61, which UNC names do not take),
    or no DNS name, no UNC name and no IPv4 address (its characters only)."""
    dotted = host.translate(_IRI_DOTS)
    if dotted.startswith(".") or ".." in dotted:
        return True
    return not (_dns_name(host) or _unc_name(host) or all(c in _IPV4_CHARS for c in host))


def _bad_host_char(host: str) -> bool:
    """A character no host form takes: Uri's DNS, IRI, IPv4 and UNC host checks all refuse
    ASCII other than letters, digits, ``-._`` and U+0080..U+009F (only U+00A0 up is free)."""
    return any(c not in _HOST_ASCII and c < "\xa0" for c in host)


def _refuse(text: str) -> None:
    """Raise :class:`InvalidUri` for the texts ``new Uri(text, RelativeOrAbsolute)`` refuses
    by the rules below, whether or not netcontract can write them.

    System.Uri (``PrivateParseMinimal``, ``CheckAuthorityHelper``): white space is trimmed
    at both ends; an authority's user information ends at its first ``@`` (before any
    ``/?#\\``); the host runs to the first ``/\\:?#`` and must be an IPv6 address in
    brackets (up to the first ``]``), or a DNS, IRI, IPv4 or UNC name; a ``:`` after it starts
    a port of digits up to ``/?#``, at most 65535. A host that parses as none of these, or a
    bad port, is a fatal error (BadHostName, BadPort), not a relative URI.
    """
    trimmed = text.strip(_LWS)
    if text.startswith("\\\\"):
        _refuse_unc(text, trimmed)
        return
    match = _SCHEME.match(trimmed)
    if match is None:
        return
    scheme = match.group(1).lower()
    rest = trimmed[match.end() :]
    if scheme == "file":
        _refuse_file(text, rest)
    elif scheme == "mailto":
        # no '//': the authority starts right after "mailto:"; it may be empty
        if rest[:1] not in ("", "/", "?", "#"):
            _refuse_authority(text, rest, unknown=False)
    elif scheme in _AUTHORITY_SCHEMES:
        if rest.startswith("//"):  # else relative for .NET (Mono: NullReferenceException)
            _refuse_authority(text, rest[2:], unknown=False)
    elif scheme == "ldap":
        # http's authority, but it may be empty
        if rest.startswith("//") and rest[2:3] not in ("", "/", "?", "#"):
            _refuse_authority(text, rest[2:], unknown=False)
    elif len(scheme) > 1 and scheme not in _KNOWN_SCHEMES:
        # an authority after "//", or after 2 or 3 slashes of either kind (V1 compatibility)
        slashes = len(rest) - len(rest.lstrip("/\\"))
        if rest.startswith("//") or 2 <= slashes <= 3:
            _refuse_authority(text, rest[2:], unknown=True)


def _refuse_authority(text: str, rest: str, *, unknown: bool) -> None:
    """``rest``: what follows ``scheme://`` (an http-like or an unknown scheme)."""
    start = 0
    for index, char in enumerate(rest):
        if char in "?#\\/":
            break
        if char == "@":
            if index != len(rest) - 1:  # .NET: a '@' that ends the string starts no host
                start = index + 1
            break
    if unknown:
        if rest[:1] in ("", "/", "?", "#"):
            return  # an empty authority: allowed for an unknown scheme
        end = start
        while end < len(rest) and rest[end] not in "/\\:?#":
            end += 1
        if rest[:end] in (".", "..") and rest[end : end + 1] in ("", "/", "?", "#"):
            return  # "." and "..": .NET takes them as hosts of an unknown scheme
        if _DOS_AFTER_SLASHES.match(rest):
            return  # x://c:/ is a DOS path for an unknown scheme
    _refuse_host_port(text, rest, start, file=False)


def _refuse_host_port(text: str, rest: str, start: int, *, file: bool) -> None:
    """The host starting at ``rest[start]``, and the port after it (none for file URIs)."""
    if rest[start : start + 1] == "[":
        end = _ipv6_end(rest, start + 1)
        if end < 0:  # '[' is no other host form's
            raise InvalidUri(f"{text!r}: the IPv6 host could not be parsed (.NET refuses it)")
        if end == 0:  # an IPv4 part: what is sure without it
            close = rest.find("]", start)
            if close < 0:
                raise InvalidUri(f"{text!r}: the IPv6 host has no ']' (.NET refuses it)")
            _refuse_ipv6(text, rest[start + 1 : close])
            end = close + 1
    else:
        end = start
        while end < len(rest) and rest[end] not in "/\\:?#":
            end += 1
        host = rest[start:end]
        if not host:
            raise InvalidUri(f"{text!r} has an empty host (.NET refuses it)")
        if _bad_host_char(host) or _bad_labels(host):
            raise InvalidUri(f"{text!r}: the host could not be parsed (.NET refuses it)")
    after = rest[end : end + 1]
    if after == "\\" and not file:
        raise InvalidUri(f"{text!r}: a '\\' after the host (.NET refuses it)")
    if after == ":":
        if file:
            raise InvalidUri(f"{text!r}: a port in a file URI (.NET refuses it)")
        port_end = end + 1
        while port_end < len(rest) and rest[port_end] not in "/?#":
            port_end += 1
        digits = rest[end + 1 : port_end]
        if not all("0" <= c <= "9" for c in digits):
            raise InvalidUri(f"{text!r}: the port is not a number (.NET refuses it)")
        if digits and int(digits) > 65535:
            raise InvalidUri(f"{text!r}: the port is over 65535 (.NET refuses it)")


#: after "scheme://": at most one more slash, a letter, ':' or '|', a slash (a DOS path)
_DOS_AFTER_SLASHES: Final = re.compile(r"[/\\]?[A-Za-z][:|][/\\]")
#: slashes, a letter, ':' or '|' (a DOS path, rooted if a slash follows)
_DOS_PATH: Final = re.compile(r"([/\\]*)[A-Za-z][:|]")


def _refuse_file(text: str, rest: str) -> None:
    """``rest``: what follows ``file:``. A DOS path must be rooted (``file:c:x`` is refused,
    whatever slashes come first); after ``//`` or four slashes or more (``/`` or ``\\``)
    comes a host: no user information, no port (``file:\\\\h:1`` is relative on Mono)."""
    dos = _DOS_PATH.match(rest)
    if dos is not None:
        if rest[dos.end() : dos.end() + 1] not in ("/", "\\"):
            raise InvalidUri(f"{text!r} is a DOS path that is not rooted (.NET refuses it)")
        return
    slashes = len(rest) - len(rest.lstrip("/\\"))
    if (slashes >= 4 or (slashes == 2 and rest.startswith("//"))) and rest[
        slashes : slashes + 1
    ] not in ("", "?", "#"):
        _refuse_host_port(text, rest, slashes, file=True)


def _refuse_unc(text: str, trimmed: str) -> None:
    """``\\\\server\\share`` (two backslashes first, no white space before them, else
    .NET takes a relative URI): an implicit file URI whose host runs from after all the
    leading slashes to the next ``/`` or ``\\`` (``:?#`` end no host there) and is a DNS,
    IRI, IPv4, UNC name or a bracketed IPv6 address."""
    if len(text) < 3:
        return  # "\\\\" alone: a relative URI (white space after it counts: "\\\\ " is a UNC path)
    host = trimmed.lstrip("/\\")
    if host.startswith("["):
        valid = _ipv6_end(host, 1)
        if valid < 0:
            raise InvalidUri(f"{text!r}: the IPv6 host could not be parsed (.NET refuses it)")
        close = host.find("]")
        if valid == 0 and close < 0:
            raise InvalidUri(f"{text!r}: the IPv6 host has no ']' (.NET refuses it)")
        if valid == 0:
            _refuse_ipv6(text, host[1:close])
        return
    for index, char in enumerate(host):
        if char in "/\\":
            host = host[:index]
            break
    if not host:
        raise InvalidUri(f"{text!r}: a UNC path with an empty host (.NET refuses it)")
    if _bad_host_char(host) or _bad_labels(host):
        raise InvalidUri(f"{text!r}: a UNC path whose host could not be parsed (.NET refuses it)")


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
            # .NET ends the user information at the first '@': "u@v@h" has the host "v@h"
            # (refused by _refuse), "u@[::1]@x" the host [::1] (read by Mono)
            raise UnprovenUri(f"{text!r}: '@' in the user information")
        if not userinfo or not all(c in _UNRESERVED or c == ":" for c in userinfo):
            raise UnprovenUri(f"{text!r}: user information other than unreserved characters")
    port: int | None = None
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:  # "[::1/64]": a prefix (_refuse refuses what has no ']')
            raise UnprovenUri(f"{text!r}: an IPv6 host with a prefix")
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
            if int(digits) > 65535:
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
    """The canonical form of an IPv6 host .NET reads (_refuse refuses the others)."""
    if "%" in address or "." in address:
        raise UnprovenUri(f"{text!r}: an IPv6 host with a zone or an IPv4 part")
    if address.startswith(":") and not address.startswith("::"):
        raise UnprovenUri(f"{text!r}: an IPv6 host starting with one ':' (Mono: [:1::] is [0:1::])")
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        raise UnprovenUri(f"{text!r}: an IPv6 host netcontract cannot write") from None
    return f"[{parsed.compressed}]"


def check_readable(text: str) -> str:
    """``text`` if ``new Uri(text, UriKind.RelativeOrAbsolute)`` accepts it (as far as proven:
    texts netcontract cannot write are accepted); raises :class:`InvalidUri` otherwise."""
    with contextlib.suppress(UnprovenUri):
        serialization_text(text)
    return text
