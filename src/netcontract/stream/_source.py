"""Opening the source of a streaming read: a binary file object, or a path opened here."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, Final

from netcontract.errors import InputTypeError

__all__ = ["CHUNK", "Source", "opened"]

#: bytes read from the source at a time
CHUNK: Final = 64 * 1024

Source = BinaryIO | str | os.PathLike[str]


@contextmanager
def opened(source: Any, function: str) -> Iterator[Any]:
    """The file object to read ``source`` from; a path is opened (and closed) here."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as fp:  # noqa: PTH123 - a path or a str, as given
            yield fp
        return
    if not callable(getattr(source, "read", None)):
        raise InputTypeError(
            f"{function}() reads a binary file object or a path, not {type(source).__name__}"
        )
    yield source


def read_chunk(fp: Any, function: str) -> bytes:
    """The next bytes of ``fp`` (b"" at its end); a text file is refused."""
    data = fp.read(CHUNK)
    if isinstance(data, bytearray | memoryview):
        return bytes(data)
    if not isinstance(data, bytes):
        raise InputTypeError(
            f"{function}() reads a binary file object (open it with 'rb'), not one giving "
            f"{type(data).__name__}"
        )
    return data
