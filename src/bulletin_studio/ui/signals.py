"""Emitting Qt signals from Python without losing a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without a new reference. Before
Python 3.12 (where ``True`` is immortal) every emit takes one reference away; after a few
thousand (an editing session, or the progress steps of a few preview renders) the count
reaches zero and the interpreter aborts: "Fatal Python error: bool_dealloc" (measured with
bench/gui.py). ``emit`` gives the reference back on builds that take it, found by a probe.

The same build takes a reference to ``None`` on every call of a method that returns nothing
(``setText``, ``setData``, ``setFont`` …). None holds about 33,000 references in the running
app; a keystroke costs about four and a row of the review panel ten, so a long session or a
large review ended in "Fatal Python error: none_dealloc". Where a probe finds the loss, None
is made immortal as Python 3.12 makes it (PEP 683): its count is raised out of reach.
"""

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

PROBES = 8


class _Probe(QObject):
    ping = Signal()


def emit_steals_true() -> bool:
    """Whether this PySide6 build loses a reference to True on each emit."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBES):
        probe.ping.emit()
    return sys.getrefcount(True) == before - PROBES


_GIVE_BACK = emit_steals_true()
if _GIVE_BACK:  # the probe's own emits are owed too
    for _ in range(PROBES):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


IMMORTAL = 1 << 40
"""What PEP 683 does for None on Python 3.12: a count no session can wear down."""


def void_call_steals_none() -> bool:
    """Whether this PySide6 build loses a reference to None on each call returning nothing."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(PROBES):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - PROBES


if void_call_steals_none():
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL  # ob_refcnt, CPython's first field


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, keeping True's reference count right."""
    signal.emit(*args)
    if _GIVE_BACK:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
