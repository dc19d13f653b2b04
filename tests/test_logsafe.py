# SPDX-License-Identifier: EUPL-1.2
"""Tests for the log redaction of national numbers (app.logsafe)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.logsafe import LOG_FILE_BYTES, RedactingFormatter, install_file, redact
from eid.card_profiles import synthetic_number
from eid.errors import EidError
from eid.insz import is_valid_national_number
from eid.tlv import parse_tlv

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

NUMBER = synthetic_number(dt.date(1985, 7, 30), 998)
DOTTED = f"{NUMBER[0:2]}.{NUMBER[2:4]}.{NUMBER[4:6]}-{NUMBER[6:9]}.{NUMBER[9:11]}"
MASKED = f"{NUMBER[0:2]}.{NUMBER[2:4]}.{NUMBER[4:6]}-xxx.xx"
HIDDEN = NUMBER[6:]  # the part that must never reach a log


class CollectingHandler(logging.Handler):
    """Keeps each formatted record, as a file or console handler would write it."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def collected(request: pytest.FixtureRequest) -> Iterator[tuple[logging.Logger, CollectingHandler]]:
    """A real logger, not propagating to root, with a collecting handler that redacts."""
    logger = logging.getLogger(f"baliecheck.test_logsafe.{request.node.name}")
    handler = CollectingHandler()
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, handler
    logger.removeHandler(handler)
    logger.propagate = True


# -- redact -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shown",
    [
        pytest.param(NUMBER, id="11-digit-run"),
        pytest.param(DOTTED, id="dotted"),
        pytest.param(f"{NUMBER[:6]}-{NUMBER[6:9]}.{NUMBER[9:]}", id="dash-only"),
        pytest.param(
            f"{NUMBER[:2]} {NUMBER[2:4]} {NUMBER[4:6]} {NUMBER[6:9]} {NUMBER[9:]}", id="spaced"
        ),
    ],
)
def test_redact_masks_national_number_forms(shown: str) -> None:
    assert redact(shown) == MASKED
    assert redact(f"card nr={shown}; done") == f"card nr={MASKED}; done"


def test_redact_masks_every_number_in_text() -> None:
    other = synthetic_number(dt.date(2004, 9, 21), 990)
    text = redact(f"{NUMBER},{other} and ({DOTTED})")
    assert NUMBER not in text
    assert other not in text
    assert HIDDEN not in text
    assert other[6:] not in text
    assert text == f"{MASKED},{other[:2]}.{other[2:4]}.{other[4:6]}-xxx.xx and ({MASKED})"


@pytest.mark.parametrize(
    "digits",
    [
        pytest.param(NUMBER[:10], id="10-digits"),
        pytest.param(NUMBER + "7", id="12-digits"),
        pytest.param("7" + NUMBER, id="12-digits-leading"),
        pytest.param(NUMBER * 2, id="22-digits"),
        pytest.param("0470123456", id="phone-number"),
    ],
)
def test_redact_leaves_other_digit_runs(digits: str) -> None:
    assert redact(digits) == digits
    assert redact(f"x {digits} y") == f"x {digits} y"


def test_redact_leaves_text_without_numbers() -> None:
    text = "SW 6A82 (file or application not found), 252 bytes at offset 0x01F8"
    assert redact(text) == text


def test_redact_is_idempotent_on_masked_form() -> None:
    assert redact(MASKED) == MASKED
    assert redact(redact(DOTTED)) == MASKED


@given(
    st.text(alphabet="abc ,:=()\n", max_size=20),
    st.from_regex(r"[0-9]{11}", fullmatch=True),
    st.text(alphabet="abc ,:=()\n", max_size=20),
)
def test_redact_any_11_digit_run_between_non_digits_is_masked(
    before: str, digits: str, after: str
) -> None:
    text = redact(before + digits + after)
    assert digits[6:] not in text
    assert text == f"{before}{digits[:2]}.{digits[2:4]}.{digits[4:6]}-xxx.xx{after}"


# -- RedactingFormatter on a real logger -----------------------------------------------------


def _members() -> dict[str, str]:
    return {}


def _look_up_member() -> None:
    try:
        _members()[NUMBER]
    except KeyError as missing:
        raise ValueError(f"no member {DOTTED}") from missing


def test_redacting_formatter_masks_number_in_args(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    logger, handler = collected
    logger.warning("card %s read in %s", NUMBER, "Oefenlezer")
    assert handler.lines == [f"WARNING {logger.name}: card {MASKED} read in Oefenlezer"]


def test_redacting_formatter_masks_number_in_message_and_dict_args(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    logger, handler = collected
    logger.info(f"typed {DOTTED}")
    logger.info("looked up %(nn)s", {"nn": NUMBER})
    assert handler.lines == [
        f"INFO {logger.name}: typed {MASKED}",
        f"INFO {logger.name}: looked up {MASKED}",
    ]


def test_redacting_formatter_masks_number_in_exc_info(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    logger, handler = collected
    try:
        _look_up_member()
    except ValueError:
        logger.exception("lookup failed for %s", NUMBER)
    text = handler.text
    assert NUMBER not in text
    assert HIDDEN not in text
    assert f"lookup failed for {MASKED}" in text
    assert "Traceback (most recent call last)" in text
    assert f"ValueError: no member {MASKED}" in text
    assert f"KeyError: '{MASKED}'" in text


def test_redacting_formatter_keeps_eid_error_text(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    logger, handler = collected
    try:
        parse_tlv(b"\x06\x0b0")
    except EidError:
        logger.debug("read failed", exc_info=True)
    assert "EidError: CARD_DATA_CORRUPT: TLV tag 0x06 runs past the end" in handler.text


def test_redacting_formatter_passes_every_record(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    logger, handler = collected
    for level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR):
        logger.log(level, "plain %d", level)
    assert handler.lines == [
        f"{logging.getLevelName(level)} {logger.name}: plain {level}"
        for level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR)
    ]


def test_redacting_formatter_bad_format_args_neither_raise_nor_leak(
    collected: tuple[logging.Logger, CollectingHandler], capsys: pytest.CaptureFixture[str]
) -> None:
    logger, handler = collected
    # A wrong conversion is a programming error, not a crash. The record goes to our handler
    # directly: pytest's own capture handler would (rightly) raise on it first.
    record = logger.makeRecord(
        logger.name, logging.ERROR, __file__, 1, "number %d", (NUMBER,), None
    )
    handler.handle(record)
    captured = capsys.readouterr()
    assert HIDDEN not in captured.err
    assert HIDDEN not in handler.text
    assert handler.lines == ["unformattable log message 'number %d' (TypeError)"]


@pytest.mark.parametrize(
    "shown",
    [
        pytest.param(
            f"{NUMBER[:2]}-{NUMBER[2:4]}-{NUMBER[4:6]}-{NUMBER[6:9]}-{NUMBER[9:]}", id="all-dashes"
        ),
        pytest.param(f"{NUMBER[:6]}-{NUMBER[6:9]}-{NUMBER[9:]}", id="dash-before-check"),
        pytest.param(DOTTED.replace("-", "\u2013"), id="en-dash"),
        pytest.param(DOTTED.replace("-", " - "), id="spaced-dash"),
    ],
)
def test_redact_masks_every_form_national_number_accepts(shown: str) -> None:
    assert is_valid_national_number(shown)
    assert HIDDEN not in redact(shown).replace("-", "").replace(".", "").replace(" ", "")


def test_redacting_formatter_leaves_the_record_unchanged(
    collected: tuple[logging.Logger, CollectingHandler],
) -> None:
    """Other handlers (and leak tests on raw records) must see what was really logged."""
    logger, handler = collected
    raw: list[str] = []

    class Raw(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            raw.append(record.getMessage())

    other = Raw()
    logger.addHandler(other)
    try:
        logger.warning("card %s", NUMBER)
    finally:
        logger.removeHandler(other)
    assert handler.lines == [f"WARNING {logger.name}: card {MASKED}"]
    assert raw == [f"card {NUMBER}"]


@pytest.fixture
def file_log(tmp_path: Path) -> Iterator[tuple[Path, logging.Handler]]:
    path = tmp_path / "logs" / "desk.log"
    handler = install_file(path)
    assert handler is not None
    yield path, handler
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_logsafe_file_log_masks_numbers_and_keeps_info(
    file_log: tuple[Path, logging.Handler],
) -> None:
    path, handler = file_log
    log = logging.getLogger("app.test_file_log")
    log.info("desk ready")
    log.debug("too chatty for the file")
    log.warning("card of %s refused", NUMBER)
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "INFO app.test_file_log: desk ready" in text
    assert "too chatty" not in text
    assert f"card of {MASKED} refused" in text
    assert HIDDEN not in text


def test_logsafe_file_log_rotates(file_log: tuple[Path, logging.Handler]) -> None:
    path, handler = file_log
    line = "x" * 1000
    for _ in range(LOG_FILE_BYTES // 1000 + 10):
        logging.getLogger("app.test_rotation").info(line)
    handler.flush()
    assert path.with_name("desk.log.1").is_file()
    assert path.stat().st_size < LOG_FILE_BYTES


def test_logsafe_file_log_unwritable_is_said_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    assert install_file(blocker / "desk.log") is None
    assert f"no log file at {blocker / 'desk.log'}" in caplog.text
