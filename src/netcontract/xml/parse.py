"""Parsing XML bytes safely: no DTD, no entities, no network, no file access.

DataContract XML never needs a DTD (WCF's own reader cannot parse one), so a document that
has one is refused outright instead of being parsed with parts of it ignored.

Bytes are read in the encodings WCF's ``XmlDictionaryReader`` reads (UTF-8, UTF-16 in
either byte order), which their declaration must not contradict; the rest (UTF-32,
ISO-8859-1, ...) is refused before libxml2 sees it. libxml2 is always given UTF-8 (UTF-16
transcoded) with its encoding fixed, so the DOCTYPE check sees what libxml2 parses.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Final

from lxml import etree

from netcontract.errors import XmlSyntaxError

__all__ = [
    "PARSER_OPTIONS",
    "RefuseExternal",
    "XmlSyntaxError",
    "check_declaration",
    "check_prolog",
    "detect_encoding",
    "parse_xml",
    "parse_xml_bytes",
    "syntax_error",
]


class RefuseExternal(etree.Resolver):
    """Fail closed on any attempt to load an external resource."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        raise XmlSyntaxError(f"external resource {system_url!r} refused")


_local: Final = threading.local()

# Every option is spelled out, whatever the installed lxml defaults to (docs/safety.md §2.1).
PARSER_OPTIONS: Final[dict[str, Any]] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "huge_tree": False,
    "recover": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
    "decompress": False,  # lxml >= 6.0 (not yet in the type stubs)
    "strip_cdata": True,
}


def _parser() -> etree.XMLParser:
    # lxml parsers are not safe to share between threads. The encoding is fixed: libxml2
    # reads exactly the UTF-8 bytes the prolog check saw (UTF-16 is transcoded first), never
    # an encoding it would guess from the first bytes or take from the declaration.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(encoding="utf-8", **PARSER_OPTIONS)
        parser.resolvers.add(RefuseExternal())
        _local.parser = parser
    return parser


_DECLARED_ENCODING: Final = re.compile(
    rb"""^<\?xml\s[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']"""
)
_LXML_POSITION: Final = re.compile(r"\s*, line \d+, column \d+$")
# UTF-32, with and without a byte order mark (checked before UTF-16's FF FE)
_UTF32_STARTS: Final = (
    b"\xff\xfe\x00\x00",
    b"\x00\x00\xfe\xff",
    b"<\x00\x00\x00",
    b"\x00\x00\x00<",
)
#: the names a declaration may give, by the encoding the bytes are in (as WCF's reader)
_DECLARABLE: Final[dict[str, tuple[str, ...]]] = {
    "UTF-8": ("utf-8",),
    "UTF-16LE": ("utf-16", "utf-16le"),
    "UTF-16BE": ("utf-16", "utf-16be"),
}
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_ONLY: Final = "netcontract reads XML in UTF-8 or UTF-16 only, as WCF's reader does"


def _detect(data: bytes) -> tuple[str, int]:
    """The encoding of XML bytes as WCF's XmlDictionaryReader detects it, and the length of
    the byte order mark: UTF-16 by a byte order mark or a ``<`` in two bytes, else UTF-8."""
    if data.startswith(_UTF32_STARTS):
        raise XmlSyntaxError(f"the document is UTF-32: {_ONLY}", 1)
    if data.startswith(b"\xff\xfe"):
        return "UTF-16LE", 2
    if data.startswith(b"\xfe\xff"):
        return "UTF-16BE", 2
    if data.startswith(b"<\x00"):
        return "UTF-16LE", 0
    if data.startswith(b"\x00<"):
        return "UTF-16BE", 0
    return "UTF-8", 3 if data.startswith(b"\xef\xbb\xbf") else 0


def detect_encoding(data: bytes) -> tuple[str, int]:
    """:func:`_detect`: the encoding of the first bytes of a document and its BOM's length."""
    return _detect(data)


def _utf8_view(data: bytes) -> bytes:
    """The UTF-8 bytes libxml2 is given: ``data`` itself, or UTF-16 transcoded, once its
    encoding is one WCF reads and its declaration (if any) agrees with it."""
    encoding, bom = _detect(data)
    if encoding == "UTF-8":
        view = data  # libxml2 checks the UTF-8 itself and skips the byte order mark
    else:
        try:
            text = data[bom:].decode("utf-16-le" if encoding == "UTF-16LE" else "utf-16-be")
        except UnicodeDecodeError as exc:
            position = exc.start + bom
            raise XmlSyntaxError(
                f"invalid {encoding} at byte {position}: {data[position : position + 4]!r}"
            ) from None
        view = text.encode("utf-8")  # (the decoder refuses lone surrogates)
    check_declaration(view, encoding, bom)
    return view


def check_declaration(view: bytes, encoding: str, bom: int) -> None:
    """Refuse a declaration that contradicts the ``encoding`` the bytes are in (``view``:
    their UTF-8, from the start; ``bom``: the length of their byte order mark)."""
    declared = _DECLARED_ENCODING.match(view.removeprefix(_UTF8_BOM))
    if declared is None:
        if encoding != "UTF-8" and not bom:  # WCF wants the declaration; libxml2 too
            raise XmlSyntaxError(
                f"the document is {encoding} without a byte order mark and without an XML "
                "declaration naming its encoding",
                1,
            )
        return
    name = declared.group(1).decode("ascii").lower()
    if name in _DECLARABLE[encoding]:
        return
    if encoding != "UTF-8":
        message = f"the document is {encoding} but declares encoding {name!r}"
    elif name.startswith("utf-16"):
        message = f"the document declares encoding {name!r} but is not UTF-16"
    else:
        message = f"the document declares encoding {name!r}: {_ONLY}"
    raise XmlSyntaxError(message, 1)


def check_prolog(view: bytes) -> None:
    """Refuse a DOCTYPE before libxml2 sees it (so no entity is ever declared, let alone
    expanded); ``view`` is exactly what libxml2 is given."""
    view = view.removeprefix(_UTF8_BOM)
    position = 0
    while True:
        # skip the XML declaration, processing instructions, comments and blanks of the prolog
        while position < len(view) and view[position] in b" \t\r\n":
            position += 1
        if view.startswith(b"<?", position):
            closer = b"?>"
        elif view.startswith(b"<!--", position):
            closer = b"-->"
        else:
            break
        end = view.find(closer, position)
        if end < 0:
            return  # unterminated: libxml2 reports it
        position = end + len(closer)
    if view.startswith(b"<!DOCTYPE", position):
        raise XmlSyntaxError(
            "a DOCTYPE (DTD) is not allowed: DataContract XML never has one",
            view.count(b"\n", 0, position) + 1,
        )


def parse_xml(data: bytes | str) -> etree._Element:
    """Parse a whole document held in memory; raise :class:`XmlSyntaxError` when refused.

    Bytes must be UTF-8 or UTF-16 (see :func:`_detect`), as their declaration says. A
    ``str`` has no encoding: its declaration's is ignored, as .NET's
    ``XmlReader.Create(new StringReader(s))`` ignores it.
    """
    if isinstance(data, str):
        try:
            view = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            line = data.count("\n", 0, exc.start) + 1
            raise XmlSyntaxError(
                f"the text holds a lone surrogate (U+{ord(data[exc.start]):04X}) at character "
                f"{exc.start}: it is not a character XML can carry",
                line,
                exc.start - (data.rfind("\n", 0, exc.start) + 1) + 1,
            ) from None
        if not view or view.isspace():
            raise XmlSyntaxError("the document is empty")
    else:
        if not data or data.isspace():  # (strip() would copy the whole document)
            raise XmlSyntaxError("the document is empty")
        view = _utf8_view(data)
    return _parse(view)


def parse_xml_bytes(data: bytes) -> etree._Element:
    """:func:`parse_xml` of bytes."""
    return parse_xml(data)


def _parse(view: bytes) -> etree._Element:
    check_prolog(view)
    try:
        root = etree.fromstring(view, _parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc) from None
    tree = root.getroottree()
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise XmlSyntaxError(
            "a DOCTYPE (DTD) is not allowed: DataContract XML never has one", 1, None
        )
    return root


def syntax_error(exc: etree.XMLSyntaxError, path: str = "") -> XmlSyntaxError:
    """libxml2's error as the :class:`XmlSyntaxError` netcontract raises (at ``path``: the
    item a streamed document broke in, or the document)."""
    line, column = exc.position
    message = _LXML_POSITION.sub("", exc.msg or str(exc))
    # one line (libxml2 ends some messages with a line break: "...range\n, line 1")
    message = " ".join(line.strip() for line in message.splitlines() if line.strip())
    return XmlSyntaxError(message, line, column, path=path)
