# SPDX-License-Identifier: EUPL-1.2
"""The icon: rendered from its SVG source at set-up; a broken SVG is said, not shipped."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QImage

from ui.icons import ICON_NAME, PNG_SIZE, icons_dir, render_icons, window_icon

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def test_icons_render_from_the_svg_to_png_and_ico(tmp_path: Path, qtbot: QtBot) -> None:
    shutil.copy(icons_dir() / f"{ICON_NAME}.svg", tmp_path)
    written = render_icons(tmp_path)
    assert [path.name for path in written] == [f"{ICON_NAME}.png", f"{ICON_NAME}.ico"]
    image = QImage(str(tmp_path / f"{ICON_NAME}.png"))
    assert (image.width(), image.height()) == (PNG_SIZE, PNG_SIZE)
    assert image.pixelColor(4, 4).alpha() == 0  # rounded corner: transparent
    assert image.pixelColor(PNG_SIZE // 2, 20).name() == "#14632d"  # the green frame
    assert not QImage(str(tmp_path / f"{ICON_NAME}.ico")).isNull()


def test_icons_broken_svg_is_refused(tmp_path: Path, qtbot: QtBot) -> None:
    (tmp_path / f"{ICON_NAME}.svg").write_text("<svg", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid SVG"):
        render_icons(tmp_path)
    assert not (tmp_path / f"{ICON_NAME}.png").exists()


def test_icons_window_icon_is_the_rendered_one(qtbot: QtBot) -> None:
    # scripts/test.sh renders the icon at set-up (as scripts/run.sh and the build do).
    assert (icons_dir() / f"{ICON_NAME}.png").is_file()
    assert not window_icon().isNull()
