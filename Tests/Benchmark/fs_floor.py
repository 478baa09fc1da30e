#!/usr/bin/env python3
"""The file-system floor under a clean build: 15,000 files of 16 KB written the way a generator
writes them (one folder per page, write then rename), into a tree wiped before each round.

    python3 Tests/Benchmark/fs_floor.py staging inplace staging inplace

`staging` writes every file in one temporary folder and renames it into place (what generate
does); `inplace` writes beside the target. Prints wall, user and sys seconds per round.
"""
import os, shutil, sys, tempfile, time

root = os.path.join(tempfile.gettempdir(), "newsroom-fs-floor")


def build(mode):
    os.makedirs(root + "/.tmp", exist_ok=True)
    start, before = time.time(), os.times()
    data = b"x" * 16000
    for i in range(15000):
        folder = f"{root}/news/{2010 + i % 15}/{i % 12:02d}/item-{i}"
        os.makedirs(folder, exist_ok=True)
        temporary = f"{root}/.tmp/{i}" if mode == "staging" else folder + "/index.html.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.rename(temporary, folder + "/index.html")
    after = os.times()
    print(f"{mode:8} wall {time.time() - start:.2f} s  user {after.user - before.user:.2f} s  sys {after.system - before.system:.2f} s")


for mode in sys.argv[1:] or ["staging", "inplace"]:
    shutil.rmtree(root, ignore_errors=True)
    build(mode)
shutil.rmtree(root, ignore_errors=True)
