#!/usr/bin/env bash
# Dendrite's sgemm (JMH) against NumPy/OpenBLAS on the same shapes and thread counts, in one run.
#
#   dendrite-bench/scripts/gemm-vs-openblas.sh           # full run, about 6-7 minutes
#   dendrite-bench/scripts/gemm-vs-openblas.sh --quick   # about 2 minutes, fewer/shorter samples
#   SHAPES=sq1024,fc1.fwd THREADS=2 dendrite-bench/scripts/gemm-vs-openblas.sh
#   dendrite-bench/scripts/gemm-vs-openblas.sh --paired  # OpenBLAS called in the same JVM, the two
#                                                        # taking turns (GemmVsOpenBlasPaired), ~8 min
#
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PYTHON (default /usr/bin/python3,
# Debian's python3-numpy + python3-threadpoolctl; OpenBLAS comes from libopenblas0-pthread), OUT
# (directory for the raw JSON, default dendrite-bench/target/gemm-vs-openblas).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
python="${PYTHON:-/usr/bin/python3}"
shapes="${SHAPES:-sq256,sq512,sq1024,sq2048,fc1.fwd,fc1.dW,fc1.dX,fc2.fwd,fc2.dW,fc2.dX,fc3.fwd,fc3.dW,fc3.dX,lin1.fwd,lin1.dW,lin2.fwd,lin2.dW,lin2.dX,lin3.fwd,lin3.dW,lin3.dX,lin1.fwd1,lin2.fwd1}"
threads="${THREADS:-1,2}"
out="${OUT:-$root/dendrite-bench/target/gemm-vs-openblas}"
jar="$root/dendrite-bench/target/benchmarks.jar"

# JMH: warm-up and measurement iterations of 1 s; NumPy: samples of 0.2 s.
jmh_opts=(-wi 4 -w 1s -i 7 -r 1s -f 1)
np_opts=(--reps 9 --sample 0.2 --warmup 0.5)
paired=false
if [[ "${1:-}" == "--paired" ]]; then
  paired=true
elif [[ "${1:-}" == "--quick" ]]; then
  jmh_opts=(-wi 3 -w 500ms -i 3 -r 500ms -f 1)
  np_opts=(--reps 3 --sample 0.1 --warmup 0.3)
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--quick | --paired]" >&2
  exit 2
fi

if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  echo "JAVA_HOME=$JAVA_HOME is not a JDK 25+" >&2
  exit 1
fi
if [[ ! -f "$jar" ]]; then
  echo "== building $jar" >&2
  (cd "$root" && ./mvnw -q -DskipTests -pl dendrite-bench -am package)
fi
mkdir -p "$out"

echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
     "AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

if $paired; then
  # Both in one JVM, alternating slices: the per-round ratio sees both sides under the same load.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS \
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$jar" \
    dev.dendrite.bench.blas.GemmVsOpenBlasPaired --threads="$threads" ${shapes//,/ } | tee "$out/paired.txt"
  echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  exit 0
fi

# Shape by shape, Dendrite then OpenBLAS: on a shared machine the load changes by the minute, and
# measuring both sides of a ratio back to back keeps them under the same load.
jmh_files=()
np_files=()
for shape in ${shapes//,/ }; do
  echo "== $shape: Dendrite (JMH), threads $threads, load average $(cut -d' ' -f1 /proc/loadavg)" >&2
  "$JAVA_HOME/bin/java" -jar "$jar" GemmBenchmark -p shape="$shape" -p threads="$threads" \
    "${jmh_opts[@]}" -rf json -rff "$out/jmh-$shape.json" > "$out/jmh-$shape.log"
  grep -E '^GemmBenchmark.sgemm:gflop' "$out/jmh-$shape.log" >&2 || true
  jmh_files+=("$out/jmh-$shape.json")
  # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set on these machines and force the AVX2 kernels;
  # they are dropped for this one command only.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS \
    "$python" "$here/gemm_vs_openblas.py" numpy --shapes "$shape" --threads "$threads" "${np_opts[@]}" \
    --out "$out/numpy-$shape.json"
  np_files+=("$out/numpy-$shape.json")
done

echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$python" "$here/gemm_vs_openblas.py" table --jmh "${jmh_files[@]}" --numpy "${np_files[@]}" | tee "$out/table.txt"
