package dev.dendrite.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one child JVM runs: one framework at one batch size and thread count, trained for a warm-up
 * epoch and {@code epochs} measured ones, then timed at inference. Passed to the child as arguments.
 * A {@code paced} child waits for the parent's word before each measured epoch and before inference
 * (see {@link Pacer}), so two children can take turns.
 */
record RunSpec(String framework, int batch, int threads, int warmup, int epochs, long seed, Path data,
               int singles, int bulkPasses, boolean paced) {

    static final String DENDRITE = "dendrite";
    static final String PYTORCH = "pytorch";

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("--batch=" + batch);
        args.add("--threads=" + threads);
        args.add("--warmup=" + warmup);
        args.add("--epochs=" + epochs);
        args.add("--seed=" + seed);
        args.add("--data=" + data);
        args.add("--singles=" + singles);
        args.add("--bulk-passes=" + bulkPasses);
        args.add("--paced=" + paced);
        return args;
    }

    static RunSpec parse(String framework, String[] args) {
        int batch = 128;
        int threads = 1;
        int warmup = 1;
        int epochs = 3;
        long seed = 42;
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        int singles = 20_000;
        int bulkPasses = 3;
        boolean paced = false;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            switch (kv[0]) {
                case "--batch" -> batch = Integer.parseInt(kv[1]);
                case "--threads" -> threads = Integer.parseInt(kv[1]);
                case "--warmup" -> warmup = Integer.parseInt(kv[1]);
                case "--epochs" -> epochs = Integer.parseInt(kv[1]);
                case "--seed" -> seed = Long.parseLong(kv[1]);
                case "--data" -> data = Path.of(kv[1]);
                case "--singles" -> singles = Integer.parseInt(kv[1]);
                case "--bulk-passes" -> bulkPasses = Integer.parseInt(kv[1]);
                case "--paced" -> paced = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        return new RunSpec(framework, batch, threads, warmup, epochs, seed, data, singles, bulkPasses, paced);
    }
}
