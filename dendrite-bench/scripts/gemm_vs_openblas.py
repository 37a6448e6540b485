#!/usr/bin/env python3
"""NumPy/OpenBLAS side of gemm-vs-openblas.sh, and the table that compares it with Dendrite.

  gemm_vs_openblas.py numpy --shapes sq256,fc1.dW --threads 1,2 --reps 7 --out numpy.json
  gemm_vs_openblas.py table --jmh jmh-a.json jmh-b.json --numpy numpy-a.json numpy-b.json

Shapes are the ones of dev.dendrite.bench.GemmShapes; GemmShapesTest fails when SHAPES below
and that table disagree.
"""
import argparse
import json
import statistics
import sys
import time

# name -> (m, n, k, transA, transB); C[m x n] = op(A)[m x k] op(B)[k x n]
SHAPES = {
    "sq256": (256, 256, 256, False, False),
    "sq512": (512, 512, 512, False, False),
    "sq1024": (1024, 1024, 1024, False, False),
    "sq2048": (2048, 2048, 2048, False, False),
    "fc1.fwd": (128, 256, 784, False, False),  # X[128x784] W1[784x256]
    "fc1.dW": (784, 256, 128, True, False),    # X^T dY1
    "fc1.dX": (128, 784, 256, False, True),    # dY1 W1^T
    "fc2.fwd": (128, 128, 256, False, False),
    "fc2.dW": (256, 128, 128, True, False),
    "fc2.dX": (128, 256, 128, False, True),
    "fc3.fwd": (128, 10, 128, False, False),
    "fc3.dW": (128, 10, 128, True, False),
    "fc3.dX": (128, 128, 10, False, True),
    # the same layers as nn.Linear runs them, W stored [out, in]
    "lin1.fwd": (128, 256, 784, False, True),
    "lin1.dW": (256, 784, 128, True, False),
    "lin2.fwd": (128, 128, 256, False, True),
    "lin2.dW": (128, 256, 128, True, False),
    "lin2.dX": (128, 256, 128, False, False),
    "lin3.fwd": (128, 10, 128, False, True),
    "lin3.dW": (10, 128, 128, True, False),
    "lin3.dX": (128, 128, 10, False, False),
    # batch-1 inference: one example through the first two layers
    "lin1.fwd1": (1, 256, 784, False, True),
    "lin2.fwd1": (1, 128, 256, False, True),
}


def describe(name):
    m, n, k, ta, tb = SHAPES[name]
    a = f"{k}x{m}^T" if ta else f"{m}x{k}"
    b = f"({n}x{k})^T" if tb else f"{k}x{n}"
    return f"{a}*{b}"


def run_numpy(args):
    import numpy as np
    import threadpoolctl

    rng = np.random.default_rng(42)
    # Touch BLAS once so threadpoolctl can see which library numpy loaded.
    np.ones((2, 2), np.float32) @ np.ones((2, 2), np.float32)
    info = threadpoolctl.threadpool_info()
    blas = [i for i in info if i.get("user_api") == "blas"]
    for i in blas:
        print(f"# numpy {np.__version__}: {i.get('internal_api')} {i.get('version')} "
              f"kernel/corename={i.get('architecture')} threading={i.get('threading_layer')} "
              f"max_threads={i.get('num_threads')} ({i.get('filepath')})", file=sys.stderr)
    if not any(i.get("internal_api") == "openblas" for i in blas):
        print("# WARNING: numpy is not using OpenBLAS here; the comparison is not against OpenBLAS",
              file=sys.stderr)
    results = []
    for name in args.shapes.split(","):
        m, n, k, ta, tb = SHAPES[name]
        a_st = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
        b_st = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
        a = a_st.T if ta else a_st  # transposed views: numpy hands sgemm the trans flag, no copy
        b = b_st.T if tb else b_st
        c = np.empty((m, n), np.float32)
        flop = 2.0 * m * n * k
        ref = a.astype(np.float64) @ b.astype(np.float64)
        bound = np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)
        for threads in [int(t) for t in args.threads.split(",")]:
            with threadpoolctl.threadpool_limits(limits=threads, user_api="blas"):
                np.matmul(a, b, out=c)
                err = float(np.max(np.abs(c - ref) / np.maximum(bound, 1e-30)))
                # warm-up, and calls per sample so that a sample lasts about args.sample seconds
                calls, t0 = 0, time.perf_counter()
                while time.perf_counter() - t0 < args.warmup:
                    np.matmul(a, b, out=c)
                    calls += 1
                per_sample = max(1, int(calls * args.sample / max(time.perf_counter() - t0, 1e-9)))
                samples = []
                for _ in range(args.reps):
                    t0 = time.perf_counter()
                    for _ in range(per_sample):
                        np.matmul(a, b, out=c)
                    samples.append(flop * per_sample / (time.perf_counter() - t0) / 1e9)
            med = statistics.median(samples)
            ok = err < 1e-5 * max(1.0, k / 64)  # float32 sum of k terms vs a float64 reference
            print(f"# numpy {name:8s} T={threads} median {med:7.1f} GFLOP/s "
                  f"(min {min(samples):.1f} max {max(samples):.1f}) rel.err {err:.1e} {'ok' if ok else 'BAD'}",
                  file=sys.stderr)
            results.append({"shape": name, "threads": threads, "gflops": med, "samples": samples,
                            "relerr": err, "ok": ok})
    meta = {"numpy": np.__version__, "blas": blas}
    with open(args.out, "w") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1)


def run_table(args):
    jmh = []
    for name in args.jmh:
        with open(name) as f:
            jmh += json.load(f)
    nump = {"meta": None, "results": []}
    for name in args.numpy:
        with open(name) as f:
            part = json.load(f)
        nump["meta"] = nump["meta"] or part["meta"]
        nump["results"] += part["results"]
    dendrite = {}
    for r in jmh:
        p = r["params"]
        sec = r.get("secondaryMetrics", {}).get("gflop")
        if sec is None:
            continue
        raw = [x for fork in sec["rawData"] for x in fork]  # per-iteration GFLOP/s
        dendrite[(p["shape"], int(p["threads"]))] = statistics.median(raw)
    blas = {(r["shape"], r["threads"]): r for r in nump["results"]}
    corename = ",".join(str(b.get("architecture")) for b in nump["meta"]["blas"]) or "?"
    version = ",".join(str(b.get("version")) for b in nump["meta"]["blas"]) or "?"
    print(f"Dendrite (JMH, median of iterations) vs NumPy {nump['meta']['numpy']} / OpenBLAS {version} "
          f"(kernel {corename}, median of samples), GFLOP/s")
    print(f"{'shape':9s} {'product':22s} {'threads':>7s} {'Dendrite':>9s} {'OpenBLAS':>9s} {'ratio':>6s}")
    order = list(SHAPES)
    for (shape, threads) in sorted(set(dendrite) | set(blas), key=lambda x: (order.index(x[0]), x[1])):
        d = dendrite.get((shape, threads))
        o = blas.get((shape, threads))
        og = o["gflops"] if o else None
        ratio = f"{d / og:6.2f}" if d and og else "     -"
        flag = "" if not o or o["ok"] else "  (numpy result check FAILED)"
        print(f"{shape:9s} {describe(shape):22s} {threads:7d} "
              f"{d if d is not None else float('nan'):9.1f} {og if og is not None else float('nan'):9.1f} {ratio}{flag}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("numpy", help="time numpy.matmul (float32) on the benchmark shapes")
    n.add_argument("--shapes", default=",".join(SHAPES))
    n.add_argument("--threads", default="1,2")
    n.add_argument("--reps", type=int, default=9, help="samples per shape and thread count (median)")
    n.add_argument("--sample", type=float, default=0.2, help="seconds per sample")
    n.add_argument("--warmup", type=float, default=0.5, help="seconds of warm-up per shape and thread count")
    n.add_argument("--out", required=True)
    t = sub.add_parser("table", help="print the comparison table")
    t.add_argument("--jmh", required=True, nargs="+", help="JMH JSON result files")
    t.add_argument("--numpy", required=True, nargs="+", help="files written by the numpy command")
    args = ap.parse_args()
    run_numpy(args) if args.cmd == "numpy" else run_table(args)


if __name__ == "__main__":
    main()
