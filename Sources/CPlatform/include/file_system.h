#ifndef NEWSROOM_FILE_SYSTEM_H
#define NEWSROOM_FILE_SYSTEM_H

/// Swaps the files at `from` and `to` (both relative to the open folder `folder`) in one step
/// (`renameat2` with `RENAME_EXCHANGE`), so that either can be put back. Returns 0, or the
/// errno of the failure: ENOENT when `to` does not exist, EINVAL or ENOSYS where the file
/// system or the system cannot swap.
int newsroom_exchange_at(int folder, const char *from, const char *to);

#endif
