"""Writing output files without surprises (the command line, ``write_corpus``).

- A regular file, or a new path, is replaced atomically: a temporary file in the same folder,
  then a rename, so a reader never sees half a document. A file the process may not write
  (read-only) is refused, as by a shell's ``>``. A new file gets ``0o666`` minus the
  umask, as ``open(path, "w")`` would; an existing file keeps its permission bits (and, where
  the process may, its owner and group).
- A symbolic link to a regular file is written through: its target is replaced atomically and
  the link stays (as a shell's ``>`` writes through a link).
- A character device or a named pipe (``/dev/null``, ``/dev/tty``, ``>(gzip > x.gz)``) is
  written to as a stream, never replaced; a folder, a block device or a socket is refused.

Temporary files are named ``.<name>.<random>.tmp`` and recorded while they exist, so that an
interruption (Ctrl+C, SIGTERM) can remove them: :func:`remove_temporary_files`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "OutputError",
    "open_output",
    "remove_temporary_files",
    "write_atomically",
    "write_output",
]

_PENDING: set[Path] = set()
_PENDING_LOCK = threading.Lock()


class OutputError(OSError):
    """The output path is of a kind that cannot be written (a folder, a block device...)."""


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` as described in the module docstring.

    Raises :class:`OutputError` for paths that must not be written and ``OSError`` when the
    write itself fails (nothing is left behind then for regular files).
    """
    name = os.fspath(path)
    given = Path(name)
    try:
        info = given.stat()  # follows symbolic links: what would be written is the target
    except FileNotFoundError:
        # a new file; or a dangling link, whose target is created, as `>` would
        write_atomically(given.resolve() if given.is_symlink() else given, data)
        return
    kind = info.st_mode
    if stat.S_ISREG(kind):
        write_atomically(given.resolve(), data)
    elif stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        _write_stream(name, data)
    else:
        _refuse(name, kind)


def _write_stream(name: str, data: bytes) -> None:
    # no O_CREAT, no O_TRUNC: the node exists and is not a file to be replaced
    fd = os.open(name, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        _write_fd(fd, data)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file in the same folder, then a rename.

    A new file gets ``0o666`` minus the umask; an existing one keeps its permission bits.
    """
    with _atomic_file(path) as fd:
        _write_fd(fd, data)


@contextlib.contextmanager
def _atomic_file(path: Path) -> Iterator[int]:
    """The descriptor of a temporary file that replaces ``path`` when the block ends without
    an exception, and is removed otherwise."""
    try:
        existing: os.stat_result | None = path.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not os.access(path, os.W_OK):
        # the rename would succeed in a writable folder; a read-only file stays read-only,
        # as with the shell's `>`
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    # recorded before it exists: an interruption between creating it and the `try` below
    # still finds it (unlinking a name that was never created is harmless)
    with _PENDING_LOCK:
        _PENDING.add(temporary)
    try:
        # mode 0o666: the kernel applies the umask, as for any new file
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        try:
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode) & 0o777)
                if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):  # only root may give files away
                        os.fchown(fd, existing.st_uid, existing.st_gid)
            yield fd
            os.fsync(fd)
        finally:
            os.close(fd)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        with _PENDING_LOCK:
            _PENDING.discard(temporary)
    _sync_folder(path.parent)


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _Output:
    """What :func:`open_output` yields: ``write(data)`` writes all of ``data``."""

    __slots__ = ("_fd",)

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, data: bytes) -> None:
        _write_fd(self._fd, data)


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str]) -> Iterator[_Output]:
    """A document written piece by piece to ``path``, with :func:`write_output`'s rules: a
    regular file (or a new path, or a link's target) is replaced atomically once the block
    ends without an exception, and left as it was otherwise; a device or a pipe is written
    to as the pieces come."""
    name = os.fspath(path)
    given = Path(name)
    try:
        kind: int | None = given.stat().st_mode
    except FileNotFoundError:
        kind = None
    if kind is None or stat.S_ISREG(kind):
        target = given.resolve() if kind is not None or given.is_symlink() else given
        with _atomic_file(target) as fd:
            yield _Output(fd)
    elif stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        fd = os.open(name, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
        try:
            yield _Output(fd)
        finally:
            os.close(fd)
    else:
        _refuse(name, kind)


def _refuse(name: str, kind: int) -> None:
    if stat.S_ISDIR(kind):
        raise OutputError(f"{name!r} is a folder; give a file")
    if stat.S_ISBLK(kind):
        raise OutputError(f"{name!r} is a block device; netcontract does not write to disks")
    raise OutputError(f"{name!r} is neither a regular file nor a device or a pipe")


def _sync_folder(folder: Path) -> None:
    # the rename is durable once the folder is synced; best effort (not every filesystem can)
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_temporary_files() -> None:
    """Remove the temporary files of writes that were interrupted (idempotent)."""
    with _PENDING_LOCK:
        pending = list(_PENDING)
        _PENDING.clear()
    for temporary in pending:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
