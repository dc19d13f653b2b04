# SPDX-License-Identifier: EUPL-1.2
"""resources/config.example.toml: loads as it is and uncommented, documents every key."""

from __future__ import annotations

import re
import tomllib
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from app.resource_paths import resources_dir
from app.settings.config import BackendKind, Config, load_config

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLE = resources_dir() / "config.example.toml"
# "# key = value" and "# [section]": the example's optional lines.
OPTIONAL_LINE = re.compile(r"^# (?=[a-z_]+ = |\[[a-z]+\]$)")
KEY_LINE = re.compile(r"^(?:# )?([a-z_]+) = ")


def uncommented() -> str:
    return "\n".join(OPTIONAL_LINE.sub("", line) for line in EXAMPLE.read_text().splitlines())


def _section_model(annotation: Any) -> type[BaseModel] | None:
    """The settings model of a field (``RemoteSettings | None`` too), else None."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def config_keys(model: type[BaseModel] = Config, prefix: str = "") -> list[str]:
    """Every key of the configuration, dotted (``desk.id``), from the pydantic models."""
    keys: list[str] = []
    for name, info in model.model_fields.items():
        section = _section_model(info.annotation)
        if section is None:
            keys.append(prefix + name)
        else:
            keys += config_keys(section, f"{prefix}{name}.")
    return keys


def _dotted(table: dict[str, Any], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for key, value in table.items():
        if isinstance(value, dict):
            found |= _dotted(value, f"{prefix}{key}.")
        else:
            found.add(prefix + key)
    return found


def test_config_example_as_shipped_loads_with_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    config = load_config(path)
    assert config.backend is BackendKind.EMBEDDED
    assert not config.training
    assert not config.locked
    assert config.remote is None


def test_config_example_uncommented_is_accepted_and_holds_every_key(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(uncommented(), encoding="utf-8")
    config = load_config(path)
    assert config.remote is not None
    assert config.desk.reader == "ACS ACR39U ICC Reader 00 00"
    written = _dotted(tomllib.loads(uncommented()))
    missing = sorted(set(config_keys()) - written)
    assert not missing, f"keys of Config not in config.example.toml: {missing}"
    assert not written - set(config_keys())


def test_config_example_explains_every_key_in_a_comment_above_it() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for at, line in enumerate(lines):
        match = KEY_LINE.match(line)
        if match is None:
            continue
        above = lines[at - 1]
        assert above.startswith("#"), f"{match.group(1)}: no comment above it"
        assert KEY_LINE.match(above) is None, f"{match.group(1)}: no comment of its own"


def test_config_keys_walks_into_sections() -> None:
    keys = config_keys()
    assert "remote.base_url" in keys
    assert "card.test_roots" in keys
    assert "locked" in keys
