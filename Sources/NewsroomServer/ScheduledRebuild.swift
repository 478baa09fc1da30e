import Foundation
import Synchronization

/// The one rebuild `serve` has waiting for a moment on the clock (an item's date or expiry, the
/// banner's start or end), so what is published changes while it runs, as the cron job's next
/// build would change it. Arming it again replaces the waiting rebuild.
final class ScheduledRebuild: Sendable {
    /// Counts the arms: a waiting rebuild runs only if no arm came after its own.
    private let arms = Mutex(0)

    /// Waits until `moment` (nothing when nil), then runs `rebuild` on a thread of the system's.
    func arm(at moment: Date?, _ rebuild: @escaping @Sendable () -> Void) {
        let arm = arms.withLock {
            $0 += 1
            return $0
        }
        guard let moment else { return }
        // By the wall clock: the moment is a date, whatever the machine slept through meanwhile.
        let seconds = max(0, moment.timeIntervalSinceNow) + 0.001
        DispatchQueue.global().asyncAfter(wallDeadline: .now() + seconds) { [self] in
            guard arms.withLock({ $0 == arm }) else { return }
            rebuild()
        }
    }

    /// No waiting rebuild runs.
    func cancel() {
        arms.withLock { $0 += 1 }
    }
}
