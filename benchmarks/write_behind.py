#!/usr/bin/env python3
"""The kernel's cost of writing one large file, as admaudit writes findings.csv, two ways.

    python3 benchmarks/write_behind.py plain 7600000000
    python3 benchmarks/write_behind.py drop 7600000000

plain: 64 KiB writes, then fsync. drop: the same, each 64 MiB window handed to the disk
(sync_file_range, SYNC_FILE_RANGE_WRITE) and the window before it let go of
(POSIX_FADV_DONTNEED), as `WriteBehind` does. Prints the seconds spent writing, the system
time, and the closing fsync's wait. Writes into TMPDIR (or /tmp) and deletes the file.
"""
import ctypes
import os
import sys
import tempfile
import time

mode, size = sys.argv[1], int(sys.argv[2])
assert mode in ("plain", "drop"), "mode: plain or drop"
libc = ctypes.CDLL("libc.so.6", use_errno=True)
libc.sync_file_range.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]
SYNC_FILE_RANGE_WRITE = 2
WINDOW = 64 << 20

piece = os.urandom(1 << 16)
fd, path = tempfile.mkstemp(prefix="admaudit-write-behind-")
try:
    start, before = time.time(), os.times()
    written, sent = 0, 0
    while written < size:
        os.write(fd, piece)
        written += len(piece)
        if mode == "drop" and written - sent >= WINDOW:
            libc.sync_file_range(fd, sent, written - sent, SYNC_FILE_RANGE_WRITE)
            if sent >= WINDOW:
                os.posix_fadvise(fd, sent - WINDOW, WINDOW, os.POSIX_FADV_DONTNEED)
            sent = written
    after = os.times()
    writing = time.time() - start
    os.fsync(fd)
    waited = time.time() - start - writing
    print(f"{mode} {size} bytes: writing {writing:.2f} s, system {after.system - before.system:.2f} s, fsync {waited:.2f} s")
finally:
    os.close(fd)
    os.unlink(path)
