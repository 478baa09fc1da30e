#ifndef NEWSROOM_FILE_SYSTEM_H
#define NEWSROOM_FILE_SYSTEM_H

/// Makes the folder at `path` (relative to the open folder `folder`, or `AT_FDCWD`) as `mkdirat`
/// does, with the folder holding it (`parent`, relative to `folder` the same way) marked as the
/// top of independent subtrees (ext4's `chattr +T`) for that one `mkdirat` only: ext4 then places
/// the new folder in the block group with the fewest folders instead of next to its siblings.
/// A parent marked before is left marked. Returns 0, or the errno of `mkdirat`; sets
/// `*mark_failure` to 0, or to the errno of marking (ENOTTY, EOPNOTSUPP or EINVAL where the file
/// system has no such flag), in which case the folder was made as by `mkdirat` alone.
int newsroom_make_spread_folder_at(int folder, const char *parent, const char *path, int *mark_failure);

/// Swaps the files at `from` and `to` (both relative to the open folder `folder`) in one step
/// (`renameat2` with `RENAME_EXCHANGE`), so that either can be put back. Returns 0, or the
/// errno of the failure: ENOENT when `to` does not exist, EINVAL or ENOSYS where the file
/// system or the system cannot swap.
int newsroom_exchange_at(int folder, const char *from, const char *to);

#endif
