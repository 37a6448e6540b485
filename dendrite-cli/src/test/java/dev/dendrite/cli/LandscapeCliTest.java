package dev.dendrite.cli;

import static dev.dendrite.cli.DendriteCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.cli.DendriteCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** dendrite landscape on a small regression trained to convergence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandscapeCliTest {

    Path dir;
    Path table;
    Path runDir;

    @BeforeAll
    void trainASmallRegressionWell(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        table = dir.resolve("plane.csv");
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", x1, x2, 1.5 * x1 - x2 + 0.05 * random.nextGaussian()));
        }
        Files.writeString(table, csv);
        Result training = run("train", "--data", table.toString(), "--layers", "8", "--dropout", "0", "--epochs", "150",
                "--patience", "150", "--lr", "0.01", "--out", dir.resolve("runs").toString());
        assertThat(training.exitCode()).as(training.err()).isZero();
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void theTrainedPointIsTheEvaluatedLossAndTheLowestNearTheCentre() throws IOException {
        Result result = run("landscape", "--model", runDir.toString(), "--data", table.toString(), "--steps", "11",
                "--range", "1", "--seed", "5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("11 x 11 points", "300 of 300 examples", "Loss at the trained weights",
                "Added the landscape to");

        List<String> lines = Files.readAllLines(runDir.resolve("landscape.csv"));
        assertThat(lines).hasSize(1 + 121).first().isEqualTo("alpha,beta,loss");
        double centre = Double.NaN;
        double lowest = Double.POSITIVE_INFINITY;
        double[] at = null;
        for (String line : lines.subList(1, lines.size())) {
            double[] v = Stream.of(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            if (v[0] == 0 && v[1] == 0) {
                centre = v[2];
            }
            if (v[2] < lowest) {
                lowest = v[2];
                at = v;
            }
        }
        Result evaluate = run("evaluate", "--model", runDir.toString(), "--data", table.toString());
        double evaluated = Double.parseDouble(evaluate.out().lines().filter(l -> l.strip().startsWith("loss"))
                .findFirst().orElseThrow().strip().split("\\s+")[1]);
        assertThat(centre).isCloseTo(evaluated, within(5e-5));
        assertThat(Math.abs(at[0])).as("alpha of the lowest point").isLessThanOrEqualTo(0.2);
        assertThat(Math.abs(at[1])).as("beta of the lowest point").isLessThanOrEqualTo(0.2);
        assertThat(Double.parseDouble(lines.get(1).split(",")[2])).as("a corner is far up the bowl").isGreaterThan(5 * centre);

        assertThat(Files.readAllBytes(runDir.resolve("landscape.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(runDir.resolve("landscape.svg"))).contains("<svg", "Loss landscape", "trained weights");
        String report = Files.readString(runDir.resolve("report.html"));
        assertThat(report).contains("<h2>Loss landscape</h2>", "href=\"landscape.svg\"", "Li et al.");

        Result again = run("landscape", "--model", runDir.toString(), "--data", table.toString(), "--steps", "5");
        assertThat(again.exitCode()).as(again.err()).isZero();
        String updated = Files.readString(runDir.resolve("report.html"));
        assertThat(updated.split("<h2>Loss landscape</h2>", -1)).as("the section is replaced, not repeated").hasSize(2);
        assertThat(updated).contains("(5 x 5 points)").endsWith("</body></html>\n");
    }

    @Test
    void seededDirectionsGiveTheSameSurfaceAndSamplesSubsample() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            Result result = run("landscape", "--model", runDir.toString(), "--data", table.toString(), "--steps", "3",
                    "--samples", "50", "--seed", "9", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("50 of 300 examples").doesNotContain("Added the landscape");
        }
        assertThat(Files.readAllLines(a.resolve("landscape.csv"))).isEqualTo(Files.readAllLines(b.resolve("landscape.csv")));
        Result other = run("landscape", "--model", runDir.toString(), "--data", table.toString(), "--steps", "3",
                "--samples", "50", "--seed", "10", "--out", b.toString());
        assertThat(other.exitCode()).isZero();
        assertThat(Files.readAllLines(a.resolve("landscape.csv"))).isNotEqualTo(Files.readAllLines(b.resolve("landscape.csv")));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String model = runDir.toString();
        String data = table.toString();
        List<List<String>> cases = List.of(
                List.of("--steps", "4"), List.of("--steps", "1"), List.of("--steps", "many"), List.of("--range", "0"),
                List.of("--range", "-1"), List.of("--range", "NaN"), List.of("--samples", "0"), List.of("--batch-size", "0"));
        for (List<String> bad : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("landscape", "--model", model, "--data", data,
                    "--out", dir.resolve("never").toString()));
            args.addAll(bad);
            Result result = run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(bad.toString()).isEqualTo(2);
            assertThat(result.err()).as(bad.toString()).contains(bad.getFirst());
        }
        assertThat(run("landscape", "--data", data).exitCode()).isEqualTo(2);
        assertThat(dir.resolve("never")).doesNotExist();
        Result missing = run("landscape", "--model", dir.resolve("none.dendrite").toString(), "--data", data);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("none.dendrite");
    }
}
