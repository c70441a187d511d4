"""The windows speak the person's language: every visible string of the main window and the kiosk
goes through Qt's translation (a pseudo-translation wraps each one in ⟦⟧, and any text left bare
is named), the Spanish translation is in use when installed, every .ts file is complete with the
same placeholders as its source, and a right-to-left language mirrors the layout. The .qm files
are built here from the sources (pyside6-lupdate, pyside6-lrelease), never taken from a setup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from speakcheck_desktop.config import LANGUAGES, ConfigError, load_settings
from speakcheck_desktop.core.mock_format import PART_ORDER
from speakcheck_desktop.core.operator_pin import hash_pin
from speakcheck_desktop.core.overall_result import PART_NAMES
from speakcheck_desktop.core.progress import GROUPINGS, METRICS
from speakcheck_desktop.core.records import Level, SessionStatus
from speakcheck_desktop.core.report import DISCLAIMER
from speakcheck_desktop.core.results import STATE_WORDS
from speakcheck_desktop.core.review import UNDER_REVIEW
from speakcheck_desktop.core.task_bank import LEVEL_SUMMARIES, Task
from speakcheck_desktop.core.test_plan import PART_TITLES, FormatKind, mock_plan, part_plan, practice_plan
from speakcheck_desktop.kiosk_config import KioskConfig, ShowResult
from speakcheck_desktop.resources import load_mock_tests, resource_path
from speakcheck_desktop.ui import texts
from speakcheck_desktop.ui.exam_phase import Phase
from speakcheck_desktop.ui.kiosk_window import KioskWindow
from speakcheck_desktop.ui.main_window import MainWindow
from speakcheck_desktop.ui.progress_view import GROUPING_LABELS, METRIC_LABELS, METRIC_UNITS
from speakcheck_desktop.ui.settings_dialog import LANGUAGE_NAMES, SettingsDialog
from speakcheck_desktop.ui.translations import install_translations, remove_translations
from tests.app_rig import TASKS

REPO = Path(__file__).resolve().parent.parent
UI_SOURCES = sorted(str(p.relative_to(REPO)) for p in (REPO / "speakcheck_desktop" / "ui").glob("*.py"))
TS_FILES = sorted((REPO / "resources" / "translations").glob("speakcheck_*.ts"))
TOOLS = REPO / ".venv" / "bin"
OPEN, CLOSE = "\u27e6", "\u27e7"
PSEUDO = "eo"  # a language the app has no translation for: the pseudo-translation stands in for it
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d+")


def tool(name: str) -> str:
    found = TOOLS / name if (TOOLS / name).exists() else shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} is missing: it comes with PySide6 (scripts/setup.sh test installs it)")
    return str(found)


def lupdate(target: Path) -> Path:
    subprocess.run([tool("pyside6-lupdate"), *UI_SOURCES, "-ts", str(target)], cwd=REPO, check=True,
                   capture_output=True, text=True)
    return target


def lrelease(ts: Path, qm: Path) -> Path:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, text=True)
    return qm


def messages(ts: Path):
    """(context, source, translation element) of every message in a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """What lupdate finds in the UI's sources now."""
    return lupdate(tmp_path_factory.mktemp("lupdate") / f"speakcheck_{PSEUDO}.ts")


@pytest.fixture(scope="module")
def pseudo_dir(tmp_path_factory, fresh_ts) -> Path:
    """speakcheck_eo.qm: every string as ⟦its English⟧."""
    folder = tmp_path_factory.mktemp("pseudo")
    tree = ET.parse(fresh_ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        translation.text = OPEN + message.findtext("source") + CLOSE
    ts = folder / f"speakcheck_{PSEUDO}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease(ts, folder / f"speakcheck_{PSEUDO}.qm")
    return folder


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory) -> Path:
    """The project's translations compiled as setup.sh compiles them, into a folder of the test's own."""
    folder = tmp_path_factory.mktemp("qm")
    for ts in TS_FILES:
        lrelease(ts, folder / ts.with_suffix(".qm").name)
    return folder


@pytest.fixture(autouse=True)
def english_again(qapp):
    """Every test ends with the English the code holds, left to right, whatever it installed."""
    yield
    remove_translations(qapp)
    qapp.setLayoutDirection(Qt.LeftToRight)


# -- what a person sees ------------------------------------------------------------------------


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def _qt_own(widget: QWidget) -> bool:
    """Qt's own parts (a dock's close button, a spin box's line edit): qtbase's .qm translates those."""
    while widget is not None:
        if widget.objectName().startswith("qt_"):
            return True
        widget = widget.parentWidget()
    return False


def _actions(actions, where: str, found: list[tuple[str, str]]) -> None:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        found += [(f"{where} action", action.text()), (f"{where} action tooltip", action.toolTip())]
        if action.menu() is not None:
            _actions(action.menu().actions(), f"{where} menu {action.text()!r}", found)


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of each text a person can read, or a screen reader says, in the window as shown."""
    found = [("window title", window.windowTitle())]
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or _qt_own(w) or isinstance(w, QMenu):
            continue
        kind = type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")
        found += [(f"{kind} tooltip", w.toolTip()), (f"{kind} accessible name", w.accessibleName()),
                  (f"{kind} accessible description", w.accessibleDescription())]
        if isinstance(w, QLabel):
            found.append((kind, _plain(w.text())))
        elif isinstance(w, QAbstractButton):
            found.append((kind, w.text()))
        if isinstance(w, QGroupBox):
            found.append((f"{kind} title", w.title()))
        if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            found.append((f"{kind} placeholder", w.placeholderText()))  # what is typed is the person's
        if isinstance(w, QComboBox):
            found += [(f"{kind} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractSpinBox):
            found += [(f"{kind} text", w.text()), (f"{kind} special value", w.specialValueText())]
        if isinstance(w, QTabWidget):
            found += [(f"{kind} tab", w.tabText(i)) for i in range(w.count())]
        header = w.header() if isinstance(w, QTreeView) else w.horizontalHeader() if isinstance(w, QTableView) \
            else None
        if header is not None and header.isVisible() and w.model() is not None:
            found += [(f"{kind} header", str(w.model().headerData(c, Qt.Horizontal) or ""))
                      for c in range(w.model().columnCount(QModelIndex()))]
        if w.windowTitle() and (w.isWindow() or w.inherits("QDockWidget") or isinstance(w, QToolBar)):
            found.append((f"{kind} title", w.windowTitle()))
        if isinstance(w, QToolBar):
            _actions(w.actions(), kind, found)
    if hasattr(window, "menuBar"):
        _actions(window.menuBar().actions(), "menu bar", found)
        found.append(("status bar message", window.statusBar().currentMessage()))
    for action in window.findChildren(QAction):
        if action.isVisible() and action.associatedObjects():
            found.append(("action", action.text()))
    return [(where, text) for where, text in found if text and text.strip()]


def bank_data() -> set[str]:
    """The tasks and mock tests as their banks hold them: an English test's content stays English."""
    data = {t.prompt for t in TASKS.tasks}
    data |= {t["prompt"] for t in json.loads(resource_path("tasks.json").read_text(encoding="utf-8"))["tasks"]}
    for test in load_mock_tests():
        data.add(test.title)
        for part in test.parts:
            data.add(part.intro)
            for question in part.questions:
                data.add(question.prompt)
                data.update(question.points)
    return {text for text in data if text}


def untranslated(found: list[tuple[str, str]], allowed: set[str]) -> list[str]:
    """Each text with something left once every ⟦translated⟧ part, every allowed piece of data,
    level codes, numbers and punctuation are taken out."""
    bare = []
    for where, text in found:
        rest = text
        while True:  # innermost first: "⟦Microphone: ⟦none found⟧⟧"
            shorter = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", "", rest)
            if shorter == rest:
                break
            rest = shorter
        for data in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(data, "")
        rest = re.sub(r"\b(A2|B1|B2|C1)\b", "", rest)
        if any(ch.isalpha() for ch in rest):
            bare.append(f"{where}: {text!r}")
    return sorted(set(bare))


def engine_sentences(app) -> set[str]:
    """Sentences the engine words and the windows show as they come (stay English for now): the AI
    services' status, and why no microphone was found (the audio layer's reason)."""
    window = app.window
    said = {app.services.ai.status()}
    if isinstance(window, MainWindow):
        said |= {window.mic_label.toolTip(), window.sync_label.toolTip()}
    return {s for s in said if s}


def test_every_visible_string_of_the_main_window_is_translatable(qtbot, qapp, app_env, running, pseudo_dir):
    assert install_translations(qapp, PSEUDO, pseudo_dir)
    app = running(fmt=None)  # the window opens on a mock test
    window = app.window
    qtbot.waitUntil(lambda: window.task_card.plan is not None, timeout=10000)
    # The microphone was looked for, so its label says what came of it.
    qtbot.waitUntil(lambda: "not checked" not in window.mic_label.text(), timeout=10000)
    allowed = bank_data() | engine_sentences(app)
    bare = untranslated(visible_texts(window), allowed)

    window.formats.set_format(FormatKind.PRACTICE)
    qtbot.waitUntil(lambda: window.task_card.task is not None and window.task_card.plan is None, timeout=10000)
    bare += untranslated(visible_texts(window), allowed)
    assert window.levels.title() == f"{OPEN}1. Choose your level{CLOSE}"
    assert not bare, "Not translatable (wrap them in self.tr or QCoreApplication.translate):\n" + "\n".join(bare)


def test_every_visible_string_of_the_kiosk_is_translatable(qtbot, qapp, app_env, running, pseudo_dir):
    assert install_translations(qapp, PSEUDO, pseudo_dir)
    config = KioskConfig(operator_pin=hash_pin("4827"), format="practice", level=Level.B1, ask_name=True)
    app = running(api_key="sk-kiosk", kiosk=config, window=lambda services: KioskWindow(services, config))
    window = app.window
    allowed = bank_data() | engine_sentences(app)
    bare = untranslated(visible_texts(window), allowed)  # check-in
    assert window.check_in_page.begin.text() == f"{OPEN}Begin the speaking test{CLOSE}"

    # The exam page and the last page, as a candidate meets them (without taking a test).
    window.task_card.show_task(TASKS.tasks[0])
    window.panel.set_mode(Phase.PREPARING)
    window.pages.setCurrentWidget(window.exam_page)
    bare += untranslated(visible_texts(window), allowed)
    window.done_page.show_submitted(ShowResult.SUBMITTED, recorded=True, result=None)
    window.pages.setCurrentWidget(window.done_page)
    bare += untranslated(visible_texts(window), allowed)
    assert not bare, "Not translatable (wrap them in self.tr or QCoreApplication.translate):\n" + "\n".join(bare)


def test_a_bare_string_is_caught():
    """The check itself: an English label with no ⟦⟧ is named; data, levels and numbers are not."""
    found = [("QLabel", "Start speaking test"), ("QLabel", "B1 \u00b7 \u27e6Describe\u27e7"), ("QLabel", "1:30"),
             ("QLabel", "\u27e6Microphone: \u27e6none found\u27e7\u27e7"), ("QLabel", "Describe your home town.")]
    assert untranslated(found, {"Describe your home town."}) == ["QLabel: 'Start speaking test'"]


# -- Spanish, and every translation complete ---------------------------------------------------


def test_the_spanish_translation_is_used_when_installed(qtbot, qapp, app_env, running, built_dir):
    loaded = install_translations(qapp, "es", built_dir)
    assert [Path(p).name for p in loaded] == ["speakcheck_es.qm", "qtbase_es.qm"]
    window = running(fmt=None).window
    assert window.panel.start.text() == "Empezar la prueba oral"
    assert [window.levels.title(), window.formats.title(), window.task_card.title(), window.panel.title(),
            window.transcript.title(), window.scores.title()] == [
        "1. Elige tu nivel", "2. Elige qué hacer", "3. Tu tarea", "4. Habla", "Transcripción", "Evaluación"]
    assert window.history.windowTitle() == "Historial"
    assert window.levels.findChildren(QAbstractButton)[0].text().startswith("A2 \u2013 Elemental")
    # Qt's own words come with it: a dialog's standard buttons.
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"Guardar", "Cancelar"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_translation_is_finished_with_the_same_placeholders(ts):
    problems = []
    for context, source, translation in messages(ts):
        where = f"{context}: {source!r}"
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            problems.append(f"{where} is not translated")
            continue
        if translation.get("type") in ("vanished", "obsolete"):
            continue  # no longer in the sources: lupdate -no-obsolete drops it
        text = translation.text
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: the placeholders of {text!r} differ")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            problems.append(f"{where}: {text!r} has another number of keyboard accelerators (&)")
    assert not problems, f"{ts.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_translation_has_every_string_of_the_sources(ts, fresh_ts):
    have = {(context, source) for context, source, _t in messages(ts)}
    missing = sorted({(c, s) for c, s, _t in messages(fresh_ts)} - have)
    assert not missing, (f"{ts.name} lacks {len(missing)} string(s); run pyside6-lupdate speakcheck_desktop/ui/*.py "
                         f"-ts {ts.relative_to(REPO)} and translate them:\n"
                         + "\n".join(f"{c}: {s!r}" for c, s in missing))


def test_each_language_of_the_settings_has_a_translation_and_a_name():
    codes = {ts.stem.removeprefix("speakcheck_") for ts in TS_FILES}
    assert set(LANGUAGES) - {"", "en"} == codes
    assert set(LANGUAGE_NAMES) == set(LANGUAGES) - {""}


# -- right to left ---------------------------------------------------------------------------


def test_a_right_to_left_language_mirrors_the_window(qtbot, qapp, app_env, running):
    install_translations(qapp, "ar")
    assert qapp.layoutDirection() == Qt.RightToLeft
    window = running(fmt=None).window
    assert window.isVisible() and window.layoutDirection() == Qt.RightToLeft
    # The test's column, first in the layout, is now on the right of the results.
    left_panel = window.levels.mapTo(window, window.levels.rect().center()).x()
    results = window.scores.mapTo(window, window.scores.rect().center()).x()
    assert left_panel > results
    assert window.dockWidgetArea(window.history) == Qt.RightDockWidgetArea  # the history, where lines start
    assert window.panel.start.text() == "Start speaking test"  # no Arabic translation yet: English

    install_translations(qapp, "en")
    assert qapp.layoutDirection() == Qt.LeftToRight


def test_a_language_without_a_translation_is_english_throughout(qapp, built_dir):
    assert install_translations(qapp, "fr", built_dir) == []  # not even Qt's French buttons
    buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
    assert buttons.buttons()[0].text().replace("&", "") == "Cancel"
    assert qapp.layoutDirection() == Qt.LeftToRight


# -- the language setting, and the windows' words for the engine's ----------------------------


def test_the_language_setting_is_checked_and_offered(qtbot, tmp_path):
    none = tmp_path / "none.toml"
    assert load_settings(env={"SPEAKCHECK_LANGUAGE": "pt_BR"}, settings_file=none).language == "pt_BR"
    assert load_settings(env={}, settings_file=none).language == ""
    with pytest.raises(ConfigError) as refused:
        load_settings(env={"SPEAKCHECK_LANGUAGE": "fr"}, settings_file=none)
    assert '"es" (Spanish)' in str(refused.value) and '"zh_CN" (Simplified Chinese)' in str(refused.value)
    assert "not 'fr'" in str(refused.value)
    written = tmp_path / "settings.toml"
    written.write_text('language = ""\n', encoding="utf-8")
    assert load_settings(env={}, settings_file=written).language == ""

    written.write_text('language = "es"\n', encoding="utf-8")
    dialog = SettingsDialog(load_settings(env={}, settings_file=written), has_key=False, devices=[],
                            current_device=None, test_connection=lambda uri, db, done: done(""))
    qtbot.addWidget(dialog)
    box = dialog.choices["language"]
    assert [box.itemText(i) for i in range(box.count())] == [
        "System", "English", "Espa\u00f1ol", "Portugu\u00eas (Brasil)", "\u4e2d\u6587\uff08\u7b80\u4f53\uff09"]
    assert box.currentText() == "Espa\u00f1ol" and dialog.values()["language"] == "es"
    box.setCurrentIndex(0)
    assert dialog.values()["language"] == ""  # the system's: the key is removed from settings.toml


def test_the_windows_words_for_the_engine_are_the_engines_in_english(qapp):
    """Untranslated, ui/texts.py says exactly what the engine says (tests compare the windows' text)."""
    assert {level: texts.level_summary(level) for level in Level} == LEVEL_SUMMARIES
    assert {part: texts.part_title(part) for part in PART_ORDER} == PART_TITLES
    assert {part: texts.part_name(part) for part in PART_ORDER} == PART_NAMES
    assert [texts.status_word(s) for s in SessionStatus] == [s.value for s in SessionStatus]
    assert [texts.status_title(s) for s in SessionStatus] == [s.value.capitalize() for s in SessionStatus]
    assert {state: texts.translate(words) for state, words in texts.STATE_WORDS.items()} == STATE_WORDS
    assert texts.translate(texts.DISCLAIMER) == DISCLAIMER and texts.translate(texts.UNDER_REVIEW) == UNDER_REVIEW
    task = Task("t", Level.B1, "describe", "Describe a place.", 30, 60)
    test = load_mock_tests()[0]
    plans = [practice_plan(task), mock_plan(test)] + [part_plan(test, p) for p in PART_ORDER] + \
        [part_plan(test, p, retake_of="s1") for p in PART_ORDER]
    for plan in plans:
        assert texts.describe(plan) == plan.describe()
        for step in plan.steps:
            assert texts.progress(step) == step.progress()
    assert METRIC_LABELS == {m: info.label for m, info in METRICS.items()}
    assert {m: METRIC_UNITS[m] for m in METRIC_UNITS} == {m: METRICS[m].unit for m in METRIC_UNITS}
    assert GROUPING_LABELS == GROUPINGS
