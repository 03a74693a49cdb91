"""The exception family of netcontract.

    NetContractError                 every error raised by netcontract
    ├── ContractDefinitionError      a contract class is declared wrongly (a programming error)
    ├── PayloadError                 a document was refused on reading (carries every problem)
    │   ├── XmlPayloadError
    │   └── JsonPayloadError
    └── SerializationError           an object cannot be written (e.g. an enum value with no name)

Every problem carries the member path (``Vehicles[3].Tolerance``) and, for XML input, the
line and column of the offending element.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "ContractDefinitionError",
    "JsonPayloadError",
    "NetContractError",
    "PayloadError",
    "Problem",
    "QuotaExceededError",
    "SerializationError",
    "XmlPayloadError",
]

ROOT_PATH = "<root>"


@attrs.frozen
class Problem:
    """One thing wrong with a document or an object, at one member path."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            where = ""
        elif self.column is None:
            where = f" (line {self.line})"
        else:
            where = f" (line {self.line}, column {self.column})"
        return f"{self.path or ROOT_PATH}: {self.message}{where}"


class NetContractError(Exception):
    """Base class of every error netcontract raises."""


class ContractDefinitionError(NetContractError, TypeError):
    """A contract class or member is declared in a way netcontract cannot serialize."""


class _ProblemsError(NetContractError):
    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class PayloadError(_ProblemsError, ValueError):
    """A document was refused. ``problems`` lists everything found, one path each."""


class XmlPayloadError(PayloadError):
    """An XML document was refused."""


class JsonPayloadError(PayloadError):
    """A JSON document was refused."""


class QuotaExceededError(PayloadError):
    """A document exceeds one of the reading :class:`~netcontract.Limits`; ``quota`` names it."""

    def __init__(self, problems: Iterable[Problem], *, quota: str) -> None:
        super().__init__(problems)
        self.quota = quota


class SerializationError(_ProblemsError, ValueError):
    """An object cannot be written in the requested format."""
