import CPlatform
import Foundation

/// How the process's C allocator is set up before any work starts, for a lower peak of
/// resident memory on large sites.
public enum ProcessMemory {
    /// Two glibc defaults keep freed memory resident:
    /// - a thread that finds every arena locked gets one of its own, up to eight per core, and
    ///   memory freed in one arena is not reused by threads allocating from another; the build
    ///   spreads its work over one thread per core, so one arena per core is enough to keep them
    ///   from waiting on each other;
    /// - blocks from 128 KB up get pages of their own, returned to the system when freed, but
    ///   each such free raises that size, up to 32 MB, and the large lists, manifests and texts
    ///   a build frees then stay in the arenas. The size stays at 128 KB.
    /// Returns whether the allocator took the settings (false where it has none).
    @discardableResult
    public static func limitRetainedMemory() -> Bool {
        newsroom_set_malloc_limits(Int32(max(1, ProcessInfo.processInfo.activeProcessorCount)), 128 * 1024) == 1
    }
}
