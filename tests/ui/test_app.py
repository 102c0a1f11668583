"""The app's own set-up (``ui.app.make_app``), as ``bulletin-studio`` runs it."""

import sys

import pytest

from bulletin_studio.ui import app


def test_the_app_keeps_the_window_responsive_beside_a_rendering_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    """``make_app`` (the app's own set-up) shortens the interpreter's switch interval, which
    took keystroke to page from 336 ms to 145 ms (bench/gui.py)."""
    before = sys.getswitchinterval()
    try:
        assert app.make_app([]) is qapp
        assert sys.getswitchinterval() == pytest.approx(app.GIL_SWITCH_SECONDS)
    finally:
        sys.setswitchinterval(before)
