"""The settings dialog opens at once and fills in the microphones when they are listed; saving
before that keeps the person's microphone."""

from speakcheck_desktop.config import load_settings
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
