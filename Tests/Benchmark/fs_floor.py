#!/usr/bin/env python3
"""The file-system floor under a clean build: what writing an output tree costs the kernel alone,
into a folder wiped just before (as the side-by-side benchmark wipes before every clean build).

    python3 Tests/Benchmark/fs_floor.py mirror OUTPUT [ROUNDS] [--into FOLDER]
    python3 Tests/Benchmark/fs_floor.py paired FOLDER ROUNDS COMMAND...
    python3 Tests/Benchmark/fs_floor.py [staging|inplace|spread ...]

`mirror` reads a real output folder (say, the one `make bench` left) into memory, then, ROUNDS
times (default 5): removes the copy it wrote last, and writes every folder and file again the
way generate's first build into a missing folder does: on two threads, each file under its own
name; of the folders made inside each folder, the first and one in 8 after it spread over the
block groups by marking the folder holding it as the top of a subtree (ext4's `chattr +T`) for
that one `mkdir`. Nothing is rendered, so the time is the least any generator producing those
files can spend writing them. Prints wall, user and sys seconds per round, and the medians.

The copies go to a folder of the script's own, new for the run, unless `--into FOLDER` names
one: then each round removes FOLDER and writes the copy there (FOLDER may be OUTPUT itself,
read before the first removal). Where a folder is written matters on ext4 without a journal:
a build placed in a removed tree's block groups skips that tree's freed inodes one by one, so
a folder removed and rebuilt again and again (as a benchmark's output folder is) keeps landing
where its last copy was, and a floor measured anywhere else is not the floor of that folder.

`paired` compares a build with the floor under the same conditions: COMMAND builds into FOLDER
(say, `generate --site SITE --output FOLDER`); after one build to learn the output, each round
removes FOLDER and builds, and removes FOLDER and writes the floor's copy, in alternating order,
so each follows the other's removal in the same folder. Prints both per round, the medians and
the median of the rounds' ratios (build ÷ floor).

The synthetic modes write 15,000 pages of 16 KB: `staging` renames each from one temporary
folder, `inplace` writes beside the target, `spread` also marks every folder it makes.

On ext4 without a journal, inodes freed in the last minutes are skipped one by one on every
allocation in their block group, so right after `rm -rf` a round can be slower than the last.
"""
import array, fcntl, os, shutil, statistics, subprocess, sys, tempfile, threading, time

root = os.path.join(tempfile.gettempdir(), "newsroom-fs-floor")


FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_TOPDIR_FL = 0x80086601, 0x40086602, 0x00020000  # x86-64 Linux


def set_top(path, on=True):
    """chattr +T (or -T), as generate does it (ioctl; silently nothing where unsupported)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(descriptor, FS_IOC_GETFLAGS, flags, True)
        flags[0] = flags[0] | FS_TOPDIR_FL if on else flags[0] & ~FS_TOPDIR_FL
        fcntl.ioctl(descriptor, FS_IOC_SETFLAGS, flags, True)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def mark_top(path):
    set_top(path)


SPREAD_EVERY = 8  # generate's FolderMaker.spreadEvery


def make_spread(parent, path):
    """mkdir with `parent` marked as the top of a subtree for this one folder only (generate's
    `FileSystem.makeSpreadFolder`)."""
    set_top(parent)
    try:
        os.mkdir(path)
    finally:
        set_top(parent, False)


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


def read_tree(source):
    """Every file under `source`: (relative path, bytes)."""
    files = []
    for folder, _, names in os.walk(source):
        relative = os.path.relpath(folder, source)
        relative = "" if relative == "." else relative
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                files.append((os.path.join(relative, name), handle.read()))
    return files


def mirror_round(files, target):
    made, inside, lock = {""}, {}, threading.Lock()

    def make(relative):
        if relative in made:
            return
        make(os.path.dirname(relative))
        with lock:
            if relative in made:
                return
            parent = os.path.dirname(relative)
            count = inside.get(parent, 0)
            inside[parent] = count + 1
            if count % SPREAD_EVERY == 0:
                make_spread(os.path.join(target, parent), os.path.join(target, relative))
            else:
                os.mkdir(os.path.join(target, relative))
            made.add(relative)

    def write(part):
        for relative, data in files[part::2]:
            folder = os.path.dirname(relative)
            make(folder)
            descriptor = os.open(os.path.join(target, relative), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.write(descriptor, data)
            os.close(descriptor)

    os.makedirs(target)
    start, before = time.time(), os.times()
    threads = [threading.Thread(target=write, args=(part,)) for part in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = os.times()
    return time.time() - start, after.user - before.user, after.system - before.system


def mirror(source, rounds, into=None):
    files = read_tree(source)
    size = sum(len(data) for _, data in files)
    target = into or root + "/mirror"
    print(f"mirroring {source} into {target}: {len(files)} files, {size / 1e6:.0f} MB, {rounds} rounds, each after removing the last copy", flush=True)
    results = []
    for number in range(rounds):
        shutil.rmtree(target, ignore_errors=True)
        wall, user, system = mirror_round(files, target)
        results.append((wall, user, system))
        print(f"round {number + 1}: wall {wall:.2f} s  user {user:.2f} s  sys {system:.2f} s", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    wall, user, system = (statistics.median(values) for values in zip(*results))
    print(f"median: wall {wall:.2f} s  user {user:.2f} s  sys {system:.2f} s")


def timed_command(command):
    before, start = os.times(), time.time()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = os.times()
    return time.time() - start, after.children_user - before.children_user, after.children_system - before.children_system


def paired(folder, rounds, command):
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    files = read_tree(folder)
    print(f"paired in {folder}: {' '.join(command)} against the floor ({len(files)} files), {rounds} rounds", flush=True)
    builds, floors = [], []
    for number in range(rounds):
        for turn in (("build", "floor") if number % 2 == 0 else ("floor", "build")):
            shutil.rmtree(folder, ignore_errors=True)
            if turn == "build":
                builds.append(timed_command(command))
            else:
                floors.append(mirror_round(files, folder))
        (bw, bu, bs), (fw, fu, fs) = builds[-1], floors[-1]
        print(f"round {number + 1}: build wall {bw:.2f} s (user {bu:.2f}, sys {bs:.2f})  floor wall {fw:.2f} s (user {fu:.2f}, sys {fs:.2f})  ratio {bw / fw:.2f}", flush=True)
    build, floor = statistics.median(b[0] for b in builds), statistics.median(f[0] for f in floors)
    ratio = statistics.median(b[0] / f[0] for b, f in zip(builds, floors))
    print(f"median: build {build:.2f} s  floor {floor:.2f} s  ratio {ratio:.2f}")


if sys.argv[1:2] == ["paired"]:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    paired(os.path.abspath(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
    sys.exit(0)
if sys.argv[1:2] == ["mirror"]:
    arguments = sys.argv[2:]
    into = None
    if "--into" in arguments:
        at = arguments.index("--into")
        if at + 1 >= len(arguments):
            sys.exit(__doc__)
        into = os.path.abspath(arguments[at + 1])
        del arguments[at:at + 2]
    if not arguments:
        sys.exit(__doc__)
    mirror(arguments[0], int(arguments[1]) if len(arguments) > 1 else 5, into)
    sys.exit(0)
for mode in sys.argv[1:] or ["staging", "inplace", "spread"]:
    shutil.rmtree(root, ignore_errors=True)
    build(mode)
shutil.rmtree(root, ignore_errors=True)
