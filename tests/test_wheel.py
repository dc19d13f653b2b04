# SPDX-License-Identifier: EUPL-1.2
"""The package as an admin installs it: the sdist, the wheel built from it, and a server's
virtual environment with that wheel (no desk extra), run from another folder.

One build and one environment serve the whole session; the environment gets the locked
server set (requirements/server.txt, from the pip cache or PyPI), then the wheel itself.
"""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.eligibility.embedded.sample_data import sample_citizens
from tests.served import free_port
from ui.entry import NO_DESK

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
VERSION = "0.1.0"
KANSEN = next(c for c in sample_citizens() if c.label.startswith("Kansentarief"))
# What the program reads at run time, as the wheel holds it (app's package data).
RUNTIME_FILES = [
    "app/resources/rules/uitpas-kansentarief.toml",
    "app/resources/rules/lez-registratie.toml",
    "app/resources/sample/citizens.toml",
    "app/resources/locale/fr/LC_MESSAGES/baliecheck.mo",
    "app/resources/locale/en/LC_MESSAGES/baliecheck.mo",
    "app/resources/icons/baliecheck.svg",
    "app/resources/config.example.toml",
    "app/eligibility/embedded/migrations/postgres/0001_lists_advices_overrides.sql",
    "app/py.typed",
    "eid/py.typed",
    f"baliecheck-{VERSION}.dist-info/licenses/LICENSE",
]


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Installed:
    """A server's environment with the wheel, and a folder far from the source to run in."""

    venv: Path
    folder: Path

    @property
    def baliecheck(self) -> str:
        return str(self.venv / "bin" / "baliecheck")

    def env(self) -> dict[str, str]:
        """No trace of the source tree or the test environment; training mode."""
        kept = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "BALIECHECK_"))
        }
        return {
            **kept,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "BALIECHECK_CONFIG": str(self.folder / "training.toml"),
            "BALIECHECK_MACHINE_CONFIG": str(self.folder / "machine.toml"),
            "BALIECHECK_DATA_DIR": str(self.folder / "data"),
            "BALIECHECK_LOG_DIR": str(self.folder / "log"),
            # No keychain on a server; the null backend keeps tests off any real one.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }

    def run(self, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.baliecheck, *argv],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=self.folder,
            env=self.env(),
            timeout=120,
            check=False,
        )


def _run(argv: list[str | Path]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{argv}:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``python -m build``: the sdist, then the wheel from the unpacked sdist (not the tree)."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT])
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Built(sdist=sdist, wheel=wheel)


@pytest.fixture(scope="session")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """``pip install baliecheck`` on a server: the locked server set, then the wheel."""
    venv = tmp_path_factory.mktemp("server") / "venv"
    _run([sys.executable, "-m", "venv", venv])
    pip: list[str | Path] = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "install", "-q", "--require-hashes", "-r", ROOT / "requirements" / "server.txt"])
    _run([*pip, "install", "-q", "--no-deps", built.wheel])
    _run([*pip, "check"])  # the wheel's own requirements are all met by the lock
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "training.toml").write_text("training = true\n", encoding="utf-8")
    return Installed(venv=venv, folder=folder)


def test_wheel_holds_what_the_program_reads_at_run_time(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        assert not [name for name in RUNTIME_FILES if name not in names]
        assert not [name for name in names if name.endswith((".po", ".ts"))]  # sources stay out
        catalogue = wheel.read("app/resources/locale/fr/LC_MESSAGES/baliecheck.mo")
        assert catalogue[:4] == b"\xde\x12\x04\x95"  # a compiled gettext catalogue
        metadata = email.message_from_bytes(wheel.read(f"baliecheck-{VERSION}.dist-info/METADATA"))
    assert metadata["License-Expression"] == "EUPL-1.2"
    requires = metadata.get_all("Requires-Dist") or []
    base = [line for line in requires if "extra ==" not in line]
    assert not [line for line in base if line.lower().startswith(("pyside6", "pyscard"))]
    assert {"card", "desk"} <= set(metadata.get_all("Provides-Extra") or [])
    assert any(line.startswith("PySide6-Essentials") and '"desk"' in line for line in requires)


def test_wheel_sdist_holds_the_sources_the_wheel_is_built_from(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    wanted = {
        "LICENSE",
        "CHANGELOG.md",
        "build_resources.py",
        "resources/locale/fr/LC_MESSAGES/baliecheck.po",
        "resources/rules/uitpas-kansentarief.toml",
        "requirements/server.txt",
    }
    assert not wanted - names
    assert not [name for name in names if name.endswith((".mo", ".pyc"))]  # built, not shipped


def test_wheel_version_from_another_folder(installed: Installed) -> None:
    result = installed.run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"baliecheck {VERSION}"


def test_wheel_check_typed_number_gives_a_verdict(installed: Installed) -> None:
    digits = KANSEN.national_number.digits
    argv = ("check", "--service", "uitpas-kansentarief", "--insz", "-")
    result = installed.run(*argv, stdin=digits + "\n")
    assert result.returncode == 0, result.stderr
    assert "Advies:       Kansentarief (recht op vermindering) [KANSENTARIEF]" in result.stdout
    assert digits not in result.stdout + result.stderr
    french = installed.run("--lang", "fr", *argv, "--json", stdin=digits)
    assert french.returncode == 0, french.stderr
    assert '"label": "Tarif social"' in french.stdout


def test_wheel_serve_answers_health_on_loopback(installed: Installed) -> None:
    port = free_port()
    config = installed.folder / "serve.toml"
    config.write_text(f'training = true\n[serve]\nport = {port}\nauth = "none"\n', "utf-8")
    server = subprocess.Popen(
        [installed.baliecheck, "--config", str(config), "serve"],
        cwd=installed.folder,
        env=installed.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        assert "OEFENMODUS" in server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in server.stdout.readline()
        health = _health(port)
    finally:
        server.send_signal(signal.SIGINT)
        _out, err = server.communicate(timeout=30)
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    assert server.returncode == 0, err


def _health(port: int) -> httpx.Response:
    """``/v1/health`` once the server listens (it says its address just before)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_wheel_selftest_in_training_uses_the_installed_rules(installed: Installed) -> None:
    result = installed.run("selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    site = installed.venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    rules = site / "site-packages" / "app" / "resources" / "rules"
    assert f"OK     Regels: 5 diensten uit {rules}" in result.stdout
    assert "FOUT" not in result.stdout


def test_wheel_server_install_has_no_qt_nor_pyscard(installed: Installed) -> None:
    probe = "import importlib.util as u; print(u.find_spec('PySide6'), u.find_spec('smartcard'))"
    python = installed.venv / "bin" / "python"
    found = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, check=True, env=installed.env()
    )
    assert found.stdout.split() == ["None", "None"]
    desk = installed.run()  # no command: the desk, which this machine does not have
    assert desk.returncode == 1
    assert desk.stderr.strip() == NO_DESK
    assert "pip install 'baliecheck[desk]'" in desk.stderr
    french = installed.run("--lang", "fr")  # from the catalogue compiled into the wheel
    assert french.returncode == 1
    assert "la fenêtre du guichet n'est pas installée" in french.stderr
    assert "pip install 'baliecheck[desk]'" in french.stderr
