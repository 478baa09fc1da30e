#ifndef NEWSROOM_FILE_SYSTEM_H
#define NEWSROOM_FILE_SYSTEM_H

/// Marks the folder at `path` (relative to the open folder `folder`, or `AT_FDCWD`) as the top
/// of independent subtrees (ext4's `chattr +T`), so the file system spreads the folders made
/// inside it over its block groups instead of packing them next to it. Returns 0, or the errno
/// of the failure (ENOTTY, EOPNOTSUPP or EINVAL where the file system has no such flag).
int newsroom_mark_top_folder_at(int folder, const char *path);

/// Swaps the files at `from` and `to` (both relative to the open folder `folder`) in one step
/// (`renameat2` with `RENAME_EXCHANGE`), so that either can be put back. Returns 0, or the
/// errno of the failure: ENOENT when `to` does not exist, EINVAL or ENOSYS where the file
/// system or the system cannot swap.
int newsroom_exchange_at(int folder, const char *from, const char *to);

#endif
