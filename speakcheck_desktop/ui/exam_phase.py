"""Where one speaking test on screen is: the states of `ExamFlow`, shared by the widgets that
change with them."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    IDLE = "idle"  # no test: choose a level and start
    PREPARING = "preparing"  # the preparation countdown (or a resumed test, before recording)
    RECORDING = "recording"
    SAVED = "saved"  # an answer is saved: record again (while attempts are left) or finish

    @property
    def in_test(self) -> bool:
        """A test is under way that leaving would interrupt."""
        return self in (Phase.PREPARING, Phase.RECORDING)
