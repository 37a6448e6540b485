package dev.dendrite.data;

/**
 * Strict, locale-independent parsing of decimal numbers as written in data files: an optional sign,
 * digits with an optional decimal point, an optional exponent, optional surrounding spaces. Nothing
 * else: no {@code NaN}, {@code Infinity}, hex, thousands separators or Java's {@code f}/{@code d}
 * suffixes.
 */
final class Numbers {

    /** Powers of ten that a double holds exactly: the range of the fast path. */
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Numbers() {
    }

    /**
     * The value of {@code text}, correctly rounded to a double, or NaN if {@code text} is not a decimal
     * number (the grammar never yields NaN itself). Very large exponents give an infinity.
     */
    static double parse(String text) {
        int end = text.length();
        int i = 0;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        while (end > i && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = i;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int exponent = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                    } else if (!point) {
                        exponent++;
                    }
                }
                if (point && significant <= 18) {
                    exponent--;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end) {
            char c = text.charAt(i);
            if (c != 'e' && c != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            if (i == end) {
                return Double.NaN;
            }
            int written = 0;
            for (; i < end; i++) {
                c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return Double.NaN;
                }
                written = Math.min(written * 10 + (c - '0'), 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (significant <= 15 && Math.abs(exponent) <= 22) {
            // Clinger's fast path: both operands are exact doubles, so one rounding gives the right answer.
            double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -value : value;
        }
        return Double.parseDouble(text.substring(start, end));
    }

    /** Whether {@code text} spells a NaN or an infinity in one of the ways spreadsheets and NumPy write them. */
    static boolean isNonFinite(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity") || t.equals("∞");
    }
}
