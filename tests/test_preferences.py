"""Preferences are remembered, and a damaged file never stops the app."""

from speakcheck_desktop.preferences import Preferences, load_preferences, save_preferences, should_offer_setup


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


def test_setup_done_is_a_flag_that_is_remembered_and_ends_the_first_run_offer(tmp_path):
    path = tmp_path / "preferences.json"
    assert load_preferences(path).setup_done is False and should_offer_setup(load_preferences(path))
    save_preferences(path, Preferences(input_device="USB Headset", setup_done=True))
    loaded = load_preferences(path)
    assert loaded == Preferences(input_device="USB Headset", setup_done=True)
    assert not should_offer_setup(loaded)


def test_a_file_from_before_the_setup_flag_still_loads_and_offers_the_setup(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text('{"input_device": "USB Headset", "user_id": "6650c0ffee0000000000beef"}')
    loaded = load_preferences(path)
    assert loaded.input_device == "USB Headset" and loaded.setup_done is False and should_offer_setup(loaded)


def test_a_flag_takes_only_true_or_false_and_text_fields_take_no_flag(tmp_path):
    path = tmp_path / "preferences.json"
    for written in ('"yes"', "1", "null", '"true"'):
        path.write_text(f'{{"setup_done": {written}}}')
        assert load_preferences(path).setup_done is False, written
    path.write_text('{"setup_done": true, "input_device": true, "user_id": false}')
    assert load_preferences(path) == Preferences(setup_done=True)
