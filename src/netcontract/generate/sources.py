"""Reading the schemas given to ``netcontract generate``: files, folders, WSDL, includes.

Schemas come from services and from people, so they are read as defensively as payloads:

- every document goes through netcontract's hardened parser (no DTD, no entities, no network,
  no XInclude; a ``DOCTYPE`` is refused before libxml2 sees it);
- ``schemaLocation`` (``xs:import``, ``xs:include``) and ``wsdl:import location`` are resolved
  **only** by file name, against the files given and the folder of the document that refers
  to them: never a URL, never another folder (``../x.xsd`` and ``http://host/x.xsd`` both
  mean ``x.xsd`` next to the referring file), so nothing outside what the user chose is read;
  an ``xs:import`` whose namespace another given schema defines needs no location at all;
- the number of files, the bytes of each and the number of schema documents are bounded;
- unlike a payload, a schema file may declare a single-byte encoding (``ISO-8859-1``,
  ``windows-1252``, ``US-ASCII``: svcutil and ``XmlSchema.Read`` read them, and saved WSDL
  often says so); it is transcoded to UTF-8 before the hardened parser sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import attrs
from lxml import etree

from netcontract.errors import Problem, SchemaError, XmlSyntaxError
from netcontract.xml.parse import parse_xml_bytes

__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_SCHEMAS",
    "WSDL",
    "XSD",
    "Loaded",
    "SchemaDoc",
    "load_sources",
]

XSD: Final = "http://www.w3.org/2001/XMLSchema"
WSDL: Final = "http://schemas.xmlsoap.org/wsdl/"
#: suffixes read from a folder (case-insensitive)
SUFFIXES: Final = (".xsd", ".wsdl")

#: files read in all (given, found in folders, and reached by schemaLocation)
MAX_FILES: Final = 512
#: bytes of one file (a ?singleWsdl of a large service is a few MB)
MAX_FILE_BYTES: Final = 32 * 1024 * 1024
#: xs:schema documents in all (a WSDL holds several)
MAX_SCHEMAS: Final = 2048
#: declared single-byte encodings a schema file may be in -> Python codec
_SINGLE_BYTE: Final = {
    "iso-8859-1": "latin-1",
    "latin1": "latin-1",
    "latin-1": "latin-1",
    "windows-1252": "cp1252",
    "us-ascii": "ascii",
    "ascii": "ascii",
}
_DECLARATION: Final = re.compile(rb"""^<\?xml\s[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _as_utf8(data: bytes) -> bytes:
    """``data`` in UTF-8 when its declaration names a single-byte encoding (the declaration
    rewritten to match; lines unchanged, so reported line numbers stay right)."""
    match = _DECLARATION.match(data)
    codec = _SINGLE_BYTE.get(match.group(1).decode("ascii").lower()) if match else None
    if match is None or codec is None:
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data  # not what it declares: the parser names the problem
    start, end = match.span(1)
    return (data[:start].decode("ascii") + "utf-8" + text[end:]).encode("utf-8")


@attrs.frozen(eq=False)
class SchemaDoc:
    """One ``xs:schema`` element and where it comes from."""

    root: etree._Element
    file: str  #: the file's name (never its folder: reports and headers show names only)
    folder: Path
    #: the target namespace its components belong to (an include without a targetNamespace
    #: takes the including schema's, as XML Schema's "chameleon" includes do)
    target_namespace: str


def _location_name(location: str) -> str | None:
    """The file name a schemaLocation can stand for: its last path segment, no query."""
    for cut in ("#", "?"):
        location = location.split(cut, 1)[0]
    name = location.replace("\\", "/").rsplit("/", 1)[-1]
    if name in ("", ".", "..") or "\x00" in name:
        return None
    return name


class _Loader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: (location, feature key, message) of what was read but cannot be followed
        self.notes: list[tuple[str, str, str]] = []
        self.docs: list[SchemaDoc] = []
        self.given: dict[str, Path] = {}  #: file name -> path, for the files given
        self.read: set[Path] = set()
        self.display: list[str] = []  #: names of the files given, in order

    def problem(self, where: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(where, message, line))

    def expand(self, sources: Iterable[str | Path]) -> list[Path]:
        files: list[Path] = []
        for source in sources:
            path = Path(source)
            if path.is_dir():
                found = sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(".")
                )
                if not found:
                    self.problem(str(path.name or path), "no .xsd or .wsdl file in this folder")
                files.extend(found)
            elif path.is_file():
                files.append(path)
            else:
                self.problem(str(source), "no such file or folder")
            if len(files) > MAX_FILES:
                raise SchemaError([Problem("", f"more than {MAX_FILES} schema files")])
        return files

    def load_file(self, path: Path, chameleon_ns: str | None = None) -> None:
        key = path.resolve()
        if key in self.read:
            return
        if len(self.read) >= MAX_FILES:
            raise SchemaError([Problem(path.name, f"more than {MAX_FILES} schema files")])
        self.read.add(key)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.problem(path.name, f"cannot be read: {exc.strerror or exc}")
            return
        if len(data) > MAX_FILE_BYTES:
            self.problem(path.name, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            return
        try:
            root = parse_xml_bytes(_as_utf8(data))
        except XmlSyntaxError as exc:
            self.problem(path.name, exc.problems[0].message, exc.line)
            return
        tag = etree.QName(root)
        if (tag.namespace, tag.localname) == (XSD, "schema"):
            self.add_schema(root, path, chameleon_ns)
        elif (tag.namespace, tag.localname) == (WSDL, "definitions"):
            for child in root.iterchildren(f"{{{WSDL}}}types", f"{{{WSDL}}}import"):
                if child.tag == f"{{{WSDL}}}import":
                    self.follow(child.get("location"), path, child, chameleon_ns=None)
                    continue
                for schema in child.iterchildren(f"{{{XSD}}}schema"):
                    self.add_schema(schema, path, None)
        else:
            self.problem(path.name, "is neither an XML Schema nor a WSDL 1.1 document")

    def add_schema(self, root: etree._Element, path: Path, chameleon_ns: str | None) -> None:
        if len(self.docs) >= MAX_SCHEMAS:
            raise SchemaError([Problem(path.name, f"more than {MAX_SCHEMAS} schema documents")])
        own = root.get("targetNamespace")
        target = own if own is not None else (chameleon_ns or "")
        self.docs.append(SchemaDoc(root, path.name, path.parent, target))
        for child in root.iterchildren(
            f"{{{XSD}}}import", f"{{{XSD}}}include", f"{{{XSD}}}redefine"
        ):
            local = etree.QName(child).localname
            if local == "redefine":
                self.notes.append(
                    (f"{path.name}, line {child.sourceline}", "xml_serializer", "xs:redefine")
                )
                continue
            location = child.get("schemaLocation")
            if location is None:
                continue  # an import by namespace: another given schema must define it
            self.follow(location, path, child, chameleon_ns=target if local == "include" else None)

    def follow(
        self,
        location: str | None,
        referrer: Path,
        element: etree._Element,
        chameleon_ns: str | None,
    ) -> None:
        if not location:
            return
        name = _location_name(location)
        path = self.given.get(name) if name else None
        if path is None and name is not None:
            candidate = referrer.parent / name
            if candidate.is_file():
                path = candidate
        if path is None:
            # an import is still satisfied when another given schema has its namespace; an
            # include or a wsdl:import is not: say so (types it defines are reported unknown)
            if etree.QName(element).localname != "import" or element.tag == f"{{{WSDL}}}import":
                self.notes.append(
                    (
                        f"{referrer.name}, line {element.sourceline}",
                        "unresolved_location",
                        f"{location!r} is neither a given file nor a file next to {referrer.name}",
                    )
                )
            return
        self.load_file(path, chameleon_ns)


@attrs.frozen
class Loaded:
    docs: list[SchemaDoc]
    files: list[str]  #: names of the files given (folders expanded), in order
    problems: list[Problem]  #: files that cannot be read (an error: the set is incomplete)
    notes: list[tuple[str, str, str]]  #: (location, feature, message) to report


def load_sources(sources: Iterable[str | Path]) -> Loaded:
    """The schema documents of ``sources`` and what could not be read or followed."""
    loader = _Loader()
    files = loader.expand(sources)
    if not files and not loader.problems:
        raise SchemaError([Problem("", "no schema given")])
    for path in files:
        loader.given.setdefault(path.name, path)
        loader.display.append(path.name)
    for path in files:
        loader.load_file(path)
    return Loaded(loader.docs, loader.display, loader.problems, loader.notes)
