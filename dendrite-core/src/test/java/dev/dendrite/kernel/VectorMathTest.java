package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * Accuracy (in ulp, against {@link Math} in double), special values, scalar twin = vector lane, and
 * the point of it all: the same bits whether the kernels run interpreted or JIT-compiled.
 */
class VectorMathTest {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** A float function as its vector version and its scalar twin. */
    private record Fn(String name, UnaryOperator<FloatVector> vector, UnaryOperator<Float> scalar,
                      DoubleUnaryOperator reference) {
    }

    private static final Fn EXP = new Fn("exp", VectorMath::exp, VectorMath::exp, Math::exp);
    private static final Fn EXPM1 = new Fn("expm1", VectorMath::expm1, VectorMath::expm1, Math::expm1);
    private static final Fn LOG = new Fn("log", VectorMath::log, VectorMath::log, Math::log);
    private static final Fn LOG1P = new Fn("log1p", VectorMath::log1p, VectorMath::log1p, Math::log1p);
    private static final Fn TANH = new Fn("tanh", VectorMath::tanh, VectorMath::tanh, Math::tanh);

    // ------------------------------------------------------------------ accuracy

    @Test
    void expIsWithinOneUlpEverywhere() {
        assertMaxUlp(EXP, uniform(2_000_000, -104f, 89f, 1), 1.0);
        assertMaxUlp(EXP, uniform(1_000_000, -1f, 1f, 2), 1.0);
        assertMaxUlp(EXP, everyNthFloat(1021), 1.0);
    }

    @Test
    void logIsWithinOneUlpEverywhere() {
        assertMaxUlp(LOG, uniform(2_000_000, 0f, 4f, 3), 1.0);
        assertMaxUlp(LOG, logUniform(2_000_000, 4), 1.0);
        assertMaxUlp(LOG, everyNthFloat(1021), 1.0);
    }

    @Test
    void expm1AndLog1pAreWithinTwoUlpAlsoNearZero() {
        assertMaxUlp(EXPM1, uniform(2_000_000, -20f, 89f, 5), 2.0);
        assertMaxUlp(EXPM1, uniform(1_000_000, -1e-3f, 1e-3f, 6), 2.0);
        assertMaxUlp(EXPM1, everyNthFloat(1021), 2.0);
        assertMaxUlp(LOG1P, uniform(2_000_000, -1f, 4f, 7), 2.0);
        assertMaxUlp(LOG1P, uniform(1_000_000, -1e-3f, 1e-3f, 8), 2.0);
        assertMaxUlp(LOG1P, everyNthFloat(1021), 2.0);
    }

    @Test
    void tanhIsWithinTwoUlpEverywhere() {
        assertMaxUlp(TANH, uniform(2_000_000, -10f, 10f, 9), 2.0);
        assertMaxUlp(TANH, uniform(1_000_000, -0.7f, 0.7f, 10), 2.0);
        assertMaxUlp(TANH, everyNthFloat(1021), 2.0);
    }

    @Test
    void powIsWithinTwoUlpForModerateExponents() {
        for (float p : new float[] {0.5f, -0.5f, -1f, 3f, 2.5f, -2f, 1.7f, 10f, -20f}) {
            Fn pow = new Fn("pow(x, " + p + ")", v -> VectorMath.pow(v, p), x -> VectorMath.pow(x, p),
                    x -> Math.pow(x, p));
            assertMaxUlp(pow, everyNthFloat(4093), 2.0);
            assertMaxUlp(pow, logUniform(200_000, 11), 2.0);
        }
        // Both arguments varying, through the two-vector form.
        SplittableRandom random = new SplittableRandom(12);
        float[] x = new float[1_000_000];
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(random.nextGaussian() * 5);
            y[i] = (float) (random.nextGaussian() * 4);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i += S.length()) {
            VectorMask<Float> m = S.indexInRange(i, x.length);
            VectorMath.pow(FloatVector.fromArray(S, x, i, m), FloatVector.fromArray(S, y, i, m)).intoArray(out, i, m);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(ulpError(out[i], Math.pow(x[i], y[i]))).as("pow(%s, %s) = %s", x[i], y[i], out[i])
                    .isLessThanOrEqualTo(2.0);
            assertThat(bits(VectorMath.pow(x[i], y[i]))).as("scalar pow(%s, %s)", x[i], y[i])
                    .isEqualTo(bits(out[i]));
        }
    }

    // ------------------------------------------------------------------ special values

    @Test
    void expSpecialValues() {
        assertExact(EXP, 0f, 1f);
        assertExact(EXP, -0f, 1f);
        assertExact(EXP, Float.MIN_VALUE, 1f);
        assertExact(EXP, -Float.MIN_VALUE, 1f);
        assertExact(EXP, Float.NaN, Float.NaN);
        assertExact(EXP, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertExact(EXP, Float.NEGATIVE_INFINITY, 0f);
        assertExact(EXP, Float.MAX_VALUE, Float.POSITIVE_INFINITY);
        assertExact(EXP, -Float.MAX_VALUE, 0f);
        // Overflow: e^x rounds to +inf above ln(MAX_VALUE + ulp/2) = 88.72283908...; 0x1.62e43p6 = 88.7228394 is above.
        assertExact(EXP, 0x1.62e43p6f, Float.POSITIVE_INFINITY);
        assertThat(VectorMath.exp(0x1.62e42ep6f)).isFinite().isGreaterThan(3.4e38f);
        // Underflow through the subnormals: e^x rounds to MIN_VALUE down to x = ln(2^-150) = -103.9720770...;
        // 0x1.9fe368p6 = -103.9720764 is the last float above it, the next one down gives 0.
        assertExact(EXP, -0x1.9fe368p6f, Float.MIN_VALUE);
        assertExact(EXP, -0x1.9fe36ap6f, 0f);
        assertExact(EXP, -100f, (float) Math.exp(-100));
        assertExact(EXP, -87.33655f, (float) Math.exp(-87.33655f)); // at the edge of the normal range
        for (int n = -149; n <= 127; n++) {
            assertThat(ulpError(VectorMath.exp(n * (float) Math.log(2)), Math.exp(n * (float) Math.log(2))))
                    .as("exp(%d ln2)", n).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void logSpecialValues() {
        assertExact(LOG, 1f, 0f);
        assertExact(LOG, 0f, Float.NEGATIVE_INFINITY);
        assertExact(LOG, -0f, Float.NEGATIVE_INFINITY);
        assertExact(LOG, -1f, Float.NaN);
        assertExact(LOG, -Float.MIN_VALUE, Float.NaN);
        assertExact(LOG, Float.NEGATIVE_INFINITY, Float.NaN);
        assertExact(LOG, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertExact(LOG, Float.NaN, Float.NaN);
        for (float x : new float[] {Float.MIN_VALUE, 3 * Float.MIN_VALUE, 0x1.fffffep-127f, Float.MIN_NORMAL,
                Float.MAX_VALUE, 2f, (float) Math.E, 0.5f, Math.nextDown(1f), Math.nextUp(1f)}) {
            assertThat(ulpError(VectorMath.log(x), Math.log(x))).as("log(%s)", x).isLessThanOrEqualTo(1.0);
        }
        for (int n = -149; n <= 127; n++) {
            float x = Math.scalb(1f, n);
            assertThat(ulpError(VectorMath.log(x), Math.log(x))).as("log(2^%d)", n).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void expm1AndLog1pSpecialValues() {
        assertExact(EXPM1, 0f, 0f);
        assertExact(EXPM1, -0f, -0f);
        assertExact(EXPM1, Float.MIN_VALUE, Float.MIN_VALUE);
        assertExact(EXPM1, 1e-30f, 1e-30f);
        assertExact(EXPM1, Float.NaN, Float.NaN);
        assertExact(EXPM1, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertExact(EXPM1, Float.NEGATIVE_INFINITY, -1f);
        assertExact(EXPM1, -20f, -1f);
        assertExact(EXPM1, 89f, Float.POSITIVE_INFINITY);
        assertExact(LOG1P, 0f, 0f);
        assertExact(LOG1P, -0f, -0f);
        assertExact(LOG1P, Float.MIN_VALUE, Float.MIN_VALUE);
        assertExact(LOG1P, -1e-30f, -1e-30f);
        assertExact(LOG1P, -1f, Float.NEGATIVE_INFINITY);
        assertExact(LOG1P, -1.5f, Float.NaN);
        assertExact(LOG1P, Float.NEGATIVE_INFINITY, Float.NaN);
        assertExact(LOG1P, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertExact(LOG1P, Float.NaN, Float.NaN);
        assertThat(ulpError(VectorMath.log1p(Float.MAX_VALUE), Math.log1p(Float.MAX_VALUE))).isLessThanOrEqualTo(1.0);
    }

    @Test
    void tanhSpecialValues() {
        assertExact(TANH, 0f, 0f);
        assertExact(TANH, -0f, -0f);
        assertExact(TANH, Float.MIN_VALUE, Float.MIN_VALUE);
        assertExact(TANH, -1e-20f, -1e-20f);
        assertExact(TANH, Float.POSITIVE_INFINITY, 1f);
        assertExact(TANH, Float.NEGATIVE_INFINITY, -1f);
        assertExact(TANH, 10f, 1f);
        assertExact(TANH, -10f, -1f);
        assertExact(TANH, Float.MAX_VALUE, 1f);
        assertExact(TANH, Float.NaN, Float.NaN);
        // Both sides of the switch from the polynomial to the exp form.
        for (float x : new float[] {Math.nextDown(0.625f), 0.625f, Math.nextUp(0.625f), -0.625f}) {
            assertThat(ulpError(VectorMath.tanh(x), Math.tanh(x))).as("tanh(%s)", x).isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void powFollowsTheSpecialValuesOfMathPow() {
        float[] values = {0f, -0f, 1f, -1f, 2f, -2f, 0.5f, -0.5f, 3f, -3f, 2.5f, -2.5f, 1e-3f, 1e10f, -1e10f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NaN, 0x1p24f, 0x1p23f + 1f, -(0x1p23f + 1f), 7f, -7f};
        for (float x : values) {
            for (float y : values) {
                double expected = Math.pow(x, y);
                float vector = VectorMath.pow(FloatVector.broadcast(S, x), FloatVector.broadcast(S, y)).lane(0);
                float scalar = VectorMath.pow(x, y);
                assertThat(bits(scalar)).as("scalar twin of pow(%s, %s)", x, y)
                        .isEqualTo(bits(vector));
                float rounded = (float) expected;
                if (Float.isNaN(rounded) || Float.isInfinite(rounded) || rounded == 0f || Math.abs(rounded) == 1f) {
                    // Special results are exact, zeros with their sign.
                    assertThat(Float.valueOf(vector)).as("pow(%s, %s)", x, y).isEqualTo(Float.valueOf(rounded));
                } else {
                    assertThat(ulpError(vector, expected)).as("pow(%s, %s) = %s", x, y, vector).isLessThanOrEqualTo(2.0);
                }
            }
        }
    }

    // ------------------------------------------------------------------ scalar twins

    @Test
    void scalarTwinsGiveTheBitsOfTheVectorLanes() {
        // assertMaxUlp compares the twins on every input above; here the awkward bit patterns as well.
        float[] awkward = new float[4096];
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < awkward.length; i++) {
            awkward[i] = Float.intBitsToFloat(random.nextInt());
        }
        for (Fn fn : List.of(EXP, EXPM1, LOG, LOG1P, TANH)) {
            float[] out = applyVector(fn, awkward);
            for (int i = 0; i < awkward.length; i++) {
                assertThat(bits(fn.scalar().apply(awkward[i])))
                        .as("%s(%s)", fn.name(), awkward[i]).isEqualTo(bits(out[i]));
            }
        }
    }

    // ------------------------------------------------------------------ reproducibility

    @Test
    void kernelsGiveTheSameBitsInterpretedAndJitCompiled() throws Exception {
        // Cold: the first call in this JVM (interpreted, unless another test warmed the kernels up) ...
        int[] cold = Workload.bits();
        // ... warm: after enough calls that C2 compiles the kernels and VectorMath ...
        for (int i = 0; i < 20_000; i++) {
            Workload.run(Workload.SMALL);
        }
        int[] warm = Workload.bits();
        // ... and, whatever ran before in this JVM, in a fresh one that only interprets. (This is the
        // comparison that catches lanewise(VectorOperators.EXP): in one JVM the first call is often already
        // partly compiled, but -Xint against warm code differed in 185 of 4096 exp results.)
        int[] interpreted = runInterpretedJvm();
        assertThat(warm).as("cold vs warm").isEqualTo(cold);
        assertThat(interpreted).as("-Xint vs warm").isEqualTo(warm);
    }

    /** Runs {@link Workload#main} in a new JVM with {@code -Xint}, and reads back its result bits. */
    private static int[] runInterpretedJvm() throws IOException, InterruptedException {
        Path out = Files.createTempFile("vectormath-xint", ".txt");
        try {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-Xint",
                    "-cp", classPath, Workload.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the -Xint JVM finished").isTrue();
            assertThat(process.exitValue()).as("the -Xint JVM's exit code").isZero();
            return Files.readAllLines(out).stream().mapToInt(Integer::parseInt).toArray();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A fixed set of kernel calls on fixed inputs, whose result bits must not depend on the JIT. */
    static final class Workload {

        /** Odd sizes, so the masked tails run too. */
        static final int FULL = 517;
        static final int SMALL = 37;

        private Workload() {
        }

        /** Writes the result bits of a full run, one int per line, to the file named by {@code args[0]}. */
        public static void main(String[] args) throws IOException {
            try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])))) {
                for (int bits : bits()) {
                    out.println(bits);
                }
            }
        }

        static int[] bits() {
            List<float[]> results = run(FULL);
            int total = results.stream().mapToInt(r -> r.length).sum();
            int[] bits = new int[total];
            int k = 0;
            for (float[] r : results) {
                for (float v : r) {
                    bits[k++] = VectorMathTest.bits(v);
                }
            }
            return bits;
        }

        static List<float[]> run(int n) {
            SplittableRandom random = new SplittableRandom(2024);
            float[] x = new float[n];
            float[] positive = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (random.nextDouble(-12, 12));
                positive[i] = (float) Math.exp(random.nextDouble(-30, 30));
                g[i] = (float) random.nextGaussian();
            }
            List<float[]> results = new ArrayList<>();
            results.add(apply(n, out -> MathKernels.exp(x, out, n)));
            results.add(apply(n, out -> MathKernels.log(positive, out, n)));
            results.add(apply(n, out -> MathKernels.pow(positive, 1.7f, out, n)));
            results.add(apply(n, out -> MathKernels.pow(x, 0, 1, positive, 0, 1, out, 0, n)));
            float[] y = apply(n, out -> MathKernels.pow(positive, 0, 1, x, 0, 1, out, 0, n));
            results.add(apply(n, out -> MathKernels.powGrad(positive, 0, 1, x, 0, 1, y, g, out, null, 0, n)));
            results.add(apply(n, out -> MathKernels.powGrad(positive, 0, 1, x, 0, 1, y, g, null, out, 0, n)));
            results.add(apply(n, out -> ActivationKernels.tanh(x, out, n)));
            results.add(apply(n, out -> ActivationKernels.sigmoid(x, out, n)));
            results.add(apply(n, out -> ActivationKernels.silu(x, out, n)));
            results.add(apply(n, out -> ActivationKernels.softplus(x, out, n)));
            results.add(apply(n, out -> ActivationKernels.elu(x, 0.7f, out, n)));
            results.add(apply(n, out -> ActivationKernels.eluGrad(x, 0.7f, g, out, n)));
            results.add(apply(n, out -> ActivationKernels.gelu(x, out, n)));
            results.add(apply(n, out -> ActivationKernels.geluGrad(x, g, out, n)));
            results.add(apply(n, out -> SoftmaxKernels.softmax(x, out, 1, n, 1)));
            results.add(apply(n, out -> SoftmaxKernels.logSoftmax(x, out, 1, n, 1)));
            float[] logP = apply(n, out -> SoftmaxKernels.logSoftmax(x, out, 1, n, 1));
            results.add(apply(n, out -> SoftmaxKernels.logSoftmaxGrad(logP, g, out, 1, n, 1)));
            results.add(apply(n, out -> SoftmaxKernels.softmaxGrad(logP, g, out, 1, n, 1)));
            if (n % 2 == 1 && n > 1) {
                // The first n - 1 elements as [rows, 2], along the rows: the column-block path.
                int rows = (n - 1) / 2;
                results.add(apply(n, out -> SoftmaxKernels.softmax(x, out, 1, rows, 2)));
                results.add(apply(n, out -> SoftmaxKernels.logSoftmax(x, out, 1, rows, 2)));
            }
            float[] scalars = new float[5 * n];
            for (int i = 0; i < n; i++) {
                scalars[5 * i] = VectorMath.exp(x[i]);
                scalars[5 * i + 1] = VectorMath.log(positive[i]);
                scalars[5 * i + 2] = VectorMath.tanh(x[i]);
                scalars[5 * i + 3] = VectorMath.expm1(x[i]);
                scalars[5 * i + 4] = VectorMath.pow(positive[i], x[i]);
            }
            results.add(scalars);
            return results;
        }

        private static float[] apply(int n, java.util.function.Consumer<float[]> kernel) {
            float[] out = new float[n];
            kernel.accept(out);
            return out;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Checks the max ulp error of the vector version over {@code xs}, and that the scalar twin gives the same bits. */
    private static void assertMaxUlp(Fn fn, float[] xs, double bound) {
        float[] out = applyVector(fn, xs);
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < xs.length; i++) {
            double error = ulpError(out[i], fn.reference().applyAsDouble(xs[i]));
            if (!(error <= worst)) {
                worst = error;
                worstAt = i;
            }
            float scalar = fn.scalar().apply(xs[i]);
            if (bits(scalar) != bits(out[i])) {
                throw new AssertionError(fn.name() + "(" + xs[i] + "): scalar twin " + scalar + ", vector lane " + out[i]);
            }
        }
        assertThat(worst).as("max ulp error of %s, at x = %s (%a): %s, reference %s", fn.name(), xs[worstAt],
                xs[worstAt], out[worstAt], fn.reference().applyAsDouble(xs[worstAt])).isLessThanOrEqualTo(bound);
    }

    private static float[] applyVector(Fn fn, float[] xs) {
        float[] out = new float[xs.length];
        for (int i = 0; i < xs.length; i += S.length()) {
            VectorMask<Float> m = S.indexInRange(i, xs.length);
            fn.vector().apply(FloatVector.fromArray(S, xs, i, m)).intoArray(out, i, m);
        }
        return out;
    }

    /**
     * The bits of v, every NaN as the one canonical NaN: Java leaves the sign and payload of a NaN an
     * operation produces unspecified (x86's invalid-operation NaN is negative, a constant-folded one is
     * not), and a compiled twin once gave 0xffc00000 where the vector lane gave 0x7fc00000. Every other
     * value, signed zeros included, still has to match bit for bit.
     */
    static int bits(float v) {
        return Float.floatToIntBits(v);
    }

    private static void assertExact(Fn fn, float x, float expected) {
        float vector = fn.vector().apply(FloatVector.broadcast(S, x)).lane(0);
        float scalar = fn.scalar().apply(x);
        // Boxed, so that NaN equals NaN and the sign of a zero counts (Float.equals).
        assertThat(Float.valueOf(vector)).as("%s(%s)", fn.name(), x).isEqualTo(Float.valueOf(expected));
        assertThat(bits(scalar)).as("scalar twin of %s(%s)", fn.name(), x)
                .isEqualTo(bits(vector));
    }

    /**
     * |got - want| in units of the float ulp at {@code want} (the ulp of the binade below for a power of two,
     * where the spacing changes); 0 when both are the same NaN/infinity, infinite when they differ in kind.
     */
    static double ulpError(float got, double want) {
        if (Double.isNaN(want) || Float.isNaN(got)) {
            return Double.isNaN(want) && Float.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        float rounded = (float) want;
        if (Float.isInfinite(rounded) || Float.isInfinite(got)) {
            return got == rounded ? 0 : Double.POSITIVE_INFINITY;
        }
        double magnitude = Math.abs(want);
        double ulp = Math.ulp((float) Math.min(magnitude, Float.MAX_VALUE));
        if (magnitude < Math.abs(rounded)) {
            ulp = Math.ulp(Math.nextDown(Math.abs(rounded)));     // want just below a power of two
        }
        return Math.abs(got - want) / ulp;
    }

    private static float[] uniform(int n, float lo, float hi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) random.nextDouble(lo, hi);
        }
        return xs;
    }

    /** Positive floats spread evenly over the binades, from the subnormals to MAX_VALUE. */
    private static float[] logUniform(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Float.intBitsToFloat(random.nextInt(1, 0x7f800000));
        }
        return xs;
    }

    /** Every n-th bit pattern: all signs and binades, subnormals, infinities and NaNs included. */
    private static float[] everyNthFloat(int n) {
        float[] xs = new float[(int) ((1L << 32) / n) + 1];
        long bits = 0;
        for (int i = 0; i < xs.length; i++, bits += n) {
            xs[i] = Float.intBitsToFloat((int) bits);
        }
        xs[xs.length - 1] = Float.POSITIVE_INFINITY;
        return xs;
    }
}
