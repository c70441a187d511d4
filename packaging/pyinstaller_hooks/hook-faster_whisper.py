# Offline variant only (the core bundle excludes faster_whisper). The app passes numpy arrays with
# vad_filter=False, so the Silero VAD is never run: its model (faster_whisper/assets/*.onnx) is not
# collected (no data files without this hook asking for them) and onnxruntime, which only
# vad.SileroVADModel imports, inside the function, is left out. Should VAD ever be turned on, it
# fails with faster-whisper's own "Applying the VAD filter requires the onnxruntime package".
# PyAV (av) stays: faster_whisper/audio.py imports it when faster_whisper is imported.
excludedimports = ["onnxruntime"]
