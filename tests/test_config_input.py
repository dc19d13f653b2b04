# SPDX-License-Identifier: EUPL-1.2
"""What careless editing does to the configuration and rule files: wrong types, a BOM, a link
loop, nesting without end. Each is refused with the file named, or accepted as meant."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.rules import load_rule_file
from app.eligibility.embedded.rules.load import rule_paths
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from app.settings.config import config_path, load_config

if TYPE_CHECKING:
    from pathlib import Path

DEEP = 5000  # far past Python's recursion limit


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "baliecheck.toml"
    path.write_text(text, encoding=encoding)
    return path


def _refusal(path: Path | None) -> str:
    with pytest.raises(AppError) as caught:
        load_config(path)
    assert caught.value.problem is Problem.CONFIG_INVALID
    return caught.value.detail


BOOLEAN, INTEGER = "Input should be a valid boolean", "Input should be a valid integer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('training = "yes"\n', f"training: {BOOLEAN}"),
        ("locked = 1\n", f"locked: {BOOLEAN}"),
        ('[desk]\nprivacy_timeout_s = "60"\n', f"desk.privacy_timeout_s: {INTEGER}"),
        ("[desk]\nprivacy_timeout_s = 60.0\n", f"desk.privacy_timeout_s: {INTEGER}"),
        ('[desk]\nshow_masked_number = "false"\n', f"desk.show_masked_number: {BOOLEAN}"),
        ('[serve]\nport = "8470"\n', f"serve.port: {INTEGER}"),
        ('[audit]\nretention_days = "730"\n', f"audit.retention_days: {INTEGER}"),
        (
            'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:1"\ntimeout_s = "5"\n',
            "remote.timeout_s: Input should be a valid number",
        ),
    ],
)
def test_config_input_wrong_types_are_refused_not_converted(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = _write(tmp_path, text)
    assert f"{path}: {expected}" in _refusal(path)


def test_config_input_a_whole_number_is_a_number_of_seconds(tmp_path: Path) -> None:
    text = 'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:1"\ntimeout_s = 5\n'
    config = load_config(_write(tmp_path, text))
    assert config.remote is not None
    assert config.remote.timeout_s == 5.0


def test_config_input_a_byte_order_mark_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, 'training = true\n[desk]\nid = "balie-7"\n', encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # as Notepad writes it
    config = load_config(path)
    assert (config.training, config.desk.id) == (True, "balie-7")
    machine = tmp_path / "machine.toml"
    machine.write_text("locked = true\ntraining = true\n", encoding="utf-8-sig")
    monkeypatch.setenv("BALIECHECK_MACHINE_CONFIG", str(machine))
    (tmp_path / "config.toml").write_text("training = false\n", "utf-8")
    monkeypatch.setenv("BALIECHECK_CONFIG", str(tmp_path / "config.toml"))
    assert config_path() == machine  # its lock is read through the BOM too


def test_config_input_a_symlink_loop_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = tmp_path / "config.toml"
    loop.symlink_to(loop)
    assert "symbolic link loop" in _refusal(loop)
    monkeypatch.setenv("BALIECHECK_CONFIG", str(loop))  # not "no file, so training mode"
    detail = _refusal(None)
    assert f"{loop}: symbolic link loop" in detail


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * DEEP + "]" * DEEP + "\n",
        "a = " + "{b = " * DEEP + "1" + "}" * DEEP + "\n",
    ],
    ids=["arrays", "inline-tables"],
)
def test_config_input_nesting_without_end_names_the_file(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    assert _refusal(path) == f"{path}: nested too deeply (not a usable TOML file)"


def test_config_input_a_rule_file_nested_without_end_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "diepe-regels.toml"
    path.write_text("[service]\ncode = " + "[" * DEEP + "]" * DEEP + "\n", "utf-8")
    with pytest.raises(AppError) as caught:
        load_rule_file(path)
    assert caught.value.problem is Problem.RULES_INVALID
    assert caught.value.detail.startswith(f"rules file {path}: nested too deeply")


def test_config_input_a_rule_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    shipped = rule_paths(rules_dir())[0]  # a rule file, not the tests beside it
    copy = tmp_path / shipped.name
    copy.write_bytes(b"\xef\xbb\xbf" + shipped.read_bytes())
    assert load_rule_file(copy) == load_rule_file(shipped)
