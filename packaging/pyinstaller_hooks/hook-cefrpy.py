# cefrpy reads its word list from data.bin next to its modules (os.path.dirname(__file__)) when
# it is imported; PyInstaller collects no data files unless a hook asks, so ask. Both variants.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("cefrpy")
