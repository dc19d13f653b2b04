# SPDX-License-Identifier: EUPL-1.2
"""baliecheck's icon: rendered from ``resources/icons/baliecheck.svg`` to PNG and ICO.

The SVG is the source; ``python -m ui.icons`` (run by the set-up scripts and the build, like
the translations) writes ``baliecheck.png`` (the window icon) and ``baliecheck.ico`` (the
Windows executable's) beside it. Rendering needs QtSvg, which the build leaves out: the
build ships the rendered files.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from app.resource_paths import resources_dir

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

ICON_NAME = "baliecheck"
PNG_SIZE = 256
ICO_SIZE = 256


def icons_dir() -> Path:
    return resources_dir() / "icons"


def window_icon() -> QIcon:
    """The rendered icon; else the SVG (an installed wheel ships only the source, which Qt's
    SVG plugin draws); else an empty one (Qt's default)."""
    for suffix in ("png", "svg"):
        path = icons_dir() / f"{ICON_NAME}.{suffix}"
        if path.is_file():
            return QIcon(str(path))
    log.info("no window icon in %s (run 'python -m ui.icons')", icons_dir())
    return QIcon()


def render_icons(directory: Path) -> list[Path]:
    """Render the SVG in ``directory`` to PNG and ICO there; the paths written."""
    from PySide6.QtCore import Qt  # noqa: PLC0415 - only for rendering
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415 - not in the build

    _app = QGuiApplication.instance() or QGuiApplication(["ui.icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(directory / f"{ICON_NAME}.svg"))
    if not renderer.isValid():
        raise ValueError(f"{directory / ICON_NAME}.svg is not a valid SVG")
    written = []
    for suffix, size in (("png", PNG_SIZE), ("ico", ICO_SIZE)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = directory / f"{ICON_NAME}.{suffix}"
        if not image.save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written


def main() -> int:
    for path in render_icons(icons_dir()):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
