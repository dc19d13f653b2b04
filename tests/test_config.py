# SPDX-License-Identifier: EUPL-1.2
"""The configuration file: defaults, training without a file, refusals naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.problems import AppError, Problem
from app.settings.config import AuthKind, BackendKind, config_path, data_dir, load_config


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "baliecheck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(AppError) as caught:
        load_config(path)
    assert caught.value.problem is Problem.CONFIG_INVALID
    return caught.value.detail


def test_config_no_file_means_embedded_training(tmp_path: Path) -> None:
    config = load_config()  # $BALIECHECK_CONFIG points at a file that does not exist
    assert config.training
    assert config.backend is BackendKind.EMBEDDED
    assert config.desk.privacy_timeout_s == 60


def test_config_explicit_missing_file_is_refused(tmp_path: Path) -> None:
    detail = _refusal(tmp_path / "nergens.toml")
    assert "nergens.toml: file not found" in detail


def test_config_locations_follow_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALIECHECK_CONFIG", str(tmp_path / "c.toml"))
    monkeypatch.setenv("BALIECHECK_DATA_DIR", str(tmp_path / "d"))
    assert config_path() == tmp_path / "c.toml"
    assert config_path(Path("/x.toml")) == Path("/x.toml")
    assert data_dir() == tmp_path / "d"


def test_config_remote_desk_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
backend = "remote"
[desk]
id = "gent-balie-3"
services = ["uitpas-kansentarief", "lez-registratie"]
[remote]
base_url = "https://advies.gent.example"
auth = "oauth2"
token_url = "https://login.gent.example/token"
client_id = "balie"
""",
    )
    config = load_config(path)
    assert not config.training
    assert config.remote is not None
    assert config.remote.auth is AuthKind.OAUTH2
    assert config.remote.timeout_s == 5.0
    assert config.desk.services == ("uitpas-kansentarief", "lez-registratie")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[desk]\nid = "b"\nkleur = "rood"\n', "desk.kleur: unknown key"),
        ('[remote]\nbase_url = "https://a.example"\ntoken = "geheim"\n', "keyring"),
        ("[desk]\nprivacy_timeout_s = 2\n", "desk.privacy_timeout_s: Input should be greater"),
        ('backend = "remote"\n', "needs a [remote] section"),
        ('[remote]\nbase_url = "http://advies.example"\n', "must use https"),
        ('[remote]\nbase_url = "https://a.example"\nauth = "oauth2"\n', "needs token_url"),
        ('[desk]\nservices = ["Kansen Tarief"]\n', "desk.services.0: String should match"),
        ("[desk\nid = 1\n", "not valid TOML"),
        ('backend = "cloud"\n', "backend: Input should be 'embedded' or 'remote'"),
    ],
)
def test_config_refusal_names_file_key_and_reason(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    detail = _refusal(path)
    assert str(path) in detail
    assert expected in detail


def test_config_refusal_never_repeats_the_refused_value(tmp_path: Path) -> None:
    path = _write(tmp_path, '[remote]\nbase_url = "https://a.example"\nclient_secret = "s3cr3t"\n')
    detail = _refusal(path)
    assert "s3cr3t" not in detail
    assert "remote.client_secret" in detail


def test_config_plain_http_allowed_on_loopback_only(tmp_path: Path) -> None:
    path = _write(tmp_path, 'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:8470"\n')
    config = load_config(path)
    assert config.remote is not None
    assert str(config.remote.base_url) == "http://127.0.0.1:8470/"


def test_config_unreadable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe[desk]")
    assert "cannot be read" in _refusal(path)


def test_config_example_in_readme_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    config = load_config(_write(tmp_path, example))
    assert config.backend is BackendKind.REMOTE
    assert config.remote is not None
    assert config.remote.auth is AuthKind.OAUTH2
