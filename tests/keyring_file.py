# SPDX-License-Identifier: EUPL-1.2
"""A keyring backend in one JSON file, shared between processes (the crash test's children).

The OS keychain cannot run in CI, and the in-memory keyring dies with the process that a crash
test kills. Each write replaces the file atomically (temporary file, then ``os.replace``), so a
process killed mid-write leaves the old value or the new one, as a real keyring would.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from keyring.backend import KeyringBackend

if TYPE_CHECKING:
    from pathlib import Path


class InFileKeyring(KeyringBackend):
    """Passwords in ``path`` (JSON); for tests that span processes."""

    priority = 1

    def __init__(self, path: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = path

    def _load(self) -> dict[str, str]:
        try:
            loaded: dict[str, str] = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return loaded

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._load()
        values[f"{service}/{username}"] = password
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(values), "utf-8")
        os.replace(temporary, self.path)

    def delete_password(self, service: str, username: str) -> None:
        values = self._load()
        values.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(values), "utf-8")
