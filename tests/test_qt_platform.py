"""Facts about the Qt binding the app relies on, checked so an upgrade cannot break them quietly."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    signal = Signal(int, object)


def test_emitting_signals_keeps_reference_counts(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to True on every emit; the app, which
    emits for every background task, aborted after a few thousand."""
    emitter = Emitter()
    received = []
    emitter.signal.connect(lambda i, value: received.append(i))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(5000):
        emitter.signal.emit(i, None)
    assert len(received) == 5000
    # not one reference lost (or gained) per emit; a few may come and go elsewhere meanwhile
    assert abs(sys.getrefcount(True) - before[0]) < 50
    assert abs(sys.getrefcount(None) - before[1]) < 50
