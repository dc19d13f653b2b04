# SPDX-License-Identifier: EUPL-1.2
"""The real PC/SC stack for tests: our own ``pcscd --foreground`` and vpcd card slots."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from eid.errors import EidError
from eid.pcsc import PcscCardReader
from eid.vpcd import VpcdSlot

if TYPE_CHECKING:
    from collections.abc import Iterator

    from eid.virtual_card import VirtualBelpicCard

READER_0 = "Virtual PCD 00 00"
READER_1 = "Virtual PCD 00 01"
PORTS = {READER_0: 35963, READER_1: 35964}
# pcscd polls card presence every 0.4 s: a card put back within one poll of its removal
# can go unseen, so after "empty" wait this long before the next insert.
REINSERT_PAUSE_S = 0.5


def _readers_now() -> dict[str, bool] | None:
    reader = PcscCardReader()
    try:
        return {s.name: s.card_present for s in reader.list_readers()}
    except EidError:
        return None
    finally:
        reader.close()


def wait_for(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class PcscDaemon:
    """One pcscd started by the tests; only the PID started here is ever stopped."""

    def __init__(self, log_path: Path, config_dir: Path | None = None) -> None:
        self.log_path = log_path
        self.config_dir = config_dir
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if _readers_now() is not None:
            raise RuntimeError(
                "A PC/SC service is already running (probably the system's pcscd). The tests "
                "start their own: stop it first (systemctl stop pcscd.socket pcscd.service)."
            )
        binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
        command = [binary, "--foreground"]
        if self.config_dir is not None:
            command += ["--config", str(self.config_dir)]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        expected = {READER_0, READER_1} if self.config_dir is None else set()
        wait_for(
            lambda: (now := _readers_now()) is not None and expected <= now.keys(),
            10,
            "pcscd to list the vpcd readers",
        )

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        wait_for(lambda: _readers_now() is None, 5, "pcscd to stop answering")

    def restart(self) -> None:
        self.stop()
        self.start()


class VpcdCards:
    """Insert and remove virtual cards in the vpcd readers, waiting until pcscd has seen it."""

    def __init__(self) -> None:
        self.slots = {name: VpcdSlot(port=port) for name, port in PORTS.items()}

    def insert(self, card: VirtualBelpicCard, reader: str = READER_0) -> None:
        self.slots[reader].insert(card)
        wait_for(lambda: (_readers_now() or {}).get(reader, False), 5, f"a card in {reader}")

    def remove(self, reader: str = READER_0) -> None:
        self.slots[reader].remove()
        self.wait_gone(reader)

    def wait_gone(self, reader: str = READER_0) -> None:
        """Wait until pcscd shows the reader empty, then one more presence poll."""
        wait_for(lambda: (_readers_now() or {}).get(reader) is False, 5, f"{reader} to be empty")
        time.sleep(REINSERT_PAUSE_S)

    def remove_all(self) -> None:
        for name, slot in self.slots.items():
            if slot.inserted:
                self.remove(name)


@contextmanager
def own_pcscd() -> Iterator[VpcdCards]:
    """For scripts (benchmarks): a pcscd of our own with the vpcd readers, its log in a temp
    dir; afterwards every card is taken out (without waiting for pcscd to see it: it stops
    next) and the daemon stopped."""
    with tempfile.TemporaryDirectory(prefix="bench-pcscd-") as tmp:
        daemon = PcscDaemon(Path(tmp) / "pcscd.log")
        cards = VpcdCards()
        try:
            daemon.start()
            yield cards
        finally:
            for slot in cards.slots.values():
                slot.remove()
            daemon.stop()
