"""Preferences are remembered, and a damaged file never stops the app."""

from speakcheck_desktop.preferences import Preferences, load_preferences, save_preferences


def test_a_chosen_microphone_is_remembered(tmp_path):
    path = tmp_path / "cfg" / "preferences.json"
    assert load_preferences(path) == Preferences()
    save_preferences(path, Preferences(input_device="USB Headset"))
    assert load_preferences(path).input_device == "USB Headset"
    assert not list(path.parent.glob("*.tmp"))


def test_a_damaged_file_gives_defaults_and_is_kept_aside(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text('{"input_device": "USB Hea')
    assert load_preferences(path) == Preferences()
    assert (tmp_path / "preferences.damaged.json").read_text() == '{"input_device": "USB Hea'


def test_unknown_or_mistyped_values_are_ignored(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text('{"input_device": 3, "theme": "dark"}')
    assert load_preferences(path) == Preferences()
