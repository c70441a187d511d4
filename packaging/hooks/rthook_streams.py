# Windowed builds start with sys.stdout / sys.stderr set to None; anything that prints (argparse,
# a library's warning) would then raise. Point them at the null device instead.
import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w")
