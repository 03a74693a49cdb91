"""Parsing XML bytes safely: no DTD, no entities, no network, no file access.

DataContract XML never needs a DTD (WCF's own reader cannot parse one), so a document that
has one is refused outright instead of being parsed with parts of it ignored.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Final

from lxml import etree

from netcontract.errors import XmlSyntaxError

__all__ = ["XmlSyntaxError", "parse_xml_bytes"]


class _RefuseExternal(etree.Resolver):
    """Fail closed on any attempt to load an external resource."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        raise XmlSyntaxError(f"external resource {system_url!r} refused")


_local: Final = threading.local()

# Every option is spelled out, whatever the installed lxml defaults to (docs/safety.md §2.1).
_PARSER_OPTIONS: Final[dict[str, Any]] = {
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
    # lxml parsers are not safe to share between threads
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(**_PARSER_OPTIONS)
        parser.resolvers.add(_RefuseExternal())
        _local.parser = parser
    return parser


_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_DECLARED_ENCODING: Final = re.compile(
    rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']"""
)
_LXML_POSITION: Final = re.compile(r", line \d+, column \d+$")


def _ascii_view(data: bytes) -> bytes:
    """The document with markup at ASCII positions (UTF-16 is transcoded; rare, and bounded
    by the max_bytes quota)."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", "replace").encode("utf-8")
    return data.removeprefix(b"\xef\xbb\xbf")


def _check_prolog(data: bytes) -> None:
    """Refuse a DOCTYPE, and an encoding declaration the bytes contradict, before libxml2
    sees them (so no entity is ever declared, let alone expanded)."""
    view = _ascii_view(data)
    declared = _DECLARED_ENCODING.match(view)
    if declared is not None:
        name = declared.group(1).decode("ascii").lower().replace("_", "-")
        if name.startswith(("utf-16", "utf16", "ucs-2", "unicode")) and not data.startswith(
            _UTF16_BOMS
        ):
            raise XmlSyntaxError(
                f"the document declares encoding {name!r} but is not UTF-16 (no byte order mark)",
                1,
            )
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


def parse_xml_bytes(data: bytes) -> etree._Element:
    """Parse a whole document held in memory; raise :class:`XmlSyntaxError` when refused."""
    if not data or data.isspace():  # (strip() would copy the whole document)
        raise XmlSyntaxError("the document is empty")
    _check_prolog(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = _LXML_POSITION.sub("", exc.msg or str(exc))
        raise XmlSyntaxError(message, line, column) from None
    tree = root.getroottree()
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise XmlSyntaxError(
            "a DOCTYPE (DTD) is not allowed: DataContract XML never has one", 1, None
        )
    return root
