# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog's file: round trip, comments kept, secrets only in the keyring,
refusals naming the key, the admin's lock, and an existing file intact when refused."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from app.language import Language
from app.problems import AppError, Problem
from app.settings.config import AuthKind, load_config, machine_config_path, user_config_path
from app.settings.credentials import KeyringCredentials, SecretName
from app.settings.file import (
    SettingsLocked,
    SettingsRefused,
    read_settings,
    save_settings,
    write_atomically,
)
from app.settings.form import DeskMode, Reason, SettingsForm

if TYPE_CHECKING:
    from pathlib import Path

    from tests.keyring_memory import InMemoryKeyring

SECRET = "s3cr3t-token-0123456789abcdef"
ADMIN_FILE = """\
# Gent: provisioned by the IT department, ticket 4711
training = false
backend = "embedded"

[desk]
id = "gent-balie-3"  # the desk at the front
services = ["uitpas-kansentarief"]

[audit]
# keep two years, as the DPO asked
retention_days = 730

[serve]
port = 8471
"""

REMOTE = SettingsForm(
    mode=DeskMode.REMOTE,
    desk_id="gent-balie-7",
    services=("lez-registratie", "uitpas-kansentarief"),
    language=Language.FR,
    privacy_timeout_s=120,
    reader="ACS ACR39U ICC Reader 00 00",
    base_url="https://advies.gent.example",
    auth=AuthKind.OAUTH2,
    token_url="https://login.gent.example/oauth2/token",
    client_id="baliecheck-desk",
    scope="eligibility",
)


def _save(form: SettingsForm, secret: str | None = None) -> None:
    save_settings(form, credentials=KeyringCredentials(), new_secret=secret)


def test_no_file_reads_as_training_and_a_save_round_trips() -> None:
    shown = read_settings()
    assert shown.form.mode is DeskMode.TRAINING
    assert shown.target == user_config_path()
    assert not shown.locked
    _save(REMOTE, SECRET)  # a new address: the secret typed with it
    assert read_settings().form == REMOTE
    config = load_config()
    assert not config.training
    assert config.desk.services == ("lez-registratie", "uitpas-kansentarief")
    assert config.desk.language is Language.FR
    assert config.remote is not None
    assert str(config.remote.token_url) == "https://login.gent.example/oauth2/token"


def test_comments_and_other_sections_are_kept() -> None:
    path = user_config_path()
    path.write_text(ADMIN_FILE, encoding="utf-8")
    form = replace(read_settings().form, desk_id="gent-balie-4", privacy_timeout_s=90)
    _save(form)
    text = path.read_text(encoding="utf-8")
    for kept in (
        "# Gent: provisioned by the IT department, ticket 4711",
        "# the desk at the front",
        "# keep two years, as the DPO asked",
        "[serve]\nport = 8471",
    ):
        assert kept in text
    assert 'id = "gent-balie-4"' in text
    assert load_config().serve.port == 8471
    assert load_config().desk.privacy_timeout_s == 90


def test_machine_file_is_the_starting_point_for_the_users_first_file() -> None:
    machine_config_path().write_text(ADMIN_FILE, encoding="utf-8")
    shown = read_settings()
    assert shown.source == machine_config_path()
    assert shown.form.desk_id == "gent-balie-3"
    _save(replace(shown.form, language=Language.EN))
    text = user_config_path().read_text(encoding="utf-8")
    assert "# keep two years, as the DPO asked" in text
    assert load_config().serve.port == 8471
    assert load_config().desk.language is Language.EN
    assert machine_config_path().read_text(encoding="utf-8") == ADMIN_FILE


def test_secret_goes_to_the_keyring_never_into_the_file(memory_keyring: InMemoryKeyring) -> None:
    _save(REMOTE, SECRET)
    assert KeyringCredentials().get(SecretName.OAUTH_CLIENT_SECRET) == SECRET
    assert SECRET.encode() not in user_config_path().read_bytes()
    # Saving again without typing a secret keeps the stored one.
    _save(replace(REMOTE, desk_id="gent-balie-8"))
    assert KeyringCredentials().get(SecretName.OAUTH_CLIENT_SECRET) == SECRET
    bearer = replace(REMOTE, auth=AuthKind.BEARER)
    _save(bearer, "bearer-token-abcdef0123456789")
    assert KeyringCredentials().get(SecretName.BEARER_TOKEN) == "bearer-token-abcdef0123456789"
    text = user_config_path().read_text(encoding="utf-8")
    assert "bearer-token" not in text
    assert "token_url" not in text  # oauth2's keys go with oauth2
    assert len(memory_keyring.passwords) == 2


@pytest.mark.parametrize(
    ("change", "key", "reason"),
    [
        ({"base_url": "http://advies.gent.example"}, "remote.base_url", Reason.URL_NOT_HTTPS),
        ({"base_url": ""}, "remote.base_url", Reason.URL_MISSING),
        ({"base_url": "advies.gent.example"}, "remote.base_url", Reason.URL_INVALID),
        ({"token_url": "ftp://login.example/t"}, "remote.token_url", Reason.URL_INVALID),
        ({"client_id": " "}, "remote.client_id", Reason.CLIENT_ID_MISSING),
        ({"ca_bundle": "/nowhere/ca.pem"}, "remote.ca_bundle", Reason.CA_BUNDLE_NOT_FILE),
        ({"desk_id": ""}, "desk.id", Reason.DESK_ID_MISSING),
        ({"desk_id": "x" * 65}, "desk.id", Reason.DESK_ID_TOO_LONG),
        ({"services": ()}, "desk.services", Reason.NO_SERVICE),
        ({"privacy_timeout_s": 4}, "desk.privacy_timeout_s", Reason.TIMEOUT_OUT_OF_RANGE),
        ({"privacy_timeout_s": 3601}, "desk.privacy_timeout_s", Reason.TIMEOUT_OUT_OF_RANGE),
        ({"services": ("Not A Code!",)}, "desk.services.0", Reason.OTHER),
    ],
)
def test_invalid_values_are_refused_by_key_and_nothing_is_written(
    change: dict[str, object], key: str, reason: Reason, memory_keyring: InMemoryKeyring
) -> None:
    with pytest.raises(SettingsRefused) as refused:
        _save(replace(REMOTE, **change), SECRET)  # type: ignore[arg-type]
    assert (refused.value.refusals[0].key, refused.value.refusals[0].reason) == (key, reason)
    assert refused.value.problem is Problem.CONFIG_INVALID
    assert not user_config_path().exists()
    assert memory_keyring.passwords == {}


def test_a_password_in_the_url_is_refused_without_repeating_it() -> None:
    with pytest.raises(SettingsRefused) as refused:
        _save(replace(REMOTE, base_url="https://desk:hunter2@advies.gent.example"))
    assert [r.reason for r in refused.value.refusals] == [Reason.URL_HAS_PASSWORD]
    assert "hunter2" not in str(refused.value)


def test_existing_file_stays_intact_when_a_save_is_refused() -> None:
    path = user_config_path()
    path.write_text(ADMIN_FILE, encoding="utf-8")
    # Valid for the form, refused by the configuration: an unknown key the file already had.
    path.write_text(ADMIN_FILE + "\n[desk_extra]\ncolour = 'blue'\n", encoding="utf-8")
    before = path.read_bytes()
    form = replace(REMOTE, mode=DeskMode.EMBEDDED)
    with pytest.raises(SettingsRefused) as refused:
        _save(form)
    assert [r.key for r in refused.value.refusals] == ["desk_extra"]
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".config")] == []


def test_locked_machine_file_refuses_saving() -> None:
    machine_config_path().write_text("locked = true\n" + ADMIN_FILE, encoding="utf-8")
    shown = read_settings()
    assert shown.locked
    assert shown.source == machine_config_path()
    with pytest.raises(SettingsLocked) as locked:
        _save(replace(shown.form, desk_id="mine"))
    assert str(machine_config_path()) in str(locked.value)
    assert not user_config_path().exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_file_is_private_and_its_folder_created(tmp_path: Path) -> None:
    target = tmp_path / "deeper" / "still" / "config.toml"
    write_atomically(target, "training = true\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == "training = true\n"


def test_unwritable_place_is_a_clear_config_problem(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(AppError) as caught:
        write_atomically(blocker / "config.toml", "training = true\n")
    assert caught.value.problem is Problem.CONFIG_INVALID
    assert "cannot be written" in caught.value.detail


def test_explicit_config_file_is_the_one_saved(tmp_path: Path) -> None:
    explicit = tmp_path / "own.toml"
    explicit.write_text(ADMIN_FILE, encoding="utf-8")
    shown = read_settings(explicit)
    assert shown.target == explicit
    save_settings(
        replace(shown.form, desk_id="eigen-balie"),
        credentials=KeyringCredentials(),
        explicit=explicit,
    )
    assert load_config(explicit).desk.id == "eigen-balie"
    assert not user_config_path().exists()


def test_stored_secret_is_not_kept_for_a_new_address() -> None:
    """Whoever can open the settings must not send the stored secret to a host of their
    choosing: a new address (host, scheme or port) needs the secret typed again."""
    bearer = replace(REMOTE, auth=AuthKind.BEARER, token_url="", client_id="", scope="")
    _save(bearer, SECRET)
    before = user_config_path().read_bytes()
    for elsewhere in (
        "https://advies.elders.example",
        "https://advies.gent.example:8443",
        "http://127.0.0.1:8470",
    ):
        with pytest.raises(SettingsRefused) as refused:
            _save(replace(bearer, base_url=elsewhere))
        assert [r.reason for r in refused.value.refusals] == [Reason.SECRET_FOR_NEW_ADDRESS]
        assert user_config_path().read_bytes() == before
    ca_bundle = user_config_path().with_name("own-ca.pem")
    ca_bundle.write_text("not checked here", encoding="utf-8")
    with pytest.raises(SettingsRefused):  # another CA could vouch for another server
        _save(replace(bearer, ca_bundle=str(ca_bundle)))
    # The same host under another path is the same destination; typed again, any address.
    _save(replace(bearer, base_url="https://ADVIES.gent.example/balie/"))
    _save(replace(bearer, base_url="https://advies.elders.example"), "another-token-0123456789")
    assert KeyringCredentials().get(SecretName.BEARER_TOKEN) == "another-token-0123456789"


def test_oauth_secret_follows_the_token_url() -> None:
    _save(REMOTE, SECRET)
    moved = replace(REMOTE, token_url="https://login.elders.example/token")
    with pytest.raises(SettingsRefused) as refused:
        _save(moved)
    assert [r.key for r in refused.value.refusals] == ["remote.secret"]
    # The access token the secret buys goes to the backend: a new backend counts too.
    with pytest.raises(SettingsRefused):
        _save(replace(REMOTE, base_url="https://advies2.gent.example"))
    _save(replace(REMOTE, scope="other"))  # neither address changed
