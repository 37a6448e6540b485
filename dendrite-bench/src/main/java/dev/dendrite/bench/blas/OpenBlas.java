package dev.dendrite.bench.blas;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * OpenBLAS's {@code cblas_sgemm} and {@code cblas_sgemv}, called in-process through the foreign-function API, so a benchmark
 * can put Dendrite and OpenBLAS side by side in one JVM. Loads Debian's {@code libopenblas.so.0}
 * (package libopenblas0-pthread, the library NumPy calls) or the file named by the system property
 * {@code dendrite.openblas}. For benchmarks only: nothing in Dendrite depends on a native library.
 */
public final class OpenBlas {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final MethodHandle sgemm;
    private final MethodHandle sgemv;
    private final MethodHandle setNumThreads;
    private final String coreName;
    private final String config;

    private OpenBlas(SymbolLookup library, String file) {
        Linker linker = Linker.nativeLinker();
        sgemm = linker.downcallHandle(find(library, file, "cblas_sgemm"), FunctionDescriptor.ofVoid(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        sgemv = linker.downcallHandle(find(library, file, "cblas_sgemv"), FunctionDescriptor.ofVoid(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        setNumThreads = linker.downcallHandle(find(library, file, "openblas_set_num_threads"),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
        coreName = callString(linker, find(library, file, "openblas_get_corename"));
        config = callString(linker, find(library, file, "openblas_get_config"));
    }

    /**
     * Loads OpenBLAS.
     *
     * @throws IllegalStateException naming the file when it cannot be loaded or lacks a symbol
     */
    public static OpenBlas load() {
        String file = System.getProperty("dendrite.openblas", "libopenblas.so.0");
        try {
            return new OpenBlas(SymbolLookup.libraryLookup(file, Arena.global()), file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot load OpenBLAS from " + file
                    + " (install Debian's libopenblas0-pthread, or name the file with -Ddendrite.openblas=...)", e);
        }
    }

    private static MemorySegment find(SymbolLookup library, String file, String symbol) {
        return library.find(symbol).orElseThrow(() -> new IllegalStateException(file + " has no symbol " + symbol));
    }

    private static String callString(Linker linker, MemorySegment function) {
        try {
            MemorySegment s = (MemorySegment) linker.downcallHandle(function, FunctionDescriptor.of(ValueLayout.ADDRESS))
                    .invokeExact();
            return s.reinterpret(4096).getString(0).strip();
        } catch (Throwable t) {
            throw new IllegalStateException("OpenBLAS string query failed", t);
        }
    }

    /** The kernel OpenBLAS picked for this CPU, e.g. "Zen" or "Haswell" (openblas_get_corename). */
    public String coreName() {
        return coreName;
    }

    /** OpenBLAS's build description (openblas_get_config). */
    public String config() {
        return config;
    }

    /** Sets the number of threads OpenBLAS uses. */
    public void setThreads(int threads) {
        try {
            setNumThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }

    /**
     * Row-major C[m x n] = op(A) op(B) + beta C, with op(A) [m x k] and op(B) [k x n]; A, B and C are
     * native segments of at least the sizes their leading dimensions imply.
     */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, MemorySegment a, int lda,
                      MemorySegment b, int ldb, float beta, MemorySegment c, int ldc) {
        try {
            sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    1f, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    /**
     * Row-major y = op(A) x + beta y, with A stored [rows x cols] (leading dimension lda), op(A) = A or
     * A^T, x and y strided by incx and incy.
     */
    public void sgemv(boolean trans, int rows, int cols, MemorySegment a, int lda, MemorySegment x, int incx,
                      float beta, MemorySegment y, int incy) {
        try {
            sgemv.invokeExact(ROW_MAJOR, trans ? TRANS : NO_TRANS, rows, cols, 1f, a, lda, x, incx, beta, y, incy);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemv failed", t);
        }
    }
}
