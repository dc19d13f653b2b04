# SPDX-License-Identifier: EUPL-1.2
"""Data files readable by their owner only (0600): the stores, their logs, the head file, desk.log.

SQLite makes a database's ``-wal`` and ``-shm`` files with the database file's own mode, so a
database created here owner-only gets owner-only companions. A file an older version left
readable by others is narrowed when it is opened. On Windows the mode bits carry no such
meaning; there the per-user data folders are private already.
"""

from __future__ import annotations

import contextlib
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

PRIVATE = 0o600
COMPANIONS = ("-wal", "-shm", "-journal")


def ensure_private(path: Path, *, companions: tuple[str, ...] = ()) -> None:
    """Create ``path`` (empty) owner-only if it is missing; narrow it (and companions) if wider.

    OSError when the file cannot be created (the caller's store reports it with its words).
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE)
    os.close(fd)
    for each in (path, *(path.with_name(path.name + suffix) for suffix in companions)):
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(each.stat().st_mode) & 0o077:
                each.chmod(PRIVATE)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new owner-only file (replacing one that is there)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
