"""Converting documents on Dask (``pip install 'netcontract[dask]'``): from one machine's cores
to a cluster, with the same reading and writing as :func:`~netcontract.from_xml` and
:func:`~netcontract.to_json`.

- :func:`read_bag`: a ``dask.bag`` of :class:`Document` from a bag of payloads (bytes or
  text, or ``(source, payload)`` pairs) or from files (a folder, a glob, a list of paths).
  A refused document is kept, with its error, not dropped: :func:`objects` and
  :func:`refusals` split them.
- :func:`to_records`: flat dicts for a data frame or Parquet (``bag.to_dataframe()``).
- :func:`convert_folder`: a folder converted file by file on the workers, as
  ``netcontract convert DIR --out DIR`` does; returns what was refused.

Everything shipped to the workers pickles (contracts, settings, limits, errors); the workers
need netcontract and the modules of the contracts installed, and for files, the same paths.
"""

from __future__ import annotations

import glob as _glob
import json
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs

try:
    import dask.bag as db
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - the extra is not installed
    raise ImportError(
        f"netcontract.dask needs Dask: pip install 'netcontract[dask]' ({exc})"
    ) from exc

from netcontract.conversions import from_json, from_wcf_json, from_xml, to_json, to_wcf_json, to_xml
from netcontract.documents import as_document, type_arguments
from netcontract.errors import NetContractError, PayloadError, SerializationError
from netcontract.files import write_output
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "ConvertReport",
    "Document",
    "convert_folder",
    "flatten",
    "objects",
    "read_bag",
    "refusals",
    "to_records",
]

Format = Literal["xml", "json", "wcf-json"]
Layout = Literal["writer", "stream"]
_FORMATS: tuple[str, ...] = ("xml", "json", "wcf-json")
_EXTENSIONS = {".xml": "xml", ".json": "json"}


@attrs.frozen
class Document:
    """One document of a bag: where it came from, and its object or why it was refused."""

    #: the file's path, or ``partition P item I`` for a payload without a name
    source: str
    #: the object read (``None`` when refused)
    value: Any = None
    #: the :class:`~netcontract.NetContractError` (or ``OSError`` for a file that could not
    #: be read) that refused it, with every problem's member path
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def problems(self) -> list[str]:
        """The refusal as lines (``Vehicles[0].Tolerance: ...``); empty when read."""
        if self.error is None:
            return []
        return _problem_lines(self.error)


@attrs.frozen
class _Reading:
    cls: Any
    fmt: str | None
    settings: JsonSettings | None
    limits: Limits
    strict: bool
    #: the serializer's known types: those given, and the contracts ``cls`` names as type
    #: arguments (``ResponseDto[X]``), as ``netcontract convert --type`` makes them known
    known_types: tuple[Any, ...] = ()
    simple_dictionaries: bool = False

    def read(self, source: str, data: bytes | str, hint: str | None) -> Document:
        fmt = self.fmt or _sniff(data, hint)
        if fmt != "xml" and self.cls is None:
            error = NetContractError(f"{fmt} documents need cls (JSON does not name its type)")
            return Document(source, error=error)
        try:
            if fmt == "xml":
                value = from_xml(
                    data,
                    self.cls,
                    strict=self.strict,
                    limits=self.limits,
                    known_types=self.known_types,
                )
            elif fmt == "json":
                value = from_json(data, self.cls, settings=self.settings, limits=self.limits)
            else:
                value = from_wcf_json(
                    data,
                    self.cls,
                    limits=self.limits,
                    known_types=self.known_types,
                    simple_dictionaries=self.simple_dictionaries,
                )
        except NetContractError as exc:
            return Document(source, error=exc)
        return Document(source, value)

    def read_file(self, path: str) -> Document:
        try:
            with open(path, "rb") as handle:  # noqa: PTH123 - a plain path
                data = handle.read(self.limits.max_bytes + 1)  # never more than the limit
        except OSError as exc:
            return Document(path, error=exc)
        return self.read(path, data, _EXTENSIONS.get(Path(path).suffix.lower()))

    def read_partition(self, index: int, payloads: Iterable[Any]) -> list[Document]:
        documents = []
        for item, payload in enumerate(payloads):
            if isinstance(payload, tuple):
                source, data = str(payload[0]), payload[1]
            else:
                source, data = f"partition {index} item {item}", payload
            documents.append(self.read(source, data, None))
        return documents


def _sniff(data: bytes | str, hint: str | None) -> str:
    head = data[:64].lstrip() if isinstance(data, str) else data[:64].lstrip(b" \t\r\n\xef\xbb\xbf")
    first = head[:1]
    if first in ("<", b"<"):
        return "xml"
    if first in ("{", "[", b"{", b"["):
        return "json"
    return hint or "xml"  # the reader then says what is wrong with it


def _paths(source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if Path(name).is_dir():
            return sorted(
                str(p)
                for p in Path(name).iterdir()
                if p.suffix.lower() in _EXTENSIONS and p.is_file()
            )
        return sorted(_glob.glob(name))  # noqa: PTH207 - absolute patterns too
    return [os.fspath(p) for p in source]


def _known(cls: Any, known_types: Iterable[Any] | None) -> tuple[Any, ...]:
    return (*(known_types or ()), *type_arguments(cls))


def _check_simple(simple_dictionaries: bool, *formats: str | None) -> None:
    if simple_dictionaries and "wcf-json" not in formats:
        raise ValueError(
            "simple_dictionaries applies to WCF JSON: fmt or to must be 'wcf-json' "
            "(netcontract convert --simple-dictionaries likewise)"
        )


def read_bag(
    source: db.Bag | str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    cls: Any = None,
    *,
    fmt: Format | None = None,
    settings: JsonSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
    known_types: Iterable[Any] | None = None,
    simple_dictionaries: bool = False,
    npartitions: int | None = None,
) -> db.Bag:
    """A bag of :class:`Document`, read on the workers.

    ``source``: a bag of payloads (``bytes``/``str``, or ``(source, payload)`` pairs), a
    folder (its ``.xml``/``.json`` files), a glob, or a list of paths. ``fmt`` is the format
    of every document; by default each is sniffed (``<`` XML, ``{``/``[`` JSON; a file's
    extension decides otherwise). JSON needs ``cls``; XML names its contract (``cls`` then
    checks it). ``settings``, ``limits``, ``strict``, ``known_types`` and
    ``simple_dictionaries`` (with ``fmt="wcf-json"``) are those of ``from_json`` /
    ``from_xml`` / ``from_wcf_json``; the contracts ``cls`` names as type arguments
    (``ResponseDto[X]``) are known too, as ``netcontract convert --type`` makes them.
    """
    if fmt is not None and fmt not in _FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(_FORMATS)}, not {fmt!r}")
    _check_simple(simple_dictionaries, fmt)
    reading = _Reading(
        cls, fmt, settings, limits, strict, _known(cls, known_types), simple_dictionaries
    )
    if isinstance(source, db.Bag):
        parts = source.to_delayed()
        return db.from_delayed(
            [delayed(reading.read_partition)(index, part) for index, part in enumerate(parts)]
        )
    paths = _paths(source)
    if not paths:
        return db.from_sequence([], npartitions=1)
    bag = db.from_sequence(paths, npartitions=npartitions or min(len(paths), 100))
    return bag.map(reading.read_file)


def _is_ok(document: Document) -> bool:
    return document.ok


def _is_refused(document: Document) -> bool:
    return not document.ok


def _value(document: Document) -> Any:
    return document.value


def objects(documents: db.Bag) -> db.Bag:
    """The objects of the documents that were read."""
    return documents.filter(_is_ok).map(_value)


def refusals(documents: db.Bag) -> db.Bag:
    """The documents that were refused (each with its ``source`` and ``error``)."""
    return documents.filter(_is_refused)


def flatten(obj: Any, *, settings: JsonSettings | None = None) -> dict[str, Any]:
    """``obj`` as one flat record, from what :func:`~netcontract.to_json` writes for it:

    - keys are the JSON member names (with ``settings``, as Json.NET names them); a nested
      object's members are ``Parent.Member`` (any depth), and a null nested object is one
      ``Parent: None``;
    - values are JSON's: ``str``, ``bool``, ``None``, ``int`` for integers, and
      ``decimal.Decimal`` for other numbers (the exact text Json.NET writes: nothing is
      rounded through a float); dates, GUIDs and enums are the strings Json.NET writes;
    - a list stays a list (of values, or of flat records for contracts), which Parquet keeps
      as a list column.
    """
    value = json.loads(to_json(obj, settings=settings), parse_float=Decimal)
    if not isinstance(value, dict):
        return {"": value}
    record: dict[str, Any] = {}
    _flatten_into(record, "", value)
    return record


def _flatten_into(record: dict[str, Any], prefix: str, value: dict[str, Any]) -> None:
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            _flatten_into(record, f"{name}.", item)
        elif isinstance(item, list):
            record[name] = [_flat_item(x) for x in item]
        else:
            record[name] = item


def _flat_item(item: Any) -> Any:
    if isinstance(item, dict):
        record: dict[str, Any] = {}
        _flatten_into(record, "", item)
        return record
    if isinstance(item, list):
        return [_flat_item(x) for x in item]
    return item


@attrs.frozen
class _Flattening:
    settings: JsonSettings | None

    def __call__(self, obj: Any) -> dict[str, Any]:
        return flatten(obj.value if isinstance(obj, Document) else obj, settings=self.settings)


def to_records(objs: db.Bag, *, settings: JsonSettings | None = None) -> db.Bag:
    """A bag of flat records (:func:`flatten`) of a bag of objects; given the documents of
    :func:`read_bag`, of those that were read (see :func:`refusals` for the others)."""
    return objs.filter(_not_refused).map(_Flattening(settings))


def _not_refused(item: Any) -> bool:
    return not isinstance(item, Document) or item.ok


@attrs.frozen
class ConvertReport:
    """What :func:`convert_folder` did: the files written, and those refused with why."""

    converted: list[str]
    refused: list[tuple[str, list[str]]]


@attrs.frozen
class _Writing:
    reading: _Reading
    out: str
    to: str
    indent: bool
    settings: JsonSettings | None
    lossy: bool = False
    layout: Layout = "writer"

    def __call__(self, path: str) -> tuple[str, list[str]]:
        document = self.reading.read_file(path)
        if not document.ok:
            return path, document.problems()
        suffix = "json" if self.to == "wcf-json" else self.to
        destination = Path(self.out) / f"{Path(path).stem}.{suffix}"
        reading = self.reading
        value = as_document(document.value, reading.cls)
        try:
            if self.to == "xml":
                data = to_xml(
                    value, indent=self.indent, layout=self.layout, known_types=reading.known_types
                )
            elif self.to == "json":
                data = to_json(value, indent=self.indent, settings=self.settings)
            else:
                data = to_wcf_json(
                    value,
                    indent=self.indent,
                    lossy=self.lossy,
                    known_types=reading.known_types,
                    simple_dictionaries=reading.simple_dictionaries,
                )
            write_output(destination, data + b"\n")
        except (NetContractError, OSError) as exc:  # SerializationError: what .NET cannot write
            return path, _problem_lines(exc)
        return str(destination), []


def _problem_lines(error: Exception) -> list[str]:
    if isinstance(error, PayloadError | SerializationError):
        return [str(problem) for problem in error.problems]
    return [str(error)]


def convert_folder(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    to: Format = "json",
    cls: Any = None,
    fmt: Format | None = None,
    settings: JsonSettings | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
    indent: bool = False,
    lossy: bool = False,
    simple_dictionaries: bool = False,
    layout: Layout = "writer",
    known_types: Iterable[Any] | None = None,
    npartitions: int | None = None,
) -> ConvertReport:
    """Convert each ``.xml``/``.json`` file of ``folder`` into ``out`` (created) on the
    current Dask scheduler (a ``distributed.Client`` when one is active): the same bytes as
    ``netcontract convert DIR --out DIR --to TO`` with the same options (``indent``,
    ``lossy``, ``simple_dictionaries``, ``layout``, ``strict``, ``settings`` as
    ``--json-settings``, ``cls`` as ``--type``, ``fmt`` as ``--from``; each file written
    atomically), and the refused files with their problems. ``out`` must be reachable by the
    workers by the same path (a shared filesystem on a cluster)."""
    if to not in _FORMATS:
        raise ValueError(f"to must be one of {', '.join(_FORMATS)}, not {to!r}")
    if fmt is not None and fmt not in _FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(_FORMATS)}, not {fmt!r}")
    if layout not in ("writer", "stream"):
        raise ValueError(f"layout must be writer or stream, not {layout!r}")
    if layout == "stream" and to != "xml":
        raise ValueError(f"layout='stream' applies to XML output, not to {to}")
    if layout == "stream" and indent:
        raise ValueError("layout='stream' cannot be indented (WriteObject(Stream) does not indent)")
    _check_simple(simple_dictionaries, fmt, to)
    paths = _paths(folder)
    suffix = "json" if to == "wcf-json" else to
    names = [f"{Path(p).stem}.{suffix}" for p in paths]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"several inputs would be written to {', '.join(clashes)}")
    Path(out).mkdir(parents=True, exist_ok=True)
    if not paths:
        return ConvertReport([], [])
    reading = _Reading(
        cls, fmt, settings, limits, strict, _known(cls, known_types), simple_dictionaries
    )
    writing = _Writing(reading, os.fspath(out), to, indent, settings, lossy, layout)
    bag = db.from_sequence(paths, npartitions=npartitions or min(len(paths), 100))
    results = bag.map(writing).compute()
    return ConvertReport(
        converted=[written for written, problems in results if not problems],
        refused=[(path, problems) for path, problems in results if problems],
    )
