# SPDX-License-Identifier: EUPL-1.2
"""A store that cannot take the write: disk full, read-only. The call fails; nothing is half-kept.

Disk full is simulated with SQLite's ``max_page_count`` (the same SQLITE_FULL path a full disk
takes, on any machine), and, where this process may mount (root with CAP_SYS_ADMIN), also on
a real tiny tmpfs. Read-only is a real refusal by the system: file modes for a normal user;
as root (which ignores modes) a read-only bind mount, else the immutable attribute.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from app.audit.store import AuditStore
from app.language import Language
from app.problem_texts import problem_text
from app.problems import AppError, Problem
from tests.audit_support import KEY, manual, outbox_rows, recorder

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def _record_until_full(store: AuditStore, calls: list[None]) -> tuple[int, AppError]:
    desk = recorder(store, on_recorded=lambda: calls.append(None))
    for index in range(100_000):
        try:
            desk.record_override(manual(index))
        except AppError as exc:
            return index, exc
    raise AssertionError("the store never filled up")


def test_disk_full_refuses_the_decision_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    calls: list[None] = []
    with AuditStore(path, key=KEY, max_pages=24) as store:
        recorded, error = _record_until_full(store, calls)
        assert error.problem is Problem.AUDIT_STORE_FULL
        assert "SQLITE_FULL" in error.detail
        assert len(calls) == recorded > 0  # the refused one was never signalled as recorded
        with pytest.raises(AppError) as again:  # still a clean refusal, not a broken connection
            recorder(store).record_override(manual(0))
        assert again.value.problem is Problem.AUDIT_STORE_FULL
    assert len(outbox_rows(path)) == recorded
    with AuditStore(path, key=KEY) as freed:  # space is back
        recorder(freed).record_override(manual(1))
        report = freed.verify()
    assert report.ok
    assert report.records == recorded + 1


def _mount_tmpfs(where: Path, size: str) -> bool:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def test_disk_full_on_a_real_tiny_filesystem(tmp_path: Path) -> None:
    where = tmp_path / "tiny"
    where.mkdir()
    if os.geteuid() != 0 or not _mount_tmpfs(where, "160k"):
        pytest.skip("mounting a tmpfs needs root with CAP_SYS_ADMIN")
    try:
        path = where / "audit.sqlite"
        calls: list[None] = []
        with AuditStore(path, key=KEY) as store:
            recorded, error = _record_until_full(store, calls)
            assert error.problem is Problem.AUDIT_STORE_FULL, error.detail
            assert len(calls) == recorded > 0
            subprocess.run(["mount", "-o", "remount,size=4m", str(where)], check=True)
            recorder(store).record_override(manual(0))  # the same desk goes on, no restart
            report = store.verify()
        assert report.ok, report
        assert report.records == recorded + 1
    finally:
        subprocess.run(["umount", str(where)], check=False)


@contextmanager
def _read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` and its files unwritable for this process; yields how it was done."""
    files = list(folder.iterdir())
    if os.geteuid() != 0:  # file modes bind everyone but root
        for path in files:
            path.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield "file modes"
        finally:
            folder.chmod(0o755)
            for path in files:
                path.chmod(0o644)
        return
    if _run("mount", "--bind", str(folder), str(folder)):
        try:
            if not _run("mount", "-o", "remount,bind,ro", str(folder)):
                pytest.skip("a read-only bind mount is not allowed here")
            yield "read-only bind mount"
        finally:
            _run("umount", str(folder))
        return
    if _run("chattr", "+i", str(folder), *map(str, files)):
        try:
            yield "immutable attribute"
        finally:
            _run("chattr", "-i", str(folder), *map(str, files))
        return
    pytest.skip("as root a read-only store needs mount (CAP_SYS_ADMIN) or chattr")


def _run(*command: str) -> bool:
    try:
        return subprocess.run(command, capture_output=True, check=False).returncode == 0
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("exists", [True, False], ids=["existing store", "new store"])
def test_read_only_store_refuses_the_decision(tmp_path: Path, exists: bool) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "audit.sqlite"
    if exists:
        with AuditStore(path, key=KEY) as store:
            for index in range(3):
                recorder(store).record_override(manual(index))
    calls: list[None] = []
    with _read_only(folder), AuditStore(path, key=KEY) as store:
        desk = recorder(store, on_recorded=lambda: calls.append(None))
        with pytest.raises(AppError) as caught:
            desk.record_override(manual(5))
    assert caught.value.problem is Problem.AUDIT_STORE_READ_ONLY, caught.value.detail
    assert "niet geregistreerd" in problem_text(caught.value.problem, Language.NL).what
    assert calls == []
    if exists:
        with AuditStore(path, key=KEY) as store:
            report = store.verify()
        assert report.ok
        assert report.records == 3
    else:
        assert not path.exists()
