package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContoursTest {

    @Test
    void theContourOfAConeIsACircleOfItsRadius() {
        double[] xs = LossSurface.grid(41, 2);
        double[][] z = new double[41][41];
        for (int i = 0; i < 41; i++) {
            for (int j = 0; j < 41; j++) {
                z[i][j] = Math.hypot(xs[i], xs[j]);
            }
        }
        List<double[]> segments = Contours.segments(xs, xs, z, 1.0);
        assertThat(segments).hasSizeGreaterThan(40);
        for (double[] s : segments) {
            assertThat(Math.hypot(s[0], s[1])).isCloseTo(1.0, within(0.01));
            assertThat(Math.hypot(s[2], s[3])).isCloseTo(1.0, within(0.01));
        }
        double quarterTurns = segments.stream().mapToDouble(s -> Math.hypot(s[2] - s[0], s[3] - s[1])).sum() / (Math.PI / 2);
        assertThat(quarterTurns).as("length of the line, in quarter circles").isCloseTo(4, within(0.05));
        assertThat(Contours.segments(xs, xs, z, 5.0)).as("a level above every value").isEmpty();
    }

    @Test
    void aSaddleCellGivesTwoSegmentsAndLevelsAreLogSpaced() {
        double[] xs = {0, 1};
        double[][] z = {{1, 0}, {0, 1}};
        assertThat(Contours.segments(xs, xs, z, 0.5)).hasSize(2);
        double[] levels = Contours.logLevels(0.01, 100, 3);
        assertThat(levels[0]).isCloseTo(0.1, within(1e-12));
        assertThat(levels[1]).isCloseTo(1, within(1e-12));
        assertThat(levels[2]).isCloseTo(10, within(1e-9));
    }
}
