# SPDX-License-Identifier: EUPL-1.2
"""Start-up of the command line, whole process, side by side with a peer and the floors.

Starts its own ``pcscd --foreground`` with the vpcd readers (``tests.pcsc_stack.own_pcscd``:
as root, no other pcscd; wrap it in ``flock /tmp/pcsc.lock``), puts a sample eID (``--profile``,
default v18) into ``Virtual PCD 00 00`` and times, every kind once untimed and then ``--runs``
times with the kinds taking turns:

* ``baliecheck card`` on that card, its authenticity confirmed (a configuration in training
  mode names this process's sample root as ``[card] test_roots``);
* OpenSC's ``opensc-explorer`` (the peer) reading the identity file on the same card
  (``apdu`` commands: select the applet and the file, READ BINARY), and sending the very
  APDUs that ``baliecheck card`` sent in its untimed run (recorded on the card);
* ``baliecheck check --service uitpas-kansentarief --insz -`` in training mode (a sample
  citizen on stdin; the embedded engine, its store seeded by the untimed run);
* ``baliecheck --version``;
* the floors: ``python -c pass`` and ``python -c "import smartcard.scard"`` (this venv's
  Python, with its site-packages and the editable install's finder).

``--before TREE`` adds ``card``, ``check`` and ``--version`` run from another source tree
(``PYTHONPATH=TREE``, e.g. ``git archive <commit> | tar -x -C TREE``): before and after in one
run. Wall time is spawn to exit; CPU is the child's user + system time (``wait4``), which a
busy machine inflates less. From the repository root, as root:
``flock /tmp/pcsc.lock .venv/bin/python -m bench.cli_start``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a file: the repository root holds eid/ and tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import (  # noqa: E402
    bytecode_env,
    bytecode_text,
    machine_text,
    positive_int,
    run_script,
    stop_on_sigterm,
)
from eid.apdu import BELPIC_AID  # noqa: E402
from eid.belpic import IDENTITY_FILE  # noqa: E402
from eid.card_profiles import PROFILES  # noqa: E402
from eid.sample_pki import sample_root_certificate  # noqa: E402
from tests.pcsc_stack import READER_0, own_pcscd  # noqa: E402
from tests.test_check_cli import KANSEN  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from eid.virtual_card import VirtualBelpicCard

BALIECHECK = str(Path(sys.executable).parent / "baliecheck")
SERVICE = "uitpas-kansentarief"
CHECK_TARGET_S = 0.25
CARD_TARGET_RATIO = 2.0  # baliecheck card <= 2x opensc-explorer on the same card
CHUNK = 0xFC


@dataclass(slots=True)
class Kind:
    """One command to start: its words, argv, stdin and environment, and what each run took."""

    label: str
    argv: list[str]
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    ok: Callable[[int, bytes], bool] = lambda code, _out: code == 0
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def start_once(kind: Kind, base_env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to exit, and the child's CPU seconds; RuntimeError when it failed."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        kind.argv,
        input=kind.stdin,
        env={**base_env, **kind.env},
        capture_output=True,
        timeout=60,
        check=False,
    )
    wall = time.perf_counter() - started
    if not kind.ok(result.returncode, result.stdout):
        out, err = result.stdout.decode(), result.stderr.decode()
        raise RuntimeError(f"{kind.label}: exit {result.returncode}\n{out}\n{err}")
    return wall, _children_cpu() - cpu_before


def _children_cpu() -> float:
    """User + system seconds of every child reaped so far (one runs at a time here)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def record_commands(card: VirtualBelpicCard) -> list[bytes]:
    """Every command APDU the card answers from now on, in order (the list grows)."""
    commands: list[bytes] = []
    answer = card.process

    def process(command: bytes) -> bytes:
        commands.append(bytes(command))
        return answer(command)

    card.process = process  # type: ignore[method-assign]
    return commands


def apdu_script(path: Path, commands: Sequence[bytes]) -> Path:
    """An ``opensc-explorer`` script sending ``commands`` as they are."""
    path.write_text("".join(f"apdu {command.hex(' ').upper()}\n" for command in commands))
    return path


def identity_commands(length: int) -> list[bytes]:
    """Select the applet and the identity file, then READ BINARY in chunks of 0xFC."""
    commands = [bytes([0x00, 0xA4, 0x04, 0x0C, len(BELPIC_AID)]) + BELPIC_AID]
    commands.append(bytes([0x00, 0xA4, 0x08, 0x0C, len(IDENTITY_FILE)]) + IDENTITY_FILE)
    for offset in range(0, length, CHUNK):
        size = min(CHUNK, length - offset)
        commands.append(bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, size]))
    return commands


def opensc(script: Path) -> list[str]:
    binary = shutil.which("opensc-explorer")
    if binary is None:
        raise RuntimeError("opensc-explorer not found: apt install opensc")
    # -c default: no driver probing; -m "": no SELECT of 3F00 first (the eID wants a path).
    return [binary, "-r", READER_0, "-c", "default", "-m", "", str(script)]


def opensc_ok(code: int, out: bytes) -> bool:
    return code == 0 and b"Failure" not in out and b"Success" in out


def make_kinds(
    work: Path, card: VirtualBelpicCard, card_commands: list[bytes], before: Path | None
) -> list[Kind]:
    identity_len = len(card.files[IDENTITY_FILE])
    number = (KANSEN.national_number.digits + "\n").encode()

    def verdict(code: int, out: bytes) -> bool:
        return code == 0 and b"KANSENTARIEF" in out

    def genuine(code: int, out: bytes) -> bool:
        return code == 0 and b"bevestigd (" in out and b"NIET" not in out

    check = [BALIECHECK, "check", "--service", SERVICE, "--insz", "-"]
    kinds = [
        Kind("baliecheck card", [BALIECHECK, "card"], ok=genuine),
        Kind(
            "opensc-explorer: identity file",
            opensc(apdu_script(work / "identity.txt", identity_commands(identity_len))),
            ok=opensc_ok,
        ),
        Kind(
            f"opensc-explorer: card's {len(card_commands)} APDUs",
            opensc(apdu_script(work / "same.txt", card_commands)),
            ok=opensc_ok,
        ),
        Kind("baliecheck check --insz - (training)", check, stdin=number, ok=verdict),
        Kind("baliecheck --version", [BALIECHECK, "--version"]),
        Kind("floor: python -c pass", [sys.executable, "-c", "pass"]),
        Kind("floor: python + pyscard", [sys.executable, "-c", "import smartcard.scard"]),
    ]
    if before is not None:
        # Its own data folder: an older tree's training store may not read a newer one's.
        old = {"PYTHONPATH": str(before), "BALIECHECK_DATA_DIR": str(work / "data-before")}
        kinds += [
            Kind("before: baliecheck card", [BALIECHECK, "card"], env=old, ok=genuine),
            Kind("before: check --insz -", check, stdin=number, env=old, ok=verdict),
            Kind("before: baliecheck --version", [BALIECHECK, "--version"], env=old),
        ]
    return kinds


def environment(work: Path, *, bytecode: bool = True) -> dict[str, str]:
    """Training mode that trusts this process's sample root; data and config in ``work``;
    bytecode as ``bench.timing.bytecode_env`` says."""
    root = work / "sample-root.der"
    root.write_bytes(sample_root_certificate())
    config = work / "config.toml"
    config.write_text(f'training = true\n[card]\ntest_roots = ["{root}"]\n', "utf-8")
    env = {
        k: v
        for k, v in bytecode_env(work, cached=bytecode).items()
        if not k.startswith("BALIECHECK_")
    }
    env.update(
        BALIECHECK_CONFIG=str(config),
        BALIECHECK_MACHINE_CONFIG=str(work / "absent-machine-config.toml"),
        BALIECHECK_DATA_DIR=str(work / "data"),
        BALIECHECK_LOG_DIR=str(work / "log"),
    )
    return env


def run_kinds(kinds: list[Kind], runs: int, env: dict[str, str]) -> None:
    """One untimed run of each kind, then ``runs`` timed ones, the kinds taking turns."""
    for kind in kinds:
        start_once(kind, env)
    order = list(kinds)
    for _ in range(runs):
        for kind in order:
            wall, cpu = start_once(kind, env)
            kind.wall.append(wall)
            kind.cpu.append(cpu)
        order.append(order.pop(0))  # no kind always goes first


def report(kinds: list[Kind], runs: int, profile: str, *, bytecode: bool) -> None:
    print(f"machine   {machine_text()}")
    print(f"bytecode  {bytecode_text(cached=bytecode)}")
    print(f"card      profile {profile} in {READER_0} (vpcd), authenticity confirmed")
    print(f"runs      {runs} timed per kind after 1 untimed, kinds in turn; whole process")
    print()
    print(f"{'kind':<40}{'min s':>8}{'median s':>10}{'max s':>8}{'CPU med s':>11}")
    for kind in kinds:
        print(
            f"{kind.label:<40}{min(kind.wall):8.3f}{statistics.median(kind.wall):10.3f}"
            f"{max(kind.wall):8.3f}{statistics.median(kind.cpu):11.3f}"
        )
    print()
    by_label = {kind.label: kind for kind in kinds}
    card = statistics.median(by_label["baliecheck card"].wall)
    peer = statistics.median(by_label["opensc-explorer: identity file"].wall)
    ratio = card / peer
    met = "met" if ratio <= CARD_TARGET_RATIO else "MISSED"
    print(f"card: {card:.3f} s = {ratio:.1f}x opensc-explorer ({peer:.3f} s); target <= 2x {met}")
    check = statistics.median(by_label["baliecheck check --insz - (training)"].wall)
    met = "met" if check <= CHECK_TARGET_S else "MISSED"
    print(f"check --insz -: median {check:.3f} s; target <= {CHECK_TARGET_S} s {met}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Command-line start-up, side by side.")
    parser.add_argument("--runs", type=positive_int, default=10, help="timed runs per kind")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="v18")
    parser.add_argument(
        "--before", type=Path, metavar="TREE", help="also run card, check, --version from TREE"
    )
    parser.add_argument(
        "--inherit-bytecode",
        action="store_true",
        help="bytecode as this shell has it, not the bench's own cache",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    stop_on_sigterm()
    with tempfile.TemporaryDirectory(prefix="bench-cli-start-") as tmp, own_pcscd() as cards:
        work = Path(tmp)
        env = environment(work, bytecode=not args.inherit_bytecode)
        card = PROFILES[args.profile].make_card()
        sent = record_commands(card)
        cards.insert(card)
        probe = Kind("baliecheck card (recording its APDUs)", [BALIECHECK, "card"])
        start_once(probe, env)
        kinds = make_kinds(work, card, list(sent), args.before)
        run_kinds(kinds, args.runs, env)
    report(kinds, args.runs, args.profile, bytecode=not args.inherit_bytecode)
    return 0


if __name__ == "__main__":
    run_script("cli_start", main)
