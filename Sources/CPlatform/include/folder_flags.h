#ifndef NEWSROOM_FOLDER_FLAGS_H
#define NEWSROOM_FOLDER_FLAGS_H

/// Marks the folder at `path` as the top of independent subtrees (ext4's `chattr +T`), so the
/// file system spreads the folders made inside it over its block groups instead of packing them
/// next to the parent. Returns 0, or the errno of the failure (ENOTTY where unsupported).
int newsroom_mark_top_folder(const char *path);

/// The same for `path` relative to the open folder `folder` (or `AT_FDCWD`).
int newsroom_mark_top_folder_at(int folder, const char *path);

#endif
