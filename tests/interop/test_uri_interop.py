"""``nc.Uri`` (System.Uri) against Mono: DataContractSerializer, Json.NET 6.0.8, WCF JSON.

``dotnet/UriProbe.cs`` runs ``new Uri(s, UriKind.RelativeOrAbsolute)`` over batches of
generated strings in one Mono process and answers with the bytes each serializer writes:

- where netcontract writes a Uri's XML, every byte equals Mono's (DataContractSerializer, the
  ``object`` member's ``i:type="anyURI"``, WCF JSON's normalized text, Json.NET's original
  string), and reading Mono's XML gives what Mono reads back;
- where netcontract refuses a string as invalid, Mono refuses it too; where it refuses to
  write it as unproven, the test counts how often (``-s`` prints the figures);
- the common forms (http/https URLs with paths, queries, fragments, escapes, Unicode, IPv6,
  relative paths) are all written;
- what Mono refuses to read, netcontract refuses with the member's path; what netcontract
  still reads although Mono refuses it is counted by cause and pinned (``test_figures``):
  Mono's NullReferenceException on ``http:ä``-like texts (a relative URI for .NET's reference
  source) and a few host and escape forms netcontract checks leniently.
"""

from __future__ import annotations

import base64
import collections
import json as json_module
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import netcontract as nc
from netcontract.clr.uri import InvalidUri, UnprovenUri, serialization_text
from netcontract.errors import NetContractError
from netcontract.strategies import uris

from ._csharp import compile_program
from ._mono import mono_available

pytestmark = pytest.mark.interop

NS = "http://netcontract/uri"


@nc.contract(xml_namespace=NS)
@attrs.define
class UH:
    U: nc.Uri | None = None


@nc.contract(xml_namespace=NS)
@attrs.define
class OH:
    O: object = None  # noqa: E741 - the .NET member's name


def _b(text: str | None) -> str:
    return "-" if text is None else base64.b64encode(text.encode("utf-8")).decode("ascii")


def _d(field: str) -> bytes:
    return base64.b64decode(field)


class UriProbe:
    """The UriProbe program on Mono, one process for the module, asked in batches."""

    def __init__(self, build_dir: Path) -> None:
        exe = compile_program("UriProbe", build_dir)
        self._proc = subprocess.Popen(
            ["mono", str(exe)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=exe.parent,
            env={"MONO_PATH": str(exe.parent), "PATH": "/usr/bin:/bin", "TZ": "UTC"},
        )

    def ask(self, lines: list[str]) -> list[list[str]]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        answers: list[list[str]] = []
        for start in range(0, len(lines), 100):  # the pipes hold a chunk's answers
            chunk = lines[start : start + 100]
            self._proc.stdin.write("".join(line + "\n" for line in chunk).encode("ascii"))
            self._proc.stdin.flush()
            answers += [self._proc.stdout.readline().decode("ascii").split() for _ in chunk]
        return answers

    def close(self) -> None:
        # the pipes too: left to the garbage collector, they raise ResourceWarning in
        # whichever test runs then
        self._proc.kill()
        self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UriProbe]:
    if not mono_available():
        pytest.skip("Mono is needed for the Uri interop tests")
    running = UriProbe(tmp_path_factory.mktemp("uri"))
    try:
        yield running
    finally:
        running.close()


def _verdict(text: str) -> str:
    try:
        serialization_text(text)
    except UnprovenUri:
        return "unproven"
    except InvalidUri:
        return "invalid"
    return "write"


#: Mono-refused (UriFormatException) texts netcontract reads: (text, Mono's message)
_LOOSE: list[tuple[str, str]] = []
_MUST_HAVE_AUTHORITY = ("http", "https", "ws", "wss", "ftp", "file")
#: a non-ASCII character, an escape of a non-ASCII byte or of an unreserved character
_NON_ASCII_OR_ESCAPE = re.compile(
    r"[^\x00-\x7f]|%([89A-Fa-f][0-9A-Fa-f]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa]"
    r"|2[DEde]|5[Ff]|7[Ee])"
)


def _relative_for_dotnet(text: str) -> bool:
    """``http:x``, ``file:/x``...: a scheme that must have an authority, without ``//``, with a
    non-ASCII character or an escape. .NET's reference source (InitializeUri: BadAuthority is
    a relative-URI error) makes a relative URI of it; Mono throws NullReferenceException."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", text.strip(" \t\r\n"))
    return (
        match is not None
        and match.group(1).lower() in _MUST_HAVE_AUTHORITY
        and not text.strip(" \t\r\n")[match.end() :].startswith("//")
        and _NON_ASCII_OR_ESCAPE.search(text) is not None
    )


def _loose_class(text: str, message: str) -> str | None:
    """The known causes of a text Mono refuses and netcontract reads (None: unknown)."""
    if "invalid sequence" in message and re.search("%[^%][\U00010000-\U0010ffff]", text):
        return "a '%' two characters before an astral character (Mono's IRI unescaping)"
    if "hostname" in message and "[" in text and "." in text:
        return "an IPv6 host with an IPv4 part, checked only for ']', ':' and hex digits"
    if "hostname" in message and not text.isascii():
        return "a non-ASCII host checked leniently (any character from U+0080 a letter)"
    return None


def _compare(probe: UriProbe, texts: list[str]) -> collections.Counter[str]:
    """Each text through Mono and netcontract: bytes equal where netcontract writes; Mono
    refuses where netcontract calls a text invalid. Returns the verdict counts."""
    counts: collections.Counter[str] = collections.Counter()
    news = probe.ask([f"n {_b(t)}" for t in texts])
    writes = probe.ask([f"w {_b(t)}" for t in texts])
    for text, new, answer in zip(texts, news, writes, strict=True):
        verdict = _verdict(text)
        mono_reads = new[0] == "ok"
        refusal = "" if mono_reads else _d(new[1]).decode("utf-8")
        if verdict == "invalid":
            assert refusal.startswith("UriFormatException:"), (
                f"netcontract refuses {text!r}, Mono: {refusal or 'reads it'}"
            )
            counts["refused as invalid, as Mono"] += 1
            continue
        if not mono_reads:
            kind = refusal.split(":", 1)[0]
            if kind == "NullReferenceException":
                assert _relative_for_dotnet(text), (text, refusal)
                counts["read; Mono throws NullReferenceException (a relative URI for .NET)"] += 1
            elif kind == "UriFormatException":
                _LOOSE.append((text, refusal))
                counts["read; Mono refuses it (UriFormatException)"] += 1
            else:  # a Mono crash after the checks .NET makes (\\\\-Zä: IndexOutOfRange)
                counts[f"read; Mono throws {kind}"] += 1
            assert verdict == "unproven", f"netcontract writes {text!r}, Mono: {refusal}"
            continue
        if verdict == "unproven":
            counts["not written (unproven); Mono reads it"] += 1
            continue
        assert answer[0] == "ok", f"netcontract writes {text!r}, Mono: {_d(answer[1])!r}"
        _, dcs, json_ok, json_text, wcf_ok, wcf_text, obj_ok, obj_xml, *rest = answer
        uri = nc.Uri(text)
        assert nc.to_xml(UH(uri)) == _d(dcs), text
        assert json_ok == "ok" and nc.to_json(UH(uri)) == _d(json_text), text
        assert wcf_ok == "ok" and nc.to_wcf_json(UH(uri)) == _d(wcf_text), text
        assert obj_ok == "ok" and nc.to_xml(OH(uri)) == _d(obj_xml), text
        read_back = rest[2] if len(rest) > 2 else ""
        assert nc.Uri(_d(read_back).decode("utf-8")) == nc.from_xml(_d(dcs), UH).U, text
        # Json.NET reads "" into a Uri as null (Mono; test_real_world_interop.py)
        assert (uri if text else None) == nc.from_json(_d(json_text), UH).U, text
        counts["written, bytes equal"] += 1
    return counts


_PIECES = (
    *"aZ09-._~!$&'()*+,;=:@/?#%[]",
    *' <>"{}|\\^`\t\x01\x7f',
    "%41",
    "%7e",
    "%2F",
    "%2f",
    "%20",
    "%zz",
    "%C3%A4",
    "%c3%a4",
    "%E2%82",
    "%2e",
    "%2E%2e",
    "..",
    "ä",
    "€",
    "\U0001f600",
)
_SCHEMES = ("http", "HTTP", "https", "Https", "ws", "wss", "ftp", "mailto", "urn", "file", "x")
_HOSTS = (
    "example.com",
    "EXAMPLE.com",
    "h",
    "a-b.c_d",
    "1.2.3.4",
    "1.2.3",
    "010.1.1.1",
    "[::1]",
    "[2001:DB8::0:1]",
    "[::ffff:1.2.3.4]",
    "[::1",
    "münchen.de",
    "MÜNCHEN.de",
    "xn--mnchen-3ya.de",
    "h.",
    "",
)


def _pieces(n: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_PIECES), max_size=n).map("".join)


@st.composite
def hostile_texts(draw: Any) -> str:
    """Any string a Uri member may be given: absolute, relative, odd, broken."""
    if draw(st.booleans()):
        return draw(st.sampled_from(("", "a", "../", "/", "\\\\", "x|", "a:"))) + draw(_pieces(10))
    text = draw(st.sampled_from(_SCHEMES)) + draw(st.sampled_from(("://", ":", ":/")))
    text += draw(st.sampled_from(("", "", "u:p@", "u@v@")))
    text += draw(st.sampled_from(_HOSTS))
    text += draw(st.sampled_from(("", "", ":80", ":443", ":21", ":8080", ":0", ":", ":99999")))
    text += draw(_pieces(8))
    return draw(st.sampled_from(("", "", " ", "\t"))) + text + draw(st.sampled_from(("", "", " ")))


_WORD = st.text("abcXYZ019-._~", min_size=1, max_size=8)


@st.composite
def common_texts(draw: Any) -> str:
    """The URIs services exchange: http(s) URLs and relative paths, with escapes and
    Unicode as people write them."""
    segment = st.one_of(_WORD, st.sampled_from(("a%20b", "a b", "ä", "%C3%A4", "..", ".", "")))
    path = "/".join(draw(st.lists(segment, max_size=4)))
    pair = st.builds(lambda k, v: f"{k}={v}", _WORD, st.one_of(_WORD, st.just("a b")))
    query = "&".join(draw(st.lists(pair, max_size=3)))
    if draw(st.integers(0, 3)) == 0:
        # not "/path": Mono reads it as a Unix file path (file:///path), which is refused
        return path.lstrip("/") + (f"?{query}" if query else "")
    text = draw(st.sampled_from(("http", "https", "HTTPS")))
    text += "://" + draw(st.sampled_from(("example.com", "API.Example.org", "localhost", "[::1]")))
    text += draw(st.sampled_from(("", ":80", ":443", ":8080")))
    text += "/" + path
    if query:
        text += "?" + query
    if draw(st.booleans()):
        text += "#" + draw(_WORD)
    return text


#: a failing batch names its string; shrinking 100 strings would take minutes
_NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
_FIGURES: collections.Counter[str] = collections.Counter()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    phases=_NO_SHRINK,
)
@given(texts=st.lists(hostile_texts(), min_size=100, max_size=100))
def test_hostile_strings_written_as_mono_writes_or_refused(
    probe: UriProbe, texts: list[str]
) -> None:
    _FIGURES.update(_compare(probe, texts))


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    phases=_NO_SHRINK,
)
@given(texts=st.lists(common_texts(), min_size=100, max_size=100))
def test_common_forms_are_all_written_as_mono_writes(probe: UriProbe, texts: list[str]) -> None:
    counts = _compare(probe, texts)
    assert counts == {"written, bytes equal": len(texts)}
    _FIGURES["common forms: written, bytes equal"] += len(texts)


@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    phases=_NO_SHRINK,
)
@given(values=st.lists(uris(normalized=False), min_size=100, max_size=100))
def test_drawn_values_written_as_mono_writes(probe: UriProbe, values: list[nc.Uri]) -> None:
    texts = [v.original_string for v in values]
    assert _compare(probe, texts) == {"written, bytes equal": len(texts)}
    _FIGURES["strategies.uris: written, bytes equal"] += len(texts)


#: the host a scheme's authority may hold, or not: for authority_texts
_HOST_CHARS = (*"abcXYZ019-._", *"[]:%@ '<\\/?#|", "\x85", "\xa0", "ä", "\u3002", "\U0001f600")


#: http-like, file, mailto, ldap, unknown and one-letter schemes, UNC paths (with white space
#: first: relative)
_AUTHORITY_SCHEMES = (
    *("http", "HTTPS", "ws", "wss", "ftp", "gopher", "file", "FILE", "mailto", "ldap"),
    *("urn", "x-y", "a.b", "news", "x", "\\\\", " \\\\"),
)


@st.composite
def authority_texts(draw: Any) -> str:
    """Texts with an authority of every scheme form netcontract checks: http-like, file, mailto,
    ldap, unknown schemes, UNC paths; hosts and ports broken or not."""
    scheme = draw(st.sampled_from(_AUTHORITY_SCHEMES))
    if "\\" in scheme:
        text = scheme + draw(st.sampled_from(("", "", "\\", "/")))
    else:
        separators = ("//", "//", "", "/", "///", "////", "\\\\", "/\\", "\\\\\\")
        text = scheme + ":" + draw(st.sampled_from(separators))
    text += draw(st.sampled_from(("", "", "", "u@", "u:p@", "u@v@", "a b@")))
    text += draw(st.sampled_from(("", "", "c:", "c|", "c:/", "c:\\")))
    text += draw(
        st.one_of(
            st.text(st.sampled_from(_HOST_CHARS), max_size=8),
            st.sampled_from(("h", "1.2.3", "[::1]", "[::1", "[1]", "-a", "_a.b", "a._b", "h.")),
            st.text(st.sampled_from("0123456789abcdefg::/%.]"), max_size=10).map("[{}]".format),
        )
    )
    text += draw(st.sampled_from(("", "", ":", ":80", ":65536", ":8a", ": 80", ":0080")))
    text += draw(st.sampled_from(("", "/", "/p", "?q", "#f", "\\p", "@x", ":y")))
    return draw(st.sampled_from(("", "", " ", "\t"))) + text + draw(st.sampled_from(("", " ")))


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    phases=_NO_SHRINK,
)
@given(texts=st.lists(authority_texts(), min_size=100, max_size=100))
def test_authorities_refused_only_where_mono_refuses(probe: UriProbe, texts: list[str]) -> None:
    """netcontract's refusals (``clr/uri.py: _refuse``) against ``new Uri`` alone: every text
    netcontract refuses, Mono refuses (UriFormatException); the rest is counted."""
    for text, new in zip(texts, probe.ask([f"n {_b(t)}" for t in texts]), strict=True):
        refusal = "" if new[0] == "ok" else _d(new[1]).decode("utf-8")
        if _verdict(text) == "invalid":
            assert refusal.startswith("UriFormatException:"), (text, refusal or "Mono reads it")
            _FIGURES["authorities: refused, as Mono"] += 1
        elif refusal.startswith("UriFormatException:"):
            _FIGURES["authorities: read, Mono refuses (UriFormatException)"] += 1
        elif refusal:
            _FIGURES["authorities: read, Mono throws another exception"] += 1
        else:
            _FIGURES["authorities: read, as Mono"] += 1


@pytest.mark.parametrize(
    "text",
    [
        "http://[::1",
        "http://",
        "http://example.com:99999/",
        "x:y",
        "http://u@v@h/",
        "a|b",
        "http://a b/",
        # refused by the authority rules whatever netcontract can write (Mono 6.8 probes)
        "\\\\a b\\share",  # a UNC path whose host is no host
        "\\\\h:80",  # ':' ends no UNC host
        "\\\\\\",  # an empty UNC host
        "\\\\[zz]\\s",
        "HTTP://MÜNCHEN.de:21%C3%A4",  # a port that is not a number after a host not written
        "Https://1.2.3:443ä",
        "http://münchen.de'x/",
        "http://%41/",
        "http://h\u3002\u3002x/",  # an empty label between IRI dots
        " https://h:1:2 ",
        "ws://a b/",
        "wss://h:99999/",
        "ftp://h:8a/",
        "ws://[::1]:99999/",
        "wss://[]/",
        "ftp://[1]/",
        "gopher://h:x/",
        "telnet://h:65536",
        "file:c:x",  # a DOS path that is not rooted
        "file:///c:x",
        "file://h:80/",
        "file:////hh:80",  # no port in a file URI
        "file://a b/",
        "file://u@h/",  # no user information in a file URI
        "mailto:u@v@h",
        "mailto:a@b:x",
        "mailto:a@[::1",
        "mailto:a b",
        "ldap://a b/",
        "urn://a b/",
        "urn://h:99999/",
        "x-y://u@v@h",
        "urn:\\\\\\h",  # an unknown scheme's authority after 3 slashes: "\\h" is no host
        "urn:/\\h:x",
        "ws://[1:]/",
        "urn://[1::2::3]/",
        "http://[::1/]/",
        "http://h:\uff18\uff10/",
    ],
)
def test_what_mono_refuses_to_read_is_refused(probe: UriProbe, text: str) -> None:
    """Mono: DataContractSerializer, Json.NET and WCF JSON refuse these texts (UriFormatException);
    netcontract refuses them in every format, naming the member."""
    (new,) = probe.ask([f"n {_b(text)}"])
    assert new[0] == "err" and _d(new[1]).startswith(b"UriFormatException:"), text
    xml = f'<UH xmlns="{NS}"><U>{xml_escape(text)}</U></UH>'
    json = nc.to_json(UH(None)).replace(b"null", json_module.dumps(text).encode())
    answers = probe.ask([f"rx {_b(xml)}", f"rj {_b(json.decode())}", f"rw {_b(json.decode())}"])
    assert [a[0] for a in answers] == ["err", "err", "err"], text
    with pytest.raises(NetContractError, match=r"^U: "):
        nc.from_xml(xml, UH)
    with pytest.raises(NetContractError, match=r"^U: "):
        nc.from_json(json, UH)
    with pytest.raises(NetContractError, match=r"^U: "):
        nc.from_wcf_json(json, UH)


@pytest.mark.parametrize("json", [b'{"U":5}', b'{"U":true}', b'{"U":{}}', b'{"U":[]}'])
def test_json_non_strings_refused_as_jsonnet_does(probe: UriProbe, json: bytes) -> None:
    (answer,) = probe.ask([f"rj {_b(json.decode())}"])
    assert answer[0] == "err"  # Mono: Json.NET refuses a number or a boolean in a Uri member
    with pytest.raises(NetContractError, match=r"^U: "):
        nc.from_json(json, UH)


@pytest.mark.parametrize(
    "text",
    [
        *("a b c", "%zz", "::", " ", "mailto:a@b.c", "urn:isbn:1", "/abs/path", "C:\\dir\\file"),
        # next to what the authority rules refuse (Mono 6.8 probes)
        "http://h:00000000080/",  # port 80
        "https://u:p@[::1]@x/",  # the host is [::1]: "@x/" is the path
        "http://[::1]%41/",
        "http://a._b/",  # a UNC name
        "http://-a./",
        "http://h\u3002x/",
        "\\\\-a",
        "\\\\",  # too short for a UNC path: relative
        " \\\\a b",  # white space first: relative
        "file:\\\\a b/x",  # Mono: no authority after backslashes: relative
        "file:///c:/x",
        "urn://",  # an unknown scheme's authority may be empty, "." or ".."
        "urn://.",
        "urn://../x",
        "x-y://c:/p",  # a DOS path
        "mailto:",
        "mailto:?x",
        "ldap://",
        "http:h",  # a relative URI: a scheme that must have an authority without "//"
        "http:/a b",
        "http://[::1/64]/",  # an IPv6 prefix
        "http://[:1::]/",
    ],
)
def test_original_string_read_as_mono_reads_it(probe: UriProbe, text: str) -> None:
    """Mono reads these (relative or absolute): the original string comes back in every format,
    including the texts netcontract refuses to *write* as XML."""
    xml = f'<UH xmlns="{NS}"><U>{xml_escape(text)}</U></UH>'
    json = nc.to_json(UH(nc.Uri(text)))
    answers = probe.ask([f"rx {_b(xml)}", f"rj {_b(json.decode())}"])
    assert [_d(a[1]).decode() for a in answers] == [text, text]
    assert nc.Uri(text) == nc.from_xml(xml, UH).U
    assert nc.Uri(text) == nc.from_json(json, UH).U


@pytest.mark.parametrize("text", ["http:/\xe4", "file:h%41", "https:/%C3%A4", "ws:h\U0001f600"])
def test_mono_null_reference_texts_are_read(probe: UriProbe, text: str) -> None:
    """Mono throws NullReferenceException in ``new Uri`` (so in every serializer) for a scheme
    that must have an authority, without ``//``, holding a non-ASCII character or an escape.
    .NET's reference source makes a relative URI of it (InitializeUri: BadAuthority is a
    relative-URI error; the IRI step runs for absolute URIs only): netcontract reads it."""
    (new,) = probe.ask([f"n {_b(text)}"])
    assert new[0] == "err" and _d(new[1]).startswith(b"NullReferenceException:")
    assert _relative_for_dotnet(text)
    assert nc.Uri(text) == nc.from_json(nc.to_json(UH(nc.Uri(text))), UH).U


#: at most this many of the 4,000 hostile strings are refused by Mono (UriFormatException)
#: and read by netcontract (19:40 UTC run: 0; 551 before the authority rules)
_LOOSE_AT_MOST = 8


def test_figures() -> None:
    """How often netcontract declines to write a drawn string (run after the properties), and
    how often it reads a string Mono refuses: pinned, by cause."""
    total = sum(v for k, v in _FIGURES.items() if ": " not in k)
    if not total:
        pytest.skip("the property did not run")
    print(f"\nUri over {total} hostile strings, then the common ones: {dict(_FIGURES)}")
    # the drawn strings are mostly broken or of schemes netcontract does not write
    assert _FIGURES["written, bytes equal"] > total // 5
    causes = collections.Counter(_loose_class(text, message) for text, message in _LOOSE)
    print(f"read although Mono refuses them (UriFormatException), by cause: {dict(causes)}")
    assert None not in causes, [t for t, m in _LOOSE if _loose_class(t, m) is None]
    assert len(_LOOSE) <= _LOOSE_AT_MOST * total // 4000
