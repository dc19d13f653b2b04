# SPDX-License-Identifier: EUPL-1.2
"""The languages staff and admins can choose: Dutch first, then French and English."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    NL = "nl"
    FR = "fr"
    EN = "en"
