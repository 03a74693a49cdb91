"""Generated per-contract functions: a small source builder, as cattrs' ``gen`` does.

The readers and writers of a contract are Python functions written out once per class (and per
namespace scope for the XML writer), with every constant (element names, namespace
declarations, codec functions, member tables) bound as a global of the generated module. The
hot path then runs straight-line code: no per-value type dispatch, no dictionary of members.

The source is registered in :mod:`linecache` under ``<netcontract generated ...>``, so
tracebacks and profilers show the generated lines.
"""

from __future__ import annotations

import itertools
import linecache
import re
from collections.abc import Callable
from typing import Any, Final

__all__ = ["Source", "identifier"]

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

    def const(self, value: Any, hint: str = "c") -> str:
        """The global name bound to ``value`` (the same name for the same object)."""
        key = id(value)
        name = self._names.get(key)
        if name is None:
            name = f"_{identifier(hint)}_{len(self._names)}"
            self._names[key] = name
            self._keep.append(value)  # id() stays valid while the object lives
            self.globals[name] = value
        return name

    def name(self, hint: str) -> str:
        """A fresh local or global name."""
        return f"_{identifier(hint)}_{next(_COUNTER)}"

    def line(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def compile(self, function: str) -> Callable[..., Any]:
        """Compile the lines and return the function named ``function``."""
        text = "\n".join(self.lines) + "\n"
        filename = f"<netcontract generated {self.kind} {self.subject} #{next(_COUNTER)}>"
        code = compile(text, filename, "exec")
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        exec(code, self.globals)  # noqa: S102 - the source is built here from contract metadata
        result: Callable[..., Any] = self.globals[function]
        return result
