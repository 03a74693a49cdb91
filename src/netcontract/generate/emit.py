"""Writing the generated module: Python source that ``ruff format`` leaves as it is.

The layout rules are those of ruff's formatter (line length 100, double quotes, a call split
first onto one indented line, then one argument per line with a trailing comma), so that the
module passes ``ruff check``, ``ruff format --check`` and ``mypy --strict`` as written, without
running any tool: the output depends on nothing but the input.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Final

from netcontract.generate.schema import (
    KNOWN_DOTNET_TYPES,
    ClassSpec,
    EnumSpec,
    MemberSpec,
    QName,
    Report,
    Specs,
)
from netcontract.generate.schema import clr_namespace as _clr_namespace

__all__ = ["emit_module", "py_string"]

WIDTH: Final = 100
_AMBIGUOUS: Final = frozenset({"l", "O", "I"})


def py_string(value: str) -> str:
    """A string literal as ruff writes it: double quotes unless single ones need fewer
    escapes; backslashes and control characters escaped, lowercase hex."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    out = []
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\x{ord(char):02x}")
        elif char in "\u2028\u2029\x85" or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return quote + "".join(out) + quote


def _call(head: str, call: str, args: list[str], indent: str, tail: str = "") -> list[str]:
    """``{indent}{head}{call}(args){tail}`` split as ruff splits it."""
    joined = ", ".join(args)
    one = f"{indent}{head}{call}({joined}){tail}"
    if len(one) <= WIDTH:
        return [one]
    inner = f"{indent}    {joined}"
    if len(inner) <= WIDTH:
        return [f"{indent}{head}{call}(", inner, f"{indent}){tail}"]
    return [f"{indent}{head}{call}(", *(f"{indent}    {a}," for a in args), f"{indent}){tail}"]


def _clean(text: str) -> str:
    # double quotes cannot be written safely inside a docstring without escapes that the
    # formatter would rewrite: documentation keeps its words with single quotes
    return text.replace("\\", "\\\\").replace('"', "'")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        lines.extend(
            textwrap.wrap(paragraph, width=width, break_long_words=True, break_on_hyphens=False)
            or [""]
        )
    return lines


def _docstring(text: str, indent: str) -> list[str]:
    lines = _wrap(_clean(text), WIDTH - len(indent) - 3)
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    out = [f'{indent}"""{lines[0]}']
    out.extend(f"{indent}{line}" if line else "" for line in lines[1:])
    out.append(f'{indent}"""')
    return out


def _comment(text: str, indent: str) -> list[str]:
    return [
        f"{indent}#: {line}" if line else f"{indent}#:"
        for line in _wrap(" ".join(text.split()), WIDTH - len(indent) - 3)
    ]


def _decorator(
    qname: QName,
    py_name: str,
    is_reference: bool = False,
    known: tuple[str, ...] = (),
    extension_data: bool = False,
) -> list[str]:
    namespace, name = qname
    clr = _clr_namespace(namespace)
    args = [py_string(clr)] if clr is not None else [f"xml_namespace={py_string(namespace)}"]
    if name != py_name:
        args.append(f"name={py_string(name)}")
    if is_reference:
        args.append("is_reference=True")
    if extension_data:
        args.append("extension_data=True")
    if not known:
        return _call("@", "nc.contract", args, "")
    # [KnownType]s by name (``known``: Python source, quoted names): a base precedes its
    # derived classes, so names are resolved when the class is first written or read
    names = list(known)
    tuple_text = f"({', '.join(names)}{',' if len(names) == 1 else ''})"
    lines = _call("@", "nc.contract", [*args, f"known_types={tuple_text}"], "")
    if all(len(line) <= WIDTH for line in lines):
        return lines
    # too long for a line of its own: one name a line, with the trailing comma ruff keeps
    return [
        "@nc.contract(",
        *(f"    {a}," for a in args),
        "    known_types=(",
        *(f"        {n}," for n in names),
        "    ),",
        ")",
    ]


def _enum_member(name: str, value: int, wire: str | None) -> list[str]:
    codes = []
    if name in _AMBIGUOUS:
        codes.append("E741")
    stripped = name.lstrip("_")
    if stripped[:1].islower() and name != name.lower():
        codes.append("N815")  # a mixedCase wire name: the member name must be it
    noqa = f"  # noqa: {', '.join(codes)}" if codes else ""
    if wire is not None:  # [EnumMember(Value = wire)]
        lines = _call(f"{name} = ", "nc.enum_member", [str(value), py_string(wire)], "    ")
        # ruff puts a noqa comment for the statement on its first line
        return [lines[0] + noqa, *lines[1:]]
    line = f"    {name} = {value}"
    if len(line) > WIDTH:
        noqa = f"  # noqa: {', '.join([*codes, 'E501'])}"
    return [line + noqa]


def _enum(spec: EnumSpec) -> list[str]:
    out = [
        *_note(spec.note, ""),
        *_decorator(spec.qname, spec.py_name),
        f"class {spec.py_name}(nc.{'ContractFlag' if spec.flags else 'ContractEnum'}):",
    ]
    body: list[str] = []
    if spec.doc:
        body.extend(_docstring(spec.doc, "    "))
        if spec.members:
            body.append("")
    for name, value, doc in spec.members:
        if doc:
            body.extend(_comment(doc, "    "))
        body.extend(_enum_member(name, value, spec.wire_names.get(name)))
    return out + (body or ["    pass"])


def _note(text: str, indent: str) -> list[str]:
    """``# netcontract: ...`` lines: what a help page could not tell, for the user to check."""
    if not text:
        return []
    return [f"{indent}# {line}" for line in _wrap("netcontract: " + text, WIDTH - len(indent) - 2)]


def _member(member: MemberSpec) -> list[str]:
    notes = _note(member.note, "    ")
    if member.computed is not None:
        lines = _comment(member.doc, "    ") if member.doc else []
        head = f"{member.attr}: {member.annotation} = "
        args = [py_string(member.wire_name), member.computed]
        return notes + lines + _call(head, "nc.computed", args, "    ")
    return notes + _plain_member(member)


def _plain_member(member: MemberSpec) -> list[str]:
    args = [py_string(member.wire_name)]
    args.append(
        f"factory={member.factory}" if member.factory is not None else f"default={member.default}"
    )
    if member.order is not None:
        args.append(f"order={member.order}")
    if member.is_required:
        args.append("is_required=True")
    if not member.emit_default_value:
        args.append("emit_default_value=False")
    if member.json_only:
        args.append("json_only=True")
    lines = _comment(member.doc, "    ") if member.doc else []
    head = f"{member.attr}: {member.annotation} = "
    if len(f"    {head}nc.member(") <= WIDTH:
        return lines + _call(head, "nc.member", args, "    ")
    if len(f"    {head}(") <= WIDTH:
        # the call does not start on the line but the annotation fits: ruff parenthesizes the
        # right-hand side (Bing Ads' ImportSearchAndReplaceForStringProperty | None members)
        return [*lines, f"    {head}(", *_call("", "nc.member", args, "        "), "    )"]
    # the annotation does not fit on the line either: ruff parenthesizes it
    return [
        *lines,
        f"    {member.attr}: (",
        f"        {member.annotation}",
        *_call(") = ", "nc.member", args, "    "),
    ]


def _collection(spec: ClassSpec) -> list[str]:
    """``@nc.collection_contract(...)`` and ``class X(list[...])``: a [CollectionDataContract]."""
    collection = spec.collection
    assert collection is not None
    namespace, name = spec.qname
    clr = _clr_namespace(namespace)
    args = [py_string(clr)] if clr is not None else [f"xml_namespace={py_string(namespace)}"]
    if name != spec.py_name:
        args.append(f"name={py_string(name)}")
    for keyword, value in (
        ("item_name", collection.item_name),
        ("key_name", collection.key_name),
        ("value_name", collection.value_name),
    ):
        if value is not None:
            args.append(f"{keyword}={py_string(value)}")
    if collection.is_reference:
        args.append("is_reference=True")
    out = [*_call("@", "nc.collection_contract", args, "")]
    out += _call(f"class {spec.py_name}", "", [collection.base], "", ":")
    body = _docstring(spec.doc, "    ") if spec.doc else ["    pass"]
    return out + body


def _class(spec: ClassSpec, names: dict[QName, str], extension_data: bool = False) -> list[str]:
    if spec.collection is not None:
        return _collection(spec)
    base = f"({names[spec.base]})" if spec.base is not None else ""
    out: list[str] = []
    for function in spec.functions:
        out += [*function, "", ""]
    # by name (a string), or a .NET type by netcontract's value type (nc.DateTimeOffset)
    known = tuple(
        sorted(KNOWN_DOTNET_TYPES.get(q) or py_string(names[q]) for q in spec.known_types)
    )
    out += [
        *_note(spec.note, ""),
        # IExtensibleDataObject on the classes that derive from no other (their subclasses
        # inherit it), as XsdDataContractImporter implements it
        *_decorator(
            spec.qname,
            spec.py_name,
            spec.is_reference,
            known,
            extension_data=extension_data and spec.base is None,
        ),
    ]
    out.append(f"class {spec.py_name}{base}:")
    body: list[str] = []
    if spec.doc:
        body.extend(_docstring(spec.doc, "    "))
        if spec.members:
            body.append("")
    for member in spec.members:
        body.extend(_member(member))
    return out + (body or ["    pass"])


def _ordered(classes: list[ClassSpec]) -> list[ClassSpec]:
    """Classes in name order, each after what it needs at definition time (base, factories)."""
    by_qname = {c.qname: c for c in classes}
    done: set[QName] = set()
    out: list[ClassSpec] = []

    def visit(spec: ClassSpec) -> None:
        if spec.qname in done:
            return
        done.add(spec.qname)
        for need in sorted(spec.needs):
            if need in by_qname:
                visit(by_qname[need])
        out.append(spec)

    for spec in sorted(classes, key=lambda c: (c.py_name, c.qname)):
        visit(spec)
    return out


def _header(
    files: Iterable[str], version: str, reports: list[Report], skipped: int, source: str
) -> list[str]:
    names = ", ".join(files)
    text = f"Data contracts generated by netcontract {version} from {names}."
    follow = (
        "Regenerate with `netcontract generate` rather than editing: the classes follow the "
        "schemas, member order and names included."
        if source == "schemas"
        else "Made from a Web API help page: what the page cannot tell is listed below and "
        "marked `# netcontract:` in the code; check those against the server."
    )
    paragraphs = [text, follow]
    if skipped:
        paragraphs.append(
            f"{skipped} global elements with anonymous types (operation messages, not data "
            "contracts) were skipped."
        )
    lines = _docstring("\n\n".join(paragraphs), "")
    if reports:
        # the docstring closes with the list of what could not be mapped, one item each
        lines.pop()
        title = "Not mapped exactly" if source == "schemas" else "Not told by the page"
        lines.extend(["", f"{title} ({len(reports)}):", ""])
        for report in reports:
            wrapped = _wrap(_clean(str(report)), WIDTH - 2)
            lines.append(f"- {wrapped[0]}")
            lines.extend(f"  {line}" for line in wrapped[1:])
        lines.append('"""')
    return lines


def emit_module(
    specs: Specs,
    files: list[str],
    version: str,
    source: str = "schemas",
    *,
    extension_data: bool = False,
) -> str:
    """The Python source of the generated module (``extension_data``: the data contract
    classes keep unknown members, as .NET's ``IExtensibleDataObject``)."""
    names: dict[QName, str] = {e.qname: e.py_name for e in specs.enums}
    names.update({c.qname: c.py_name for c in specs.classes})
    blocks: list[list[str]] = [_enum(e) for e in sorted(specs.enums, key=lambda e: e.py_name)]
    blocks.extend(_class(c, names, extension_data) for c in _ordered(specs.classes))
    text = "\n".join("\n".join(b) for b in blocks)
    imports = sorted(m for m in ("decimal", "uuid") if f"{m}." in text)
    lines = _header(files, version, specs.reports, specs.skipped_elements, source)
    lines += ["", "from __future__ import annotations", ""]
    if imports:
        lines += [f"import {m}" for m in imports] + [""]
    if blocks:
        lines.append("import netcontract as nc")
    for block in blocks:
        lines += ["", "", *block]
    while not lines[-1]:  # a module without contracts ends at its imports (ruff format)
        lines.pop()
    return "\n".join(lines) + "\n"
