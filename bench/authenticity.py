# SPDX-License-Identifier: EUPL-1.2
"""What the authenticity check adds to a card read over the real PC/SC stack: cold and warm.

Starts its own ``pcscd --foreground``, puts one virtual eID into ``Virtual PCD 00 00`` and
times, each with connect and disconnect per read (one card insert at the desk):

* plain: ``read_card`` without a verifier (identity file + GET CARD DATA);
* warm: ``read_card`` with a verifier that has seen this card's generation: it reads the
  identity signature file (4032) and confirms the card by one signature check;
* cold: ``read_card`` with a fresh verifier every read: 4032, the RRN and root certificates
  (503C, 503B), then root pin, chain, usage, validity and signature.

``--breakdown`` adds the verification alone (no card I/O), warm and cold. Extra time is the
difference of medians against plain. Target: warm <= 10 ms extra. Needs root (for pcscd),
no other pcscd. From the repository root: ``.venv/bin/python -m bench.authenticity``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a file: the repository root holds eid/ and tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
from eid.authenticity import Authenticity, CardFiles, CardVerifier  # noqa: E402
from eid.belpic import (  # noqa: E402
    IDENTITY_FILE,
    IDENTITY_SIGNATURE_FILE,
    ROOT_CERTIFICATE_FILE,
    RRN_CERTIFICATE_FILE,
    CardReading,
    read_card,
)
from eid.card_profiles import ISSUED, PROFILES  # noqa: E402
from eid.pcsc import PcscCardReader  # noqa: E402
from eid.sample_pki import sample_trust  # noqa: E402
from tests.pcsc_stack import READER_0, own_pcscd  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from eid.card_profiles import CardProfile
    from eid.virtual_card import VirtualBelpicCard

    Run = Callable[[], object]

PLAIN = "plain: read_card, no check"
WARM = "warm: read_card + check, cache hit"
COLD = "cold: read_card + check, new verifier"
VERIFY_WARM = "check alone, warm (recall)"
VERIFY_COLD = "check alone, cold (verify)"


class Bench:
    def __init__(self, card: VirtualBelpicCard) -> None:
        self.reader = PcscCardReader()
        self.trust = sample_trust()
        self.warm_verifier = CardVerifier(self.trust)
        files = card.files
        self.files = CardFiles(
            files[IDENTITY_FILE],
            files[IDENTITY_SIGNATURE_FILE],
            files[RRN_CERTIFICATE_FILE],
            files[ROOT_CERTIFICATE_FILE],
        )

    def read(self, verifier: CardVerifier | None) -> CardReading:
        with self.reader.connect(READER_0) as channel:
            return read_card(channel, READER_0, verifier)

    @contextmanager
    def plain(self) -> Iterator[Run]:
        yield lambda: self.read(None)

    @contextmanager
    def warm(self) -> Iterator[Run]:
        yield lambda: self.read(self.warm_verifier)

    @contextmanager
    def cold(self) -> Iterator[Run]:
        yield lambda: self.read(CardVerifier(self.trust))

    @contextmanager
    def verify_warm(self) -> Iterator[Run]:
        files = self.files
        yield lambda: self.warm_verifier.recall(files.identity, files.signature, ISSUED)

    @contextmanager
    def verify_cold(self) -> Iterator[Run]:
        yield lambda: CardVerifier(self.trust).verify(self.files, ISSUED)

    def loops(self, breakdown: bool) -> list[Loop]:
        main = [
            Loop(PLAIN, self.plain, lambda r: r.authenticity is None),
            Loop(WARM, self.warm, _confirmed(certificates_read=False)),
            Loop(COLD, self.cold, _confirmed(certificates_read=True)),
        ]
        if not breakdown:
            return main
        return [
            *main,
            Loop(VERIFY_WARM, self.verify_warm, lambda r: isinstance(r, Authenticity)),
            Loop(VERIFY_COLD, self.verify_cold, lambda r: isinstance(r, Authenticity)),
        ]

    def close(self) -> None:
        self.reader.close()


def _confirmed(*, certificates_read: bool) -> Callable[[object], bool]:
    def check(result: object) -> bool:
        found = result.authenticity if isinstance(result, CardReading) else None
        return isinstance(found, Authenticity) and found.certificates_read is certificates_read

    return check


def report(profile: CardProfile, series: list[Series], args: argparse.Namespace) -> None:
    median = statistics.median
    print(f"machine   {machine_text()}")
    pinned = f"pinned to CPU {args.cpu}" if args.cpu is not None else "not pinned (see --cpu)"
    print(f"stack     pcscd + vpcd, the card in this process; {pinned}")
    print(f"profile   {profile.name}: {profile.description}")
    print(f"reads     {args.reads} timed per loop, after {WARMUP} warm-up; loops interleaved")
    print()
    print(f"{'loop':<40} {'APDUs':>6} {'median ms':>10} {'p99 ms':>9} {'extra ms':>9}")
    plain = median(next(s for s in series if s.label == PLAIN).read_ms)
    for s in series:
        extra = f"{median(s.read_ms) - plain:+9.3f}" if s.label in (WARM, COLD) else f"{'':>9}"
        apdus = s.apdu_text if s.label not in (VERIFY_WARM, VERIFY_COLD) else "-"
        print(f"{s.label:<40} {apdus:>6} {median(s.read_ms):10.3f} {p99(s.read_ms):9.3f} {extra}")
    warm = median(next(s for s in series if s.label == WARM).read_ms) - plain
    verdict = "met" if warm <= 10 else "MISSED"
    print()
    print(f"warm extra {warm:.3f} ms per read: target <= 10 ms {verdict}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Authenticity check cost over pcscd + vpcd.")
    parser.add_argument("--profile", default="v18", choices=["v17", "v18", "unknown-birth-date"])
    parser.add_argument("--reads", type=positive_int, default=200, help="timed reads per loop")
    parser.add_argument("--breakdown", action="store_true", help="add the check without card I/O")
    parser.add_argument(
        "--cpu", type=int, metavar="N", help="pin to CPU N (Linux), as identity_read"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    profile = PROFILES[args.profile]
    card = profile.make_card()
    counter = ApduCounter()
    card.on_command = counter
    stop_on_sigterm()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    with own_pcscd() as cards:
        cards.insert(card, READER_0)
        bench = Bench(card)
        try:
            series = run_interleaved(bench.loops(args.breakdown), counter, args.reads)
        finally:
            bench.close()
    report(profile, series, args)
    return 0


if __name__ == "__main__":
    run_script("authenticity", main)
