#!/usr/bin/env python3
"""The file-system floor under a clean build: 15,000 files of 16 KB written the way a generator
writes them (one folder per page, write then rename), into a tree wiped before each round.

    python3 Tests/Benchmark/fs_floor.py staging inplace spread staging inplace spread

`staging` writes every file in one temporary folder and renames it into place; `inplace` writes
beside the target; `spread` writes beside the target and marks every folder it makes with
ext4's top-of-subtree flag (`chattr +T`), which is what generate does.
Prints wall, user and sys seconds per round.

On ext4 without a journal, inodes freed in the last minutes are skipped one by one on every
allocation in their block group, so right after `rm -rf` each round can be slower than the
last; `staging` suffers most, as all new inodes land in the staging folder's group.
"""
import array, fcntl, os, shutil, sys, tempfile, time

root = os.path.join(tempfile.gettempdir(), "newsroom-fs-floor")


FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_TOPDIR_FL = 0x80086601, 0x40086602, 0x00020000  # x86-64 Linux


def mark_top(path):
    """chattr +T, as generate does it (ioctl; silently nothing where unsupported)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(descriptor, FS_IOC_GETFLAGS, flags, True)
        flags[0] |= FS_TOPDIR_FL
        fcntl.ioctl(descriptor, FS_IOC_SETFLAGS, flags, True)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def make_folder(path, spread):
    if os.path.isdir(path):
        return
    make_folder(os.path.dirname(path), spread)
    os.mkdir(path)
    if spread:
        mark_top(path)


def build(mode):
    os.makedirs(root + "/.tmp", exist_ok=True)
    if mode == "spread":
        mark_top(root)
    start, before = time.time(), os.times()
    data = b"x" * 16000
    for i in range(15000):
        folder = f"{root}/news/{2010 + i % 15}/{i % 12:02d}/item-{i}"
        make_folder(folder, mode == "spread")
        temporary = f"{root}/.tmp/{i}" if mode == "staging" else folder + "/.index.html.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.rename(temporary, folder + "/index.html")
    after = os.times()
    print(f"{mode:8} wall {time.time() - start:.2f} s  user {after.user - before.user:.2f} s  sys {after.system - before.system:.2f} s", flush=True)


for mode in sys.argv[1:] or ["staging", "inplace", "spread"]:
    shutil.rmtree(root, ignore_errors=True)
    build(mode)
shutil.rmtree(root, ignore_errors=True)
