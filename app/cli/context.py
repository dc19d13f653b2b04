# SPDX-License-Identifier: EUPL-1.2
"""What every subcommand gets from the command line: language, streams, data dir, exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pathlib import Path

    from app.language import Language

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CARD_PROBLEM = 3
EXIT_NO_ADVICE = 4


@dataclass(frozen=True, slots=True)
class CommandContext:
    language: Language
    out: TextIO
    err: TextIO
    data_dir: Path
    config_path: Path | None = None


Handler = Callable[[argparse.Namespace, CommandContext], int]


def write_lines(stream: TextIO, *lines: str) -> None:
    for line in lines:
        stream.write(line + "\n")
    stream.flush()


def aligned(rows: list[tuple[str, str]]) -> list[str]:
    """``key: value`` lines with the values lined up."""
    width = max(len(key) for key, _ in rows) + 1
    return [f"{key + ':':<{width}} {value}" for key, value in rows]
