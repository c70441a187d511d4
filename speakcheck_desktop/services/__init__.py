"""The Qt-aware layer: background lanes (QThreads) and services that adapt the core to signals.
The UI talks only to these; they never touch a widget."""
