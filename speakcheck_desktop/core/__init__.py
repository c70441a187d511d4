"""The Qt-free core: levels, domain records, clocks and the rules that need no I/O."""
