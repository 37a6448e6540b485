package dev.dendrite.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply (SGEMM) on row-major {@code float[]} data, in pure Java with the
 * Vector API.
 *
 * <p>The algorithm is the GotoBLAS/BLIS one: op(B) is packed into {@code KC x NR} slivers, op(A) into
 * {@code MR x KC} slivers, and a register-tiled micro-kernel computes one {@code MR x NR} tile of C
 * with {@code MR * NR / lanes} vector accumulators (6 x 16 on AVX2, 6 x 64 on AVX-512). Transposition
 * is absorbed by the packing routines. Threads split C by rows around one shared packed B, or, when A
 * is the smaller operand, by columns around one shared packed A; C at most two vectors wide reads A
 * in place, and matrix-vector products read the matrix in place. Work is split over {@link Parallel}
 * in chunks fixed by the shape, and every element of C is summed in the same order whatever the
 * split, so results are bit-identical across runs and across thread counts.
 */
public final class Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Float> S4 = FloatVector.SPECIES_128;

    /** What the kernels read as C when beta is 0: C is then only written (NaN in it does not survive). */
    private static final float[] ZEROS = new float[4 * L];

    /** Most rows of any register tile (the scratch edge tile is sized for it). */
    private static final int MAX_MR = 6;

    /**
     * Tiling and cache-blocking parameters.
     *
     * @param nv   vectors per tile row: 2 for 16-register targets (AVX2), 4 the 6 x 4-vector kernel
     *             (32 registers, AVX-512)
     * @param mc   rows of A packed at a time (multiple of mr): the packed A block {@code mc x kc}
     *             stays in L2 while every B sliver passes over it
     * @param kc   depth of one packed block: one B sliver {@code kc x nr} stays in L1 while the
     *             A slivers stream through the kernel
     * @param bCap most floats of packed B held at once (bounds the per-thread buffer; sets NC)
     * @param mr   rows of the register tile: 6 (6 x 2 or 6 x 4 vectors) or, with nv = 2, 4 (4 x 2)
     */
    record Blocking(int nv, int mc, int kc, int bCap, int mr) {
        Blocking {
            if (nv != 2 && nv != 4) {
                throw new IllegalArgumentException("nv must be 2 or 4, got " + nv);
            }
            if (mr != 6 && !(mr == 4 && nv == 2)) {
                throw new IllegalArgumentException("mr must be 6 (or 4 with nv = 2), got " + mr);
            }
            if (mc < mr || mc % mr != 0 || kc < 1 || bCap < 1) {
                throw new IllegalArgumentException("bad blocking " + mc + "/" + kc + "/" + bCap);
            }
        }

        /** The default tile height for nv: 4 x 2 vectors, or 6 x 4. */
        Blocking(int nv, int mc, int kc, int bCap) {
            this(nv, mc, kc, bCap, nv == 4 ? 6 : 4);
        }

        /** Columns of the register tile. */
        int nr() {
            return nv * L;
        }
    }

    /*
     * Default blocking (Zen 3: 32 KB L1d, 512 KB L2 per core).
     *
     * 256-bit vectors (AVX2): the 6 x 2-vector kernel, KC = 1024, MC = 48. The k loop over blocks is outside the loops over C,
     * so every k block after the first reloads and rewrites all of C with beta = 1; once C outgrows
     * the caches (1024^2 and up, rows 4 KB or more apart, so the hardware prefetcher does not follow
     * a tile's rows) each tile's C loads miss to memory at the end of the kernel, and single-thread
     * throughput fell from ~56 GFLOP/s at 512^3 to ~34 at 1024^3 and 2048^3 with KC = 256. KC = 512
     * halves those passes over C: 1024^3 and 2048^3 measured ~60 GFLOP/s (KC = 384: ~45; KC = 1024
     * with MC = 48: ~40, the 32 KB B sliver no longer stays in L1). MC = 96 keeps the 96 x 512 packed
     * A block (192 KB) in L2 next to C; MC = 144 (288 KB) and 48 measured worse at KC = 512. With
     * the 6 x 2 kernel on top (single thread, JMH medians of five runs on the noisy shared machine,
     * before -> after): 256^3 56 -> 62, 512^3 35 -> 49, 1024^3 34 -> 48, 2048^3 38 -> 60 GFLOP/s,
     * 128x784x256 50 -> 53. Later, with the 6 x 2 kernel, paired comparisons (GemmBlockingComparison,
     * blockings alternating every 100 ms in one JVM) put KC = 1024 ahead of 512 everywhere k > 512:
     * one thread 1024^3 73.6 -> 78.4, 2048^3 73.9 -> 80.8, 1000^3 (both transposed) 73.2 -> 77.9,
     * 128x256x784 74-76 -> 76-77 GFLOP/s; two threads 1024^3 119 -> 123, 2048^3 160 -> 163, 1000^3
     * 137 -> 145. The 1024 x 16 B sliver (64 KB) then lives in L2, not L1, and C is passed once.
     * MC = 96 -> 48 (A block 384 -> 192 KB) after the 26-instruction kernel loop, paired the same
     * way: never slower, and faster when another tenant shares the core and its L2 (two threads,
     * 1024^3 +1-10%, 2048^3 +1-9% over five runs; one thread 1024^3 +3%, 2048^3 +6%); the MLP's
     * products within +-2%; MC = 24 and 36 measured the same as 48.
     *
     * 512-bit vectors (AVX-512, not measured on this machine): unchanged, KC = 256, MC = 144 (the
     * 144 x 256 packed A block, 144 KB, in L2).
     *
     * bCap = 1M floats (4 MB): all of B at once for n up to 1024 at k = 1024. At 2048^3 with two
     * threads, four column blocks of 4 MB ran 17-22% faster than two of 8 MB (paired: 124-132 ->
     * 150-154 GFLOP/s; 2M floats had been the default), 1024^3 and one thread unchanged; 256K floats
     * measured slower at every size. System properties dendrite.gemm.{nv,mr,mc,kc,bcap} override
     * these for tuning experiments.
     */
    static final Blocking DEFAULT = new Blocking(
            Integer.getInteger("dendrite.gemm.nv", S.vectorBitSize() >= 512 ? 4 : 2),
            Integer.getInteger("dendrite.gemm.mc", S.vectorBitSize() >= 512 ? 144 : 48),
            Integer.getInteger("dendrite.gemm.kc", S.vectorBitSize() >= 512 ? 256 : 1024),
            Integer.getInteger("dendrite.gemm.bcap", 1 << 20),
            Integer.getInteger("dendrite.gemm.mr", 6));

    /**
     * Products below this many floating-point operations (2mnk) run on the calling thread. A
     * Parallel.forEach(2) round trip measured 15 us median (20-37 us when the worker had parked);
     * at ~70 GFLOP/s per core a second core saves F/140 GFLOP/s, which beats 25 us from ~3.5 MFLOP.
     * So the MLP's 10-wide last layer (0.3 MFLOP) runs inline, its 128 x 128 x 256 layer (8 MFLOP) in
     * parallel.
     */
    static final long PARALLEL_FLOPS = Long.getLong("dendrite.gemm.parallelFlops", 4_000_000L);

    /**
     * Matrix-vector products with a matrix of at least this many floats are split over the threads.
     * They are bound by reading the matrix (a 256 x 784 layer is 800 KB, more than one core's L2), so
     * each core reading half - the same half every call, from its own L2 - beats one core streaming
     * it all from L3, once the pool's workers answer in about a microsecond (they spin between calls).
     * 16K floats splits the MLP's 128 x 256 second layer too: its 64 KB halves then join each core's
     * 392 KB half of the first layer within one L2, and a batch-1 forward measured 4-10% faster than
     * with 64K (paired, thresholds alternating in one JVM).
     */
    static final long GEMV_PARALLEL_ELEMENTS = Long.getLong("dendrite.gemm.gemvParallelElements", 1L << 14);

    private Gemm() {
    }

    /** Per-thread scratch: packed A block, packed B (caller only), an edge tile, a vector buffer. */
    private static final class Workspace {
        private float[] a = new float[0];
        private float[] b = new float[0];
        private float[] sharedA = new float[0];
        private float[] v = new float[0];
        private float[] t = new float[0];
        private int[] sync = new int[0];
        final float[] tile = new float[MAX_MR * 4 * L];
        private int matrixVectorCalls;

        /** Whether this thread's next matrix-vector product should run its rows backwards (every other one). */
        boolean backwards() {
            return (matrixVectorCalls++ & 1) != 0;
        }

        /** Packed A block. */
        float[] a(int size) {
            return a = atLeast(a, size);
        }

        /** Packed B (the calling thread's, shared with the workers of its call). */
        float[] b(int size) {
            return b = atLeast(b, size);
        }

        /** All of op(A), packed (the calling thread's, shared with the workers of its call). */
        float[] sharedA(int size) {
            return sharedA = atLeast(sharedA, size);
        }

        /** A gathered strided vector of a matrix-vector product. */
        float[] v(int size) {
            return v = atLeast(v, size);
        }

        /** Column sums of one range of an axpy matrix-vector product. */
        float[] t(int size) {
            return t = atLeast(t, size);
        }

        /** Zeroed claim counters and ready flags for one threaded block. */
        int[] sync(int size) {
            if (sync.length < size) {
                sync = new int[size];
            }
            java.util.Arrays.fill(sync, 0, size, 0);
            return sync;
        }

        private static float[] atLeast(float[] buffer, int size) {
            return buffer.length < size ? new float[size] : buffer;
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /**
     * C = op(A) * op(B) for dense, contiguous operands (alpha = 1, beta = 0): op(A) is m x k, op(B) is
     * k x n, C is m x n, leading dimensions those of the stored matrices.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
    }

    /**
     * C = alpha * op(A) * op(B) + beta * C, all row-major float32. op(A) is m x k, op(B) is k x n, C is
     * m x n.
     *
     * <p>If {@code !transA}, A(i,p) is {@code a[aOffset + i*lda + p]}; if {@code transA}, A is stored
     * k x m and op(A)(i,p) is {@code a[aOffset + p*lda + i]}. Likewise B (stored k x n, or n x k when
     * {@code transB}). C(i,j) is {@code c[cOffset + i*ldc + j]}. With {@code beta == 0} C is only
     * written, never read (NaN in C is overwritten); with {@code alpha == 0} or {@code k == 0} A and B
     * are not read.
     *
     * @throws IllegalArgumentException if a size is negative, a leading dimension is too small, or
     *                                  an operand does not fit its array
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        sgemm(DEFAULT, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /** {@link #sgemm} with explicit blocking; package-private for tests and tuning. */
    static void sgemm(Blocking bl, boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOffset, int lda,
                      float[] b, int bOffset, int ldb,
                      float beta, float[] c, int cOffset, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        checkOperand("C", c, cOffset, ldc, m, n);
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOffset, ldc);
            return;
        }
        checkOperand("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
        checkOperand("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);

        boolean vector = m == 1 || n == 1;
        boolean parallel = vector ? (long) Math.max(m, n) * k >= GEMV_PARALLEL_ELEMENTS : 2.0 * m * n * k >= PARALLEL_FLOPS;
        int threads = parallel ? Parallel.threads() : 1;
        if (vector) {
            gemv(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
        } else if (n < bl.nr() && m >= 2 * bl.nr()) {
            thin(bl, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    threads);
        } else if (m <= SHORT_ROWS && !transB && n >= 2 * L) {
            shortC(transA, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
        } else {
            gemm(bl, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
        }
    }

    private static void checkOperand(String name, float[] x, int offset, int ld, int rows, int cols) {
        if (x == null) {
            throw new IllegalArgumentException("sgemm: " + name + " is null");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                    + ", needs at least " + cols + " (stored " + rows + " x " + cols + ")");
        }
        long end = (long) offset + (long) (rows - 1) * ld + cols;
        if (offset < 0 || end > x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " (stored " + rows + " x " + cols + ", offset "
                    + offset + ", leading dimension " + ld + ") needs " + end + " floats, array has " + x.length);
        }
    }

    /** C = beta * C (beta == 0 overwrites, so NaN does not survive). */
    private static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    /** The final combination of an accumulated sum with C; the vector store uses the same formula. */
    private static float combine(float acc, float alpha, float beta, float cOld) {
        return Math.fma(acc, alpha, beta == 0f ? 0f : cOld * beta);
    }

    /**
     * C narrower than one register tile (a 10-class output layer): op(B) is packed into zero-padded
     * slivers two vectors wide (one for n <= 2L), which costs k x 2L copies each, and A is read where it
     * lies, which saves packing all of it for so little work per element (packing A^T was half the
     * time of a 128 x 10 x 128 product). Each 6-row panel is computed by {@link #kernel6x2InPlace}
     * into scratch and merged into C with the kernels' store formula; panels are split over the threads.
     */
    private static void thin(Blocking bl, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, int threads) {
        int width = 2 * L;
        int slivers = (n + width - 1) / width;
        int kcMax = bl.kc();
        // Sliver s holds columns [s * width, s * width + width) of op(B), row p at s * k * width + p * width.
        float[] bp = WORKSPACE.get().b(slivers * k * width);
        for (int s = 0; s < slivers; s++) {
            int j = s * width;
            if (transB) {
                packTransposed(b, bOffset + j * ldb, ldb, Math.min(width, n - j), k, bp, s * k * width, width);
            } else {
                packRows(b, bOffset + j, ldb, k, Math.min(width, n - j), bp, s * k * width, width);
            }
        }
        // A(i, p) is at a[aOffset + i * rs + p * ps].
        int rs = transA ? 1 : lda;
        int ps = transA ? lda : 1;
        int panels = (m + 5) / 6;
        Parallel.RangeBody body = (from, to) -> {
            float[] tile = WORKSPACE.get().tile;
            for (int q = from; q < to; q++) {
                int i = q * 6;
                int h = Math.min(6, m - i);
                for (int s = 0; s < slivers; s++) {
                    int j0 = s * width;
                    int w = Math.min(width, n - j0);
                    for (int p0 = 0; p0 < k; p0 += kcMax) {
                        int kc = Math.min(kcMax, k - p0);
                        kernel6x2InPlace(kc, a, aOffset + i * rs + p0 * ps, rs, ps, h, bp, (s * k + p0) * width, width,
                                tile);
                        mergeTile(tile, width, h, w, alpha, p0 == 0 ? beta : 1f, c, cOffset + i * ldc + j0, ldc);
                    }
                }
            }
        };
        if (threads == 1) {
            body.run(0, panels);
        } else {
            Parallel.forRange(panels, 4, body);
        }
    }

    /** C with at most this many rows (two 6-row panels) and B not transposed goes to {@link #shortC}. */
    private static final int SHORT_ROWS = 12;

    /**
     * C with few rows (m <= {@value #SHORT_ROWS}: the weight gradient of a 10-class layer, 10 x 128 x
     * 128) and B not transposed. Both operands are read where they lie: packing B (k x n) would cost
     * about as much as the product, which reads each element of B only once per 6-row panel. Only a
     * last sliver narrower than the tile is copied, zero-padded, so no read runs past a row of B. Each
     * tile sums all of k in registers; slivers are split over the threads.
     */
    private static void shortC(boolean transA, int m, int n, int k, float alpha, float[] a, int aOffset, int lda,
                               float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc,
                               int threads) {
        int width = 2 * L;
        int slivers = (n + width - 1) / width;
        int rs = transA ? 1 : lda; // A(i, p) is at a[aOffset + i * rs + p * ps]
        int ps = transA ? lda : 1;
        Parallel.RangeBody body = (from, to) -> {
            Workspace ws = WORKSPACE.get();
            for (int s = from; s < to; s++) {
                int j = s * width;
                int w = Math.min(width, n - j);
                float[] bs = b;
                int ib = bOffset + j;
                int stride = ldb;
                if (w < width) {
                    bs = ws.b(k * width);
                    packRows(b, bOffset + j, ldb, k, w, bs, 0, width);
                    ib = 0;
                    stride = width;
                }
                for (int i = 0; i < m; i += 6) {
                    int h = Math.min(6, m - i);
                    kernel6x2InPlace(k, a, aOffset + i * rs, rs, ps, h, bs, ib, stride, ws.tile);
                    mergeTile(ws.tile, width, h, w, alpha, beta, c, cOffset + i * ldc + j, ldc);
                }
            }
        };
        if (threads == 1) {
            body.run(0, slivers);
        } else {
            Parallel.forRange(slivers, 2, body);
        }
    }

    /**
     * C[0:h, 0:w] at c[at] (row stride ldc) = alpha * tile + beta * C, tile rows {@code width} apart:
     * whole vectors with the kernels' store formula, the last columns by {@link #combine}, which
     * rounds the same way.
     */
    private static void mergeTile(float[] tile, int width, int h, int w, float alpha, float beta,
                                  float[] c, int at, int ldc) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        int whole = w / L * L;
        float[] cIn = beta == 0f ? ZEROS : c; // C is not read when beta is 0 (see kernel6x2)
        for (int r = 0; r < h; r++) {
            int row = at + r * ldc;
            int in = beta == 0f ? 0 : row;
            int t = r * width;
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, tile, t + j).fma(va, FloatVector.fromArray(S, cIn, in + j).mul(vb))
                        .intoArray(c, row + j);
            }
            for (int j = whole; j < w; j++) {
                c[row + j] = combine(tile[t + j], alpha, beta, c[row + j]);
            }
        }
    }

    // ---------------------------------------------------------------- GEMM driver

    private static void gemm(Blocking bl, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, int threads) {
        int nr = bl.nr();
        int mr = bl.mr();
        int kcMax = bl.kc();
        // All of k is packed for a block of nc columns, so one pass over B serves every row of C and
        // the threads share it; nc is limited only by bCap (NC in Goto's terms).
        int ncMax = Math.max(nr, Math.min(roundUp(n, nr), bl.bCap() / k / nr * nr));
        if (threads > 1 && splitColumns(bl, m, n, k, threads)) {
            byColumns(bl, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                    threads);
            return;
        }
        Workspace ws = WORKSPACE.get();
        float[] bp = ws.b(k * ncMax);
        int mPanels = (m + mr - 1) / mr;
        int kBlocks = (k + kcMax - 1) / kcMax;
        for (int jc = 0; jc < n; jc += ncMax) {
            int nc = Math.min(ncMax, n - jc);
            int slivers = (nc + nr - 1) / nr;
            int col = jc;
            if (threads == 1) {
                packB(bl, transB, k, b, bOffset, ldb, col, nc, bp);
                compute(bl, transA, m, k, alpha, a, aOffset, lda, beta, c, cOffset, ldc, bp, col, nc,
                        0, m, 0, slivers, null);
                continue;
            }
            // Work is cut into fixed chunks, about four per thread, which the threads claim in any
            // order: which thread computes a chunk never changes how its elements are summed, so the
            // result is the same for any timing or thread count, and a thread that starts late (or is
            // descheduled on a busy machine) leaves its share to the others instead of holding them up.
            // Rows of C are split (in whole mr panels, every chunk packing only its own rows of A) when
            // there are enough of them; otherwise columns, each chunk packing the (small) A itself.
            boolean byRows = mPanels >= 2 * threads;
            int parts = 4 * threads;
            // Row chunks of at most half an A block (24 rows at MC = 48): at 1024^3 and 2048^3 (2 threads,
            // MC = 96) 48-row chunks ran 3-9% faster than 96-row ones (151 -> 158, 147 -> 150 GFLOP/s),
            // the finer claims evening out the two threads; one thread's blocking is unaffected.
            int rowChunk = Math.max(mr, bl.mc() / 2 / mr * mr);
            int chunk = byRows
                    ? Math.min(rowChunk, roundUp((m + parts - 1) / parts, mr))
                    : Math.max(1, (slivers + parts - 1) / parts);
            int chunks = byRows ? (m + chunk - 1) / chunk : (slivers + chunk - 1) / chunk;
            // The packed B is shared: its kBlocks x slivers units are packed first, claimed the same
            // way; sync[2 + unit] is set when a unit is ready, so a chunk can start on the units that
            // are and only waits for one another thread is still packing. One hand-off per call.
            int groups = unitsPerKBlock(slivers);
            int units = kBlocks * groups;
            int[] sync = ws.sync(2 + units);
            SharedPack shared = new SharedPack(sync, u -> {
                int p0 = u / groups * kcMax;
                int s0 = u % groups * SLIVERS_PER_UNIT;
                packSlivers(bl, transB, b, bOffset, ldb, col, nc, p0, Math.min(kcMax, k - p0), s0,
                        Math.min(slivers, s0 + SLIVERS_PER_UNIT), bp);
                INTS.setRelease(sync, 2 + u, 1);
            });
            Parallel.forEach(Math.min(threads, chunks), t -> {
                for (int u; (u = (int) INTS.getAndAdd(sync, 0, 1)) < units; ) {
                    shared.pack().accept(u);
                }
                for (int ch; (ch = (int) INTS.getAndAdd(sync, 1, 1)) < chunks; ) {
                    if (byRows) {
                        compute(bl, transA, m, k, alpha, a, aOffset, lda, beta, c, cOffset, ldc, bp, col, nc,
                                ch * chunk, Math.min(m, (ch + 1) * chunk), 0, slivers, shared);
                    } else {
                        compute(bl, transA, m, k, alpha, a, aOffset, lda, beta, c, cOffset, ldc, bp, col, nc,
                                0, m, ch * chunk, Math.min(slivers, (ch + 1) * chunk), shared);
                    }
                }
            });
        }
    }

    /**
     * Slivers of B per shared packing unit: packed together row group by row group (see
     * {@link #packRowGroups}), four 16-wide slivers read 256 contiguous bytes of each row.
     */
    private static final int SLIVERS_PER_UNIT = 4;

    /** Shared packing units in one k block of a B with this many slivers (unit u starts at sliver 4u). */
    private static int unitsPerKBlock(int slivers) {
        return (slivers + SLIVERS_PER_UNIT - 1) / SLIVERS_PER_UNIT;
    }

    /** Most floats of packed A that {@link #byColumns} shares (2 MB: it should stay within L2 and L3). */
    private static final long SHARED_A_FLOATS = 1L << 19;

    /**
     * Whether the threads split C by columns rather than rows. Splitting rows, every chunk reads all
     * of the packed B and reuses each sliver only for its own few rows; splitting columns, every chunk
     * reads all of the packed A. So columns when A is the smaller operand (m <= n, the MLP's products
     * at batch 128) or rows are too few to share, as long as the packed A is small.
     */
    private static boolean splitColumns(Blocking bl, int m, int n, int k, int threads) {
        int slivers = (n + bl.nr() - 1) / bl.nr();
        int panels = (m + bl.mr() - 1) / bl.mr();
        return slivers >= 2 * threads && (long) panels * bl.mr() * k <= SHARED_A_FLOATS
                && (m <= n || panels < 2 * threads);
    }

    /**
     * The threaded product split by columns: all of op(A) is packed once, shared (its units, a k block
     * of one mr panel, claimed like the packed B's in {@link #gemm}); B slivers are claimed one by one
     * in any order, and each is packed by its thread, one k block at a time, so it stays in L1 while
     * every panel of A passes over it. Every element is summed as in {@link #compute}.
     */
    private static void byColumns(Blocking bl, boolean transA, boolean transB, int m, int n, int k,
                                  float alpha, float[] a, int aOffset, int lda,
                                  float[] b, int bOffset, int ldb,
                                  float beta, float[] c, int cOffset, int ldc, int threads) {
        int nr = bl.nr();
        int mr = bl.mr();
        int kcMax = bl.kc();
        int mPad = roundUp(m, mr);
        int panels = mPad / mr;
        int units = (k + kcMax - 1) / kcMax * panels;
        int slivers = (n + nr - 1) / nr;
        // The slivers are cut into one contiguous range per thread, claimed one sliver at a time:
        // each thread starts on its own range, then helps finish the others. Whole-sliver claims keep
        // the threads even (49 slivers claimed 7 at a time ran 4 chunks against 3); owned ranges keep
        // neighbouring slivers on one thread, since the C rows of two neighbours share a cache line at
        // their border (a float[] is not line-aligned), and two threads storing into one line at
        // every tile slow each other (measured 1-3% at batch-128 MLP shapes).
        Workspace ws = WORKSPACE.get();
        float[] ap = ws.sharedA(mPad * k);
        int[] sync = ws.sync(2 + units + threads);
        int claims = 2 + units;
        SharedPack shared = new SharedPack(sync, u -> {
            int p0 = u / panels * kcMax;
            int kc = Math.min(kcMax, k - p0);
            int i = u % panels * mr;
            int at = p0 * mPad + i * kc;
            if (transA) {
                packRowsOfAT(a, aOffset + p0 * lda + i, lda, Math.min(mr, m - i), kc, ap, at, mr, false);
            } else {
                packA(a, aOffset + i * lda + p0, lda, Math.min(mr, m - i), kc, ap, at, mr);
            }
            INTS.setRelease(sync, 2 + u, 1);
        });
        Parallel.forEach(threads, t -> {
            for (int u; (u = (int) INTS.getAndAdd(sync, 0, 1)) < units; ) {
                shared.pack().accept(u);
            }
            Workspace own = WORKSPACE.get();
            float[] bp = own.b(Math.min(kcMax, k) * nr);
            for (int r = 0; r < threads; r++) {
                int range = (t + r) % threads;
                int first = range * slivers / threads;
                int end = (range + 1) * slivers / threads;
                for (int s; (s = first + (int) INTS.getAndAdd(sync, claims + range, 1)) < end; ) {
                    sliver(bl, transB, m, n, k, alpha, b, bOffset, ldb, beta, c, cOffset, ldc, s, ap, mPad, panels,
                            shared, bp, own.tile);
                }
            }
        });
    }

    /**
     * C[:, s*nr : s*nr + nr] of {@link #byColumns}: packs sliver s one k block at a time into bp and
     * runs every panel of the shared packed A over it.
     */
    private static void sliver(Blocking bl, boolean transB, int m, int n, int k, float alpha,
                               float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc, int s,
                               float[] ap, int mPad, int panels, SharedPack shared, float[] bp, float[] scratch) {
        int nr = bl.nr();
        int mr = bl.mr();
        int kcMax = bl.kc();
        int j = s * nr;
        int w = Math.min(nr, n - j);
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            if (transB) {
                packTransposed(b, bOffset + j * ldb + p0, ldb, w, kc, bp, 0, nr);
            } else {
                packRows(b, bOffset + p0 * ldb + j, ldb, kc, w, bp, 0, nr);
            }
            float betaBlock = p0 == 0 ? beta : 1f;
            for (int q = 0; q < panels; q++) {
                shared.await(p0 / kcMax * panels + q);
                tile(bl, kc, ap, p0 * mPad + q * mr * kc, bp, 0, c, cOffset, ldc, q * mr, j,
                        Math.min(mr, m - q * mr), w, alpha, betaBlock, scratch);
            }
        }
    }

    /**
     * How long a thread spins for a packed unit another thread is packing before it packs the unit
     * too (see {@link SharedPack#await}). Tests set a negative value: every use of a unit then
     * packs it again, while the other threads may be reading it.
     */
    static long packPatienceNanos = 20_000;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    /**
     * A packed operand the threads of one call share: {@code sync[2 + u]} is set once unit u (a k block
     * of one B sliver, or of one A panel) is packed, and {@code pack} packs unit u and sets its flag.
     */
    private record SharedPack(int[] sync, java.util.function.IntConsumer pack) {

        /**
         * Returns once unit u is packed. The thread that claimed it is normally done within a few
         * microseconds; if it was descheduled (a loaded machine), this thread packs the unit itself
         * rather than wait a scheduler quantum. Both then write the same values to the same places,
         * and the flag is set again. That is harmless only because no packing routine ever stores
         * anything but final values, not even for a moment (no wide store spilling into the next
         * slot): a third thread may already be reading the unit.
         */
        void await(int u) {
            if ((int) INTS.getAcquire(sync, 2 + u) != 0) {
                if (packPatienceNanos < 0) {
                    pack.accept(u); // test hook: pack again while others may be reading it
                }
                return;
            }
            long start = System.nanoTime();
            for (int spins = 1; (int) INTS.getAcquire(sync, 2 + u) == 0; spins++) {
                if ((spins & 63) == 0 && System.nanoTime() - start > packPatienceNanos) {
                    pack.accept(u);
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /** Packs all of op(B)[0:k, jc:jc+nc] (see {@link #packSliver} for the layout). */
    private static void packB(Blocking bl, boolean transB, int k, float[] b, int bOffset, int ldb,
                              int jc, int nc, float[] bp) {
        int slivers = (nc + bl.nr() - 1) / bl.nr();
        for (int p0 = 0; p0 < k; p0 += bl.kc()) {
            packSlivers(bl, transB, b, bOffset, ldb, jc, nc, p0, Math.min(bl.kc(), k - p0), 0, slivers, bp);
        }
    }

    /** Packs slivers [s0, s1) of the k block starting at p0 (layout of {@link #packSliver}). */
    private static void packSlivers(Blocking bl, boolean transB, float[] b, int bOffset, int ldb, int jc, int nc,
                                    int p0, int kc, int s0, int s1, float[] bp) {
        int nr = bl.nr();
        int s = s0;
        if (!transB && nr % L == 0) {
            int full = Math.max(s0, Math.min(s1, nc / nr));
            packRowGroups(b, bOffset + p0 * ldb + jc + s0 * nr, ldb, kc, full - s0, bp,
                    p0 * roundUp(nc, nr) + s0 * kc * nr, nr);
            s = full;
        }
        for (; s < s1; s++) {
            packSliver(transB, b, bOffset, ldb, jc, nc, p0, kc, s, bp, nr);
        }
    }

    /**
     * packRows for {@code slivers} full slivers side by side, a few rows at a time across all of them:
     * sliver by sliver, the reads would walk down the columns of B at a stride of one row, a multiple
     * of 4 KB for power-of-two widths, which maps every row to the same few cache sets.
     */
    private static void packRowGroups(float[] x, int src, int ld, int rows, int slivers, float[] dst, int at, int nr) {
        final int group = 8;
        for (int p0 = 0; p0 < rows; p0 += group) {
            int p1 = Math.min(rows, p0 + group);
            for (int s = 0; s < slivers; s++) {
                int to = at + s * rows * nr;
                for (int p = p0; p < p1; p++) {
                    int from = src + p * ld + s * nr;
                    for (int v = 0; v < nr; v += L) {
                        FloatVector.fromArray(S, x, from + v).intoArray(dst, to + p * nr + v);
                    }
                }
            }
        }
    }

    /**
     * Packs sliver s of the k block starting at p0 of op(B)[., jc:jc+nc]. Layout: the k blocks one
     * after another, block p0 at {@code p0 * ncPad}; inside a block, sliver s at {@code s * kc * nr},
     * row p of the sliver at {@code p * nr}. Columns past nc are zero.
     */
    private static void packSliver(boolean transB, float[] b, int bOffset, int ldb, int jc, int nc,
                                   int p0, int kc, int s, float[] bp, int nr) {
        int j = jc + s * nr;
        int w = Math.min(nr, jc + nc - j);
        int dst = p0 * roundUp(nc, nr) + s * kc * nr;
        if (transB) {
            packTransposed(b, bOffset + j * ldb + p0, ldb, w, kc, bp, dst, nr);
        } else {
            packRows(b, bOffset + p0 * ldb + j, ldb, kc, w, bp, dst, nr);
        }
    }

    /**
     * Copies a rows x w block (row stride ld) to dst with row stride width, zero-filling columns w..width.
     */
    private static void packRows(float[] x, int src, int ld, int rows, int w, float[] dst, int at, int width) {
        if (w == width && width % L == 0) {
            for (int p = 0; p < rows; p++) {
                int from = src + p * ld;
                int to = at + p * width;
                for (int v = 0; v < width; v += L) {
                    FloatVector.fromArray(S, x, from + v).intoArray(dst, to + v);
                }
            }
            return;
        }
        if (width % L == 0) {
            // A narrow sliver (the 10-class layer's B): masked loads read the w columns and zero the rest.
            for (int v = 0; v < width; v += L) {
                VectorMask<Float> valid = S.indexInRange(v, w);
                for (int p = 0; p < rows; p++) {
                    FloatVector.fromArray(S, x, src + p * ld + v, valid).intoArray(dst, at + p * width + v);
                }
            }
            return;
        }
        for (int p = 0; p < rows; p++) {
            int from = src + p * ld;
            int to = at + p * width;
            for (int j = 0; j < w; j++) {
                dst[to + j] = x[from + j];
            }
            for (int j = w; j < width; j++) {
                dst[to + j] = 0f;
            }
        }
    }

    /**
     * Transposing copy: w source rows of length depth (stride ld) become w columns of a depth x width
     * block at dst (row stride width); columns w..width are zero.
     */
    private static void packTransposed(float[] x, int src, int ld, int w, int depth, float[] dst, int at, int width) {
        int j = 0;
        if (Transpose8.USABLE) {
            // Eight source rows at a time, 8 x 8 blocks transposed in registers, the depth tail by element.
            for (; j + 8 <= w; j += 8) {
                int p = 0;
                for (; p + 8 <= depth; p += 8) {
                    Transpose8.block(x, src + j * ld + p, ld, dst, at + p * width + j, width);
                }
                for (; p < depth; p++) {
                    for (int l = 0; l < 8; l++) {
                        dst[at + p * width + j + l] = x[src + (j + l) * ld + p];
                    }
                }
            }
        }
        // Four source rows at a time: four read streams, and each group of four stores is contiguous.
        // (A gather of L rows per k step measured no faster.)
        for (; j + 4 <= w; j += 4) {
            int r0 = src + j * ld;
            int r1 = r0 + ld;
            int r2 = r1 + ld;
            int r3 = r2 + ld;
            for (int p = 0; p < depth; p++) {
                int d = at + p * width + j;
                dst[d] = x[r0 + p];
                dst[d + 1] = x[r1 + p];
                dst[d + 2] = x[r2 + p];
                dst[d + 3] = x[r3 + p];
            }
        }
        for (; j < w; j++) {
            int from = src + j * ld;
            for (int p = 0; p < depth; p++) {
                dst[at + p * width + j] = x[from + p];
            }
        }
        if (w < width) {
            for (int p = 0; p < depth; p++) {
                for (int q = at + p * width + w, end = at + (p + 1) * width; q < end; q++) {
                    dst[q] = 0f; // a few floats a row: a loop, not Arrays.fill's call
                }
            }
        }
    }

    /**
     * Computes C[r0:r1, jc + s0*nr : jc + s1*nr] (clipped to nc) from the packed B, packing rows of A
     * block by block. r0 is a multiple of mr. With {@code shared} (threaded), waits for each B unit to
     * be packed before using it.
     */
    private static void compute(Blocking bl, boolean transA, int m, int k, float alpha,
                                float[] a, int aOffset, int lda, float beta, float[] c, int cOffset, int ldc,
                                float[] bp, int jc, int nc, int r0, int r1, int s0, int s1, SharedPack shared) {
        int nr = bl.nr();
        int mr = bl.mr();
        int ncPad = roundUp(nc, nr);
        Workspace ws = WORKSPACE.get();
        float[] ap = ws.a(bl.mc() * bl.kc());
        for (int p0 = 0; p0 < k; p0 += bl.kc()) {
            int kc = Math.min(bl.kc(), k - p0);
            // C is scaled by beta with the first k block only; later blocks accumulate.
            float betaBlock = p0 == 0 ? beta : 1f;
            for (int i0 = r0; i0 < r1; i0 += bl.mc()) {
                int mc = Math.min(bl.mc(), r1 - i0);
                if (transA) {
                    packRowsOfAT(a, aOffset + p0 * lda + i0, lda, mc, kc, ap, 0, mr, true);
                } else {
                    packA(a, aOffset + i0 * lda + p0, lda, mc, kc, ap, 0, mr);
                }
                for (int s = s0; s < s1; s++) {
                    if (shared != null) {
                        shared.await(p0 / bl.kc() * unitsPerKBlock(ncPad / nr) + s / SLIVERS_PER_UNIT);
                    }
                    int j = jc + s * nr;
                    int w = Math.min(nr, jc + nc - j);
                    int ib = p0 * ncPad + s * kc * nr;
                    for (int i = i0; i < i0 + mc; i += mr) {
                        tile(bl, kc, ap, (i - i0) * kc, bp, ib, c, cOffset, ldc, i, j, Math.min(mr, i0 + mc - i), w,
                                alpha, betaBlock, ws.tile);
                    }
                }
            }
        }
    }

    /**
     * One register tile: C[i : i+h, j : j+w] = alpha * (A sliver at ap[ia] . B sliver at bp[ib]) +
     * beta * C, h <= mr and w <= nr. A full tile is stored by the kernel; an edge tile is computed
     * whole into {@code scratch}, then its valid part merged with the same formula the vector store
     * uses, so edges round exactly like interiors.
     */
    private static void tile(Blocking bl, int kc, float[] ap, int ia, float[] bp, int ib,
                             float[] c, int cOffset, int ldc, int i, int j, int h, int w,
                             float alpha, float beta, float[] scratch) {
        int nr = bl.nr();
        boolean wide = bl.nv() == 4;
        boolean tall = !wide && bl.mr() == 6;
        if (h == bl.mr() && w == nr) {
            int at = cOffset + i * ldc + j;
            float[] cIn = beta == 0f ? ZEROS : c;
            int in = beta == 0f ? 0 : at;
            int ldcIn = beta == 0f ? 0 : ldc;
            if (wide) {
                kernel6x4(kc, ap, ia, bp, ib, c, at, ldc, cIn, in, ldcIn, alpha, beta);
            } else if (tall) {
                kernel6x2(kc, ap, ia, bp, ib, c, at, ldc, cIn, in, ldcIn, alpha, beta);
            } else {
                kernel4x2(kc, ap, ia, bp, ib, c, at, ldc, cIn, in, ldcIn, alpha, beta);
            }
            return;
        }
        if (wide) {
            kernel6x4(kc, ap, ia, bp, ib, scratch, 0, nr, ZEROS, 0, 0, 1f, 0f);
        } else if (tall) {
            kernel6x2(kc, ap, ia, bp, ib, scratch, 0, nr, ZEROS, 0, 0, 1f, 0f);
        } else {
            kernel4x2(kc, ap, ia, bp, ib, scratch, 0, nr, ZEROS, 0, 0, 1f, 0f);
        }
        mergeTile(scratch, nr, h, w, alpha, beta, c, cOffset + i * ldc + j, ldc);
    }

    /**
     * Packs rows [0, mc) of A (row stride lda, from src) into mr-row slivers: sliver q at
     * at + q*mr*kc, element (r, p) at p*mr + r; rows past mc are zero. Writes nothing outside them.
     */
    private static void packA(float[] a, int src, int lda, int mc, int kc, float[] ap, int at, int mr) {
        for (int i = 0; i < mc; i += mr) {
            int h = Math.min(mr, mc - i);
            int dst = at + i * kc;
            if (h == 4 && mr == 4) {
                int r0 = src + i * lda;
                int r1 = r0 + lda;
                int r2 = r1 + lda;
                int r3 = r2 + lda;
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * 4;
                    ap[d] = a[r0 + p];
                    ap[d + 1] = a[r1 + p];
                    ap[d + 2] = a[r2 + p];
                    ap[d + 3] = a[r3 + p];
                }
            } else if (h == 6 && mr == 6) {
                int r0 = src + i * lda;
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * 6;
                    ap[d] = a[r0 + p];
                    ap[d + 1] = a[r0 + lda + p];
                    ap[d + 2] = a[r0 + 2 * lda + p];
                    ap[d + 3] = a[r0 + 3 * lda + p];
                    ap[d + 4] = a[r0 + 4 * lda + p];
                    ap[d + 5] = a[r0 + 5 * lda + p];
                }
            } else {
                int from = src + i * lda;
                for (int r = 0; r < h; r++) {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * mr + r] = a[from + r * lda + p];
                    }
                }
                zeroRows(ap, dst, h, mr, kc);
            }
        }
    }

    private static void zeroRows(float[] ap, int dst, int h, int mr, int kc) {
        if (h < mr) {
            for (int p = 0; p < kc; p++) {
                for (int r = h; r < mr; r++) {
                    ap[dst + p * mr + r] = 0f;
                }
            }
        }
    }

    /**
     * Packs A stored transposed (k x m, op(A)(i,p) at src + p*lda + i) into the same sliver layout as
     * {@link #packA}, from {@code at}: each k step is mr consecutive floats of one stored row. Writes
     * nothing outside the slivers; unless {@code exclusive} (the packed block is this thread's alone)
     * it never stores anything but final values, so a unit may be packed by two threads at once.
     */
    private static void packRowsOfAT(float[] a, int src, int lda, int mc, int kc, float[] ap, int at, int mr,
                                     boolean exclusive) {
        for (int i = 0; i < mc; i += mr) {
            int h = Math.min(mr, mc - i);
            int dst = at + i * kc;
            if (h == 4 && mr == 4) {
                for (int p = 0; p < kc; p++) {
                    FloatVector.fromArray(S4, a, src + p * lda + i).intoArray(ap, dst + p * 4);
                }
                continue;
            }
            int p = 0;
            if (exclusive && h == mr && mr < L && src + (kc - 1) * lda + i + L <= a.length) {
                // One vector per k step: its lanes past mr spill into the next step's slot, which that
                // step then overwrites (ascending p); the last step is copied below, without a spill.
                for (; p < kc - 1; p++) {
                    FloatVector.fromArray(S, a, src + p * lda + i).intoArray(ap, dst + p * mr);
                }
            } else if (h == 6 && mr == 6) {
                // Shared: four lanes and two per k step, since a unit may be packed twice at once while
                // another thread reads it, so not even a spill that is overwritten later is allowed.
                for (; p < kc; p++) {
                    int from = src + p * lda + i;
                    int d = dst + p * 6;
                    FloatVector.fromArray(S4, a, from).intoArray(ap, d);
                    ap[d + 4] = a[from + 4];
                    ap[d + 5] = a[from + 5];
                }
            }
            for (; p < kc; p++) {
                int from = src + p * lda + i;
                int d = dst + p * mr;
                for (int r = 0; r < h; r++) {
                    ap[d + r] = a[from + r];
                }
            }
            zeroRows(ap, dst, h, mr, kc);
        }
    }

    // ---------------------------------------------------------------- micro-kernels
    //
    // If C2 schedules every load of the loop body (the V B vectors and all R broadcasts of A) before
    // the FMAs, the live set is R*V accumulators + V + R; beyond the register file it spills an
    // accumulator inside the loop and throughput halves (an earlier 6 x 2 on AVX2: 42 vs 90 GFLOP/s
    // measured). kernel6x2 broadcasts each A element right before its two FMAs (12 accumulators +
    // 2 B vectors + 1 broadcast = 15 of 16 registers) and measured faster than 4 x 2 at every
    // square size from 256 to 2048 (see DEFAULT), so it is the AVX2 default; 4 x 2 (8 + 2 + 4 = 14
    // registers) remains selectable with dendrite.gemm.mr=4. Unrolling the k loop by hand doubles
    // the hoisted loads and spills too, so the loops stay rolled.

    /**
     * C[4 x 2L] at c[at..] (row stride ldc) = alpha * (A sliver . B sliver) + beta * C, for 16-register
     * targets (AVX2).
     */
    private static void kernel4x2(int kc, float[] ap, int ia, float[] bp, int ib,
                                  float[] c, int at, int ldc, float[] cIn, int in, int ldcIn,
                                  float alpha, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = ib + p * (2 * L);
            int ai = ia + p * 4;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // Stores written out here: a helper taking a FloatVector is not reliably inlined into
        // a large compiled kernel, and a call boxes every vector.
        // One store for every beta, C = alpha * acc + beta * Cin with Cin = C, or zeros when beta is 0
        // (C only written): a branch on beta that the profile never saw taken made C2 deoptimise
        // this kernel back to boxing code in the first second of training.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        c00.fma(va, FloatVector.fromArray(S, cIn, in).mul(vb)).intoArray(c, at);
        c01.fma(va, FloatVector.fromArray(S, cIn, in + L).mul(vb)).intoArray(c, at + L);
        c10.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn).mul(vb)).intoArray(c, at + ldc);
        c11.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn + L).mul(vb)).intoArray(c, at + ldc + L);
        c20.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn).mul(vb)).intoArray(c, at + 2 * ldc);
        c21.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn + L).mul(vb)).intoArray(c, at + 2 * ldc + L);
        c30.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn).mul(vb)).intoArray(c, at + 3 * ldc);
        c31.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn + L).mul(vb)).intoArray(c, at + 3 * ldc + L);
    }

    /**
     * C[6 x 2L] = alpha * (A sliver . B sliver) + beta * C: 12 accumulators on AVX2, each A element
     * broadcast right before its two FMAs.
     */
    private static void kernel6x2(int kc, float[] ap, int ia, float[] bp, int ib,
                                  float[] c, int at, int ldc, float[] cIn, int in, int ldcIn,
                                  float alpha, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        // The loop counts v = (ia + 6p) / 3, two per k step, so that both indices are one lea each
        // (A at 3v, B at bBase + 8v with 256-bit vectors) where p * 6 and p * 16 took three
        // instructions apiece: 26 instructions per k step instead of 29. The FMAs do not notice on
        // a quiet core, but when another tenant shares it, dispatch width is the limit and this
        // ran 1024^3 10-20% faster (both loops alternating in one JVM, one and two threads).
        assert ia % 3 == 0 : "A slivers start at multiples of mr = 6, got " + ia;
        int v0 = ia / 3;
        int bBase = ib - v0 * L;
        for (int v = v0; v < v0 + 2 * kc; v += 2) {
            int bi = bBase + v * L;
            int ai = v * 3;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        // One store for every beta, C = alpha * acc + beta * Cin with Cin = C, or zeros when beta is 0
        // (C only written): a branch on beta that the profile never saw taken made C2 deoptimise
        // this kernel back to boxing code in the first second of training.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        c00.fma(va, FloatVector.fromArray(S, cIn, in).mul(vb)).intoArray(c, at);
        c01.fma(va, FloatVector.fromArray(S, cIn, in + L).mul(vb)).intoArray(c, at + L);
        c10.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn).mul(vb)).intoArray(c, at + ldc);
        c11.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn + L).mul(vb)).intoArray(c, at + ldc + L);
        c20.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn).mul(vb)).intoArray(c, at + 2 * ldc);
        c21.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn + L).mul(vb)).intoArray(c, at + 2 * ldc + L);
        c30.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn).mul(vb)).intoArray(c, at + 3 * ldc);
        c31.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn + L).mul(vb)).intoArray(c, at + 3 * ldc + L);
        c40.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn).mul(vb)).intoArray(c, at + 4 * ldc);
        c41.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn + L).mul(vb)).intoArray(c, at + 4 * ldc + L);
        c50.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn).mul(vb)).intoArray(c, at + 5 * ldc);
        c51.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn + L).mul(vb)).intoArray(c, at + 5 * ldc + L);
    }

    /**
     * tile[6 x 2L] (row stride 2L) = A[6 rows] . B[k x 2L], with A read in place: element (r, p) at
     * a[ia + r*rs + p*ps]; row p of B at bp[ib + p*bs] (a packed sliver, bs = 2L, or B itself). Rows
     * r >= h repeat row h - 1, so nothing past the matrix is read; their results are not merged. The
     * broadcasts are those of {@link #kernel6x2}, from six rows instead of
     * one packed sliver; kernel6x2 keeps its own loop because its packed A needs one index register
     * and constant offsets, where six strided rows need six induction variables, which its hot loop
     * (26 instructions per k step for 12 FMAs) has no room for.
     */
    private static void kernel6x2InPlace(int kc, float[] a, int ia, int rs, int ps, int h, float[] bp, int ib, int bs,
                                         float[] tile) {
        int a0 = ia;
        int a1 = ia + Math.min(1, h - 1) * rs;
        int a2 = ia + Math.min(2, h - 1) * rs;
        int a3 = ia + Math.min(3, h - 1) * rs;
        int a4 = ia + Math.min(4, h - 1) * rs;
        int a5 = ia + Math.min(5, h - 1) * rs;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = ib + p * bs;
            int o = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + o]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + o]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + o]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + o]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + o]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + o]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, 2 * L);
        c11.intoArray(tile, 3 * L);
        c20.intoArray(tile, 4 * L);
        c21.intoArray(tile, 5 * L);
        c30.intoArray(tile, 6 * L);
        c31.intoArray(tile, 7 * L);
        c40.intoArray(tile, 8 * L);
        c41.intoArray(tile, 9 * L);
        c50.intoArray(tile, 10 * L);
        c51.intoArray(tile, 11 * L);
    }

    /**
     * C[6 x 4L] = alpha * (A sliver . B sliver) + beta * C: 24 accumulators for the 32 registers of
     * AVX-512.
     */
    private static void kernel6x4(int kc, float[] ap, int ia, float[] bp, int ib,
                                  float[] c, int at, int ldc, float[] cIn, int in, int ldcIn,
                                  float alpha, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = ib + p * (4 * L);
            int ai = ia + p * 6;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        // Stores written out here: a helper taking a FloatVector is not reliably inlined into
        // a large compiled kernel, and a call boxes every vector.
        // One store for every beta, C = alpha * acc + beta * Cin with Cin = C, or zeros when beta is 0
        // (C only written): a branch on beta that the profile never saw taken made C2 deoptimise
        // this kernel back to boxing code in the first second of training.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        c00.fma(va, FloatVector.fromArray(S, cIn, in).mul(vb)).intoArray(c, at);
        c01.fma(va, FloatVector.fromArray(S, cIn, in + L).mul(vb)).intoArray(c, at + L);
        c02.fma(va, FloatVector.fromArray(S, cIn, in + 2 * L).mul(vb)).intoArray(c, at + 2 * L);
        c03.fma(va, FloatVector.fromArray(S, cIn, in + 3 * L).mul(vb)).intoArray(c, at + 3 * L);
        c10.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn).mul(vb)).intoArray(c, at + ldc);
        c11.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn + L).mul(vb)).intoArray(c, at + ldc + L);
        c12.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn + 2 * L).mul(vb)).intoArray(c, at + ldc + 2 * L);
        c13.fma(va, FloatVector.fromArray(S, cIn, in + ldcIn + 3 * L).mul(vb)).intoArray(c, at + ldc + 3 * L);
        c20.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn).mul(vb)).intoArray(c, at + 2 * ldc);
        c21.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn + L).mul(vb)).intoArray(c, at + 2 * ldc + L);
        c22.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn + 2 * L).mul(vb)).intoArray(c, at + 2 * ldc + 2 * L);
        c23.fma(va, FloatVector.fromArray(S, cIn, in + 2 * ldcIn + 3 * L).mul(vb)).intoArray(c, at + 2 * ldc + 3 * L);
        c30.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn).mul(vb)).intoArray(c, at + 3 * ldc);
        c31.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn + L).mul(vb)).intoArray(c, at + 3 * ldc + L);
        c32.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn + 2 * L).mul(vb)).intoArray(c, at + 3 * ldc + 2 * L);
        c33.fma(va, FloatVector.fromArray(S, cIn, in + 3 * ldcIn + 3 * L).mul(vb)).intoArray(c, at + 3 * ldc + 3 * L);
        c40.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn).mul(vb)).intoArray(c, at + 4 * ldc);
        c41.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn + L).mul(vb)).intoArray(c, at + 4 * ldc + L);
        c42.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn + 2 * L).mul(vb)).intoArray(c, at + 4 * ldc + 2 * L);
        c43.fma(va, FloatVector.fromArray(S, cIn, in + 4 * ldcIn + 3 * L).mul(vb)).intoArray(c, at + 4 * ldc + 3 * L);
        c50.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn).mul(vb)).intoArray(c, at + 5 * ldc);
        c51.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn + L).mul(vb)).intoArray(c, at + 5 * ldc + L);
        c52.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn + 2 * L).mul(vb)).intoArray(c, at + 5 * ldc + 2 * L);
        c53.fma(va, FloatVector.fromArray(S, cIn, in + 5 * ldcIn + 3 * L).mul(vb)).intoArray(c, at + 5 * ldc + 3 * L);
    }

    // ---------------------------------------------------------------- matrix-vector (m == 1 or n == 1)

    /**
     * m == 1 or n == 1: packing would cost as much as the product, so the vector side is gathered
     * (if strided) and the matrix read in place, either as dot products of its contiguous rows or as
     * a sum of scaled contiguous rows (axpy).
     */
    private static void gemv(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc, int threads) {
        Workspace ws = WORKSPACE.get();
        if (n == 1) {
            // y (m, stride ldc) = op(A) x with x = op(B)(:, 0)
            float[] x = b;
            int xOff = bOffset;
            if (!transB && ldb != 1) {
                x = ws.v(k);
                xOff = 0;
                for (int p = 0; p < k; p++) {
                    x[p] = b[bOffset + p * ldb];
                }
            }
            if (!transA) {
                dotRows(a, aOffset, lda, k, x, xOff, alpha, beta, c, cOffset, ldc, m, threads, ws.backwards());
            } else {
                axpyRows(a, aOffset, lda, k, x, xOff, 1, alpha, beta, c, cOffset, ldc, m, threads);
            }
        } else {
            // y (n, contiguous) = x^T op(B) with x = op(A)(0, :)
            float[] x = a;
            int xOff = aOffset;
            int xStride = transA ? lda : 1;
            if (transB) {
                if (xStride != 1) {
                    x = ws.v(k);
                    xOff = 0;
                    for (int p = 0; p < k; p++) {
                        x[p] = a[aOffset + p * lda];
                    }
                }
                dotRows(b, bOffset, ldb, k, x, xOff, alpha, beta, c, cOffset, 1, n, threads, ws.backwards());
            } else {
                axpyRows(b, bOffset, ldb, k, x, xOff, xStride, alpha, beta, c, cOffset, 1, n, threads);
            }
        }
    }

    /**
     * y[r*ys] = alpha * dot(row r of M, x) + beta * y[r*ys] for r in [0, rows); rows of length k, in
     * groups of four, last group first if {@code backwards}.
     */
    private static void dotRows(float[] mat, int off, int ld, int k, float[] x, int xOff,
                                float alpha, float beta, float[] y, int yOff, int ys, int rows, int threads,
                                boolean backwards) {
        Parallel.RangeBody body = (from, to) -> {
            int groups = (to - from) / 4;
            // Four rows at a time share each load of x (10 loads per 8 FMAs instead of 16); every row is
            // summed exactly as dot() sums it, so the grouping (which depends on the thread split) never
            // changes a result. A thread's share of a layer's weights (392 KB of the MLP's first layer)
            // nearly fills its core's L2; read in the same order every call, the lines a call needs first
            // are the ones the last call's end evicted. Every other call on a thread runs backwards,
            // starting on what is still cached (each layer of a network with an odd number of them
            // alternates): a batch-1 forward of the 3-layer MLP 2.6-3.5% faster (three runs, both orders
            // taking turns in one JVM).
            for (int g = 0; g < groups; g++) {
                int r = from + 4 * (backwards ? groups - 1 - g : g);
                dot4(mat, off + r * ld, ld, x, xOff, k, alpha, beta, y, yOff + r * ys, ys);
            }
            for (int r = from + 4 * groups; r < to; r++) {
                float d = dot(mat, off + r * ld, x, xOff, k);
                int at = yOff + r * ys;
                y[at] = combine(d, alpha, beta, y[at]);
            }
        };
        if (threads == 1) {
            body.run(0, rows);
        } else {
            Parallel.forRange(rows, 64, body);
        }
    }

    /** The dot product of u[uOff..uOff+k) and v[vOff..vOff+k): two vector accumulators, then {@link #finish}. */
    private static float dot(float[] u, int uOff, float[] v, int vOff, int k) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        int p = 0;
        for (; p <= k - 2 * L; p += 2 * L) {
            s0 = FloatVector.fromArray(S, u, uOff + p).fma(FloatVector.fromArray(S, v, vOff + p), s0);
            s1 = FloatVector.fromArray(S, u, uOff + p + L).fma(FloatVector.fromArray(S, v, vOff + p + L), s1);
        }
        if (p <= k - L) {
            s0 = FloatVector.fromArray(S, u, uOff + p).fma(FloatVector.fromArray(S, v, vOff + p), s0);
            p += L;
        }
        return finish(s0.add(s1), u, uOff, v, vOff, p, k);
    }

    /** The lanes of s summed ({@link Reductions#sumLanes}), then the scalar tail [p, k). */
    private static float finish(FloatVector s, float[] u, int uOff, float[] v, int vOff, int p, int k) {
        float sum = Reductions.sumLanes(s);
        for (; p < k; p++) {
            sum = Math.fma(u[uOff + p], v[vOff + p], sum);
        }
        return sum;
    }

    /**
     * {@link #dot} of four rows (stride ld) with x, combined into y at yAt, yAt + ys, ...
     *
     * <p>Written for C2's code generator, which it leaves at 23 instructions per 16 FMAs: the loop
     * steps one vector and rotates each row's two accumulators (free in SSA form) instead of naming
     * two vectors per step, whose second set of addresses C2 rebuilt from spilled offsets every
     * iteration; and the matrix load is the second factor of {@code fma}, the only position C2 folds
     * into the FMA's memory operand. A row's even and odd vectors still land in separate accumulators,
     * so every row sums exactly as {@link #dot} does.
     */
    private static void dot4(float[] mat, int row, int ld, float[] x, int xOff, int k,
                             float alpha, float beta, float[] y, int yAt, int ys) {
        int r1 = row + ld;
        int r2 = r1 + ld;
        int r3 = r2 + ld;
        FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S);
        FloatVector b0 = FloatVector.zero(S), b1 = FloatVector.zero(S);
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        FloatVector d0 = FloatVector.zero(S), d1 = FloatVector.zero(S);
        int p = 0;
        for (; p <= k - L; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, x, xOff + p);
            FloatVector t;
            t = x0.fma(FloatVector.fromArray(S, mat, row + p), a0); a0 = a1; a1 = t;
            t = x0.fma(FloatVector.fromArray(S, mat, r1 + p), b0); b0 = b1; b1 = t;
            t = x0.fma(FloatVector.fromArray(S, mat, r2 + p), c0); c0 = c1; c1 = t;
            t = x0.fma(FloatVector.fromArray(S, mat, r3 + p), d0); d0 = d1; d1 = t;
        }
        y[yAt] = combine(finish(a0.add(a1), mat, row, x, xOff, p, k), alpha, beta, y[yAt]);
        y[yAt + ys] = combine(finish(b0.add(b1), mat, r1, x, xOff, p, k), alpha, beta, y[yAt + ys]);
        y[yAt + 2 * ys] = combine(finish(c0.add(c1), mat, r2, x, xOff, p, k), alpha, beta, y[yAt + 2 * ys]);
        y[yAt + 3 * ys] = combine(finish(d0.add(d1), mat, r3, x, xOff, p, k), alpha, beta, y[yAt + 3 * ys]);
    }

    /**
     * y[j*ys] = alpha * sum_p x[p] * M[p][j] + beta * y[j*ys] for j in [0, cols): M has k rows of
     * stride ld; each column's sum runs over p in order, so vector lanes and the scalar tail agree.
     */
    private static void axpyRows(float[] mat, int off, int ld, int k, float[] x, int xOff, int xStride,
                                 float alpha, float beta, float[] y, int yOff, int ys, int cols, int threads) {
        Parallel.RangeBody body = (from, to) -> {
            float[] t = WORKSPACE.get().t(to - from);
            java.util.Arrays.fill(t, 0, to - from, 0f);
            int w = to - from;
            for (int p = 0; p < k; p++) {
                float xp = x[xOff + p * xStride];
                FloatVector xv = FloatVector.broadcast(S, xp);
                int row = off + p * ld + from;
                int j = 0;
                for (; j <= w - L; j += L) {
                    xv.fma(FloatVector.fromArray(S, mat, row + j), FloatVector.fromArray(S, t, j)).intoArray(t, j);
                }
                for (; j < w; j++) {
                    t[j] = Math.fma(mat[row + j], xp, t[j]);
                }
            }
            for (int j = 0; j < w; j++) {
                int at = yOff + (from + j) * ys;
                y[at] = combine(t[j], alpha, beta, y[at]);
            }
        };
        if (threads == 1) {
            body.run(0, cols);
        } else {
            // Column ranges are multiples of L so the split never moves a column between vector and
            // scalar code (both round the same anyway, this keeps the vector part long).
            int chunks = (cols + L - 1) / L;
            Parallel.forRange(chunks, 16, (f, t) -> body.run(f * L, Math.min(cols, t * L)));
        }
    }
}
