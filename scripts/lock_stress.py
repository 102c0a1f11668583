"""Stress the document lock with real processes racing for a dead holder's lock.

Each trial saves a fresh document; a holder process takes its lock and is killed with
SIGKILL, so the lock it leaves is stale. Then ``--workers`` processes start together and
each one takes the lock (retrying while it is refused), loads the document, adds a note of
its own, saves and releases. A trial fails when two workers held the lock at the same time
(a double take-over) or when a worker's note is missing at the end (a lost update).

    python scripts/lock_stress.py                       # 200 trials, 4 workers
    python scripts/lock_stress.py --trials 100 --no-os-locks

``--no-os-locks`` makes the lock behave as on a network drive without OS locks (its
fallback). Prints the figures; exits with status 1 if any trial failed. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.synchronize
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from bulletin_studio.model import Issue, Numbering
from bulletin_studio.model.issue import ReviewNote
from bulletin_studio.storage import (
    Document,
    FileLockedError,
    acquire_lock,
    load_document,
    save_document,
)

TRIAL_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Outcome:
    trials: int
    double_takeovers: int
    lost_updates: int
    timeouts: int
    failed_trials: int


def _disable_os_locks() -> None:
    """Make every OS lock attempt report "not supported", as some network shares do."""
    from bulletin_studio.storage import oslock

    oslock.try_lock = lambda fd: None


def _die_holding(path: Path) -> None:
    """The stale holder: takes the lock, then is killed before it can release it."""
    acquire_lock(path)
    os.kill(os.getpid(), signal.SIGKILL)


def _worker(
    index: int,
    folder: Path,
    trials: int,
    barrier: multiprocessing.synchronize.Barrier,
    results: Connection,
    no_os_locks: bool,
) -> None:
    if no_os_locks:
        _disable_os_locks()
    rng = random.Random(index)
    for trial in range(trials):
        barrier.wait()
        path = folder / f"t{trial}.bulletin"
        deadline = time.monotonic() + TRIAL_TIMEOUT_SECONDS
        while True:
            try:
                lock = acquire_lock(path)
                break
            except FileLockedError:
                if time.monotonic() > deadline:
                    results.send((trial, "timeout"))
                    lock = None
                    break
                time.sleep(rng.uniform(0.001, 0.01))
        if lock is None:
            continue
        with lock:
            sentinel = path.with_name(path.name + ".holding")
            try:
                fd = os.open(sentinel, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                overlap = True
            else:
                os.close(fd)
                overlap = False
            doc = load_document(path)
            note = ReviewNote(id=f"note_w{index}", text=f"worker {index}")
            doc.issue = doc.issue.model_copy(update={"notes": [*doc.issue.notes, note]})
            time.sleep(rng.uniform(0, 0.003))
            save_document(doc, path)
            if not overlap:
                sentinel.unlink()
        results.send((trial, "overlap" if overlap else "ok"))
    results.close()


def run(trials: int, workers: int, no_os_locks: bool, folder: Path) -> Outcome:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(workers + 1)
    pipes = [context.Pipe(duplex=False) for _ in range(workers)]
    processes = [
        context.Process(
            target=_worker, args=(index, folder, trials, barrier, send, no_os_locks), daemon=True
        )
        for index, (_receive, send) in enumerate(pipes)
    ]
    for process in processes:
        process.start()
    if no_os_locks:
        _disable_os_locks()
    empty = Document(Issue(numbering=Numbering(year=2025, number=1, cumulative=1)))
    overlaps = lost = timeouts = failed = 0
    for trial in range(trials):
        path = folder / f"t{trial}.bulletin"
        save_document(empty, path)
        holder = context.Process(target=_die_holding, args=(path,))
        holder.start()
        holder.join()
        if holder.exitcode != -signal.SIGKILL:
            raise SystemExit(f"the stale holder of trial {trial} ended with {holder.exitcode}")
        barrier.wait()
        statuses = [receive.recv()[1] for receive, _send in pipes]
        notes = {note.id for note in load_document(path).issue.notes}
        expected = {
            f"note_w{index}" for index, status in enumerate(statuses) if status != "timeout"
        }
        overlap, lost_update, timeout = (
            "overlap" in statuses,
            not expected <= notes,
            "timeout" in statuses,
        )
        overlaps += overlap
        lost += lost_update
        timeouts += timeout
        failed += overlap or lost_update or timeout
    for process in processes:
        process.join()
    return Outcome(trials, overlaps, lost, timeouts, failed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-os-locks", action="store_true", help="use the lock's fallback")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lock-stress-") as folder:
        outcome = run(args.trials, args.workers, args.no_os_locks, Path(folder))
    mode = "fallback without OS locks" if args.no_os_locks else "OS locks"
    print(
        f"{outcome.trials} trials, {args.workers} workers ({mode}), "
        f"{time.monotonic() - started:.1f} s: "
        f"{outcome.double_takeovers} double take-overs, {outcome.lost_updates} lost updates, "
        f"{outcome.timeouts} timeouts; {outcome.failed_trials} failed trials"
    )
    return 1 if outcome.failed_trials else 0


if __name__ == "__main__":
    sys.exit(main())
