# On Linux the sounddevice wheel carries no PortAudio: it asks ctypes.util.find_library for the
# system's. The bundle carries a copy for machines without libportaudio2; the system's own copy
# is still preferred (it matches the system's sound setup). The copy sits in _internal/portaudio/,
# off LD_LIBRARY_PATH, so loading "libportaudio.so.2" by name reaches the system's.
import ctypes.util
import os
import sys

_bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "portaudio", "libportaudio.so.2")
if sys.platform.startswith("linux") and os.path.exists(_bundled):
    _system_find_library = ctypes.util.find_library

    def _find_library(name):
        found = _system_find_library(name)
        return found if found or name != "portaudio" else _bundled

    ctypes.util.find_library = _find_library
