"""Reading ASP.NET Web API help pages: the HTML the HelpPage package renders, or its copied text.

Both forms are reduced to the same :class:`Page`, so that everything after reading is shared:

- the HTML of one action (``HelpPageApiModel.cshtml``: ``<h1>`` the method and path, ``<h2>``
  "Request Information" / "Response Information", the body's type as a link
  (``ModelDescriptionLink.cshtml``), its members in a ``table.help-page-table`` whose cells are
  ``td.parameter-name``, ``td.parameter-documentation``, ``td.parameter-type`` and
  ``td.parameter-annotations`` (``Parameters.cshtml``), and the samples: each media type an
  ``h4.sample-header``, then a ``div.sample-content`` holding a ``pre`` or "Sample not
  available." (``Samples.cshtml``, ``TextSample.cshtml``; an earlier template's tabs,
  ``div.mediaTypeTabs``, are read too)), or of one model
  (``ResourceModel.cshtml``: ``<h1>`` the type's name, then its members' table or, for an enum,
  "Possible enumeration values:" and one ``li`` "Name: Value" each);
- the text a browser copies from such a page (what ``../shared/seed/`` holds): the same
  headings on lines of their own, a table's header as one line
  ("NameDescriptionTypeAdditional information") and each cell on its own line(s).

HTML is parsed with ``lxml.html`` (no network, no entities are resolved from outside); the
text form is read line by line. Sizes are bounded like schema files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import attrs
import lxml.html
from lxml import etree

from netcontract.errors import Problem

__all__ = ["HTTP_METHODS", "EnumModel", "Page", "Part", "Row", "read_page"]

#: what starts an action page's title line
HTTP_METHODS: Final = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
TABLE_HEADER: Final = "NameDescriptionTypeAdditional information"
HOME: Final = "Help Page Home"
#: how the annotation cell's paragraphs start (ModelDescriptionGenerator.AnnotationTextGenerator)
ANNOTATION_STARTS: Final = (
    "Required",
    "Range: ",
    "Max length: ",
    "Min length: ",
    "String length: ",
    "Data type: ",
    "Matching regular expression pattern: ",
)
_SECTIONS: Final = frozenset(
    {
        "Request Information",
        "URI Parameters",
        "Body Parameters",
        "Request Formats",
        "Response Information",
        "Resource Description",
        "Response Formats",
    }
)


@attrs.frozen
class Row:
    """One row of a members' table."""

    name: str
    doc: str
    type_text: str  #: the Type cell: "string", "Collection of X", "X" (a link)...
    annotations: tuple[str, ...]  #: "Required", "Max length: 10"... ("None." is left out)


@attrs.frozen
class Part:
    """The request body or the response of an action page, or a model page's members."""

    type_text: str  #: the type as the page names it ("" when the page shows none)
    doc: str
    rows: tuple[Row, ...]
    #: (media types as shown, sample text or None when "Sample not available.")
    samples: tuple[tuple[str, str | None], ...]


@attrs.frozen
class EnumModel:
    name: str
    doc: str
    values: tuple[tuple[str, int, str], ...]  #: (name, value, documentation)


@attrs.frozen
class Page:
    file: str
    title: str  #: "POST api/v2/CustomerGroup", or the model's name
    doc: str
    request: Part | None = None
    response: Part | None = None
    model: Part | None = None  #: a complex type's model page
    enum: EnumModel | None = None  #: an enum's model page


def _is_annotation(line: str) -> bool:
    return line == "None." or line.startswith(ANNOTATION_STARTS)


def _rows(lines: list[str]) -> tuple[Row, ...]:
    """Rows of a copied table: name, description lines, type, then annotation lines."""
    rows: list[Row] = []
    current: list[str] = []
    annotations: list[str] = []

    def close() -> None:
        if len(current) >= 2:
            rows.append(
                Row(
                    current[0],
                    " ".join(current[1:-1]),
                    current[-1],
                    tuple(a for a in annotations if a != "None."),
                )
            )

    for line in lines:
        if len(current) >= 2 and _is_annotation(line):
            annotations.append(line)
            continue
        if annotations:
            close()
            current, annotations = [], []
        current.append(line)
    if annotations:
        close()
    return tuple(rows)


def _enum_values(lines: list[str]) -> tuple[tuple[str, int, str], ...]:
    values: list[tuple[str, int, str]] = []
    for line in lines:
        name, sep, number = line.rpartition(": ")
        if sep and name and number.lstrip("-").isdigit():
            values.append((name.strip(), int(number), ""))
        elif values and line != "Possible enumeration values:":
            name, value, doc = values[-1]
            values[-1] = (name, value, f"{doc} {line}".strip())
    return tuple(values)


def _text_part(lines: list[str], formats: str) -> Part:
    """A request or response section of the copied text (from its heading on)."""
    try:
        end = lines.index(formats)
    except ValueError:
        end = len(lines)
    head, tail = lines[:end], lines[end + 1 :]
    body = [line for line in head if line not in _SECTIONS]
    type_text, doc = "", ""
    rows: tuple[Row, ...] = ()
    if TABLE_HEADER in body:
        at = body.index(TABLE_HEADER)
        type_text = body[at - 1] if at else ""
        doc = " ".join(body[: max(at - 1, 0)])
        rows = _rows(body[at + 1 :])
    elif body and body[-1] != "None.":
        type_text = body[-1]
        doc = " ".join(body[:-1])
    marks = [i for i, line in enumerate(tail) if line.strip() == "Sample:"]
    media_at = []
    for mark in marks:
        before = [i for i in range(mark) if tail[i].strip()]
        media_at.append(before[-1] if before else mark)
    samples: list[tuple[str, str | None]] = []
    for n, mark in enumerate(marks):
        end = media_at[n + 1] if n + 1 < len(marks) else len(tail)
        text = "\n".join(tail[mark + 1 : end]).strip("\n")
        media = tail[media_at[n]].strip() if media_at[n] != mark else ""
        samples.append((media, None if text.strip() == "Sample not available." else text))
    if doc == type_text:
        doc = ""
    return Part(type_text, doc, rows, tuple(samples))


def _read_text(name: str, text: str) -> Page:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Api.cshtml and ResourceModel.cshtml open with a "Help Page Home" link
    while raw and raw[0].strip() in ("", HOME):
        raw.pop(0)
    nonblank = [line.strip() for line in raw if line.strip()]
    if not nonblank:
        return Page(name, "", "")
    title = nonblank[0]
    if title.split(" ", 1)[0] not in HTTP_METHODS:
        rest = nonblank[1:]
        if "Possible enumeration values:" in rest:
            at = rest.index("Possible enumeration values:")
            values = _enum_values(rest[at + 1 :])
            doc = rest[0] if at else ""  # ResourceModel.cshtml and the enum's template repeat it
            return Page(name, title, doc, enum=EnumModel(title, doc, values))
        if TABLE_HEADER in rest:
            at = rest.index(TABLE_HEADER)
            part = Part(title, " ".join(rest[:at]), _rows(rest[at + 1 :]), ())
            return Page(name, title, part.doc, model=part)
        return Page(name, title, "")
    # the samples keep their indentation and blank lines: split the raw lines by heading
    stripped = [line.strip() for line in raw]

    def section(heading: str, stop: str | None) -> list[str]:
        if heading not in stripped:
            return []
        start = stripped.index(heading) + 1
        end = stripped.index(stop) if stop is not None and stop in stripped else len(raw)
        return raw[start:end]

    def lines_of(chunk: list[str], formats: str) -> list[str]:
        # headings and table cells are compared stripped; samples keep their lines
        if formats in (line.strip() for line in chunk):
            cut = [line.strip() for line in chunk].index(formats)
            head = [line.strip() for line in chunk[:cut] if line.strip()]
            return [*head, formats, *chunk[cut + 1 :]]
        return [line.strip() for line in chunk if line.strip()]

    first = stripped.index(title)
    doc_end = next(
        (i for i, line in enumerate(stripped) if line == "Request Information"), len(stripped)
    )
    doc = " ".join(line for line in stripped[first + 1 : doc_end] if line)
    request_lines = section("Body Parameters", "Response Information")
    response_lines = section("Resource Description", None)
    request = _text_part(lines_of(request_lines, "Request Formats"), "Request Formats")
    response = _text_part(lines_of(response_lines, "Response Formats"), "Response Formats")
    return Page(name, title, doc, request, response)


# -- HTML ------------------------------------------------------------------------------------


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _html_rows(table: etree._Element) -> tuple[Row, ...]:
    rows: list[Row] = []
    for tr in table.iter("tr"):
        cells = {
            cls: td for td in tr.iterchildren("td") for cls in _classes(td) if "parameter" in cls
        }
        name = cells.get("parameter-name")
        if name is None:
            continue
        doc = cells.get("parameter-documentation")
        type_cell = cells.get("parameter-type")
        notes = cells.get("parameter-annotations")
        paragraphs = [_text(p) for p in notes.iter("p")] if notes is not None else []
        rows.append(
            Row(
                _text(name),
                _text(doc) if doc is not None else "",
                _text(type_cell) if type_cell is not None else "",
                tuple(p for p in paragraphs if p and p != "None."),
            )
        )
    return tuple(rows)


def _pre_text(pane: etree._Element) -> str | None:
    pre = next(pane.iter("pre"), None)
    return None if pre is None else "".join(pre.itertext()).strip("\n")


def _html_samples(box: etree._Element) -> tuple[tuple[str, str | None], ...]:
    """Samples.cshtml: ``h4.sample-header`` (the media types) then ``div.sample-content`` each
    (the HelpPage package); or, in the earlier template, tabs: a ``ul`` of media types and
    one ``div`` each."""
    samples: list[tuple[str, str | None]] = []
    if "mediaTypeTabs" in _classes(box):
        media = [_text(a) for ul in box.iterchildren("ul") for a in ul.iter("a")]
        panes = list(box.iterchildren("div"))
        return tuple((m, _pre_text(p)) for m, p in zip(media, panes, strict=False))
    for header in box.iter("h4"):
        if "sample-header" not in _classes(header):
            continue
        pane = header.getnext()
        if pane is not None and "sample-content" in _classes(pane):
            samples.append((_text(header), _pre_text(pane)))
    return tuple(samples)


def _holds_samples(el: etree._Element) -> bool:
    if el.tag != "div":
        return False
    if "mediaTypeTabs" in _classes(el):
        return True
    return any("sample-header" in _classes(h4) for h4 in el.iter("h4"))


@attrs.define
class _PartBuilder:
    doc: str | None = None
    type_parts: list[str] = attrs.field(factory=list)
    rows: tuple[Row, ...] = ()
    samples: tuple[tuple[str, str | None], ...] = ()
    closed: bool = False  #: the type is read (a table or a heading came)

    def part(self) -> Part:
        return Part(" ".join(self.type_parts), self.doc or "", self.rows, self.samples)


def _html_action(name: str, title: str, body: etree._Element) -> Page:
    """HelpPageApiModel.cshtml: ``<h1>`` then one ``<div>`` of headings, tables and samples."""
    doc = ""
    parts: dict[str, _PartBuilder] = {}
    current: _PartBuilder | None = None
    heading = ""
    for child in body.iterchildren():
        if not isinstance(child.tag, str):
            continue
        tail = (child.tail or "").strip()
        if child.tag == "h2":
            current = parts.setdefault(_text(child), _PartBuilder())
            heading = ""
            continue
        if child.tag == "h3":
            heading = _text(child)
            continue
        if current is None:
            if child.tag == "p" and not doc:
                doc = _text(child)
            continue
        if heading in ("Body Parameters", "Resource Description") and not current.closed:
            if child.tag == "p" and current.doc is None:
                current.doc = _text(child)
            elif child.tag == "p" and _text(child) == "None.":
                current.closed = True
            elif child.tag == "table" and "help-page-table" in _classes(child):
                current.rows = _html_rows(child)
                current.closed = True
                continue
            else:
                current.type_parts.append(_text(child))
            if tail:
                current.type_parts.append(tail)
        elif _holds_samples(child):
            current.samples = _html_samples(child)

    def build(key: str) -> Part | None:
        found = parts.get(key)
        return found.part() if found is not None else None

    return Page(name, title, doc, build("Request Information"), build("Response Information"))


def _html_model(name: str, title: str, h1: etree._Element) -> Page:
    """ResourceModel.cshtml: ``<h1>`` the model, its documentation, then its description."""
    doc = ""
    following = [el for el in h1.itersiblings() if isinstance(el.tag, str)]
    if following and following[0].tag == "p":
        doc = _text(following[0])
    for el in following:
        for table in el.iter("table"):
            if "help-page-table" in _classes(table):
                return Page(name, title, doc, model=Part(title, doc, _html_rows(table), ()))
        for p in el.iter("p"):
            if _text(p) == "Possible enumeration values:":
                values: list[tuple[str, int, str]] = []
                ul = p.getnext()
                for li in ul.iterchildren("li") if ul is not None else ():
                    head = " ".join("".join(li.xpath("text()")).split())
                    label, sep, number = head.rpartition(": ")
                    if sep and number.lstrip("-").isdigit():
                        note = " ".join(_text(q) for q in li.iterchildren("p"))
                        values.append((label, int(number), note))
                return Page(name, title, doc, enum=EnumModel(title, doc, tuple(values)))
    return Page(name, title, doc)


def _read_html(name: str, data: bytes) -> Page:
    root = lxml.html.document_fromstring(data)
    heads = list(root.iter("h1"))
    for h1 in heads:
        title = _text(h1)
        body = h1.getnext()
        if title.split(" ", 1)[0] in HTTP_METHODS and body is not None and body.tag == "div":
            return _html_action(name, title, body)
    if heads:
        return _html_model(name, _text(heads[-1]), heads[-1])
    return Page(name, "", "")


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<h1", b"<div", b"<body", b"<head"))


def read_page(path: Path, data: bytes) -> Page | Problem:
    """The page in ``data`` (HTML or copied text), or why it cannot be read."""
    if looks_like_html(data):
        try:
            return _read_html(path.name, data)
        except (etree.ParserError, ValueError) as exc:
            return Problem(path.name, f"is not a readable HTML page: {exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(path.name, f"is not UTF-8 text: {exc.reason} at byte {exc.start}")
    return _read_text(path.name, text)


#: suffixes of help pages (case-insensitive): saved HTML, copied text
PAGE_SUFFIXES: Final = (".html", ".htm", ".txt")
#: bytes of one page (a page with large samples is a few hundred KB)
MAX_PAGE_BYTES: Final = 8 * 1024 * 1024
#: pages read in all
MAX_PAGES: Final = 512


def is_page_source(source: str | Path) -> bool:
    """A help page, or a folder holding help pages and no schema."""
    path = Path(source)
    if path.is_dir():
        names = [p.suffix.lower() for p in path.iterdir() if p.is_file()]
        return any(s in PAGE_SUFFIXES for s in names) and not any(
            s in (".xsd", ".wsdl") for s in names
        )
    return path.suffix.lower() in PAGE_SUFFIXES


def load_pages(sources: list[Path]) -> tuple[list[Page], list[str], list[Problem]]:
    """The pages of ``sources`` (files or folders), their file names, and what cannot be read."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in sources:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in PAGE_SUFFIXES and p.is_file() and not p.name.startswith(".")
            )
            if not found:
                problems.append(Problem(path.name or str(path), "no help page in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
        if len(files) > MAX_PAGES:
            return [], [], [Problem("", f"more than {MAX_PAGES} help pages")]
    pages: list[Page] = []
    for path in files:
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_PAGE_BYTES + 1)
        except OSError as exc:
            problems.append(Problem(path.name, f"cannot be read: {exc.strerror or exc}"))
            continue
        if len(data) > MAX_PAGE_BYTES:
            problems.append(Problem(path.name, f"is larger than {MAX_PAGE_BYTES // 2**20} MiB"))
            continue
        page = read_page(path, data)
        if isinstance(page, Problem):
            problems.append(page)
        else:
            pages.append(page)
    return pages, [p.name for p in files], problems
