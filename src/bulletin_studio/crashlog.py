"""Details of unexpected failures, kept in a log file instead of shown as a traceback.

The editor sees one line (CLI) or a dialog (app) that names the file and the item; the
traceback goes to ``bulletin-studio.log`` in the user's log folder, whose path the line
gives, so a bug report can carry it.
"""

import datetime as dt
import logging
import os
import traceback
from pathlib import Path

import platformdirs

LOG_ENV = "BULLETIN_STUDIO_LOG"
MAX_LOG_BYTES = 2 * 1024 * 1024
"""Past this the log starts afresh: it is for the last few failures, not an archive."""


def log_path() -> Path:
    override = os.environ.get(LOG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir("bulletin-studio")) / "bulletin-studio.log"


def log_warnings_to_file() -> None:
    """Library warnings (a font skipped, a file retried) go to the log, not the terminal:
    what the editor must know reaches her as a problem or a message instead."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


def details(error: BaseException) -> str:
    """The full story of an error: its chain of causes with tracebacks."""
    return "".join(traceback.format_exception(error))


def record(error: BaseException, context: str) -> Path | None:
    """Append the error's details to the log; returns the log's path (None if unwritable)."""
    path = log_path()
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    entry = f"=== {stamp} {context}\n{details(error)}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.is_file() and path.stat().st_size > MAX_LOG_BYTES else "a"
        with path.open(mode, encoding="utf-8") as stream:
            stream.write(entry)
    except OSError:
        return None
    return path
