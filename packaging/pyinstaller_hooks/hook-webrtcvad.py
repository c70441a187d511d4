# The contributed hook copies the metadata of a distribution named "webrtcvad"; this project
# installs the same module from "webrtcvad-wheels" (prebuilt wheels), so point it there.
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("webrtcvad-wheels")
