# SPDX-License-Identifier: EUPL-1.2
"""A card that is not genuine in the app: no advice from the desk or ``check``, words, trust."""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_CARD_PROBLEM, EXIT_OK, EXIT_USAGE
from app.cli.main import main
from app.desk.app import DeskApp
from app.desk.card_loop import CardLoop
from app.desk.headless import lazy_number_reader, number_reader
from app.desk.sample_cards import card_for
from app.desk.state import Phase
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.wire import RunMode
from app.problems import AppError, Problem
from app.services import card_verifier_maker, make_card_verifier, make_eligibility
from app.settings.config import Config, load_config
from eid.card_profiles import PROFILES
from eid.errors import AuthenticityStep, CardNotGenuineError
from eid.sample_pki import sample_root_certificate
from eid.simulated import SimulatedCardReader
from eid.trust import AnchorKind
from tests.test_workflow import Desk

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import EligibilityPort
    from eid.authenticity import CardFiles, CardVerifier
    from eid.reader import CardReader

SPECIMEN_ISSUED = dt.date(2022, 7, 5)  # the specimen card's validity begin
NOT_GENUINE_NL = "Deze kaart kon niet als echt worden bevestigd. [CARD_NOT_GENUINE]"
STEP_WORDS_NL = {
    "forged-byte": "de handtekening op de identiteitsgegevens klopt niet",
    "forged-key": "de handtekening op de identiteitsgegevens klopt niet",
    "forged-chain": "het RRN-certificaat is niet door die root uitgegeven",
    "forged-root": "de kaart draagt geen vertrouwde eID-root",
    "forged-validity": "niet geldig toen de kaart werd uitgereikt",
    "forged-usage": "niet voor handtekeningen bedoeld",
    "programmed": "de kaart draagt geen vertrouwde eID-root",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _reader_holding(profile: str) -> CardReader:
    reader = SimulatedCardReader()
    reader.insert(PROFILES[profile].make_card())
    return reader


# -- baliecheck check ---------------------------------------------------------------------------


@pytest.mark.parametrize("profile", sorted(STEP_WORDS_NL))
def test_check_refuses_to_ask_for_a_card_that_is_not_genuine(
    profile: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    def no_advice(*_args: object, **_kwargs: object) -> EligibilityPort:
        raise AssertionError("an advice was asked for")

    # The simulated reader stands in for the PC/SC one (tests/test_authenticity_pcsc.py
    # runs the real one); the training trust is used, so only the forgery is refused.
    monkeypatch.setattr(
        "app.cli.commands.check.make_card_reader", lambda **_kw: _reader_holding(profile)
    )
    monkeypatch.setattr("app.cli.commands.check.make_eligibility", no_advice)
    code, out, err = run("-v", "check", "--service", "lez-registratie", "--timeout", "1")
    assert code == EXIT_CARD_PROBLEM
    assert out == ""
    assert NOT_GENUINE_NL in err
    assert "beslis manueel met een reden" in err
    number = PROFILES[profile].national_number
    assert number is not None
    assert number not in err + caplog.text


# -- the desk -----------------------------------------------------------------------------------


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[EligibilityPort]:
    port = make_eligibility(Config(training=True), tmp_path)
    yield port
    port.close()


def test_desk_forged_card_is_a_problem_never_an_advice(engine: EligibilityPort) -> None:
    desk = Desk(engine, SimulatedCardReader())
    desk.loop.start()
    try:
        desk.reader.insert(PROFILES["forged-chain"].make_card())
        problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
    finally:
        desk.stop()
    assert problem.problem is Problem.CARD_NOT_GENUINE
    assert problem.advice is None
    assert Phase.ASKING not in [s.phase for s in desk.recorder.states]


def test_desk_outside_training_refuses_the_sample_cards(engine: EligibilityPort) -> None:
    """Outside training mode only the Belgian roots count: a sample card is not genuine."""
    reader = SimulatedCardReader()
    desk = Desk(engine, reader)
    desk.loop = CardLoop(reader, desk.workflow, number_reader(make_card_verifier(Config())))
    desk.loop.start()
    try:
        reader.insert(card_for(sample_citizens()[0]))
        problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
    finally:
        desk.stop()
    assert problem.problem is Problem.CARD_NOT_GENUINE


# -- baliecheck card (diagnostics) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "words"),
    [
        ("v18", "bevestigd (testroot Baliecheck TEST Root CA; ECDSA secp384r1 SHA-384)"),
        ("v17", "bevestigd (testroot Baliecheck TEST Root CA; RSA PKCS#1 v1.5 SHA-256)"),
        (
            "unknown-birth-date",
            "bevestigd (testroot Baliecheck TEST Root CA; RSA PKCS#1 v1.5 SHA-1)",
        ),
    ],
)
def test_card_diagnostics_show_who_vouched(profile: str, words: str) -> None:
    code, out, _err = run("card", "--training", "--profile", profile)
    assert code == EXIT_OK
    assert f"Echtheid:            {words}" in out


@pytest.mark.parametrize(("profile", "words"), sorted(STEP_WORDS_NL.items()))
def test_card_diagnostics_name_the_failed_step(profile: str, words: str) -> None:
    code, out, _err = run("card", "--training", "--profile", profile)
    assert code == EXIT_OK  # a diagnosis: the finding is a line, not an error
    line = next(line for line in out.splitlines() if line.startswith("Echtheid:"))
    assert "NIET bevestigd: " in line
    assert words in line
    assert line.endswith("[CARD_NOT_GENUINE]")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "Authenticité:                NON confirmée : la signature"),
        ("en", "Authenticity:    NOT confirmed: the signature on the identity data"),
    ],
)
def test_card_diagnostics_in_french_and_english(language: str, words: str) -> None:
    _code, out, _err = run("--lang", language, "card", "--training", "--profile", "forged-key")
    assert words in out


# -- trust configuration --------------------------------------------------------------------------


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "balie.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_test_roots_outside_training_is_acceptance_mode(tmp_path: Path) -> None:
    """Refused before issue 13; now the acceptance mode (tests/test_modes.py has the rest)."""
    root = tmp_path / "test-root.der"
    root.write_bytes(sample_root_certificate())
    config = load_config(_config(tmp_path, f'training = false\n[card]\ntest_roots = ["{root}"]\n'))
    assert config.mode is RunMode.ACCEPTANCE
    assert not config.training


def test_config_test_root_that_is_no_file_or_no_certificate(tmp_path: Path) -> None:
    missing = _config(tmp_path, f'training = true\n[card]\ntest_roots = ["{tmp_path}/x.der"]\n')
    code, _out, err = run("--config", str(missing), "card", "--training")
    assert code == EXIT_USAGE
    assert f"card: Value error, test_roots: {tmp_path}/x.der is not a file" in err
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    bad = _config(tmp_path, f'training = true\n[card]\ntest_roots = ["{garbage}"]\n')
    code, _out, err = run("--config", str(bad), "card", "--training")
    assert code == EXIT_USAGE
    assert f"card.test_roots: {garbage}: not a certificate (PEM or DER)" in err


def test_config_training_with_the_specimen_rrn_certificate_confirms_the_specimen(
    testvectors: Path, tmp_path: Path, specimen: CardFiles
) -> None:
    rrn = testvectors / "ec-specimen-rrn-cert.der"
    config = load_config(_config(tmp_path, f'training = true\n[card]\ntest_roots = ["{rrn}"]\n'))
    result = make_card_verifier(config).verify(specimen, SPECIMEN_ISSUED)
    assert result.anchor.kind is AnchorKind.TEST_RRN_CERTIFICATE
    with pytest.raises(CardNotGenuineError) as caught:
        make_card_verifier(Config()).verify(specimen, SPECIMEN_ISSUED)
    assert caught.value.step is AuthenticityStep.ROOT_NOT_PINNED


# -- the desk's verifier, made on its first card ------------------------------------------------


def test_desk_verifier_is_made_for_the_first_card_and_checks_it(engine: EligibilityPort) -> None:
    """The desk starts without cryptography: its verifier is made when the first card is
    read, and that card is checked like every other (here: a sample card outside training)."""
    made: list[CardVerifier] = []
    make = card_verifier_maker(Config())

    def counted() -> CardVerifier:
        made.append(make())
        return made[-1]

    reader = SimulatedCardReader()
    desk = Desk(engine, reader)
    desk.loop = CardLoop(reader, desk.workflow, lazy_number_reader(counted))
    desk.loop.start()
    try:
        assert made == []
        for _ in range(2):
            reader.insert(card_for(sample_citizens()[0]))
            problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
            assert problem.problem is Problem.CARD_NOT_GENUINE
            reader.remove()
            desk.recorder.wait_for(lambda s: s.phase is Phase.WAITING)
    finally:
        desk.stop()
    assert len(made) == 1  # once, for the first card


def test_desk_start_refuses_a_test_root_that_is_no_certificate(tmp_path: Path) -> None:
    """Read at the desk's start, not at its first card: a broken file stops the start."""
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    config = load_config(
        _config(tmp_path, f'training = true\n[card]\ntest_roots = ["{garbage}"]\n')
    )
    with pytest.raises(AppError) as caught:
        DeskApp.start(config, tmp_path / "data")
    assert caught.value.problem is Problem.CONFIG_INVALID
    assert "not a certificate" in caught.value.detail
