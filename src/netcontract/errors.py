"""The exception family of netcontract: every public exception, in one module.

    NetContractError                  every error raised by netcontract
    ├── ContractDefinitionError       a contract class is declared wrongly (a programming error)
    ├── InputTypeError                a reading function was given no document (not bytes or str)
    ├── PayloadError                  a document was refused on reading (carries every problem)
    │   ├── XmlPayloadError           an XML document (each problem with its line)
    │   │   └── XmlSyntaxError        not well-formed, or refused before reading (DOCTYPE, encoding)
    │   ├── JsonPayloadError          a JSON document
    │   │   └── JsonSyntaxError       not JSON netcontract accepts (syntax, UTF-8, duplicates)
    │   ├── FormPayloadError          a form body (application/x-www-form-urlencoded)
    │   │   └── FormSyntaxError       keys Web API cannot parse
    │   ├── UnreadableBodyError       a request body that is not well-formed (Web API: 400)
    │   └── QuotaExceededError        a reading limit was passed (``quota`` names it)
    ├── UnsupportedMediaTypeError     a Content-Type or charset no formatter reads (Web API: 415)
    ├── SerializationError            an object cannot be written (e.g. an enum value with no name)
    ├── SchemaError                   schemas given to generate() cannot be read (or mapped)
    └── ApiError                      an HTTP endpoint answered something else than its contract

Every problem carries the member path (``Vehicles[3].Tolerance``) and, for XML input, the
line (and for syntax errors the column) of the offending element.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "ApiError",
    "ContractDefinitionError",
    "FormPayloadError",
    "FormSyntaxError",
    "InputTypeError",
    "JsonPayloadError",
    "JsonSyntaxError",
    "NetContractError",
    "PayloadError",
    "Problem",
    "QuotaExceededError",
    "SchemaError",
    "SerializationError",
    "UnreadableBodyError",
    "UnsupportedMediaTypeError",
    "XmlPayloadError",
    "XmlSyntaxError",
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


class InputTypeError(NetContractError, TypeError):
    """A reading function was given something that is not a document (bytes or text)."""


class _ProblemsError(NetContractError):
    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        # subclasses take other constructor arguments: rebuild from the state instead
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[Exception], args: tuple[Any, ...], state: dict[str, Any]) -> Exception:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class PayloadError(_ProblemsError, ValueError):
    """A document was refused. ``problems`` lists everything found, one path each."""


class XmlPayloadError(PayloadError):
    """An XML document was refused."""


class XmlSyntaxError(XmlPayloadError):
    """The bytes are not a well-formed XML document netcontract accepts (a DOCTYPE, an
    encoding the bytes contradict, an external resource...)."""

    def __init__(
        self, message: str, line: int | None = None, column: int | None = None, *, path: str = ""
    ) -> None:
        # path: the streaming readers name the item the document broke in (``[12]``)
        super().__init__([Problem(path, message, line, column)])
        self.line = line
        self.column = column


class JsonPayloadError(PayloadError):
    """A JSON document was refused."""


class JsonSyntaxError(JsonPayloadError):
    """The bytes are not a JSON document netcontract accepts (syntax, invalid UTF-8, a member
    name given twice, a number too long)."""

    def __init__(self, message: str, *, path: str = "") -> None:
        # path: iter_json names the item the document broke in (``[12]``)
        super().__init__([Problem(path, message)])


class FormPayloadError(PayloadError):
    """A form body was refused by :func:`~netcontract.from_form` (``problems`` lists every
    reason)."""


class FormSyntaxError(FormPayloadError):
    """A body that is not a form of the class: a key Web API cannot parse (a ``[`` without
    its ``]``), or a non-empty body none of whose keys names a member (XML or JSON sent as a
    form, say), which Web API would silently bind as a default object."""


class UnreadableBodyError(PayloadError):
    """A request body that is not well-formed in its format or charset (Web API answers
    400), as opposed to a well-formed document whose values the contract refuses (a plain
    :class:`PayloadError`)."""


class QuotaExceededError(PayloadError):
    """A document exceeds one of the reading :class:`~netcontract.Limits`; ``quota`` names it."""

    def __init__(self, problems: Iterable[Problem], *, quota: str) -> None:
        super().__init__(problems)
        self.quota = quota


class SerializationError(_ProblemsError, ValueError):
    """An object cannot be written in the requested format."""


class SchemaError(_ProblemsError, ValueError):
    """Schemas given to :func:`~netcontract.generate` cannot be read, or (``strict``) hold
    something netcontract cannot map; ``problems`` gives each with its schema location."""


class UnsupportedMediaTypeError(NetContractError):
    """The ``Content-Type`` names no format Web API reads here (HTTP 415)."""

    def __init__(self, media_type: str | None, message: str) -> None:
        self.media_type = media_type
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.media_type, str(self)))


class ApiError(NetContractError):
    """An HTTP endpoint answered something other than its contract's response (404, 415,
    5xx...); ``status_code`` and ``body`` say what it answered."""

    def __init__(self, message: str, *, status_code: int, body: str, response: Any = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body
        #: the HTTP client's response object, when there is one (not pickled)
        self.response = response

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "response": None}

    def __reduce__(self) -> tuple[Any, ...]:
        # the state without the response (__reduce__ is used instead of __getstate__, which
        # was bypassed: a response that pickled was carried, one that did not failed)
        return (_rebuild, (type(self), self.args, self.__getstate__()))
