# SPDX-License-Identifier: EUPL-1.2
"""The national number's usual form as staff type it: JJ.MM.DD-XXX.CC (plain Python, no Qt)."""

from __future__ import annotations

# After how many digits a separator follows, and which one.
_SEPARATORS = {2: ".", 4: ".", 6: "-", 9: "."}
MAX_DIGITS = 11


def format_partial(text: str) -> str:
    """The digits of ``text`` grouped as JJ.MM.DD-XXX.CC so far ("850730" -> "85.07.30");
    more than 11 digits are kept (the field then says there are too many)."""
    digits = [ch for ch in text if ch.isdigit()]
    out: list[str] = []
    for index, digit in enumerate(digits):
        if index in _SEPARATORS:
            out.append(_SEPARATORS[index])
        out.append(digit)
    return "".join(out)
