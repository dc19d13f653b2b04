# SPDX-License-Identifier: EUPL-1.2
"""Where the configuration comes from: the user's file, the admin's machine-wide file, a lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from app.problems import AppError, Problem
from app.settings.config import (
    config_path,
    load_config,
    machine_config_path,
    settings_locked,
    user_config_path,
)

if TYPE_CHECKING:
    from pathlib import Path

ADMIN_DESK = '[desk]\nid = "gent-balie-admin"\n'
USER_DESK = '[desk]\nid = "gent-balie-user"\n'


@pytest.fixture
def user_file() -> Path:
    return user_config_path()


@pytest.fixture
def machine_file() -> Path:
    return machine_config_path()


def test_machine_file_is_used_when_the_user_has_none(machine_file: Path) -> None:
    machine_file.write_text(ADMIN_DESK, encoding="utf-8")
    assert load_config().desk.id == "gent-balie-admin"
    assert not settings_locked()


def test_user_file_replaces_an_unlocked_machine_file(machine_file: Path, user_file: Path) -> None:
    machine_file.write_text(ADMIN_DESK, encoding="utf-8")
    user_file.write_text(USER_DESK, encoding="utf-8")
    assert config_path() == user_file
    assert load_config().desk.id == "gent-balie-user"


def test_locked_machine_file_wins_over_the_user_file(machine_file: Path, user_file: Path) -> None:
    machine_file.write_text("locked = true\n" + ADMIN_DESK, encoding="utf-8")
    user_file.write_text(USER_DESK, encoding="utf-8")
    assert load_config().desk.id == "gent-balie-admin"
    assert settings_locked()


def test_explicit_file_is_not_locked(machine_file: Path, tmp_path: Path) -> None:
    machine_file.write_text("locked = true\n" + ADMIN_DESK, encoding="utf-8")
    explicit = tmp_path / "own.toml"
    explicit.write_text(USER_DESK, encoding="utf-8")
    assert load_config(explicit).desk.id == "gent-balie-user"
    assert not settings_locked(explicit)


def test_broken_machine_file_is_refused_not_ignored(machine_file: Path, user_file: Path) -> None:
    # A broken admin file must be loud: silently falling back to the user's file could
    # undo a lock the admin meant to set.
    machine_file.write_text("locked = tru\n", encoding="utf-8")
    user_file.write_text(USER_DESK, encoding="utf-8")
    with pytest.raises(AppError) as caught:
        load_config()
    assert caught.value.problem is Problem.CONFIG_INVALID
    assert str(machine_file) in caught.value.detail


def test_no_file_anywhere_is_training() -> None:
    assert load_config().training
    assert not settings_locked()
