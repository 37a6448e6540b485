package dev.dendrite.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Numbers as people read them on charts and in tables: three significant digits, no trailing zeros. */
final class Numbers {

    /** A chart-axis format of {@link #short3}. */
    static final NumberFormat SHORT = new NumberFormat() {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(short3(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("format only");
        }
    };

    private Numbers() {
    }

    /** E.g. 0.0323, 1.5, 0, 2.5E-7; non-finite values as Java writes them. */
    static String short3(double value) {
        return digits(value, 3);
    }

    /** {@code value} to {@code significant} digits without trailing zeros; plain unless very small or large. */
    static String digits(double value, int significant) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significant)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString() : rounded.toString();
    }

    /** A tick step of a log axis (in decades) giving about six ticks over {@code decades}. */
    static double logTickUnit(double decades) {
        for (double unit : new double[] {0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10}) {
            if (decades / unit <= 7) {
                return unit;
            }
        }
        return 20;
    }
}
