package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassReportTest {

    @Test
    void perClassScoresAndAveragesFromTheConfusionMatrix() {
        long[][] counts = { // true rows, predicted columns
            {5, 1, 0},
            {2, 3, 1},
            {0, 0, 0},
        };
        List<String[]> rows = ClassReport.rows(counts, List.of("a", "b", "c"));
        assertThat(rows).hasSize(5);
        // a: 5 of 7 predicted a are a, 5 of 6 true a found; b: 3 of 4, 3 of 6; c: never present, predicted once.
        double pa = 5 / 7.0, ra = 5 / 6.0, fa = 2 * pa * ra / (pa + ra);
        double pb = 3 / 4.0, rb = 3 / 6.0, fb = 2 * pb * rb / (pb + rb);
        assertThat(rows.get(0)).containsExactly("a", f(pa), f(ra), f(fa), "6");
        assertThat(rows.get(1)).containsExactly("b", f(pb), f(rb), f(fb), "6");
        assertThat(rows.get(2)).containsExactly("c", f(0), f(0), f(0), "0");
        assertThat(rows.get(3)).containsExactly("macro avg", f((pa + pb) / 3), f((ra + rb) / 3), f((fa + fb) / 3), "12");
        assertThat(rows.get(4)).containsExactly("weighted avg", f((pa + pb) / 2), f((ra + rb) / 2), f((fa + fb) / 2), "12");
    }

    private static String f(double x) {
        return String.format(java.util.Locale.ROOT, "%.4f", x);
    }
}
