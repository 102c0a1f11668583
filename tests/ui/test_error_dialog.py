"""Errors in the app: a reason is shown as it is worded; a bug keeps its details to copy."""

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from bulletin_studio.errors import BulletinError
from bulletin_studio.ui.error_dialog import error_box


def test_a_reason_is_shown_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = error_box(None, "无法保存", BulletinError("磁盘已满，请腾出空间后重试"))
    qtbot.addWidget(box)
    assert box.text() == "磁盘已满，请腾出空间后重试"
    assert box.detailedText() == ""
    assert len(box.buttons()) == 1


def test_a_bug_offers_its_details_to_copy_and_keeps_them_in_the_log(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "bulletin-studio.log"
    monkeypatch.setenv("BULLETIN_STUDIO_LOG", str(log))
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        bug = error
    box = error_box(None, "Export failed", bug)
    qtbot.addWidget(box)
    assert "ZeroDivisionError" in box.detailedText() and str(log) in box.detailedText()
    assert "Traceback" in log.read_text(encoding="utf-8")
    copy = next(button for button in box.buttons() if button.text() == "Copy details")
    copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Export failed\ndivision by zero") and "Traceback" in copied
