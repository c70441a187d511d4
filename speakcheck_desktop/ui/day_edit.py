"""A date box that can also say "any day": the history's and the progress view's date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit

ANY_DAY = QDate(2000, 1, 1)  # a date edit at its lowest value sets no limit ("any day")


def day_edit(name: str, description: str) -> QDateEdit:
    """A day, or "any" (its lowest value): no bound on that side. `name` and `description` come
    translated."""
    translate = QCoreApplication.translate
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(ANY_DAY)
    edit.setSpecialValueText(translate("DayEdit", "any day"))
    edit.setDate(ANY_DAY)
    edit.setAccessibleName(translate("DayEdit", "{name} date").format(name=name))
    edit.setAccessibleDescription(translate("DayEdit", "{description}; the lowest value, shown as \u201cany day\u201d, "
                                            "sets no limit").format(description=description))
    return edit


def day_of(edit: QDateEdit) -> date | None:
    """The day set, or None for "any day"."""
    day = edit.date()
    return None if day == ANY_DAY else date(day.year(), day.month(), day.day())


def set_day(edit: QDateEdit, day: date | None) -> None:
    edit.setDate(QDate(day) if day else ANY_DAY)
