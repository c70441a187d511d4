"""`speakcheck formats` and `speakcheck validate-bank`, run as a person runs them: no data folder,
no MongoDB; one line per problem and the exit code a script can test."""

import json
import os
import subprocess
import sys

from tests.cli_rig import REPO, speakcheck


def plain_env(tmp_path):
    # A data folder that must stay untouched: these commands are about the bundled content.
    return {**os.environ, "SPEAKCHECK_DATA_DIR": str(tmp_path / "data"), "SPEAKCHECK_CONFIG_DIR": str(tmp_path / "c")}


def test_formats_lists_every_mock_test_and_quick_practice_per_level(tmp_path):
    done = speakcheck(plain_env(tmp_path), "formats", "--json")
    assert done.returncode == 0, done.stderr
    formats = json.loads(done.stdout)
    mocks = [f for f in formats if f["kind"] == "mock"]
    practice = [f for f in formats if f["kind"] == "practice"]
    assert {f["level"] for f in practice} == {"A2", "B1", "B2", "C1"} and len(practice) == 4
    assert len(mocks) >= 16 and all(sum(f["level"] == lv for f in mocks) >= 4 for lv in ("A2", "B1", "B2", "C1"))
    for f in mocks:
        assert [p["kind"] for p in f["parts"]] == ["interview", "long_turn", "discussion"], f["id"]
        for part in f["parts"]:
            assert all(q["kind"] == part["kind"] and q["speak_s"] >= 10 and 0 <= q["prep_s"] <= 60
                       for q in part["questions"]), f["id"]
    b1 = next(f for f in practice if f["level"] == "B1")
    assert b1["parts"][0]["choose"] == 1 and {q["kind"] for q in b1["parts"][0]["questions"]} >= {"describe"}
    assert not (tmp_path / "data").exists()


def test_validate_bank_names_each_problem_and_exits_by_verdict(tmp_path):
    env = plain_env(tmp_path)
    good = speakcheck(env, "validate-bank", "resources/mock_tests.json")
    assert good.returncode == 0 and good.stdout.startswith("resources/mock_tests.json: valid, ")

    bad = tmp_path / "centre.json"
    bad.write_text(json.dumps({"version": 1, "mock_tests": [{"id": "x-1", "level": "C2", "title": "T",
                                                              "parts": []}]}))
    done = speakcheck(env, "validate-bank", str(bad))
    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout.splitlines() == [
        f"{bad}: mock test x-1: level must be A2, B1, B2 or C1, not 'C2'.",
        f"{bad}: mock test x-1: parts must be, in this order: interview, long_turn, discussion."]

    missing = speakcheck(env, "validate-bank", str(tmp_path / "nowhere.json"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert missing.stderr == f"speakcheck: {tmp_path / 'nowhere.json'} cannot be read (No such file or directory).\n"


def test_a_damaged_installation_says_so_in_a_sentence(tmp_path):
    # As in a bundle whose resources/ was damaged: the bundle's folder is sys._MEIPASS.
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "mock_tests.json").write_text('{"version": 1, "mock_tests": [')
    done = subprocess.run([sys.executable, "-c", f"import sys; sys._MEIPASS = {str(tmp_path)!r}; "
                           "from speakcheck_desktop.cli import main; sys.exit(main(['formats']))"],
                          cwd=REPO, env=plain_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("speakcheck: The installed task banks cannot be read (BankError): reinstall "
                           "SpeakCheck.\n")
