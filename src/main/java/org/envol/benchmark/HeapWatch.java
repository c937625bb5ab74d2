package org.envol.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples the heap while the benchmark runs: the most ever in use (live objects and garbage not
 * yet collected), and the most left in use just after a collection (what the run really keeps).
 */
final class HeapWatch implements AutoCloseable {

    private static final long PERIOD_MS = 10;

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-heap-watch");
        t.setDaemon(true);
        return t;
    });
    private final List<String> heapPoolNames = pools.stream().map(MemoryPoolMXBean::getName).toList();
    private final NotificationListener onGc = this::collected;
    private long peakUsed;
    private long peakAfterGc;
    private int collections;

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
            }
        }
        sampler.scheduleAtFixedRate(this::take, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void take() {
        long used = 0;
        for (MemoryPoolMXBean p : pools) {
            used += p.getUsage().getUsed();
        }
        peakUsed = Math.max(peakUsed, used);
    }

    private synchronized void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        long after = 0;
        for (var pool : info.getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        peakAfterGc = Math.max(peakAfterGc, after);
        collections++;
    }

    synchronized int collections() {
        return collections;
    }

    /** The most heap in use at any sample (objects not yet collected included). */
    synchronized long peakUsedBytes() {
        take();
        return peakUsed;
    }

    /** The most heap still in use right after a garbage collection: what the run really keeps. */
    synchronized long peakAfterGcBytes() {
        return peakAfterGc;
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The -Xmx given to the JVM, as written, or null when the JVM chose its default. */
    static String xmxArgument() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx"))
                .reduce((a, b) -> b).map(a -> a.substring(4)).orElse(null);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(onGc);
                } catch (ListenerNotFoundException ignored) {
                    // never added
                }
            }
        }
    }
}
