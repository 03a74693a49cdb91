"""Corpora: N documents of one contract, drawn from the hypothesis strategies, reproducibly.

:func:`draw_corpus` draws values with :func:`netcontract.strategies.for_type`;
:func:`write_corpus` writes them as JSON and/or XML files plus a ``manifest.json``.

How the draw is made deterministic, and why this way: ``strategy.example()`` is meant for the
REPL, ignores seeds and varies from run to run, so it is not used. Instead the strategy runs
under hypothesis's own engine through its public API: a function decorated with
``@given(strategy)``, ``@seed(seed)`` and ``@settings(database=None, phases=[Phase.generate],
derandomize=False, ...)`` collects what it is given. ``@seed`` fixes the engine's random
generator, ``database=None`` stops it from replaying examples saved by earlier runs, and the
generate phase alone (no explicit examples, no reuse, no targeting, no shrinking) makes the
sequence a pure function of the seed, the count and the versions of hypothesis and of the
strategies (the manifest records them). Documents that serialize identically are dropped
and more are drawn (with derived seeds) until ``count`` distinct ones exist.

Hypothesis is a test dependency (``pip install 'netcontract[test]'``): it is imported only
when a corpus is drawn.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

from netcontract.clr.objects import Boxed
from netcontract.conversions import to_json, to_xml
from netcontract.files import write_output
from netcontract.model.contract import is_contract
from netcontract.model.plan import contract_info
from netcontract.model.wire import collection_of, is_plain_collection

__all__ = ["FORMATS", "MANIFEST_NAME", "draw_corpus", "is_corpus_manifest", "write_corpus"]

#: the formats :func:`write_corpus` can write
FORMATS: Final = ("json", "xml")
#: the manifest's file name in the output directory
MANIFEST_NAME: Final = "manifest.json"

#: the start of the manifest's "generator" text, by which a manifest is recognised
_GENERATOR: Final = "netcontract.strategies.for_type"

#: rounds of drawing without one new document after which the type is deemed exhausted
_STALE_ROUNDS: Final = 3
_ROUND_SEED_STEP: Final = 1 << 64


def _settings_names(settings: Any) -> set[str]:
    return set(inspect.signature(settings).parameters)


def _dedupe_key(value: Any) -> bytes:
    if is_contract(type(value)):
        return to_json(value)
    return repr(value).encode("utf-8", "surrogatepass")


def _draw_round(strategy: Any, seed: int, examples: int) -> list[Any]:
    # imported here: hypothesis is only needed to draw corpora
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings  # noqa: PLC0415
    from hypothesis import seed as seed_decorator  # noqa: PLC0415

    drawn: list[Any] = []
    # the default backend, even if the active settings profile chose another (older
    # hypothesis versions have no backend setting, and only this backend)
    backend: dict[str, Any] = (
        {"backend": "hypothesis"} if "backend" in _settings_names(settings) else {}
    )

    @seed_decorator(seed)
    @settings(
        max_examples=examples,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        deadline=None,
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
        report_multiple_bugs=False,
        **backend,
    )
    @given(strategy)
    def collect(value: Any) -> None:
        drawn.append(value)

    collect()
    return drawn


def draw_corpus(tp: Any, *, count: int, seed: int = 0, **strategy_options: Any) -> list[Any]:
    """``count`` distinct values of ``tp``, drawn from :func:`netcontract.strategies.for_type`.

    :param tp: a contract class (or anything ``for_type`` accepts).
    :param count: how many values, all different (contracts: all serialize to different JSON).
    :param seed: the same seed (with the same hypothesis and netcontract versions) gives the
        same values in the same order. A corpus of 10 is not the start of a corpus of 20:
        hypothesis plans its exploration around the number of examples.
    :param strategy_options: passed on to ``for_type`` (``local_offsets``, ``max_items``...).

    Raises ``ValueError`` when ``tp`` has fewer than ``count`` distinct values, and
    ``ModuleNotFoundError`` when hypothesis is not installed.
    """
    if type(count) is not int or count < 0:
        raise ValueError(f"count must be a non-negative int, not {count!r}")
    if type(seed) is not int:
        raise TypeError(f"seed must be an int, not {type(seed).__name__}")
    from netcontract.strategies import for_type  # noqa: PLC0415 - imports hypothesis

    strategy = for_type(tp, **strategy_options)
    values: list[Any] = []
    seen: set[bytes] = set()
    stale = 0
    round_number = 0
    while len(values) < count:
        missing = count - len(values)
        round_seed = seed + round_number * _ROUND_SEED_STEP
        added = 0
        for value in _draw_round(strategy, round_seed, missing + missing // 4 + 5):
            key = _dedupe_key(value)
            if key in seen:
                continue
            seen.add(key)
            values.append(value)
            added += 1
            if len(values) == count:
                break
        stale = 0 if added else stale + 1
        if stale >= _STALE_ROUNDS:
            raise ValueError(
                f"{_type_name(tp)} has only {len(values)} distinct value(s) that the strategies"
                f" draw; ask for at most {len(values)}"
            )
        round_number += 1
    return values


def _type_name(tp: Any) -> str:
    return getattr(tp, "__qualname__", None) or repr(tp)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        return "unknown"


def _file_entry(path: Path, data: bytes) -> dict[str, Any]:
    write_output(path, data)
    return {"file": path.name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def write_corpus(
    tp: Any,
    out: str | Path,
    *,
    count: int,
    seed: int = 0,
    formats: Iterable[str] = FORMATS,
    indent: bool = False,
) -> dict[str, Any]:
    """Write ``count`` documents of the contract ``tp`` (or a ``list[T]`` / ``dict[K, V]``
    root, named ``ArrayOf...``) into ``out``, with a manifest.

    Document ``i`` is written as ``<ContractName>-<i>.json`` and/or ``.xml`` (the same value
    in both formats; bytes exactly as :func:`~netcontract.to_json`/:func:`~netcontract.to_xml`
    write them, no trailing newline), zero-padded to four digits or more. ``out`` is created
    when missing; files of the same names are replaced, others are left alone.

    ``manifest.json`` (UTF-8, indented, sorted keys, no timestamps, so the same seed gives the
    same bytes) records the type, its contract name and namespace, ``count``, ``seed``,
    ``formats``, ``indent``, the versions of netcontract and hypothesis, and per document the
    file name, size and SHA-256 of each file. The manifest is also returned.
    """
    collection = collection_of(tp) if is_plain_collection(tp) else None
    if collection is None and not is_contract(tp):
        raise TypeError(f"{tp!r} is not a contract class, list[T] or dict[K, V]")
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"formats must be among {FORMATS}, not {list(formats)!r}")
    values = draw_corpus(tp, count=count, seed=seed)
    if collection is not None:
        # a List<T> / Dictionary<K,V> root: named ArrayOf..., written as a Boxed collection
        name, namespace, type_name = (
            collection.contract_name,
            collection.contract_namespace,
            repr(tp),
        )
        values = [Boxed(value, tp) for value in values]
    else:
        info = contract_info(tp)
        name, namespace = info.name, info.namespace
        type_name = f"{info.cls.__module__}:{info.cls.__qualname__}"
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(max(count - 1, 0))))
    writers: dict[str, Callable[..., bytes]] = {"json": to_json, "xml": to_xml}
    documents = []
    for index, value in enumerate(values):
        stem = f"{name}-{index:0{width}d}"
        files = {
            fmt: _file_entry(directory / f"{stem}.{fmt}", writers[fmt](value, indent=indent))
            for fmt in chosen
        }
        documents.append({"index": index, "files": files})
    manifest: dict[str, Any] = {
        "type": type_name,
        "contract": {"name": name, "namespace": namespace},
        "count": count,
        "seed": seed,
        "formats": list(chosen),
        "indent": indent,
        "generator": (
            "netcontract.strategies.for_type, drawn by hypothesis @given with @seed,"
            " generate phase only, no example database; duplicates dropped"
        ),
        "versions": {"netcontract": _version("netcontract"), "hypothesis": _version("hypothesis")},
        "documents": documents,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_output(directory / MANIFEST_NAME, text.encode("utf-8"))
    return manifest


def is_corpus_manifest(data: bytes) -> bool:
    """Whether ``data`` is a ``manifest.json`` that :func:`write_corpus` wrote (by content)."""
    if b'"generator"' not in data:  # cheap refusal of the documents that are not manifests
        return False
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(value, dict)
        and isinstance(value.get("generator"), str)
        and value["generator"].startswith(_GENERATOR)
        and isinstance(value.get("documents"), list)
        and isinstance(value.get("contract"), dict)
    )
