"""Contracts from what a service publishes: ``generate`` from XSD, WSDL and Web API help pages.

``generate(sources)`` reads ``.xsd`` and ``.wsdl`` files (or folders of them) and returns one
self-contained Python module of netcontract contracts, mapped as .NET's
``XsdDataContractImporter`` (``svcutil /dconly``) maps them. What netcontract cannot declare
yet is reported with its schema location (in the module's header and in
:attr:`Generated.reports`) and left out or mapped to the closest honest form;
``strict=True`` makes any such report an error.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from netcontract.errors import Problem, SchemaError
from netcontract.generate.emit import emit_module
from netcontract.generate.helppage import map_pages
from netcontract.generate.mapping import FEATURES, Action, Feature
from netcontract.generate.pages import is_page_source, load_pages
from netcontract.generate.schema import Report, map_schemas
from netcontract.generate.sources import load_sources

__all__ = ["FEATURES", "Action", "Feature", "Generated", "Report", "generate", "generate_module"]


@attrs.frozen
class Generated:
    """A generated module and what it could not map."""

    code: str  #: the module's source
    reports: tuple[Report, ...]  #: each construct not mapped exactly, with its location
    files: tuple[str, ...]  #: the names of the files read (folders expanded)


def _version() -> str:
    try:
        return importlib.metadata.version("netcontract")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        return "unknown"


def _strict(reports: list[Report]) -> SchemaError:
    return SchemaError(Problem(r.location, str(r)[len(r.location) + 2 :]) for r in reports)


def _from_pages(paths: list[Path], *, strict: bool, names: Mapping[str, str] | None) -> Generated:
    pages, files, problems = load_pages(paths)
    if problems:
        raise SchemaError(problems)
    specs = map_pages(pages, names)
    if strict and specs.reports:
        raise _strict(specs.reports)
    code = emit_module(specs, files, _version(), source="help pages")
    return Generated(code, tuple(specs.reports), tuple(files))


def generate_module(
    sources: str | Path | Iterable[str | Path],
    *,
    strict: bool = False,
    names: Mapping[str, str] | None = None,
    extension_data: bool | None = None,
) -> Generated:
    """Generate contracts from ``sources`` (files or folders); see :func:`generate`."""
    if isinstance(sources, str | Path):
        sources = [sources]
    paths = [Path(s) for s in sources]
    on_pages = [is_page_source(p) for p in paths]
    if paths and all(on_pages):
        if extension_data:  # (None, the default, and False: Web API models keep nothing)
            raise SchemaError([Problem("extension_data", "extension_data applies to schemas only")])
        return _from_pages(paths, strict=strict, names=names)
    if any(on_pages):
        raise SchemaError([Problem("", "give either schemas or help pages, not both")])
    if names:
        raise SchemaError([Problem("names", "names apply to help pages only")])
    loaded = load_sources(paths)
    if loaded.problems:
        raise SchemaError(loaded.problems)
    specs = map_schemas(loaded.docs)
    specs.reports[:0] = [Report(where, key, message) for where, key, message in loaded.notes]
    if strict and specs.reports:
        raise _strict(specs.reports)
    # schemas: on unless turned off, as the importer's classes implement IExtensibleDataObject
    keep = extension_data is not False
    code = emit_module(specs, loaded.files, _version(), extension_data=keep)
    return Generated(code, tuple(specs.reports), tuple(loaded.files))


def generate(
    sources: str | Path | Iterable[str | Path],
    *,
    strict: bool = False,
    names: Mapping[str, str] | None = None,
    extension_data: bool | None = None,
) -> str:
    """The Python module of netcontract contracts for the schemas or help pages in ``sources``.

    ``sources`` are ``.xsd`` or ``.wsdl`` files, or folders of them; or ASP.NET Web API help
    pages (``.html``/``.htm`` as the HelpPage package renders them, ``.txt`` as a browser copies
    them), or folders of them. ``names`` gives the names a help page leaves open
    (``{"VehicleLightDtoBase": "VehicleBaseDto"}``: the reports say which). ``schemaLocation``s are
    resolved by file name against the files given and the referring file's folder only (never
    fetched). The module is deterministic (same input, same bytes), passes ``ruff`` and
    ``mypy --strict``, and lists in its header what it was made from and what could not be
    mapped. From schemas, each data contract class that derives from no other is declared with
    ``extension_data=True`` (the default, ``extension_data=None`` or ``True``), as the classes
    .NET's importer generates implement ``IExtensibleDataObject``: the members a document holds
    that the schema does not know are kept and written back (XML, WCF JSON) instead of dropped.
    ``extension_data=False`` leaves it out: faster (the generated fast paths read and write
    such classes; contracts with extension data are read by the reference code), and unknown
    members are dropped. Help pages describe Web API models, which keep nothing
    (``extension_data=True`` is refused there). Raises
    :class:`~netcontract.SchemaError` when a file cannot be read, or with ``strict=True`` when
    anything could not be mapped exactly.
    """
    return generate_module(sources, strict=strict, names=names, extension_data=extension_data).code
