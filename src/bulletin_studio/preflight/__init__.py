"""Checks a printer would ask for before an issue goes to press (see ``checks``)."""

from bulletin_studio.preflight.checks import MIN_PPI, preflight

__all__ = ["MIN_PPI", "preflight"]
