package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void agreesWithTheJdkOnDecimalText() {
        Random random = new Random(3);
        for (int i = 0; i < 40_000; i++) {
            String text = switch (i % 4) {
                case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 1000 - 500);
                case 2 -> Long.toString(random.nextLong());
                default -> "0.000" + Math.abs(random.nextLong()) + "e" + (random.nextInt(60) - 30);
            };
            assertThat(Numbers.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String text : new String[] {"", " ", "-", ".", "1e", "1e+", "abc", "1,5", "NaN", "Infinity", "0x10",
            "1f", "1d", "1..2", "1e5.5", "--1"}) {
            assertThat(Numbers.parse(text)).as(text).isNaN();
        }
        assertThat(Numbers.parse(" -12.5e2 ")).isEqualTo(-1250.0);
        assertThat(Numbers.parse("1e400")).isInfinite();
        assertThat(Numbers.isNonFinite("-inf")).isTrue();
        assertThat(Numbers.isNonFinite("NaN")).isTrue();
        assertThat(Numbers.isNonFinite("nine")).isFalse();
    }
}
