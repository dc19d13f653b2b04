# SPDX-License-Identifier: EUPL-1.2
"""Put a virtual card into a vsmartcard ``vpcd`` reader, so the real PC/SC stack reads it.

vpcd protocol: every message is a 2-byte big-endian length plus payload. A 1-byte payload
is a control byte (0 power off, 1 power on, 2 reset, 4 "send your ATR"); any other payload
is a command APDU, answered with a response APDU. Connecting inserts the card; closing
the socket removes it.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time

from eid.virtual_card import CardPulled, VirtualBelpicCard

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 35963  # reader "Virtual PCD 00 00"; 35964 is "Virtual PCD 00 01"

CTRL_POWER_OFF, CTRL_POWER_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4


class VpcdSlot:
    """One vpcd reader slot that a virtual card can be inserted into and removed from."""

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
        self.host = host
        self.port = port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def inserted(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def insert(self, card: VirtualBelpicCard, *, connect_timeout: float = 10.0) -> None:
        """Connect to vpcd (retrying while pcscd starts) and serve ``card`` in a thread."""
        self.remove()
        sock = _connect(self.host, self.port, connect_timeout)
        card.reset()
        with self._lock:
            self._sock = sock
            self._thread = threading.Thread(
                target=self._serve, args=(sock, card), name=f"vpcd-card-{self.port}", daemon=True
            )
            self._thread.start()

    def remove(self) -> None:
        """Take the card out: close the socket and wait for the serving thread."""
        with self._lock:
            sock, thread = self._sock, self._thread
            self._sock = self._thread = None
        if sock is not None:
            _close(sock)
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def wait_removed(self, timeout: float | None = None) -> bool:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.inserted

    def _serve(self, sock: socket.socket, card: VirtualBelpicCard) -> None:
        try:
            while True:
                payload = _receive(sock)
                if payload is None:
                    return
                reply = _answer(card, payload)
                if reply is not None:
                    sock.sendall(struct.pack(">H", len(reply)) + reply)
        except CardPulled:
            log.debug("virtual card pulled from vpcd port %d", self.port)
        except OSError as exc:
            log.debug("vpcd connection on port %d ended: %s", self.port, exc)
        finally:
            _close(sock)


def _answer(card: VirtualBelpicCard, payload: bytes) -> bytes | None:
    if len(payload) == 1:
        control = payload[0]
        if control == CTRL_ATR:
            return card.atr
        if control in (CTRL_POWER_ON, CTRL_RESET, CTRL_POWER_OFF):
            card.reset()
        return None
    return card.process(payload)


def _connect(host: str, port: int, timeout: float) -> socket.socket:
    deadline = time.monotonic() + timeout
    while True:
        try:
            sock = socket.create_connection((host, port), timeout=2)
        except OSError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)
            continue
        sock.settimeout(None)
        # Without these every APDU waits for a delayed ACK (~44 ms instead of ~0.1 ms).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        _quickack(sock)
        return sock


def _quickack(sock: socket.socket) -> None:
    quickack = getattr(socket, "TCP_QUICKACK", None)
    if quickack is not None:  # Linux only; the kernel clears it again, so set it per read
        sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)


def _receive(sock: socket.socket) -> bytes | None:
    header = _receive_exactly(sock, 2)
    if header is None:
        return None
    return _receive_exactly(sock, struct.unpack(">H", header)[0])


def _receive_exactly(sock: socket.socket, size: int) -> bytes | None:
    buffer = bytearray()
    while len(buffer) < size:
        chunk = sock.recv(size - len(buffer))
        _quickack(sock)
        if not chunk:
            return None
        buffer += chunk
    return bytes(buffer)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
