package io.newsstream.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap during a phase of the bench. Two figures:
 * <ul>
 *   <li><b>occupancy after GC</b>: the largest heap use the collector left behind at the end of any
 *       collection in the phase: the live data plus whatever the collector chose not to reclaim
 *       yet. This is the heap the work needs, and what must fit under {@code -Xmx};</li>
 *   <li><b>peak used</b>: the sum of each heap pool's peak, garbage included; with a collector that
 *       fills the heap before collecting this mostly says how large {@code -Xmx} was.</li>
 * </ul>
 */
final class HeapMonitor {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private volatile long phaseStart = System.nanoTime();

    private HeapMonitor() {
    }

    /** A monitor listening to every collector of this JVM. */
    static HeapMonitor install() {
        HeapMonitor monitor = new HeapMonitor();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        monitor.onCollection(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
        return monitor;
    }

    private void onCollection(GarbageCollectionNotificationInfo info) {
        long after = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                after += e.getValue().getUsed();
            }
        }
        long used = after;
        maxAfterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
        gcMillis.addAndGet(info.getGcInfo().getDuration());
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals(name)) {
                return pool.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    /** Starts a new phase: forgets the figures seen so far. */
    void reset() {
        maxAfterGc.set(0);
        collections.set(0);
        gcMillis.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        phaseStart = System.nanoTime();
    }

    /** The figures of the phase so far, in MiB and milliseconds, for the report. */
    Map<String, Object> snapshot() {
        long peakUsed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakUsed += pool.getPeakUsage().getUsed();
            }
        }
        long afterGc = maxAfterGc.get();
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        // No collection in the phase: the heap in use now is the best upper bound there is.
        m.put("afterGcMiB", mib(collections.get() == 0 ? rt.totalMemory() - rt.freeMemory() : afterGc));
        m.put("peakUsedMiB", mib(peakUsed));
        m.put("maxHeapMiB", mib(rt.maxMemory()));
        m.put("collections", collections.get());
        m.put("gcMillis", gcMillis.get());
        m.put("phaseMillis", (System.nanoTime() - phaseStart) / 1_000_000);
        return m;
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
