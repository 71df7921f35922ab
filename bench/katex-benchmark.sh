#!/usr/bin/env bash
# Runs dev.mcd.bench.KatexBenchmark (GraalJS vs Node KaTeX, ms per formula).
# exec:java runs inside Maven's own JVM, so Maven itself must run on JDK 25 (the machine's
# default java is 17, which cannot load the class files); extra args go to Maven, e.g.
#   bench/katex-benchmark.sh -Dbench.passes=10 -Dbench.copies=20
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${MCD_JDK:-}" ]]; then
  MCD_JDK=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* 2>/dev/null | head -n1 || true)
fi
[[ -n "$MCD_JDK" ]] || { echo "set MCD_JDK to a JDK 25 home" >&2; exit 2; }
export JAVA_HOME="$MCD_JDK"
export MCD_PROJECT_ROOT="$PWD"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Dpolyglot.engine.WarnInterpreterOnly=false"
exec mvn -B -q -Pbench test-compile exec:java -Dbench.main=dev.mcd.bench.KatexBenchmark "$@"
