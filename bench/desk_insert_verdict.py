# SPDX-License-Identifier: EUPL-1.2
"""Card insert to verdict on screen, over the real PC/SC stack, at the desk window.

Starts its own ``pcscd --foreground`` and a DeskApp + DeskWindow (Qt offscreen) outside
training mode, with a verifier that also trusts the sample root; then, for each backend
(embedded in-process; ``baliecheck serve`` on loopback as the remote backend, no auth),
puts sample citizens' cards into ``Virtual PCD 00 00`` one after another (default 60, after
3 warm-up inserts), and takes each out again once its verdict is shown.

Per insert: (a) vpcd insert → pcscd reports the card (its presence poll; a bare pyscard
client of our own waits for it), (b) card reported → the window has put the verdict in the
verdict view, (c) the total; (b) split into our card loop noticing, the card read with its
authenticity check, the advice, and the queued signal to the window. Needs root (pcscd), no
other pcscd. From the repository root: ``.venv/bin/python -m bench.desk_insert_verdict``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring  # noqa: E402
from smartcard import scard  # noqa: E402

from app.desk.sample_cards import card_for  # noqa: E402
from app.desk.state import Phase, ReaderState  # noqa: E402
from app.eligibility.embedded.lists.store import SourceStore  # noqa: E402
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store  # noqa: E402
from app.services import store_path  # noqa: E402
from app.settings.config import BackendKind, Config, RemoteSettings  # noqa: E402
from app.settings.credentials import KeyringCredentials, pseudonym_key  # noqa: E402
from bench.bare_pcsc import establish_context, release_context  # noqa: E402
from bench.desk_harness import WindowedDesk, figures_head, figures_row, percentile  # noqa: E402
from bench.eligibility_served import start_server  # noqa: E402
from bench.timing import machine_text, positive_int, run_script, stop_on_sigterm  # noqa: E402
from eid.authenticity import CardVerifier  # noqa: E402
from eid.sample_pki import sample_root_certificate  # noqa: E402
from eid.trust import TrustAnchors  # noqa: E402
from eid.vpcd import VpcdSlot  # noqa: E402
from tests.keyring_memory import InMemoryKeyring  # noqa: E402
from tests.pcsc_stack import (  # noqa: E402
    PORTS,
    READER_0,
    REINSERT_PAUSE_S,
    own_pcscd,
)
from tests.served import free_port  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.desk.state import DeskState
    from app.eligibility.embedded.sample_data import SampleCitizen

TARGET_MS = 150.0
POLL_JITTER_S = 0.4  # pcscd's presence poll: a random pause so inserts fall at any phase of it
WAIT_MS = 15_000


class CardReportedWaiter:
    """A bare pyscard client of pcscd (its own context) that notes when pcscd reports a card
    in the reader: the moment every client, our desk's card loop too, can learn of it."""

    def __init__(self, reader: str) -> None:
        self._reader = reader
        self._context: Any = establish_context()
        self._thread: threading.Thread | None = None
        self.reported_ns = 0

    def arm(self) -> None:
        """Take the reader's present state (empty) and start waiting for a change."""
        rv, states = scard.SCardGetStatusChange(
            self._context, 0, [(self._reader, scard.SCARD_STATE_UNAWARE)]
        )
        state = states[0][1] & ~scard.SCARD_STATE_CHANGED if rv == scard.SCARD_S_SUCCESS else 0
        if rv != scard.SCARD_S_SUCCESS or state & scard.SCARD_STATE_PRESENT:
            raise RuntimeError(f"{self._reader} is not empty before an insert")
        self.reported_ns = 0
        self._thread = threading.Thread(target=self._wait, args=(state,), name="bench-waiter")
        self._thread.start()

    def _wait(self, state: int) -> None:
        while True:
            rv, states = scard.SCardGetStatusChange(self._context, WAIT_MS, [(self._reader, state)])
            now = time.perf_counter_ns()
            if rv != scard.SCARD_S_SUCCESS:
                return
            state = states[0][1] & ~scard.SCARD_STATE_CHANGED
            if state & scard.SCARD_STATE_PRESENT:
                self.reported_ns = now
                return

    def reported(self) -> int:
        """When pcscd reported the card (perf_counter_ns)."""
        if self._thread is not None:
            self._thread.join(WAIT_MS / 1000)
        if not self.reported_ns:
            raise RuntimeError(f"pcscd did not report the card in {self._reader}")
        return self.reported_ns

    def close(self) -> None:
        release_context(self._context)


@dataclass(slots=True)
class Figures:
    """Milliseconds per insert, by row label."""

    rows: dict[str, list[float]] = field(default_factory=dict)

    def add(self, label: str, start_ns: int, end_ns: int) -> None:
        self.rows.setdefault(label, []).append((end_ns - start_ns) / 1e6)


POLL = "(a) insert → pcscd reports the card"
SHOWN = "(b) card reported → verdict shown"
TOTAL = "(c) insert → verdict shown"
LOOP = "    reported → our card loop has it"
READ = "    card read + authenticity check"
ADVICE = "    advice from the backend"
WINDOW = "    advice → in the verdict view"


class InsertBench:
    """One desk over pcscd: inserts sample cards and takes the times of each."""

    def __init__(self, config: Config, data_dir: Path, jitter: random.Random) -> None:
        self.published: dict[tuple[int, Phase], int] = {}  # when the workflow published
        self.desk = WindowedDesk(config, data_dir, verifier=_verifier(), watch=self._published)
        self.slot = VpcdSlot(port=PORTS[READER_0])
        self.jitter = jitter
        self.waiter = CardReportedWaiter(READER_0)
        self.outcomes: dict[str, str] = {}  # citizen label → outcome text, the same each time

    def _published(self, state: DeskState) -> None:
        self.published.setdefault((state.transaction, state.phase), time.perf_counter_ns())

    def insert_once(self, citizen: SampleCitizen, figures: Figures | None) -> None:
        card = card_for(citizen)
        before = self.desk.bridge.state.transaction
        self.waiter.arm()
        inserted = time.perf_counter_ns()
        self.slot.insert(card)
        state = self.desk.wait_settled(before)
        shown = self.desk.presented_ns
        reported = self.waiter.reported()
        self._check(citizen, state)
        if figures is not None:
            at = self.published
            number = state.transaction
            figures.add(POLL, inserted, reported)
            figures.add(SHOWN, reported, shown)
            figures.add(TOTAL, inserted, shown)
            figures.add(LOOP, reported, at[number, Phase.READING])
            figures.add(READ, at[number, Phase.READING], at[number, Phase.ASKING])
            figures.add(ADVICE, at[number, Phase.ASKING], at[number, Phase.VERDICT])
            figures.add(WINDOW, at[number, Phase.VERDICT], shown)
        self.published.clear()
        self.slot.remove()
        self.desk.wait_waiting(state.transaction)
        self.desk.idle(REINSERT_PAUSE_S + self.jitter.uniform(0, POLL_JITTER_S))

    def _check(self, citizen: SampleCitizen, state: DeskState) -> None:
        text = self.desk.shown_outcome(state)
        if self.outcomes.setdefault(citizen.label, text) != text:
            raise RuntimeError(f"{citizen.label}: {text!r}, before {self.outcomes[citizen.label]}")

    def run(self, warmup: int, inserts: int) -> Figures:
        citizens = sample_citizens()
        for index in range(warmup):
            self.insert_once(citizens[index % len(citizens)], None)
        figures = Figures()
        for index in range(inserts):
            self.insert_once(citizens[index % len(citizens)], figures)
        if len(set(self.outcomes.values())) < 2:
            raise RuntimeError("every citizen got the same outcome")
        return figures

    def close(self) -> None:
        self.slot.remove()
        self.waiter.close()
        self.desk.stop()


def _verifier() -> CardVerifier:
    """The Belgian roots and the sample root: a virtual card over PC/SC is then genuine."""
    return CardVerifier(TrustAnchors.belgian().with_test_certificates([sample_root_certificate()]))


def _embedded_config(data_dir: Path) -> Config:
    """Not training: the real store, seeded with the sample lists under the keyring's key."""
    config = Config(training=False)
    store = SourceStore(store_path(config, data_dir), key=pseudonym_key(KeyringCredentials()))
    seed_training_store(store, dt.date.today())
    store.close()
    return config


def _served_config(port: int) -> Config:
    remote = RemoteSettings.model_validate({"base_url": f"http://127.0.0.1:{port}", "auth": "none"})
    return Config(training=False, backend=BackendKind.REMOTE, remote=remote)


def measure(
    config: Config, data_dir: Path, args: argparse.Namespace, jitter: random.Random
) -> Figures:
    bench = InsertBench(config, data_dir, jitter)
    try:
        bench.desk.wait_for(lambda s: s.reader_state is ReaderState.READY, "the reader", 10)
        return bench.run(args.warmup, args.inserts)
    finally:
        bench.close()


def run_backends(args: argparse.Namespace, tmp: Path) -> dict[str, Figures]:
    jitter = random.Random(args.seed)
    results: dict[str, Figures] = {}
    if args.backend in ("embedded", "both"):
        data = tmp / "embedded"
        results["embedded (in-process engine)"] = measure(
            _embedded_config(data), data, args, jitter
        )
    if args.backend in ("served", "both"):
        port = free_port()
        (tmp / "serve").mkdir()
        server = start_server(tmp / "serve", port)
        try:
            results["served (baliecheck serve on loopback, remote client)"] = measure(
                _served_config(port), tmp / "remote", args, jitter
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    return results


def report(results: dict[str, Figures], args: argparse.Namespace) -> None:
    print(f"machine   {machine_text()}")
    print("stack     pcscd + vpcd, the card in this process; DeskApp + DeskWindow, Qt offscreen")
    print(
        f"inserts   {args.inserts} per backend after {args.warmup} warm-up, sample citizens in "
        f"turn; after each removal the waiting screen, then {REINSERT_PAUSE_S} s + "
        f"0..{POLL_JITTER_S} s random"
    )
    verdicts = []
    for backend, figures in results.items():
        print()
        print(backend)
        print(figures_head("ms"))
        for label, values in figures.rows.items():
            print(figures_row(label, values))
        verdicts.append((backend.split(" ")[0], percentile(figures.rows[SHOWN], 0.5)))
    print()
    for backend, value in verdicts:
        met = "met" if value <= TARGET_MS else "MISSED"
        print(
            f"{backend}: card reported → verdict shown, median {value:.1f} ms: "
            f"target <= {TARGET_MS:.0f} ms {met}"
        )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Card insert to verdict shown, at the desk.")
    parser.add_argument("--inserts", type=positive_int, default=60, help="timed inserts")
    parser.add_argument("--warmup", type=int, default=3, help="untimed inserts first")
    parser.add_argument("--backend", choices=["embedded", "served", "both"], default="both")
    parser.add_argument("--seed", type=int, default=6, help="for the random pauses")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    stop_on_sigterm()
    keyring.set_keyring(InMemoryKeyring())  # the pseudonym key: never the user's keyring
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as tmp, own_pcscd():
        results = run_backends(args, Path(tmp))
    report(results, args)
    return 0


if __name__ == "__main__":
    run_script("desk_insert_verdict", main)
