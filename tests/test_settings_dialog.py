"""The settings dialog opens at once and fills in the microphones when they are listed; saving
before that keeps the person's microphone. A connection string is shown in the clear but for its
password, which is kept when the rest is edited."""

from PySide6.QtWidgets import QLineEdit

from speakcheck_desktop.config import URI_MASK, load_settings
from speakcheck_desktop.ui.settings_dialog import SettingsDialog


def dialog(qtbot, tmp_path, current):
    d = SettingsDialog(load_settings(env={}, settings_file=tmp_path / "none.toml"), has_key=False, devices=[],
                       current_device=current, test_connection=lambda uri, db, done: done("not here"))
    qtbot.addWidget(d)
    return d


def test_the_microphone_is_kept_until_the_list_is_there_and_chosen_from_it_after(qtbot, tmp_path):
    d = dialog(qtbot, tmp_path, "USB headset")
    assert d.device.count() == 1  # only "System default" while the audio lane lists the devices
    assert d.changes().input_device == "USB headset"  # Save now keeps it, not the default

    d.set_devices(["Built-in microphone", "USB headset"])
    assert d.device.currentText() == "USB headset" and d.changes().input_device == "USB headset"
    d.device.setCurrentIndex(0)
    assert d.changes().input_device is None  # the person chose "System default"


def test_a_failed_listing_keeps_the_saved_microphone(qtbot, tmp_path):
    d = dialog(qtbot, tmp_path, "USB headset")
    d.set_devices([])  # the listing failed (the banner says why)
    assert d.changes().input_device == "USB headset"


def uri_dialog(qtbot, tmp_path, uri):
    settings = tmp_path / "settings.toml"
    settings.write_text(f'mongodb_uri = "{uri}"\n', encoding="utf-8")
    d = SettingsDialog(load_settings(env={}, settings_file=settings), has_key=False, devices=[], current_device=None,
                       test_connection=lambda uri, db, done: done("not here"))
    qtbot.addWidget(d)
    return d, d.fields["mongodb_uri"]


def test_a_connection_string_without_a_password_is_shown_in_the_clear(qtbot, tmp_path):
    d, field = uri_dialog(qtbot, tmp_path, "mongodb://centre-db.example.org:27017/?replicaSet=rs0")
    assert field.echoMode() == QLineEdit.Normal
    assert field.displayText() == "mongodb://centre-db.example.org:27017/?replicaSet=rs0"


def test_only_the_password_of_a_connection_string_is_hidden_and_kept_when_the_rest_is_edited(qtbot, tmp_path):
    uri = "mongodb://kiosk:s3cr%40t-pw@centre-db.example.org:27017/?authSource=admin"
    d, field = uri_dialog(qtbot, tmp_path, uri)
    shown = field.displayText()
    assert shown == f"mongodb://kiosk:{URI_MASK}@centre-db.example.org:27017/?authSource=admin"
    assert "s3cr" not in shown and field.echoMode() == QLineEdit.Normal
    assert d.values()["mongodb_uri"] == uri  # untouched: the saved password stays

    field.setText(shown.replace("centre-db.example.org", "backup-db.example.org"))
    assert d.values()["mongodb_uri"] == uri.replace("centre-db", "backup-db")
    tested = []
    d._test_connection = lambda u, db, done: tested.append(u)
    d.test_button.click()
    assert tested == [uri.replace("centre-db", "backup-db")]  # the test uses the real password too

    field.setText("mongodb://kiosk:new-password@centre-db.example.org:27017/")
    assert d.values()["mongodb_uri"] == "mongodb://kiosk:new-password@centre-db.example.org:27017/"


def test_a_connection_string_from_the_environment_is_masked_and_read_only(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MONGODB_URI", "mongodb://staff:hunter22@db.example.org/")
    d, field = uri_dialog(qtbot, tmp_path, "mongodb://localhost:27017")
    assert field.displayText() == f"mongodb://staff:{URI_MASK}@db.example.org/" and not field.isEnabled()
    assert "mongodb_uri" not in d.values()
