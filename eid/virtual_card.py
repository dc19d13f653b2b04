# SPDX-License-Identifier: EUPL-1.2
"""A virtual BELPIC card: answers command APDUs the way a real eID does under T=0.

Product code: training mode and ``simulate-card`` use it, as do the tests. It answers
``6Cxx`` when Le does not fit the rest of the file, ``6B00`` past the end, ``6A82`` for
unknown files, ``61xx`` + GET RESPONSE for GET CARD DATA when asked to, and ``6D00``/``6E00``
for instructions and classes it does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eid.apdu import BELPIC_AID

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

SW_OK = b"\x90\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_NOT_FOUND = b"\x6a\x82"
SW_WRONG_P1P2 = b"\x6a\x86"
SW_PAST_END = b"\x6b\x00"
SW_INS_UNKNOWN = b"\x6d\x00"
SW_CLA_UNKNOWN = b"\x6e\x00"
SW_NO_FILE_SELECTED = b"\x69\x86"


class LazyFiles(Mapping[bytes, bytes]):
    """Card files of which some are made only when first read (signing needs generated keys).

    Which paths exist is known at once, so a SELECT of a later file costs nothing.
    """

    def __init__(
        self,
        ready: Mapping[bytes, bytes],
        later: Iterable[bytes],
        make_later: Callable[[], Mapping[bytes, bytes]],
    ) -> None:
        self._ready = dict(ready)
        self._later = tuple(path for path in later if path not in self._ready)
        self._make_later = make_later

    def __getitem__(self, path: bytes) -> bytes:
        if path in self._ready:
            return self._ready[path]
        if path not in self._later:
            raise KeyError(path)
        return self._make_later()[path]

    def __contains__(self, path: object) -> bool:  # Mapping's default would make the files
        return path in self._ready or path in self._later

    def __iter__(self) -> Iterator[bytes]:
        yield from self._ready
        yield from self._later

    def __len__(self) -> int:
        return len(self._ready) + len(self._later)


class CardPulled(Exception):  # noqa: N818 - an event, not an error of the card
    """Raised by a card to say it has left the reader (for removal in the middle of a read)."""


def pulled_at(command: int) -> Callable[[int], None]:
    """An ``on_command`` hook: the card leaves the reader at its ``command``-th command."""

    def pull(count: int) -> None:
        if count == command:
            raise CardPulled

    return pull


@dataclass
class VirtualBelpicCard:
    """A BELPIC applet over a dictionary of files keyed by their 6-byte path."""

    atr: bytes
    files: Mapping[bytes, bytes]
    card_data: bytes = b""
    is_belpic: bool = True
    applet_selected_at_reset: bool = True
    card_data_via_get_response: bool = False
    on_command: Callable[[int], None] | None = field(default=None, repr=False)
    _applet_selected: bool = field(init=False, default=False)
    _selected: bytes | None = field(init=False, default=None)
    _pending: bytes = field(init=False, default=b"")
    _count: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Power-on state: nothing selected, and the applet selected if the profile says so."""
        self._applet_selected = self.applet_selected_at_reset
        self._selected = None
        self._pending = b""

    def process(self, command: bytes) -> bytes:
        """Answer one command APDU with a response APDU (data + SW)."""
        self._count += 1
        if self.on_command is not None:
            self.on_command(self._count)  # may raise CardPulled
        if len(command) < 4:
            return SW_WRONG_LENGTH
        if not self.is_belpic:
            return SW_CLA_UNKNOWN if command[0] == 0x80 else SW_NOT_FOUND
        return self._dispatch(command)

    def _dispatch(self, command: bytes) -> bytes:
        cla, ins = command[0], command[1]
        if cla == 0x00 and ins == 0xA4:
            return self._select(command)
        if cla == 0x00 and ins == 0xB0:
            return self._read_binary(command)
        if cla == 0x00 and ins == 0xC0:
            return self._get_response(command)
        if cla == 0x80 and ins == 0xE4:
            return self._get_card_data(command)
        return SW_INS_UNKNOWN if cla in (0x00, 0x80) else SW_CLA_UNKNOWN

    def _select(self, command: bytes) -> bytes:
        if len(command) < 5 or len(command) != 5 + command[4]:
            return SW_WRONG_LENGTH
        p1, body = command[2], command[5:]
        if p1 == 0x04:
            if body != BELPIC_AID:
                return SW_NOT_FOUND
            self._applet_selected = True
            self._selected = None
            return SW_OK
        if p1 != 0x08:
            return SW_WRONG_P1P2
        if not self._applet_selected or body not in self.files:
            return SW_NOT_FOUND
        self._selected = body
        return SW_OK

    def _read_binary(self, command: bytes) -> bytes:
        if len(command) != 5:
            return SW_WRONG_LENGTH
        if self._selected is None:
            return SW_NO_FILE_SELECTED
        content = self.files[self._selected]
        offset = (command[2] << 8) | command[3]
        wanted = command[4] or 256
        if offset >= len(content):
            return SW_PAST_END
        available = len(content) - offset
        if wanted > available:
            return bytes([0x6C, available & 0xFF])
        return content[offset : offset + wanted] + SW_OK

    def _get_card_data(self, command: bytes) -> bytes:
        if len(command) != 5:
            return SW_WRONG_LENGTH
        data = self.card_data
        if self.card_data_via_get_response:
            self._pending = data
            return bytes([0x61, len(data) & 0xFF])
        if (command[4] or 256) != len(data):
            return bytes([0x6C, len(data) & 0xFF])
        return data + SW_OK

    def _get_response(self, command: bytes) -> bytes:
        if len(command) != 5 or not self._pending:
            return SW_WRONG_P1P2 if not self._pending else SW_WRONG_LENGTH
        wanted = command[4] or 256
        data, self._pending = self._pending[:wanted], self._pending[wanted:]
        if self._pending:
            return data + bytes([0x61, len(self._pending) & 0xFF])
        return data + SW_OK
