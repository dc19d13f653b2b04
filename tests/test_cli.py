# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` command as an admin uses it: output, messages, languages, exit codes."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.context import EXIT_CARD_PROBLEM, EXIT_FAILED, EXIT_OK
from app.cli.main import main
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from eid.card_profiles import PROFILES
from eid.errors import CardFault

BALIECHECK = str(Path(sys.executable).parent / "baliecheck")


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_cli_card_in_training_reads_the_sample_card() -> None:
    code, output = run_cli("card", "--training")
    assert code == EXIT_OK
    assert "OEFENMODUS — geen echte gegevens" in output
    sample = PROFILES["v18"].national_number
    assert sample is not None
    assert f"Rijksregisternummer: {sample[:2]}.{sample[2:4]}.{sample[4:6]}-xxx.xx" in output
    assert "Kaartgeneratie:" in output
    assert "1.8 (applet 0x18)" in output
    assert "Geldig tot:" in output
    assert "14.03.2032" in output
    assert sample not in output
    assert sample[6:] not in output


def test_cli_readers_in_training_lists_the_simulated_reader() -> None:
    code, output = run_cli("readers", "--training")
    assert code == EXIT_OK
    assert "Oefenlezer: kaart aanwezig" in output


def test_cli_bis_number_is_labelled() -> None:
    code, output = run_cli("card", "--training", "--profile", "bis")
    assert code == EXIT_OK
    assert "(BIS-nummer)" in output


@pytest.mark.parametrize(
    ("profile", "fault", "words"),
    [
        ("not-eid", CardFault.NOT_AN_EID, "Dit is geen Belgische eID-kaart."),
        ("corrupt-tlv", CardFault.CARD_DATA_CORRUPT, "onleesbaar of beschadigd"),
        ("invalid-number", CardFault.NATIONAL_NUMBER_INVALID, "niet geldig"),
    ],
)
def test_cli_refused_card_says_what_is_wrong(profile: str, fault: CardFault, words: str) -> None:
    code, output = run_cli("card", "--training", "--profile", profile)
    assert code == EXIT_CARD_PROBLEM
    assert words in output
    assert f"[{fault.value}]" in output
    assert "Wat nu:" in output
    assert "71715100070" not in output


def test_cli_unknown_simulated_reader_is_named_as_such() -> None:
    code, output = run_cli("card", "--training", "--reader", "Nergens")
    assert code == EXIT_CARD_PROBLEM
    assert "[READER_NOT_FOUND]" in output


@pytest.mark.parametrize(
    ("language", "banner", "label"),
    [
        ("fr", "MODE EXERCICE", "Numéro de registre national:"),
        ("en", "TRAINING MODE", "National number:"),
    ],
)
def test_cli_speaks_french_and_english(language: str, banner: str, label: str) -> None:
    code, output = run_cli("--lang", language, "card", "--training")
    assert code == EXIT_OK
    assert banner in output
    assert label in output


def test_cli_language_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIECHECK_LANG", "en")
    _code, output = run_cli("card", "--training", "--profile", "not-eid")
    assert "This is not a Belgian eID card." in output


def test_cli_every_problem_has_words_in_every_language() -> None:
    for fault in Problem:
        texts = [problem_text(fault, language) for language in Language]
        for text in texts:
            assert text.what.strip(), fault
            assert text.next_step.strip(), fault
        assert len({t.what for t in texts}) == len(Language), f"{fault} untranslated"


def test_cli_simulate_card_with_unreadable_file_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "geen-bestand.bin"
    code, output = run_cli("simulate-card", "--identity-file", str(missing))
    assert code == EXIT_FAILED
    assert f"Het bestand {missing} kan niet gelezen worden" in output


def test_cli_simulate_card_without_vpcd_says_so() -> None:
    code, output = run_cli("simulate-card", "--port", "9")  # nothing listens on loopback:9
    assert code == EXIT_FAILED
    assert "vpcd is niet bereikbaar op 127.0.0.1:9" in output


def test_cli_entry_point_runs_as_installed(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    result = subprocess.run(
        [BALIECHECK, "-v", "card", "--training", "--profile", "born-2000"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == EXIT_OK, result.stderr
    sample = PROFILES["born-2000"].national_number
    assert sample is not None
    assert f"{sample[:2]}.{sample[2:4]}.{sample[4:6]}-xxx.xx" in result.stdout
    assert "read file 3F00DF014031" in result.stderr  # debug logging was on
    assert sample not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        ("rules", "{test,check,explain}"),
        ("sources", "{import,list}"),
        ("audit", "{verify,export,pending,send,purge}"),
    ],
)
def test_cli_missing_subcommand_names_its_choices(command: str, choices: str) -> None:
    done = subprocess.run([BALIECHECK, command], capture_output=True, text=True, check=False)
    assert done.returncode == 2  # noqa: PLR2004 - a usage error
    assert done.stderr.endswith(f"deze argumenten zijn verplicht: {choices}\n")
    assert "_action" not in done.stderr  # never argparse's internal name


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["report", "--from", "2026-13-01", "--to", "2026-12-31", "--out", "r.html"],
         "argument --from: een datum schrijf je als JJJJ-MM-DD"),
        (["batch", "--service", "x", "in.csv", "--out", "o.csv", "--concurrency", "0"],
         "argument --concurrency: een geheel getal van 1 tot en met 64"),
        (["sources", "import", "leefloon", "l.csv", "--delimiter", ":"],
         "argument --delimiter: het scheidingsteken is ',', ';' of 'tab'"),
        (["sources", "import", "leefloon", "l.csv", "--encoding", "klingon"],
         "argument --encoding: onbekende tekenset (bv. utf-8 of cp1252)"),
        (["--lang", "fr", "batch", "--service", "x", "in.csv", "--out", "o.csv",
          "--concurrency", "65"], "un nombre entier de 1 à 64"),
        (["--lang", "en", "sources", "import", "l", "l.csv", "--delimiter", "|"],
         "the separator is ',', ';' or 'tab'"),
    ],
)  # fmt: skip
def test_cli_bad_option_value_is_said_in_the_users_language(argv: list[str], words: str) -> None:
    done = subprocess.run([BALIECHECK, *argv], capture_output=True, text=True, check=False)
    assert done.returncode == 2  # noqa: PLR2004 - a usage error
    assert done.stderr.rstrip().endswith(words)
