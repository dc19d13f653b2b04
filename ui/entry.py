# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` console script: the desk window without a command, else app's commands.

It lives in ui/ because only ui/ may start Qt; PySide6 is imported only when the desk opens.
``python -m ui`` (or ``python -m ui.entry``) runs the same. An unknown command or option is a
usage error (exit 2), never the desk.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TYPE_CHECKING

from app.cli.main import parse_arguments
from app.cli.main import run as run_command
from app.cli.parser_language import requested_language
from app.i18n import N_, translations

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

NO_SCREEN = N_(
    "baliecheck: geen scherm gevonden (DISPLAY en WAYLAND_DISPLAY zijn leeg); de balie "
    "heeft een bureaublad nodig. Zonder scherm: 'baliecheck card --training' of "
    "'baliecheck check --service CODE'; of start met 'xvfb-run baliecheck'."
)

# `pip install baliecheck` (a server) brings the commands without Qt; the desk is an extra.
NO_DESK = N_(
    "baliecheck: het balievenster is hier niet geïnstalleerd (Qt ontbreekt); de opdrachten "
    "werken wel ('baliecheck --help'). Voor het venster: pip install 'baliecheck[desk]' "
    "(of pipx install 'baliecheck[desk]')."
)


def wants_desk(args: argparse.Namespace) -> bool:
    """No subcommand: open the desk (with the global options, e.g. ``--config``)."""
    return args.command is None


def has_screen() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # No third-party pydantic plugin sees our models (they carry national numbers), and
    # pydantic skips scanning every installed package's entry points for plugins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not wants_desk(parsed := parse_arguments(args)):
        return run_command(parsed)
    if importlib.util.find_spec("PySide6") is None:
        sys.stderr.write(translations(requested_language(args)).gettext(NO_DESK) + "\n")
        return 1
    if not has_screen():
        sys.stderr.write(translations(requested_language(args)).gettext(NO_SCREEN) + "\n")
        return 1
    # The desk's Qt-free start first (app/desk/startup.py says why), then Qt and the window.
    from app.desk.startup import start_desk  # noqa: PLC0415 - only when the desk opens

    start = start_desk(args)
    from ui.main import run  # noqa: PLC0415 - Qt only when the desk opens

    return run(args, start)


if __name__ == "__main__":
    sys.exit(main())
