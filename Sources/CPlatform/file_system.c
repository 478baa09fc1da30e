#include "file_system.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int newsroom_make_spread_folder_at(int folder, const char *parent, const char *path, int *mark_failure) {
    *mark_failure = 0;
#if defined(__linux__) && defined(FS_IOC_SETFLAGS) && defined(FS_TOPDIR_FL)
    int holder = openat(folder, parent, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int flags = 0;
    int switched = 0;
    if (holder < 0) {
        *mark_failure = errno;
    } else if (ioctl(holder, FS_IOC_GETFLAGS, &flags) != 0) {
        *mark_failure = errno;
    } else if (!(flags & FS_TOPDIR_FL)) {
        int marked = flags | FS_TOPDIR_FL;
        if (ioctl(holder, FS_IOC_SETFLAGS, &marked) == 0) {
            switched = 1;
        } else {
            *mark_failure = errno;
        }
    }
    int result = mkdirat(folder, path, 0755) == 0 ? 0 : errno;
    if (switched) (void)ioctl(holder, FS_IOC_SETFLAGS, &flags);
    if (holder >= 0) close(holder);
    return result;
#else
    (void)parent;
    *mark_failure = ENOTTY;
    return mkdirat(folder, path, 0755) == 0 ? 0 : errno;
#endif
}

int newsroom_exchange_at(int folder, const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    if (syscall(SYS_renameat2, folder, from, folder, to, (unsigned int)(1 << 1) /* RENAME_EXCHANGE */) == 0) return 0;
    return errno;
#else
    (void)folder;
    (void)from;
    (void)to;
    return ENOSYS;
#endif
}
