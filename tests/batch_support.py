# SPDX-License-Identifier: EUPL-1.2
"""A production-like set-up for batch tests: a config, real lists under the keyring's key."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from app.cli.main import main
from app.eligibility.embedded.lists.store import SourceStore
from app.settings.credentials import KeyringCredentials, pseudonym_key
from eid.card_profiles import synthetic_number

if TYPE_CHECKING:
    from pathlib import Path

SERVICE = "gratis-huisvuilzakken"
LISTS = (
    "verhoogde_tegemoetkoming",
    "ocmw_budgetbeheer",
    "ocmw_budgetbegeleiding",
    "collectieve_schuldenregeling",
    "leefloon",
    "inwoners",
    "parkeerkaart_handicap",
)
PEOPLE = [synthetic_number(dt.date(1960 + i, 5, 6), 200 + i) for i in range(12)]
ON_VT = PEOPLE[:4]  # on verhoogde_tegemoetkoming: a right to free waste bags


def bad_checksum(number: str) -> str:
    return number[:9] + f"{(int(number[9:]) + 1) % 100:02d}"


def set_up(tmp_path: Path, *, remote_url: str | None = None) -> Path:
    """A config (embedded over real lists, or remote at ``remote_url``) and the lists; its path."""
    store_file = tmp_path / "sources.sqlite"
    lines = ["training = false", 'backend = "remote"' if remote_url else 'backend = "embedded"']
    lines += ["[desk]", 'id = "batch-test"', 'staff_id = "tester"']
    if remote_url:
        lines += ["[remote]", f'base_url = "{remote_url}"', 'auth = "none"', "timeout_s = 2.0"]
    else:
        lines += ["[embedded]", f'store = "{store_file.as_posix()}"']
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = SourceStore(store_file, key=pseudonym_key(KeyringCredentials()))
    try:
        for name in LISTS:
            members = ON_VT if name == "verhoogde_tegemoetkoming" else PEOPLE[-1:]
            path = tmp_path / f"{name}.csv"
            path.write_text("insz\n" + "".join(f"{n}\n" for n in members), encoding="utf-8")
            store.import_csv(name, path, as_of=dt.date(2026, 1, 1))
    finally:
        store.close()
    return config


def write_input(path: Path, rows: list[tuple[str, str]], *, excel: bool = False) -> Path:
    """``ref,insz`` rows (plus a column batch must ignore); Excel's form on request."""
    if excel:
        text = "Naam;ref;insz;;\r\n" + "".join(f"Renée;{r};{n};;\r\n" for r, n in rows)
        path.write_bytes(text.encode("cp1252"))
    else:
        text = "ref,insz,naam\n" + "".join(f"{r},{n},x\n" for r, n in rows)
        path.write_text(text, encoding="utf-8")
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def output_rows(path: Path) -> list[list[str]]:
    return [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
