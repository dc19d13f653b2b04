# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck sources import|list`` through its parser and handler, on a real store file."""

from __future__ import annotations

import argparse
import datetime as dt
import io
from typing import TYPE_CHECKING

import pytest

from app.cli.commands import sources
from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext
from app.language import Language
from app.problems import AppError, Problem
from app.services import STORE_FILE
from eid.card_profiles import synthetic_number

if TYPE_CHECKING:
    from pathlib import Path

NUMBERS = [synthetic_number(dt.date(1911 + i, 1, 1), 990 + i) for i in range(3)]


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="baliecheck")
    sources.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def run(
    tmp_path: Path, *argv: str, language: Language = Language.NL, config: Path | None = None
) -> tuple[int, str]:
    out = io.StringIO()
    ctx = CommandContext(
        language=language,
        out=out,
        err=io.StringIO(),
        data_dir=tmp_path / "data",
        config_path=config,
    )
    args = parse(*argv)
    code = args.handler(args, ctx)
    assert isinstance(code, int)
    return code, out.getvalue()


def csv_file(tmp_path: Path, *numbers: str, name: str = "l.csv") -> str:
    path = tmp_path / name
    path.write_text("insz\n" + "".join(f"{n}\n" for n in numbers), encoding="utf-8")
    return str(path)


def test_sources_cli_import_then_list(tmp_path: Path) -> None:
    path = csv_file(tmp_path, *NUMBERS)
    code, out = run(tmp_path, "sources", "import", "leefloon", path, "--as-of", "2026-01-01")
    assert code == EXIT_OK
    assert out == "Lijst 'leefloon' ingelezen: 3 rijen, gegevens van 2026-01-01.\n"
    assert (tmp_path / "data" / STORE_FILE).is_file()
    code, out = run(tmp_path, "sources", "list")
    assert code == EXIT_OK
    assert out.startswith("leefloon: 3 rijen, gegevens van 2026-01-01, ingelezen op ")


def test_sources_cli_as_of_defaults_to_today(tmp_path: Path) -> None:
    _, out = run(tmp_path, "sources", "import", "inwoners", csv_file(tmp_path, NUMBERS[0]))
    assert f"gegevens van {dt.date.today().isoformat()}." in out


def test_sources_cli_list_when_empty_and_in_french(tmp_path: Path) -> None:
    assert run(tmp_path, "sources", "list")[1] == "Nog geen lijsten ingelezen.\n"
    assert run(tmp_path, "sources", "list", language=Language.FR)[1] == "Aucune liste importée.\n"


def test_sources_cli_bad_file_raises_for_the_error_reporter(tmp_path: Path) -> None:
    run(tmp_path, "sources", "import", "leefloon", csv_file(tmp_path, NUMBERS[0]))
    bad = csv_file(tmp_path, NUMBERS[1], "12345678901", name="bad.csv")
    with pytest.raises(AppError) as caught:
        run(tmp_path, "sources", "import", "leefloon", bad)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "line 3:" in caught.value.detail
    assert "leefloon: 1 rij," in run(tmp_path, "sources", "list")[1]


def test_sources_cli_empty_list_needs_allow_empty(tmp_path: Path) -> None:
    empty = csv_file(tmp_path)
    with pytest.raises(AppError) as caught:
        run(tmp_path, "sources", "import", "leefloon", empty)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    _, out = run(tmp_path, "sources", "import", "leefloon", empty, "--allow-empty")
    assert "0 rijen" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("sources", "import", "Leef-loon", "x.csv"),
        ("sources", "import", "leefloon", "x.csv", "--as-of", "1 januari"),
        ("sources",),
        ("sources", "import", "leefloon"),
    ],
)
def test_sources_cli_usage_errors(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse(*argv)
    assert caught.value.code == 2
    capsys.readouterr()


def test_sources_cli_uses_the_configured_store(tmp_path: Path) -> None:
    store = tmp_path / "elders" / "lijsten.sqlite"
    config = tmp_path / "config.toml"
    config.write_text(f'[embedded]\nstore = "{store.as_posix()}"\n', encoding="utf-8")
    run(tmp_path, "sources", "import", "leefloon", csv_file(tmp_path, NUMBERS[0]), config=config)
    assert store.is_file()
    assert not (tmp_path / "data" / STORE_FILE).exists()


def test_sources_cli_list_no_rule_reads_is_refused_unless_forced(tmp_path: Path) -> None:
    path = csv_file(tmp_path, *NUMBERS)
    err = io.StringIO()
    ctx = CommandContext(Language.EN, io.StringIO(), err, data_dir=tmp_path / "data")
    args = parse("sources", "import", "leeflon", path)
    assert args.handler(args, ctx) == EXIT_USAGE
    words = err.getvalue()
    assert "No rule reads a list 'leeflon'" in words
    assert "Did you mean 'leefloon'?" in words
    assert "--force" in words
    assert run(tmp_path, "sources", "list")[1] == "Nog geen lijsten ingelezen.\n"
    code, out = run(tmp_path, "sources", "import", "leeflon", path, "--force")
    assert (code, out.split(":")[0]) == (EXIT_OK, "Lijst 'leeflon' ingelezen")


def test_sources_cli_list_names_follow_the_configured_rules(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zwembad.toml").write_text(
        'code = "zwembad"\ndefault_outcome = "STD"\nname = { nl = "Z", fr = "Z", en = "Z" }\n'
        '[[outcomes]]\ncode = "GRATIS"\neligible = true\n'
        'label = { nl = "G", fr = "G", en = "G" }\nwhen = "mantelzorg"\n'
        '[[outcomes]]\ncode = "STD"\neligible = false\nlabel = { nl = "S", fr = "S", en = "S" }\n',
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[embedded]\nrules_dir = "{rules.as_posix()}"\n', encoding="utf-8")
    path = csv_file(tmp_path, NUMBERS[0])
    code, _ = run(tmp_path, "sources", "import", "mantelzorg", path, config=config)
    assert code == EXIT_OK
    args = parse("sources", "import", "leefloon", path)
    ctx = CommandContext(Language.NL, io.StringIO(), io.StringIO(), tmp_path / "data", config)
    assert args.handler(args, ctx) == EXIT_USAGE


def test_sources_cli_list_with_columns(tmp_path: Path) -> None:
    path = tmp_path / "gezin.csv"
    path.write_text(
        f"insz,categorie,inkomen\n{NUMBERS[0]},inkomen,18500\n{NUMBERS[1]},leefloon,\n",
        encoding="utf-8",
    )
    code, _ = run(tmp_path, "sources", "import", "schoolkorting_gezin", str(path))
    assert code == EXIT_OK
    listed = run(tmp_path, "sources", "list")[1]
    assert "schoolkorting_gezin: 2 rijen" in listed
    assert "  kolommen: categorie, inkomen" in listed
    assert "18500" not in listed
