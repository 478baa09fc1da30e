#include "file_system.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

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
