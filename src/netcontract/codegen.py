"""Generated per-contract functions: a small source builder, as cattrs' ``gen`` does.

The readers and writers of a contract are Python functions written out once per class (and per
namespace scope for the XML writer), with every constant (element names, namespace
declarations, codec functions, member tables) bound as a global of the generated module. The
hot path then runs straight-line code: no per-value type dispatch, no dictionary of members.

The source is registered in :mod:`linecache` under ``<netcontract generated ...>``, so
tracebacks and profilers show the generated lines.

Generated code handles the inputs .NET writes; anything else (an unusual form, a value to
refuse with a message) it leaves to the reference code, which reads or writes the whole input
again and reports every problem. It says so with one signal, :class:`Fallback`, raised
explicitly where a check fails or a codec refuses a value; the caller catches only that (and
the quota error), then calls :func:`fell_back`. With ``NETCONTRACT_NO_FALLBACK=1`` (read once,
at import; :func:`_no_fallback` in tests) a conversion that fell back and then succeeded
raises :class:`FallbackForbidden`, naming the contract and the reason: the round-trip, corpus
and interop tests run that way in CI, so a broken generated reader or writer cannot hide
behind the reference code. (An input the reference code then refuses passes: falling back is
how its problems are reported.)
:func:`_engine_path` makes the conversions take the reference code only (for tests that run
on both paths).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import linecache
import os
import re
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

__all__ = [
    "Fallback",
    "FallbackForbidden",
    "Source",
    "conversion_done",
    "conversion_started",
    "fell_back",
    "generated_paths",
    "identifier",
    "plain_init",
]


class Fallback(Exception):  # noqa: N818 - a signal, not an error
    """Raised by generated code: this input is left to the reference code (the message says
    why). Caught by the conversion that ran the generated code, never seen by users."""


class FallbackForbidden(AssertionError):  # noqa: N818 - an internal error, for tests
    """A generated path fell back while ``NETCONTRACT_NO_FALLBACK`` forbids it (tests only)."""


class _Switches:
    no_fallback = os.environ.get("NETCONTRACT_NO_FALLBACK") == "1"
    # a folder: each generated source is also written there as a real file and compiled under
    # that name, so coverage measures the generated readers and writers like any module
    sources_folder = os.environ.get("NETCONTRACT_GENERATED_SOURCES") or None
    reference_only = False


class _Fallbacks(threading.local):
    """The fallbacks of the conversion running on this thread (kept when the switch is on)."""

    def __init__(self) -> None:
        self.reasons: list[str] = []


_FALLBACKS: Final = _Fallbacks()


def fell_back(subject: Any, reason: object) -> None:
    """Note that the generated code for ``subject`` (a contract) left its input to the
    reference code, and why (see :func:`conversion_done`)."""
    if _Switches.no_fallback:
        name = getattr(subject, "__qualname__", None) or repr(subject)
        _FALLBACKS.reasons.append(f"{name}: {reason or 'no reason given'}")


def conversion_started() -> None:
    """Called as a conversion starts: it has not fallen back yet."""
    if _Switches.no_fallback:
        _FALLBACKS.reasons.clear()


def conversion_done() -> None:
    """Called when a conversion succeeds. If it fell back while the switch is on, raises
    :class:`FallbackForbidden` naming the contract and the reason: the reference code accepted
    what the generated code left to it, so the generated code failed on an input it is meant
    for. (A fallback whose input the reference code then refuses is how every problem is
    reported, and passes.)"""
    if _Switches.no_fallback and _FALLBACKS.reasons:
        reasons = "; ".join(_FALLBACKS.reasons)
        _FALLBACKS.reasons.clear()
        raise FallbackForbidden(f"a generated path fell back on an accepted input: {reasons}")


def generated_paths() -> bool:
    """Whether the conversions try their generated code first (False in reference-only tests)."""
    return not _Switches.reference_only


@contextlib.contextmanager
def _no_fallback(forbid: bool = True) -> Iterator[None]:
    """Forbid (or allow) fallbacks from generated code within the block (tests only)."""
    saved = _Switches.no_fallback
    _Switches.no_fallback = forbid
    _FALLBACKS.reasons.clear()
    try:
        yield
    finally:
        _Switches.no_fallback = saved


@contextlib.contextmanager
def _engine_path(path: Literal["generated", "reference"]) -> Iterator[None]:
    """Make the conversions take the generated code first, or the reference code only, within
    the block (tests only)."""
    saved = _Switches.reference_only
    _Switches.reference_only = path == "reference"
    try:
        yield
    finally:
        _Switches.reference_only = saved


_COUNTER: Final = itertools.count()
_NOT_IDENTIFIER: Final = re.compile(r"\W")


def identifier(text: str) -> str:
    """A Python identifier made from ``text`` (for readable generated names)."""
    name = _NOT_IDENTIFIER.sub("_", text)
    return name if name[:1].isalpha() or name[:1] == "_" else "_" + name


class Source:
    """Lines of one generated module and the globals they refer to."""

    def __init__(self, kind: str, subject: str) -> None:
        self.kind = kind
        self.subject = subject
        self.lines: list[str] = []
        self.globals: dict[str, Any] = {"__builtins__": __builtins__}
        self._names: dict[int, str] = {}
        self._keep: list[Any] = []
        # numbered per source, not globally: the same contract gives the same text, so the
        # files NETCONTRACT_GENERATED_SOURCES writes merge in coverage's report
        self._fresh = itertools.count()

    def const(self, value: Any, hint: str = "c") -> str:
        """The global name bound to ``value`` (the same name for the same object)."""
        key = id(value)
        name = self._names.get(key)
        if name is None:
            # "c" keeps constants apart from name()'s: `_item_3` was once both a constant
            # and a loop variable of one function, depending on the global counter
            name = f"_{identifier(hint)}_c{len(self._names)}"
            self._names[key] = name
            self._keep.append(value)  # id() stays valid while the object lives
            self.globals[name] = value
        return name

    def name(self, hint: str) -> str:
        """A fresh local or global name."""
        return f"_{identifier(hint)}_n{next(self._fresh)}"

    def line(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def guarded(self, depth: int, statement: str | Sequence[str], reason: str) -> None:
        """Lines running ``statement`` (a call of a codec; or several statements) and raising
        :class:`Fallback` with ``reason`` if the codec refuses the value (ValueError,
        TypeError): the reference code then says why. (A ``try`` costs nothing until it
        catches.)"""
        self.line(depth, "try:")
        for text in (statement,) if isinstance(statement, str) else statement:
            self.line(depth + 1, text)
        self.line(depth, "except (ValueError, TypeError) as e:")
        self.line(depth + 1, f"raise {self.const(Fallback, 'Fallback')}({reason!r}) from e")

    def construct(self, depth: int, cls: type, arguments: list[tuple[str, str]]) -> None:
        """Lines returning ``cls(attr=expression, ...)`` for ``arguments``.

        Where :func:`plain_init` shows the call only stores its arguments, the instance is
        made and they are stored: an attrs ``__init__`` matches keywords in quadratic time
        in CPython (51 keywords cost more than 51 stores). Fields left out keep their plain
        defaults, stored as the same objects ``__init__`` would store.
        """
        given = {attr for attr, _ in arguments}
        defaults = {
            f.name: f.default
            for f in (attrs.fields(cls) if attrs.has(cls) else ())
            if f.name not in given
            and f.default is not attrs.NOTHING
            and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        }
        name = self.const(cls, cls.__name__)
        if not plain_init(cls, [*given, *defaults]):
            renamed = init_names(cls)  # `_name` is passed as `name`
            call = ", ".join(
                f"{renamed.get(attr, attr)}={expression}" for attr, expression in arguments
            )
            self.call_class(depth, f"{name}({call})")
            return
        self.line(depth, f"o = {self.const(new_instance, 'new')}({name})")
        for attr, expression in arguments:
            self.line(depth, f"o.{attr} = {expression}")
        for attr, default in defaults.items():
            self.line(depth, f"o.{attr} = {self.const(default, 'default')}")
        self.line(depth, "return o")

    def call_class(self, depth: int, call: str) -> None:
        """Lines returning ``call``, a call of a contract class whose ``__init__`` runs code of
        its own (attrs validators, converters, ``__attrs_post_init__``): whatever that code
        raises is the class refusing the values, which the reference path reports at the
        member (model/construct.py), so it becomes the signal here."""
        self.line(depth, "try:")
        self.line(depth + 1, f"return {call}")
        self.line(depth, "except Exception as e:  # the class's own code, whatever it raises")
        self.line(
            depth + 1, f"raise {self.const(Fallback, 'Fallback')}('the class refused') from e"
        )

    def compile(self, function: str) -> Callable[..., Any]:
        """Compile the lines and return the function named ``function``."""
        text = "\n".join(self.lines) + "\n"
        if _Switches.sources_folder:
            filename = _source_file(_Switches.sources_folder, self.kind, self.subject, text)
        else:
            filename = f"<netcontract generated {self.kind} {self.subject} #{next(_COUNTER)}>"
        code = compile(text, filename, "exec")
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        exec(code, self.globals)  # noqa: S102 - the source is built here from contract metadata
        result: Callable[..., Any] = self.globals[function]
        return result


def _source_file(folder: str, kind: str, subject: str, text: str) -> str:
    """Write ``text`` to a file in ``folder`` named by its content (so threads and repeated
    builds agree) and return its path."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    readable = re.sub("_+", "_", identifier(subject)).strip("_")[-80:]
    name = f"{identifier(kind)}__{readable}__{digest}.py"
    path = Path(folder).resolve() / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{name}.{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(text, encoding="utf-8", errors="surrogatepass")
        temporary.replace(path)  # atomic: a reader never sees half a file
    return str(path)


_UNSET: Final = object()


#: object.__new__: an instance whose fields the caller stores (see plain_init)
new_instance: Final = object.__new__


def _slot_state(obj: Any) -> list[Any]:
    """What an instance holds: its slots (in MRO order, unset ones as _UNSET) and __dict__."""
    state: list[Any] = []
    for klass in type(obj).__mro__:
        for value in vars(klass).values():
            if type(value) is types.MemberDescriptorType:
                try:
                    state.append(value.__get__(obj, klass))
                except AttributeError:
                    state.append(_UNSET)
    state.append(getattr(obj, "__dict__", None))
    return state


def init_names(cls: type) -> dict[str, str]:
    """The attrs fields of ``cls`` whose ``__init__`` parameter differs from the attribute
    (attrs strips the leading underscore of a private one), by attribute."""
    if not attrs.has(cls):
        return {}
    return {f.name: f.alias for f in attrs.fields(cls) if f.alias and f.alias != f.name}


def plain_init(cls: Any, names: list[str]) -> bool:
    """Whether ``cls(**kwargs)``, with ``names`` as keywords, only stores each argument in the
    attribute of its name: then creating the instance and storing them gives the same object.

    That is so for an attrs class whose ``__init__`` is the one attrs wrote, with ``names``
    exactly its fields, and no field with a validator, converter, default to compute (every
    field is given) or other parameter name, no ``__attrs_pre_init__`` or
    ``__attrs_post_init__``, no ``__setattr__`` hook (frozen, on_setattr), no ``__new__`` or
    metaclass of its own. As a last check, one instance made both ways must hold the same.
    Anything else keeps the call.
    """
    if not (isinstance(cls, type) and type(cls) is type and attrs.has(cls)):
        return False
    if cls.__new__ is not object.__new__ or cls.__setattr__ is not object.__setattr__:
        return False
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    code = getattr(vars(cls).get("__init__"), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return False
    fields = attrs.fields(cls)
    if len(fields) != len(names) or {f.name for f in fields} != set(names):
        return False
    for f in fields:
        if not f.init or f.validator is not None or f.converter is not None or f.alias != f.name:
            return False
    probe = {name: object() for name in names}
    made = new_instance(cls)
    try:
        for name, value in probe.items():
            setattr(made, name, value)
        return _slot_state(cls(**probe)) == _slot_state(made)
    except Exception:  # whatever it is, the call stays
        return False
