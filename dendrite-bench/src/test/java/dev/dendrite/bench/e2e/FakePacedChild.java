package dev.dendrite.bench.e2e;

import java.nio.file.Path;

/** A stand-in child for {@link PairedRunTest}: N paced turns (or a failure), then a result line. */
public final class FakePacedChild {

    private FakePacedChild() {
    }

    /** {@code N}: waits for N turns and a last one, printing "turn i" in each; {@code fail}: dies at once. */
    public static void main(String[] args) {
        if (args[0].equals("fail")) {
            System.err.println("no data here");
            System.exit(3);
        }
        RunSpec spec = new RunSpec(RunSpec.DENDRITE, 128, 2, 0, 2, 1, Path.of("."), 0, 0, true);
        int turns = Integer.parseInt(args[0]);
        for (int turn = 0; turn < turns; turn++) {
            Pacer.awaitTurn(spec);
            System.err.println("turn " + turn);
        }
        Pacer.awaitTurn(spec);
        System.out.println(new RunResult(RunSpec.DENDRITE, 128, 2, new double[] {0.5, 0.25}, new double[] {1, 1},
                0.9, 0.3, Double.NaN, Double.NaN, 1000, "fake").toLine());
    }
}
