#!/usr/bin/env bash
# End-to-end training benchmark: the Fashion-MNIST MLP trained by Dendrite and by PyTorch 2.7 (DJL),
# one child JVM per framework x batch x threads. See dendrite-bench/TRAINING-BENCHMARKS.md.
#
#   dendrite-bench/scripts/train-vs-pytorch.sh                 # full: batch 32/128/512 x 1 and all threads
#   dendrite-bench/scripts/train-vs-pytorch.sh --quick         # batch 128, all cores only
#   dendrite-bench/scripts/train-vs-pytorch.sh --repeats=3     # any TrainingBenchmark option passes through
#   REBUILD=1 dendrite-bench/scripts/train-vs-pytorch.sh       # rebuild the jar first even if it exists
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
if ! "$java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    echo "JAVA_HOME=$JAVA_HOME is not a JDK 25 or later; set JAVA_HOME" >&2
    exit 1
fi

data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
if [[ ! -d "$data" ]]; then
    echo "Fashion-MNIST not found in $data: install the Debian package dataset-fashion-mnist" >&2
    echo "(sudo apt-get install dataset-fashion-mnist) or set FASHION_MNIST_DIR to a directory with the four IDX files" >&2
    exit 1
fi

jar=dendrite-bench/target/benchmarks.jar
if [[ -n "${REBUILD:-}" || ! -f "$jar" || ! -d dendrite-bench/target/djl-lib ]]; then
    echo "building $jar (and target/djl-lib with PyTorch/DJL) ..." >&2
    ./mvnw -q package -pl dendrite-core,dendrite-bench -am -DskipTests
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
"$java" --add-modules jdk.incubator.vector -cp "$jar" dev.dendrite.bench.e2e.TrainingBenchmark \
    --data="$data" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
