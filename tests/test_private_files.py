# SPDX-License-Identifier: EUPL-1.2
"""Data files are owner-only (0600): the audit store, the source lists, their logs, desk.log.

Run under the usual umask 022, which left them readable by every user of the machine before.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from typing import TYPE_CHECKING

import pytest

from app.audit.store import AuditStore
from app.eligibility.embedded.lists.store import SourceStore
from app.logsafe import LOG_FILE_BYTES, install_file
from tests.audit_support import KEY, NUMBERS, manual, recorder

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(folder: Path) -> dict[str, int]:
    return {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()}


def test_private_files_audit_store_and_its_companions(tmp_path: Path) -> None:
    with AuditStore(tmp_path / "audit.sqlite", key=KEY) as store:
        recorder(store).record_override(manual(0))
        open_modes = _modes(tmp_path)  # while open: the log and the shared memory are there
    assert set(open_modes) >= {"audit.sqlite", "audit.sqlite-wal", "audit.sqlite-shm"}
    assert "audit.sqlite.head" in open_modes
    assert open_modes == dict.fromkeys(open_modes, 0o600)


def test_private_files_an_old_readable_store_is_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    with AuditStore(path, key=KEY) as store:
        recorder(store).record_override(manual(0))
    for name in ("audit.sqlite", "audit.sqlite.head"):
        (tmp_path / name).chmod(0o644)  # as an older version left them
    with AuditStore(path, key=KEY) as store:
        recorder(store).record_override(manual(1))
        modes = _modes(tmp_path)
    assert modes == dict.fromkeys(modes, 0o600)


def test_private_files_source_lists(tmp_path: Path) -> None:
    data = tmp_path / "data"
    csv = tmp_path / "lijst.csv"
    csv.write_text("insz\n" + "\n".join(NUMBERS[:3]) + "\n", encoding="utf-8")
    store = SourceStore(data / "sources.sqlite", key=KEY)
    try:
        store.import_csv("leefloon", csv, as_of=dt.date(2026, 11, 1))
        modes = _modes(data)
    finally:
        store.close()
    assert {"sources.sqlite", "sources.sqlite-wal"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)


def test_private_files_desk_log_and_its_rotations(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "desk.log"
    handler = install_file(path)
    assert handler is not None
    try:
        for _ in range(LOG_FILE_BYTES // 1000 + 10):
            logging.getLogger("app.test_private").info("x" * 1000)
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    modes = _modes(path.parent)
    assert {"desk.log", "desk.log.1"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)
