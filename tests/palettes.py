# SPDX-License-Identifier: EUPL-1.2
"""The desktop palettes the desk must read well in: light, dark and high contrast (as Windows
high contrast and dark desktop themes set them), for the contrast test and the screenshots."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def _palette(window: str, text: str, base: str, button: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, button),
        (QPalette.ColorRole.ButtonText, text),
    ):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    "light": _palette("#efefef", "#000000", "#ffffff", "#e0e0e0"),
    "dark": _palette("#2b2b2b", "#ffffff", "#1e1e1e", "#353535"),
    "high-contrast": _palette("#000000", "#ffff00", "#000000", "#000000"),
}
