package io.newsstream.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Articles per second of one processing step, in this JVM: a warm-up of at least one pass over the
 * items (and at least the warm-up time), then several timed iterations of one pass each per thread
 * (passes repeated to last at least half a second).
 * The result is the median of the iterations, so one disturbed iteration on a shared machine does not
 * decide it.
 *
 * @param <T> what the step processes
 */
final class Throughput<T> {

    private static final long MIN_ITERATION_NANOS = 500_000_000L;

    private final List<T> items;
    private final Consumer<T> step;
    private final Runnable passStart;

    Throughput(List<T> items, Consumer<T> step) {
        this(items, step, () -> { });
    }

    /**
     * @param passStart run by each thread before each pass over the items, e.g. to give a stateful
     *                  step fresh state so that a second pass does not meet the first one's articles
     */
    Throughput(List<T> items, Consumer<T> step, Runnable passStart) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to measure");
        }
        this.items = List.copyOf(items);
        this.step = step;
        this.passStart = passStart;
    }

    /**
     * Measures with {@code threads} threads, each processing every item once per iteration (starting at
     * different items).
     *
     * @return {@code median} (articles/s for all threads together), {@code iterations} (each one's rate)
     *         and {@code items}
     */
    Map<String, Object> measure(int threads, long warmupMillis, int iterations) throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
        do {
            runPass(threads);
        } while (System.nanoTime() < warmupEnd);
        double[] rates = new double[iterations];
        List<Double> each = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            long passes = 0;
            long elapsed;
            // A fast step repeats its pass so that an iteration is long enough to time well.
            do {
                runPass(threads);
                passes++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < MIN_ITERATION_NANOS);
            rates[i] = Stats.perSecond(passes * items.size() * threads, elapsed);
            each.add(round(rates[i]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", Stats.median(rates));
        m.put("iterations", each);
        m.put("items", items.size());
        m.put("threads", threads);
        return m;
    }

    private void runPass(int threads) throws InterruptedException {
        if (threads == 1) {
            passStart.run();
            items.forEach(step);
            return;
        }
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * items.size() / threads;
            Thread worker = new Thread(() -> {
                try {
                    passStart.run();
                    for (int i = 0; i < items.size(); i++) {
                        step.accept(items.get((offset + i) % items.size()));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-worker-" + t);
            worker.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("the measured step failed: " + failure.get(), failure.get());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
