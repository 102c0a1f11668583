"""Translations: English source strings, Chinese from the committed .qm (see tests/ui/test_i18n).

Qt's own catalogue (qtbase) is loaded too, so standard buttons (Save, Discard, Cancel) and
dialogs speak the same language as the rest of the window; and the core's messages (problems,
errors, preflight findings) go through the same translator, so they do too.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from bulletin_studio import messages

I18N_DIR = messages.TRANSLATIONS_DIR
CATALOGUE = messages.CATALOGUE


def ui_locale(preference: str) -> QLocale:
    """The saved preference (``zh_CN``, ``en``) or, when empty, the system locale."""
    return QLocale(preference) if preference else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Install the app's and Qt's translators (parented to the app, so they live as long)."""
    installed = []
    for name, folder in (
        (CATALOGUE, I18N_DIR),
        ("qtbase", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(locale)
    speak_the_ui_language()
    return installed


def speak_the_ui_language() -> None:
    """Translate the core's messages with Qt's translators: the UI's language."""
    messages.use_translator(QCoreApplication.translate)
