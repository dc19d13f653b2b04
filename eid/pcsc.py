# SPDX-License-Identifier: EUPL-1.2
"""PcscCardReader: readers and cards through the OS PC/SC service. The only pyscard user.

Return codes are translated to EidError in one place (``_fault_for``). A stopped or
restarted PC/SC service drops the context; the next call establishes a new one.
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import sys
import threading
import time
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from eid.errors import CardFault, EidError
from eid.reader import CardChannel, ReaderEvent, ReaderStatus, Slots, events_between, slots_of

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

log = logging.getLogger(__name__)

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"
# After a failed transmit, how long to watch the reader for the card to show as gone.
REMOVAL_GRACE_S = 1.2


# The operating system's PC/SC client library. A build never ships it: pcsc-lite's client
# must match the machine's pcscd, so the machine's own is used.
PCSC_LIBRARY = {
    "win32": "winscard.dll",
    "darwin": "/System/Library/Frameworks/PCSC.framework/PCSC",
}.get(sys.platform, "libpcsclite.so.1")


def _load_scard() -> ModuleType:
    """pyscard's C binding, imported only when PC/SC is wanted (it needs the OS library).

    pyscard opens libpcsclite itself and, when it is missing, prints to stdout and answers
    every call with "no service"; loading the library first tells "not installed" apart.
    """
    try:
        # Global, as pyscard's own dlopen: loaded locally first, pcsc-lite was seen to
        # report a card pulled mid-command as "no card" instead of "removed".
        ctypes.CDLL(PCSC_LIBRARY, mode=ctypes.RTLD_GLOBAL)
        return importlib.import_module("smartcard.scard")
    except (ImportError, OSError) as exc:  # no libpcsclite / winscard on this machine
        raise EidError(
            CardFault.PCSC_NOT_INSTALLED, f"PC/SC library {PCSC_LIBRARY} not usable: {exc}"
        ) from None


# Every return code pcsc-lite, WinSCard and PCSC.framework give, by what it means for the
# desk: the service is gone, the reader is gone or busy, the card is gone, the card cannot
# be read. Codes no reader call returns (PIN, file-system and certificate ones) are left to
# the default, like any code a later PC/SC adds.
_SERVICE_GONE = (
    "SCARD_E_NO_SERVICE",
    "SCARD_E_SERVICE_STOPPED",
    "SCARD_F_COMM_ERROR",  # pcscd stopped while a call waited (RPC transport error)
    "SCARD_E_INVALID_HANDLE",  # the context died with the service
    "SCARD_E_SYSTEM_CANCELLED",  # the system is shutting down or logging off
    "SCARD_P_SHUTDOWN",
    "SCARD_F_INTERNAL_ERROR",
    "SCARD_F_UNKNOWN_ERROR",
    "SCARD_F_WAITED_TOO_LONG",
    "SCARD_E_NO_MEMORY",
    "SCARD_E_SERVER_TOO_BUSY",
    "SCARD_E_UNKNOWN_RES_MNG",
    "SCARD_E_UNEXPECTED",
)
_FAULTS_BY_NAME: dict[str, CardFault] = {
    **dict.fromkeys(_SERVICE_GONE, CardFault.PCSC_UNAVAILABLE),
    "SCARD_E_NO_READERS_AVAILABLE": CardFault.NO_READER,
    "SCARD_E_UNKNOWN_READER": CardFault.READER_NOT_FOUND,
    "SCARD_E_READER_UNAVAILABLE": CardFault.READER_NOT_FOUND,  # unplugged while in use
    "SCARD_E_NOT_READY": CardFault.READER_NOT_FOUND,
    "SCARD_E_READER_UNSUPPORTED": CardFault.READER_NOT_FOUND,
    "SCARD_E_DUPLICATE_READER": CardFault.READER_NOT_FOUND,
    "SCARD_E_SHARING_VIOLATION": CardFault.READER_IN_USE,
    "SCARD_W_RESET_CARD": CardFault.READER_IN_USE,  # another program reset the card
    "SCARD_E_NO_SMARTCARD": CardFault.NO_CARD,
    "SCARD_W_REMOVED_CARD": CardFault.CARD_REMOVED,
    "SCARD_E_COMM_DATA_LOST": CardFault.CARD_REMOVED,
    "SCARD_W_UNRESPONSIVE_CARD": CardFault.CARD_UNREADABLE,
    "SCARD_W_UNPOWERED_CARD": CardFault.CARD_UNREADABLE,
    "SCARD_W_UNSUPPORTED_CARD": CardFault.CARD_UNREADABLE,
    "SCARD_E_CARD_UNSUPPORTED": CardFault.CARD_UNREADABLE,
    "SCARD_E_UNKNOWN_CARD": CardFault.CARD_UNREADABLE,
    "SCARD_E_INVALID_ATR": CardFault.CARD_UNREADABLE,
    "SCARD_E_PROTO_MISMATCH": CardFault.CARD_UNREADABLE,
    "SCARD_E_NOT_TRANSACTED": CardFault.CARD_UNREADABLE,
}


def _fault_for(sc: ModuleType, rv: int) -> CardFault:
    """The one table from PC/SC return codes to card faults (names resolved on this
    platform's binding; a code it does not name is CARD_UNREADABLE)."""
    for name, fault in _FAULTS_BY_NAME.items():
        value = getattr(sc, name, None)
        if value is not None and (value & 0xFFFFFFFF) == (rv & 0xFFFFFFFF):
            return fault
    return CardFault.CARD_UNREADABLE


class PcscCardReader:
    """CardReader over the PC/SC service (pcsc-lite, WinSCard, PCSC.framework)."""

    def __init__(self) -> None:
        self._scard: ModuleType | None = None
        self._context: Any = None
        self._lock = threading.Lock()
        self._reported: Slots = {}
        self._states: dict[str, int] = {}

    @property
    def _sc(self) -> ModuleType:
        """The binding, loaded on first use: without the OS library every call raises
        PCSC_NOT_INSTALLED (the desk shows it and retries) instead of the constructor."""
        if self._scard is None:
            self._scard = _load_scard()
        return self._scard

    # -- context -----------------------------------------------------------------------
    def _ctx(self) -> Any:
        with self._lock:
            if self._context is not None:
                return self._context
            rv, context = self._sc.SCardEstablishContext(self._sc.SCARD_SCOPE_USER)
            if rv == self._sc.SCARD_S_SUCCESS:
                self._context = context
                self._states = {}
                return context
        raise self._error(rv, "establish context")

    def _error(self, rv: int, what: str) -> EidError:
        fault = _fault_for(self._sc, rv)
        if fault is CardFault.PCSC_UNAVAILABLE:
            self._drop_context()
        message = self._sc.SCardGetErrorMessage(rv)
        return EidError(fault, f"{what}: {message} (0x{rv & 0xFFFFFFFF:08X})")

    def _drop_context(self) -> None:
        with self._lock:
            if self._context is not None:
                self._sc.SCardReleaseContext(self._context)
                self._context = None
                log.info("PC/SC context dropped; a new one is made on the next call")

    # -- CardReader ----------------------------------------------------------------------
    def list_readers(self) -> list[ReaderStatus]:
        sc = self._sc
        for _attempt in range(3):  # a reader unplugged between listing and asking: list again
            names = self._reader_names()
            if not names:
                return []
            rv, states = sc.SCardGetStatusChange(
                self._ctx(), 0, [(name, sc.SCARD_STATE_UNAWARE) for name in names]
            )
            if rv != sc.SCARD_E_UNKNOWN_READER:
                break
        if rv not in (sc.SCARD_S_SUCCESS, sc.SCARD_E_TIMEOUT):
            raise self._error(rv, "get reader status")
        return [
            ReaderStatus(
                name=name,
                card_present=bool(event & sc.SCARD_STATE_PRESENT),
                in_exclusive_use=bool(event & sc.SCARD_STATE_EXCLUSIVE),
                card_events=(event >> 16) & 0xFFFF,  # pcsc-lite's card event counter
            )
            for name, event, _atr in states
        ]

    def _reader_names(self) -> list[str]:
        rv, names = self._sc.SCardListReaders(self._ctx(), [])
        if rv == self._sc.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if rv != self._sc.SCARD_S_SUCCESS:
            raise self._error(rv, "list readers")
        return list(names)

    def wait_for_change(self, timeout: float) -> list[ReaderEvent]:
        deadline = time.monotonic() + timeout
        while True:
            now = slots_of(self.list_readers())
            events = events_between(self._reported, now)
            self._reported = now
            remaining = deadline - time.monotonic()
            if events or remaining <= 0:
                return events
            if not self._block_until_change(list(now), remaining):
                return []

    def _block_until_change(self, names: list[str], timeout: float) -> bool:
        """Wait in SCardGetStatusChange; False when it timed out or was cancelled."""
        sc = self._sc
        watched = [*names, PNP_NOTIFICATION]
        query = [(name, self._states.get(name, sc.SCARD_STATE_UNAWARE)) for name in watched]
        rv, states = sc.SCardGetStatusChange(self._ctx(), int(timeout * 1000), query)
        if rv in (sc.SCARD_E_TIMEOUT, sc.SCARD_E_CANCELLED):
            return False
        if rv == sc.SCARD_E_UNKNOWN_READER:  # unplugged while we listed: look again
            self._states = {}
            return True
        if rv != sc.SCARD_S_SUCCESS:
            raise self._error(rv, "wait for reader change")
        self._states = {name: event & ~sc.SCARD_STATE_CHANGED for name, event, _ in states}
        return True

    def cancel(self) -> None:
        context = self._context
        if context is not None:
            self._sc.SCardCancel(context)

    def connect(self, reader: str) -> AbstractContextManager[CardChannel]:
        return self._connect(reader)

    @contextmanager
    def _connect(self, reader: str) -> Iterator[CardChannel]:
        sc = self._sc
        protocols = sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1
        rv, handle, protocol = sc.SCardConnect(
            self._ctx(), reader, sc.SCARD_SHARE_SHARED, protocols
        )
        if rv != sc.SCARD_S_SUCCESS:
            raise self._error(rv, f"connect to {reader!r}")
        try:
            yield _PcscChannel(self, reader, handle, protocol)
        finally:
            # SCARD_LEAVE_CARD: pyscard's default would reset the card for every other program.
            sc.SCardDisconnect(handle, sc.SCARD_LEAVE_CARD)

    def close(self) -> None:
        self._drop_context()

    # -- used by the channel ---------------------------------------------------------
    def _card_gone_error(self, reader: str, rv: int, what: str) -> EidError:
        """Classify a failed card call: service gone, card gone (watched briefly), or unreadable."""
        fault = _fault_for(self._sc, rv)
        if fault in (CardFault.PCSC_UNAVAILABLE, CardFault.CARD_REMOVED):
            return self._error(rv, what)
        return self._removed_or(reader, what, self._error(rv, what))

    def _removed_or(self, reader: str, what: str, otherwise: EidError) -> EidError:
        """CARD_REMOVED if the card leaves ``reader`` within a presence poll, else ``otherwise``.

        A card pulled during a command can show up as a transmit error or as an empty
        answer; only the reader's state tells which it was.
        """
        deadline = time.monotonic() + REMOVAL_GRACE_S
        while time.monotonic() < deadline:
            try:
                present = {s.name: s.card_present for s in self.list_readers()}
            except EidError as exc:
                return exc
            if not present.get(reader, False):
                return EidError(CardFault.CARD_REMOVED, f"{what}: card left {reader!r}")
            time.sleep(0.05)
        return otherwise


class _PcscChannel:
    def __init__(self, owner: PcscCardReader, reader: str, handle: Any, protocol: int) -> None:
        self._owner = owner
        self._sc = owner._sc
        self._reader = reader
        self._handle = handle
        self._protocol = protocol

    @property
    def atr(self) -> bytes:
        rv, _reader, _state, _protocol, atr = self._sc.SCardStatus(self._handle)
        if rv != self._sc.SCARD_S_SUCCESS:
            raise self._owner._card_gone_error(self._reader, rv, "card status")
        return bytes(atr)

    def transmit(self, command: bytes) -> bytes:
        rv, response = self._sc.SCardTransmit(self._handle, self._protocol, list(command))
        if rv != self._sc.SCARD_S_SUCCESS:
            raise self._owner._card_gone_error(self._reader, rv, "transmit")
        if len(response) < 2:
            corrupt = EidError(CardFault.CARD_DATA_CORRUPT, f"response of {len(response)} bytes")
            raise self._owner._removed_or(self._reader, "transmit", corrupt)
        return bytes(response)

    def transaction(self) -> AbstractContextManager[None]:
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        sc = self._sc
        rv = sc.SCardBeginTransaction(self._handle)
        if rv != sc.SCARD_S_SUCCESS:
            raise self._owner._card_gone_error(self._reader, rv, "begin transaction")
        try:
            yield
        finally:
            sc.SCardEndTransaction(self._handle, sc.SCARD_LEAVE_CARD)
