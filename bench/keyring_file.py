# SPDX-License-Identifier: EUPL-1.2
"""A keyring backend in a JSON file, for benchmarks whose several processes share one key.

Only for benchmarks, on throw-away synthetic data: ``$BALIECHECK_BENCH_KEYRING`` names the file.
Selected with ``PYTHON_KEYRING_BACKEND=bench.keyring_file.BenchFileKeyring``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class BenchFileKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["BALIECHECK_BENCH_KEYRING"])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return dict(json.loads(path.read_text("utf-8"))) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._load()
        values[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(values), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        values = self._load()
        values.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(values), "utf-8")
