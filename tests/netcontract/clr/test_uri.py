"""``nc.Uri``: the original string kept, .NET's normalized XML text where proven, refusals.

Every expected text is Mono's (``new Uri(s, UriKind.RelativeOrAbsolute)`` written by
DataContractSerializer, Json.NET 6.0.8 and DataContractJsonSerializer on Mono 6.8), pinned
here so the rules hold without Mono; ``tests/interop/test_uri_interop.py`` re-asks Mono over
thousands of generated strings.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from xml.sax.saxutils import escape as xml_escape

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import netcontract as nc
from netcontract.clr.uri import InvalidUri, UnprovenUri, serialization_text
from netcontract.clr.value_types import URI, by_contract_name, for_annotation
from netcontract.strategies import uris

NS = "http://netcontract/uri"
#: a shared 2-core machine makes drawing (retries inside uris()) look slow
_SLOW = [HealthCheck.too_slow, HealthCheck.filter_too_much]
OPEN = f'<UH xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'


@nc.contract(xml_namespace=NS)
@attrs.define
class UH:
    U: nc.Uri | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class LH:
    L: list[nc.Uri | None] | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class OH:
    O: object = None  # noqa: E741 - the .NET member's name


# Mono: the element text DataContractSerializer writes for new Uri(s, RelativeOrAbsolute)
MONO_XML_TEXTS = [
    ("http://example.com", "http://example.com/"),
    ("HTTP://Ex.COM:80/a/../b/%41%7e%2f x?q= 1#f g", "http://ex.com/b/A~%2f%20x?q=%201#f%20g"),
    ("https://h:443", "https://h/"),
    ("http://h:8080", "http://h:8080/"),
    ("ftp://h:21/", "ftp://h/"),
    ("ftp://h/a?b", "ftp://h/a%3Fb"),  # ftp has no query
    ("ws://h:80/", "ws://h/"),
    ("wss://H:443/x", "wss://h/x"),
    ("http://h:080/", "http://h/"),
    ("http://h:/", "http://h/"),
    ("http://[0:0::1]/", "http://[::1]/"),
    ("http://[2001:DB8::0:1]/", "http://[2001:db8::1]/"),
    ("http://h./", "http://h./"),
    ("http://a_b.com/", "http://a_b.com/"),
    ("http://h/#a#b", "http://h/#a#b"),
    ("http://h/a/...", "http://h/a/..."),
    ("http://h/a/b/..", "http://h/a/"),
    ("http://h/..", "http://h/"),
    ("http://h//a", "http://h//a"),
    ("http://h/a/./", "http://h/a/"),
    ("http://h/a/%2e%2E/b", "http://h/b"),
    ("http://h/a%2F%2e", "http://h/a%2F."),
    ("http://u:p@H/", "http://u:p@h/"),
    ("http://h?x", "http://h/?x"),
    ("http://h/a?b/../c", "http://h/a?b/../c"),
    (" http://h/", "http://h/"),
    ("\thttp://h/", "http://h/"),
    ("http://h/a\\b", "http://h/a/b"),
    ("http://h/?a\\b", "http://h/?a%5Cb"),
    ("http://h/%zz", "http://h/%25zz"),
    ("http://h/%", "http://h/%25"),
    ("http://h/ä?ö#ü", "http://h/%C3%A4?%C3%B6#%C3%BC"),
    ("http://h/\U0001f600", "http://h/%F0%9F%98%80"),
    ("http://h/%C3%A4", "http://h/%C3%A4"),
    ("http://h/%E2%82", "http://h/%E2%82"),
    ("http://h/ä%2f", "http://h/%C3%A4%2f"),
    ("http://h/a&b<c>", "http://h/a&b%3Cc%3E"),
    ("http://münchen.de/", "http://münchen.de/"),
    ("http://xn--mnchen-3ya.de/", "http://xn--mnchen-3ya.de/"),
    ("http://1.2.3.4:80/", "http://1.2.3.4/"),
    ("a b", "a%20b"),
    (" ", "%20"),
    (" a", "%20a"),
    ("a/../b", "a/../b"),
    ("../up/x y", "../up/x%20y"),
    ("a%41%zz", "aA%25zz"),
    ("ä", "%C3%A4"),
    ("ab|c", "ab%7Cc"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "written"), MONO_XML_TEXTS)
def test_xml_text_is_monos(text: str, written: str) -> None:
    assert serialization_text(text) == written
    escaped = written.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert nc.to_xml(UH(nc.Uri(text))) == f"{OPEN}<U>{escaped}</U></UH>".encode()


@pytest.mark.parametrize(("text", "written"), MONO_XML_TEXTS[:12])
def test_json_writes_the_original_string_and_wcf_json_the_xml_text(text: str, written: str) -> None:
    uri = nc.Uri(text)
    # Mono: Json.NET writes OriginalString; DataContractJsonSerializer the DCS text, '/' as '\/'
    assert nc.to_json(UH(uri)) == b'{"U":' + json.dumps(text).encode() + b"}"
    assert uri == nc.from_json(nc.to_json(UH(uri)), UH).U
    wcf = nc.to_wcf_json(UH(uri))
    assert wcf == b'{"U":"' + written.replace("/", "\\/").encode() + b'"}'
    assert nc.Uri(written) == nc.from_wcf_json(wcf, UH).U


def test_pinned_mono_documents() -> None:
    uri = nc.Uri("HTTP://Ex.COM:80/a b")
    # Mono: Json.NET, DataContractSerializer with the object member's i:type, and a list
    assert nc.to_json(UH(uri)) == b'{"U":"HTTP://Ex.COM:80/a b"}'
    assert (
        nc.to_xml(OH(uri))
        == (
            f'<OH xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'
            '<O xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyURI">'
            "http://ex.com/a%20b</O></OH>"
        ).encode()
    )
    assert (
        nc.to_xml(LH([nc.Uri("http://A/b c"), None, nc.Uri("")]))
        == (
            f'<LH xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">'
            '<L xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">'
            '<d2p1:anyURI>http://a/b%20c</d2p1:anyURI><d2p1:anyURI i:nil="true" />'
            "<d2p1:anyURI></d2p1:anyURI></L></LH>"
        ).encode()
    )
    assert nc.Uri("http://ex.com/a%20b") == nc.from_xml(nc.to_xml(OH(uri)), OH).O
    # Mono: in an object member Json.NET writes the original string and reads back a String;
    # DataContractJsonSerializer writes the normalized text (no __type) and reads a String
    assert nc.to_json(OH(uri)) == b'{"O":"HTTP://Ex.COM:80/a b"}'
    assert nc.from_json(nc.to_json(OH(uri)), OH).O == "HTTP://Ex.COM:80/a b"
    assert nc.to_wcf_json(OH(uri)) == b'{"O":"http:\\/\\/ex.com\\/a%20b"}'
    assert nc.from_wcf_json(nc.to_wcf_json(OH(uri)), OH).O == "http://ex.com/a%20b"


def test_reading_xml_keeps_the_element_text() -> None:
    # Mono: OriginalString after DataContractSerializer reads <U>a%20b</U> is "a%20b"
    assert nc.Uri("a%20b") == nc.from_xml(f"{OPEN}<U>a%20b</U></UH>", UH).U
    assert nc.Uri("HTTP://X/") == nc.from_xml(f"{OPEN}<U>HTTP://X/</U></UH>", UH).U
    assert nc.from_xml(f'{OPEN}<U i:nil="true" /></UH>', UH).U is None


@pytest.mark.parametrize(
    "text",
    [
        "mailto:a@b.c",  # Mono writes it unchanged, but other schemes are not proven
        "urn:isbn:1",
        "file:///x",
        "/abs/p?x#y",  # Mono: file:///abs/p%3Fx%23y; .NET Framework: relative
        "\\\\server\\share",
        "C:\\dir\\file",
        "a:",
        "http://h/ ",  # Mono trims it here, escapes it elsewhere
        "http://h/%c3%a4",  # Mono: %C3%A4, but %e2%82 stays lowercase
        "http://h/%%41",  # Mono: %25%41 (the escape after a bare % is kept)
        "http://1.2.3/",  # Mono: 1.2.0.3
        "http://010.1.1.1/",  # Mono: 8.1.1.1
        "http://MÜNCHEN.de/",
        "http://[::ffff:1.2.3.4]/",
        "http:h",
        "::",
    ],
)
def test_unproven_texts_are_refused_with_the_path(text: str) -> None:
    with pytest.raises(UnprovenUri):
        serialization_text(text)
    uri = nc.Uri(text)  # .NET reads them: the value exists, Json.NET carries it
    assert uri == nc.from_json(nc.to_json(UH(uri)), UH).U
    with pytest.raises(nc.SerializationError, match=r"^U: "):
        nc.to_xml(UH(uri))
    with pytest.raises(nc.SerializationError, match=r"^U: "):
        nc.to_wcf_json(UH(uri))


@pytest.mark.parametrize(
    "text",
    # Mono: UriFormatException for each
    [
        "http://[::1",
        "http://",
        "http://h:65536/",
        "http://h:99999/",
        "x:y",
        "a|b",
        "http://u@v@h/",
        "http://h\\x",
        "http://a..b/",
        "http://.h/",
    ],
)
def test_what_dotnet_refuses_is_refused(text: str) -> None:
    with pytest.raises(InvalidUri):
        nc.Uri(text)
    with pytest.raises(nc.PayloadError, match=r"^U: "):
        nc.from_json(b'{"U":' + json.dumps(text).encode() + b"}", UH)
    with pytest.raises(nc.PayloadError, match=r"^U: "):
        nc.from_xml(f"{OPEN}<U>{text}</U></UH>", UH)


# Mono 6.8: new Uri(s, UriKind.RelativeOrAbsolute) throws UriFormatException for each, whatever
# netcontract can write; the rules are System.Uri's authority checks (clr/uri.py: _refuse)
MONO_REFUSED_BY_AUTHORITY = [
    "\\\\a b\\share",  # a UNC path whose host is no DNS, IPv4 or UNC name
    "\\\\h:80",  # ':' is no UNC host terminator
    "\\\\\\",  # an empty UNC host
    "\\\\ ",  # "\\\\" and white space: a UNC path, an empty host
    "\\\\[::1",
    "\\\\[zz]\\s",
    "\\\\%41\\s",
    "HTTP://MÜNCHEN.de:21%C3%A4",  # the port is not a number
    "Https://1.2.3:443ä",
    " https://h:1:2 ",
    "http://münchen.de'x/",  # a host character no host form takes
    "http://%41/",
    "http://h\u3002\u3002x/",  # an empty label between IRI dots
    "ws://a b/",  # ws, wss, ftp, gopher, telnet: http's authority rules
    "wss://h:99999/",
    "ftp://h:8a/",
    "ws://[::1]:99999/",
    "wss://[]/",
    "ftp://[1]/",
    "gopher://h:x/",
    "telnet://h:65536",
    "file:c:x",  # a DOS path that is not rooted, whatever slashes come first
    "file:///c:x",
    "file://h:80/",
    "file:////hh:80",  # a file URI has no port
    "file://a b/",
    "file://u@h/",  # nor user information
    "mailto:u@v@h",  # mailto's authority comes right after "mailto:"
    "mailto:a@b:x",
    "mailto:a@[::1",
    "mailto:a b",
    "ldap://a b/",
    "urn://a b/",  # an unknown scheme: an authority after "//"
    "urn://h:99999/",
    "x-y://u@v@h",
    "urn:\\\\\\h",  # or after 2 or 3 slashes of either kind
    "urn:/\\h:x",
    "ws://[1:]/",  # IPv6AddressHelper's rules, for every scheme
    "urn://[1::2::3]/",
    "http://[::1/]/",  # a prefix needs 1 or 2 digits
    "\\\\[::g]\\s",
    "http://h:8\u200e0/",  # no bidi mark is skipped in a port
    "http://h:\uff18\uff10/",  # nor fullwidth digits
]

# Mono 6.8: new Uri(s, UriKind.RelativeOrAbsolute) reads each (next to the texts above)
MONO_READ_NEXT_TO_THEM = [
    "http://h:00000000080/",  # port 80
    "https://u:p@[::1]@x/",  # the host is [::1]; "@x/" is the path
    "http://[::1]%41/",
    "http://a._b/",  # a UNC name
    "http://-a./",
    "http://h\u3002x/",
    "\\\\-a",
    "\\\\",  # too short for a UNC path: relative
    " \\\\a b",  # white space before "\\\\": relative
    "\\/h",
    "file:\\\\a b/x",  # Mono: no authority after backslashes, a relative URI
    "file:///c:/x",
    "urn://",  # an unknown scheme's authority may be empty, "." or ".."
    "urn://.",
    "urn://../x",
    "urn:///x",
    "x-y://c:/p",  # a DOS path
    "mailto:",
    "mailto:?x",
    "ldap://",
    "http:h",  # relative: a scheme that must have an authority, no "//"
    "http:/a b",
    "http://[::1/64]/",  # an IPv6 prefix (Mono writes http://[::1]/)
    "http://[:1::]/",  # one ':' first: Mono writes [0:1::] (Windows' strict parsing refuses it)
    "http://a\u202e.b/",
    # Mono throws NullReferenceException on these (IndexOutOfRangeException on "\\\\-Zä");
    # .NET's reference source reads them (relative URIs; a UNC host), so netcontract does
    "http:/\xe4",
    "file:h%41",
    "\\\\-Z\xe4",
]


@pytest.mark.parametrize("text", MONO_REFUSED_BY_AUTHORITY)
def test_authorities_mono_refuses_are_refused_in_every_format(text: str) -> None:
    with pytest.raises(InvalidUri):
        nc.Uri(text)
    body = b'{"U":' + json.dumps(text).encode() + b"}"
    with pytest.raises(nc.PayloadError, match=r"^U: "):
        nc.from_json(body, UH)
    with pytest.raises(nc.PayloadError, match=r"^U: "):
        nc.from_wcf_json(body, UH)
    with pytest.raises(nc.PayloadError, match=r"^U: "):
        nc.from_xml(f"{OPEN}<U>{xml_escape(text)}</U></UH>", UH)


@pytest.mark.parametrize("text", MONO_READ_NEXT_TO_THEM)
def test_authorities_mono_reads_are_read(text: str) -> None:
    assert nc.Uri(text) == nc.from_json(nc.to_json(UH(nc.Uri(text))), UH).U
    assert nc.Uri(text) == nc.from_xml(f"{OPEN}<U>{xml_escape(text)}</U></UH>", UH).U


def test_value_semantics() -> None:
    uri = nc.Uri("http://x/A")
    assert uri.original_string == str(uri) == "http://x/A"
    assert uri == nc.Uri("http://x/A") != nc.Uri("http://x/a")
    assert hash(uri) == hash(nc.Uri("http://x/A"))
    assert pickle.loads(pickle.dumps(uri)) == uri
    assert repr(uri) == "Uri('http://x/A')"
    with pytest.raises(TypeError):
        nc.Uri(b"http://x/")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lone surrogate"):
        nc.Uri("a\ud800")
    with pytest.raises(nc.SerializationError, match=r"^U: .*netcontract.Uri"):
        nc.to_xml(UH("http://x/"))  # type: ignore[arg-type]


def test_registry_entry() -> None:
    assert for_annotation(nc.Uri) is URI
    assert by_contract_name("http://www.w3.org/2001/XMLSchema", "anyURI") is URI
    assert URI.help_sample(1, None) == nc.Uri("http://webapihelppage1.com")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None, suppress_health_check=_SLOW)
@given(uri=uris())
def test_drawn_values_round_trip_in_every_format(uri: nc.Uri) -> None:
    obj = UH(uri)
    assert nc.from_xml(nc.to_xml(obj), UH) == obj
    assert nc.from_json(nc.to_json(obj), UH) == obj
    assert nc.from_wcf_json(nc.to_wcf_json(obj), UH) == obj


@settings(max_examples=200, deadline=None, suppress_health_check=_SLOW)
@given(uri=uris(normalized=False))
def test_xml_text_is_a_fixed_point(uri: nc.Uri) -> None:
    written = serialization_text(uri.original_string)
    assert serialization_text(written) == written


def test_uri_length_is_bounded_by_max_string_length() -> None:
    # the JSON reference reader bounded only String members: a Uri of any length was read
    long = "http://h/" + "a" * 5000
    limits = nc.Limits(max_string_length=1000)
    with pytest.raises(nc.QuotaExceededError):
        nc.from_json(b'{"U":"' + long.encode() + b'"}', UH, limits=limits)
    with pytest.raises(nc.QuotaExceededError):
        nc.from_wcf_json(b'{"U":"' + long.encode() + b'"}', UH, limits=limits)
    with pytest.raises(nc.QuotaExceededError):
        nc.from_xml(f"{OPEN}<U>{long}</U></UH>", UH, limits=limits)


def test_a_huge_uri_is_normalized_in_bounded_memory() -> None:
    """10 MB of escapes and dot segments, 2 million bare '%': a bounded peak, and done well
    within the subprocess timeout (a search per bare '%' made the latter quadratic)."""
    code = (
        # VmHWM: this process's own peak (ru_maxrss keeps the parent's across the exec, which
        # would hide the child's rise behind a large pytest worker's)
        "def peak():\n"
        "    with open('/proc/self/status') as status:\n"
        "        return next(int(l.split()[1]) for l in status if l.startswith('VmHWM'))\n"
        "from netcontract.clr.uri import UnprovenUri, serialization_text\n"
        "before = peak()\n"
        "serialization_text('http://h/' + '%41/../ä b/' * 1_000_000)\n"
        "assert serialization_text('a' + '%' * 2_000_000).count('%25') == 2_000_000\n"
        "try:\n"
        "    serialization_text('a' + '%' * 2_000_000 + '%41')\n"
        "except UnprovenUri:\n"
        "    pass\n"
        "print(peak() - before)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    grown_kib = int(done.stdout.strip())
    assert grown_kib < 1_000_000, f"peak grew by {grown_kib} KiB"


def test_forms_as_web_api_binds_them() -> None:
    """Mono (JQueryMvcFormUrlEncodedFormatter, a [DataMember] Uri property): the form value is
    the original string; blank binds null; a text new Uri refuses binds null silently, which
    from_form refuses instead."""
    from netcontract.webapi.forms import from_form, to_form

    uri = nc.Uri("http://Example.com:80/a b")
    assert to_form(UH(uri)) == b"U=http%3A%2F%2FExample.com%3A80%2Fa+b"
    assert from_form(b"U=http%3A%2F%2FExample.com%3A80%2Fa+b", UH) == UH(uri)
    assert from_form(b"U=%2Fabs", UH) == UH(nc.Uri("/abs"))
    assert from_form(b"U=", UH) == UH(None)
    with pytest.raises(nc.FormPayloadError, match=r"^U: "):
        from_form(b"U=http%3A%2F%2F%5B%3A%3A1", UH)
    with pytest.raises(nc.SerializationError, match=r"^U: .*Web API binds null"):
        to_form(UH(nc.Uri(" ")))


def test_empty_json_string_is_a_null_uri() -> None:
    # Mono, Json.NET 6.0.8 (tests/interop/dotnet/RealWorld.cs, Links): "" into a Uri member,
    # a List<Uri> item and a Dictionary<string, Uri> value is null; " " is a Uri
    assert nc.from_json(b'{"U":""}', UH) == UH(None)
    assert nc.from_json(b'{"L":["","a"]}', LH) == LH([None, nc.Uri("a")])
    assert nc.from_json(b'{"U":" "}', UH) == UH(nc.Uri(" "))
    assert nc.from_json(b'{"O":""}', OH) == OH("")  # an object member keeps the string
    # Json.NET writes the empty Uri as "" (which it reads back as null); XML keeps it
    assert nc.to_json(UH(nc.Uri(""))) == b'{"U":""}'
    assert nc.from_xml(nc.to_xml(UH(nc.Uri(""))), UH) == UH(nc.Uri(""))
