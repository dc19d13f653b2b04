# SPDX-License-Identifier: EUPL-1.2
"""Argument choices that are loaded only when they are checked or listed, not at start-up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


class SampleCardNames(Sequence[str]):
    """The sample card profiles' names (``--profile``), from ``eid.card_profiles`` on first use.

    Building the profiles costs the card and PKI modules (cryptography); the parser of every
    command is built at start, so it must not. Give the argument a ``metavar``: argparse lists
    the choices in the usage line otherwise, which would load them at once.
    """

    def _names(self) -> list[str]:
        from eid.card_profiles import PROFILES  # noqa: PLC0415 - the point of this class

        return sorted(PROFILES)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


SAMPLE_CARDS = SampleCardNames()
