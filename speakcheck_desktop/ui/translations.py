"""The windows' language: Qt's own translations (the standard buttons, the wizard's Back and Next,
the date pickers) and the app's (resources/translations/speakcheck_<language>.qm, built from the
.ts files by scripts/setup.sh and packaging/build.sh), for the language chosen in Settings or,
without one, the system's. A language with no .qm here falls back to English without a word:
English is what the code holds, so there is always something to show.

The translators are installed once, before the first window is made: every window sets its words
when it is built, so a language chosen later is used from the next start (Settings says so)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from speakcheck_desktop.resources import resource_path

APP_CATALOGUE = "speakcheck"
QT_CATALOGUE = "qtbase"

# What install_translations put in place, so that installing again (a test, another language)
# replaces it rather than stacking a second language under the first.
_installed: list[QTranslator] = []
_before: tuple[QLocale, Qt.LayoutDirection] | None = None


def translations_dir() -> Path:
    """Where the app's .qm files are: resources/translations/ in a source tree and in the bundle."""
    return resource_path("translations")


def install_translations(app: QCoreApplication, language: str | None,
                         directory: Path | None = None) -> list[str]:
    """Load Qt's and the app's translations for `language` ("es", "pt_BR", "zh_CN", "en"; None or
    "": the system's) from `directory` (default: `translations_dir()`), and lay the windows out
    right to left for a right-to-left language. Returns the files loaded (none: English)."""
    global _before
    remove_translations(app)
    windows = hasattr(app, "setLayoutDirection")  # a QGuiApplication: the command line's has no windows
    _before = (QLocale(), app.layoutDirection() if windows else Qt.LeftToRight)
    locale = QLocale(language) if language else QLocale.system()
    loaded: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    # The app's first: Qt's standard buttons follow only when the rest of the window speaks the same
    # language (French "Annuler" beside English text would be worse than English throughout).
    for catalogue, folder in ((APP_CATALOGUE, str(directory or translations_dir())), (QT_CATALOGUE, qt_dir)):
        translator = QTranslator(app)
        # Tries each of the locale's UI languages ("pt-BR", then "pt"), as Qt names its own files.
        if not translator.load(locale, catalogue, "_", folder):
            translator.deleteLater()
            break
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(translator.filePath())
    translated = bool(loaded)
    # Numbers and dates (the month in the history's dates) follow the language the windows speak:
    # English ones, in the same country, when the app has no translation for the language.
    QLocale.setDefault(locale if translated or locale.language() == QLocale.English
                       else QLocale(QLocale.English, locale.territory()))
    if windows:
        # Mirrored for Arabic, Hebrew, Persian... even while their text is still English: the layout
        # is checked that way before there is a translation (tests/test_translations.py).
        app.setLayoutDirection(locale.textDirection())
    return loaded


def remove_translations(app: QCoreApplication) -> None:
    """Back to the English the code holds, laid out as before the first install."""
    global _before
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if _before is not None:
        locale, direction = _before
        QLocale.setDefault(locale)
        if hasattr(app, "setLayoutDirection"):
            app.setLayoutDirection(direction)
        _before = None
