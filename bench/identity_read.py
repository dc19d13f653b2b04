# SPDX-License-Identifier: EUPL-1.2
"""Identity-file read times over the real PC/SC stack, against a bare pyscard floor.

Starts its own ``pcscd --foreground``, puts one virtual eID into ``Virtual PCD 00 00`` and
times on it:

* ours, held: ``read_file(channel, IDENTITY_FILE)`` on an open ``PcscCardReader`` connection;
* ours, desk: ``read_card`` with connect and disconnect per read (what each card insert costs);
* floor: ``smartcard.scard`` alone on an open connection: a transaction with SELECT and READ
  BINARY of the exact file length (known in advance, chunks of at most 0xFC), nothing else.

``--breakdown`` adds loops that split the difference up (see bench/README.md). The loops take
turns in blocks of 20 reads, so drift of the machine hits all of them alike; a held loop
connects at the start of its block (not timed), so each block has the card to itself. APDUs
are counted by the card (its ``on_command`` hook). Needs root (for pcscd), no other pcscd.
From the repository root: ``.venv/bin/python -m bench.identity_read`` (or the file path).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):  # run as a file: the repository root holds eid/ and tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bare_pcsc import (  # noqa: E402
    BareCard,
    ReplayChannel,
    establish_context,
    exact_read_commands,
    release_context,
)
from bench.timing import (  # noqa: E402
    WARMUP,
    ApduCounter,
    Loop,
    Series,
    machine_text,
    p99,
    positive_int,
    run_interleaved,
    run_script,
    stop_on_sigterm,
)
from eid.belpic import IDENTITY_FILE, CardReading, read_card, read_file  # noqa: E402
from eid.card_profiles import PROFILES  # noqa: E402
from eid.pcsc import PcscCardReader  # noqa: E402
from tests.pcsc_stack import READER_0, own_pcscd  # noqa: E402
from tests.recording_channel import RecordingChannel  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from contextlib import AbstractContextManager

    from eid.card_profiles import CardProfile

    Run = Callable[[], object]

OURS_FILE = "ours: read_file, held connection"
OURS_DESK = "ours: read_card, connect per read"
FLOOR = "floor: bare pyscard, exact APDUs"
FLOOR_OURS = "floor: bare pyscard, our APDUs"
FLOOR_OWN = "  the same, own PC/SC context"
REPLAY_FILE = "ours: read_file, no PC/SC (replay)"
OURS_CARD = "ours: read_card, held connection"
REPLAY_CARD = "ours: read_card, no PC/SC (replay)"


class Bench:
    """The loops, all on the card in READER_0; each session has the card to itself."""

    def __init__(self, profile: CardProfile, expected: bytes, counter: ApduCounter) -> None:
        self.profile = profile
        self.expected = expected
        self.counter = counter
        self.reader = PcscCardReader()
        # The bare loops use our reader's PC/SC context (the private _ctx), so both go
        # through the same pcscd client thread: unpinned, one context can cost several
        # times another per call (thread placement; bench/README.md, FLOOR_OWN shows it).
        self.context = self.reader._ctx()
        self.own_context = establish_context()
        self.recorded: list[tuple[bytes, bytes]] = []  # one read_file
        self.recorded_card: list[tuple[bytes, bytes]] = []  # one read_card
        self.atr = b""

    def record(self) -> None:
        """What read_file and read_card send and get once the card is in its steady state."""
        with self.reader.connect(READER_0) as channel:
            read_file(channel, IDENTITY_FILE)  # a v18 card selects its applet on the first
            recording = RecordingChannel(channel)
            read_file(recording, IDENTITY_FILE)
            self.recorded, self.atr = recording.exchanges, channel.atr
            recording = RecordingChannel(channel)
            read_card(recording, READER_0)
            self.recorded_card = recording.exchanges

    def is_identity(self, result: object) -> bool:
        return result == self.expected

    def is_person(self, result: object) -> bool:
        number = result.identity.national_number if isinstance(result, CardReading) else None
        return number is not None and number.digits == self.profile.national_number

    @contextmanager
    def ours_file_held(self) -> Iterator[Run]:
        with self.reader.connect(READER_0) as channel:
            yield lambda: read_file(channel, IDENTITY_FILE)

    @contextmanager
    def ours_card_held(self) -> Iterator[Run]:
        with self.reader.connect(READER_0) as channel:
            yield lambda: read_card(channel, READER_0)

    @contextmanager
    def ours_card_per_connect(self) -> Iterator[Run]:
        yield self._desk_read

    def _desk_read(self) -> CardReading:
        with self.reader.connect(READER_0) as channel:
            return read_card(channel, READER_0)

    @contextmanager
    def ours_file_no_pcsc(self) -> Iterator[Run]:
        channel = ReplayChannel(self.recorded, self.atr, self.counter)
        yield lambda: read_file(channel, IDENTITY_FILE)

    @contextmanager
    def ours_card_no_pcsc(self) -> Iterator[Run]:
        channel = ReplayChannel(self.recorded_card, self.atr, self.counter)
        yield lambda: read_card(channel, READER_0)

    @contextmanager
    def bare(self, make: Callable[[BareCard], Run], context: Any = None) -> Iterator[Run]:
        card = BareCard(self.context if context is None else context, READER_0)
        try:
            yield make(card)
        finally:
            card.disconnect()

    def floor_exact(self) -> AbstractContextManager[Run]:
        commands = exact_read_commands(IDENTITY_FILE, len(self.expected))
        return self.bare(lambda card: card.script([(c, b"\x90\x00") for c in commands]))

    def floor_our_sequence(self) -> AbstractContextManager[Run]:
        return self.bare(lambda card: card.script(self.recorded))

    def floor_own_context(self) -> AbstractContextManager[Run]:
        return self.bare(lambda card: card.script(self.recorded), self.own_context)

    def close(self) -> None:
        self.reader.close()
        release_context(self.own_context)

    def loops(self, breakdown: bool) -> list[Loop]:
        yes: Callable[[Any], bool] = lambda _result: True  # noqa: E731
        main = [
            Loop(OURS_FILE, self.ours_file_held, self.is_identity),
            Loop(OURS_DESK, self.ours_card_per_connect, self.is_person),
            Loop(FLOOR, self.floor_exact, self.is_identity),
        ]
        if not breakdown:
            return main
        return [
            *main,
            Loop(FLOOR_OURS, self.floor_our_sequence, self.is_identity),
            Loop(FLOOR_OWN, self.floor_own_context, self.is_identity),
            Loop(REPLAY_FILE, self.ours_file_no_pcsc, self.is_identity),
            Loop(OURS_CARD, self.ours_card_held, self.is_person),
            Loop(REPLAY_CARD, self.ours_card_no_pcsc, self.is_person),
            Loop("bare: connect + disconnect", lambda: self.bare(lambda c: c.reconnect), yes),
            Loop("bare: empty transaction", lambda: self.bare(lambda c: c.empty_transaction), yes),
            Loop("bare: SCardStatus (the ATR)", lambda: self.bare(lambda c: c.status), yes),
        ]


def _ms(values: list[float], pick: Callable[[list[float]], float]) -> str:
    return f"{pick(values):9.3f}" if values else f"{'-':>9}"


def report(profile: CardProfile, size: int, series: list[Series], args: argparse.Namespace) -> None:
    reads = args.reads
    print(f"machine   {machine_text()}")
    pinned = f"pinned to CPU {args.cpu}" if args.cpu is not None else "not pinned (see --cpu)"
    print(f"stack     pcscd + vpcd, the card in this process; {pinned}")
    print(f"profile   {profile.name}: {profile.description}")
    print(f"file      identity 3F00 DF01 4031, {size} bytes")
    print(f"reads     {reads} timed per loop, after {WARMUP} warm-up; loops interleaved")
    print()
    print(f"{'':<36} {'APDUs':>6} {'per read, ms':^19} {'per APDU, ms':^19}")
    print(f"{'loop':<36} {'/read':>6} {'median':>9} {'p99':>9} {'median':>9} {'p99':>9}")
    median = statistics.median
    for s in series:
        read, apdu = s.read_ms, s.apdu_ms
        print(
            f"{s.label:<36} {s.apdu_text:>6} {_ms(read, median)} {_ms(read, p99)} "
            f"{_ms(apdu, median)} {_ms(apdu, p99)}"
        )
    by_label = {s.label: s for s in series}
    floor = by_label[FLOOR]
    print()
    for s in (by_label[OURS_FILE], by_label[OURS_DESK]):
        print(
            f"{s.label}: {median(s.read_ms) / median(floor.read_ms):.2f}x the floor's median "
            f"per read, {median(s.apdu_ms) / median(floor.apdu_ms):.2f}x per APDU"
        )
    if FLOOR_OURS in by_label:
        explain({label: median(s.read_ms) for label, s in by_label.items()})


def explain(ms: dict[str, float]) -> None:
    """Where the time goes, from differences of the medians (so roughly)."""
    parts = [
        ("APDUs beyond the floor's (6Cxx resend, 6B00 end probe)", ms[FLOOR_OURS] - ms[FLOOR]),
        ("our layers over bare pyscard, same APDUs", ms[OURS_FILE] - ms[FLOOR_OURS]),
        ("  our Python alone (replay)", ms[REPLAY_FILE]),
        ("read_card over read_file, both held", ms[OURS_CARD] - ms[OURS_FILE]),
        ("  of which Python (replays)", ms[REPLAY_CARD] - ms[REPLAY_FILE]),
        ("connect + disconnect per read", ms[OURS_DESK] - ms[OURS_CARD]),
    ]
    print()
    print("where the time goes (differences of medians, ms per read):")
    for text, value in parts:
        print(f"  {text:<58} {value:+8.3f}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Identity-file read times over pcscd + vpcd.")
    parser.add_argument("--profile", default="v17", choices=sorted(PROFILES))
    parser.add_argument("--reads", type=positive_int, default=300, help="timed reads per loop")
    parser.add_argument(
        "--breakdown", action="store_true", help="add the loops that show where the time goes"
    )
    parser.add_argument(
        "--cpu",
        type=int,
        metavar="N",
        help="pin this process, its card thread and its pcscd to CPU N (Linux)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    profile = PROFILES[args.profile]
    card = profile.make_card()
    expected = card.files[IDENTITY_FILE]
    counter = ApduCounter()
    card.on_command = counter
    stop_on_sigterm()
    if args.cpu is not None:  # before pcscd and the card thread start: both inherit it
        os.sched_setaffinity(0, {args.cpu})
    with own_pcscd() as cards:
        cards.insert(card, READER_0)
        bench = Bench(profile, expected, counter)
        try:
            bench.record()
            series = run_interleaved(bench.loops(args.breakdown), counter, args.reads)
        finally:
            bench.close()
    report(profile, len(expected), series, args)
    return 0


if __name__ == "__main__":
    # Another pcscd running, a wrong read: a RuntimeError, said without a traceback.
    run_script("identity_read", main)
