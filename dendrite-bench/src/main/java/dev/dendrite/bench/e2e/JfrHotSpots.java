package dev.dendrite.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a training run: where the CPU samples fall, by top frame (self
 * time), by Dendrite method anywhere on the stack (inclusive time), and by category (GEMM,
 * elementwise kernels, autograd/tensor bookkeeping, optimizer, data loading, other), plus GC pauses
 * and allocation. Reads {@code jdk.CPUTimeSample} when the recording has them (JDK 25's CPU-time
 * sampler: counts on-CPU time, so it is not skewed by a loaded machine), else
 * {@code jdk.ExecutionSample}.
 *
 * <pre>java -cp benchmarks.jar dev.dendrite.bench.e2e.JfrHotSpots recording.jfr [top [skipSeconds]]</pre>
 *
 * {@code skipSeconds} leaves out the first seconds of the recording (start-up, data loading and the
 * warm-up epoch, while the JIT is still compiling).
 */
public final class JfrHotSpots {

    private JfrHotSpots() {
    }

    /** Summarises a JFR recording of the training step: CPU share by kernel, allocation and GC. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        double skip = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        List<RecordedEvent> all = RecordingFile.readAllEvents(file);
        Instant first = all.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant from = first.plusMillis((long) (skip * 1000));
        List<RecordedEvent> events = all.stream().filter(e -> !e.getStartTime().isBefore(from)).toList();
        boolean cpuTime = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"));
        String sampleType = cpuTime ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";

        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        long gcPauseNanos = 0;
        int gcCount = 0;
        long allocatedWeight = 0;
        Map<String, Long> allocationByFrame = new HashMap<>();
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals(sampleType)) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                // A CPU-time sample stands for its sampling period of CPU time (it varies with the throttle).
                int weight = cpuTime ? (int) Math.max(1, event.getDuration("samplingPeriod").toMillis()) : 1;
                samples += weight;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), weight, Integer::sum);
                frames.stream().map(JfrHotSpots::name).filter(n -> n.startsWith("dev.dendrite.")).distinct()
                        .forEach(n -> inclusive.merge(n, weight, Integer::sum));
                categories.merge(category(frames), weight, Integer::sum);
                var sampled = event.getThread(cpuTime ? "eventThread" : "sampledThread");
                String thread = sampled == null || sampled.getJavaName() == null ? "?" : sampled.getJavaName();
                threads.merge(thread.replaceAll("\\d+$", "N"), weight, Integer::sum);
            } else if (type.equals("jdk.GarbageCollection")) {
                gcCount++;
                gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocatedWeight += weight;
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null) {
                    String where = stack.getFrames().stream().map(JfrHotSpots::name)
                            .filter(n -> n.startsWith("dev.dendrite.") && !n.contains(".Tensor.<init>")).findFirst()
                            .orElse("(outside dev.dendrite)");
                    allocationByFrame.merge(where, weight, Long::sum);
                }
            }
        }
        Instant last = events.stream().map(RecordedEvent::getEndTime).max(Instant::compareTo).orElse(from);
        System.out.printf(Locale.ROOT, "%s, %.1f s from second %.0f: %d %s (ms of CPU for CPU-time samples); %d GCs, %.0f ms total pause; "
                + "~%.1f GB allocated%n%n", file, (last.toEpochMilli() - from.toEpochMilli()) / 1e3, skip, samples,
                sampleType, gcCount, gcPauseNanos / 1e6, allocatedWeight / 1e9);
        print("By category (top frame's kind, see JfrHotSpots.category)", categories, samples, 20);
        print("By thread", threads, samples, 10);
        print("Self (top frame)", self, samples, top);
        print("Inclusive (Dendrite methods anywhere on the stack)", inclusive, samples, top);
        long allocated = allocatedWeight;
        Map<String, Integer> allocationPercent = allocationByFrame.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> (int) Math.round(1000.0 * e.getValue() / Math.max(1, allocated))));
        print("Allocation by first Dendrite frame (per mille of sampled bytes)", allocationPercent, 1000, 12);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total,
                        e.getValue(), e.getKey()));
        System.out.println();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /**
     * The kind of work a sample is doing: the innermost Dendrite frame decides (a GEMM kernel, an
     * elementwise/reduction kernel, the optimizer's kernel, data loading), except that JDK frames on
     * top of a Dendrite allocation site ({@code new float[]}, array fill/copy) count as allocation.
     */
    static String category(List<RecordedFrame> frames) {
        Function<String, Boolean> any = prefix -> frames.stream().anyMatch(f -> name(f).startsWith(prefix));
        String top = name(frames.get(0));
        String firstDendrite = frames.stream().map(JfrHotSpots::name).filter(n -> n.startsWith("dev.dendrite."))
                .findFirst().orElse("");
        if (firstDendrite.isEmpty()) {
            if (top.startsWith("java.util.concurrent.") || top.startsWith("jdk.internal.misc.Unsafe.park")) {
                return "idle/parking (pool, prefetch)";
            }
            return "outside Dendrite (JDK, JIT'd runtime)";
        }
        if (firstDendrite.startsWith("dev.dendrite.kernel.Gemm")) {
            return "GEMM (kernel.Gemm)";
        }
        if (firstDendrite.startsWith("dev.dendrite.kernel.OptimizerKernels")) {
            return "optimizer kernel (Adam)";
        }
        if (firstDendrite.startsWith("dev.dendrite.kernel.Parallel")) {
            return "parallel hand-off (kernel.Parallel)";
        }
        if (firstDendrite.startsWith("dev.dendrite.kernel.")) {
            return "elementwise/reduction/softmax kernels";
        }
        if (firstDendrite.startsWith("dev.dendrite.data.") || any.apply("dev.dendrite.data.PrefetchingIterator")) {
            return "data loading (batch gather)";
        }
        if (!top.startsWith("dev.dendrite.")) {
            return "allocation/copy/JDK under Dendrite ops (" + simple(firstDendrite) + " ...)";
        }
        if (firstDendrite.startsWith("dev.dendrite.tensor.") || firstDendrite.startsWith("dev.dendrite.autograd.")) {
            return "tensor ops outside kernels (scalar loops, broadcast, autograd)";
        }
        return "other Dendrite (" + simple(firstDendrite) + ")";
    }

    private static String simple(String name) {
        String[] parts = name.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : name;
    }
}
