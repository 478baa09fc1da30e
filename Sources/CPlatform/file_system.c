#include "file_system.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int newsroom_mark_top_folder_at(int folder, const char *path) {
#if defined(__linux__) && defined(FS_IOC_SETFLAGS) && defined(FS_TOPDIR_FL)
    int descriptor = openat(folder, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (descriptor < 0) return errno;
    int flags = 0;
    int result = 0;
    if (ioctl(descriptor, FS_IOC_GETFLAGS, &flags) != 0) {
        result = errno;
    } else if (!(flags & FS_TOPDIR_FL)) {
        flags |= FS_TOPDIR_FL;
        if (ioctl(descriptor, FS_IOC_SETFLAGS, &flags) != 0) result = errno;
    }
    close(descriptor);
    return result;
#else
    (void)folder;
    (void)path;
    return ENOTTY;
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
