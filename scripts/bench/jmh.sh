#!/usr/bin/env bash
# JMH micro-benchmarks of the translation hot path (on demand; never part of the test command):
# request translation at 1, 50 and 500 KB per API mode, stream translation per chunk per mode,
# with the allocation profiler. Writes docs/bench/jmh-results.txt (the table) and .json.
#   scripts/bench/jmh.sh                       all benchmarks (about 5 minutes)
#   scripts/bench/jmh.sh StreamTranslation     a subset (any JMH arguments work)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/java25.sh
./mvnw -B -q -pl benchmarks -am package -DskipTests
out=docs/bench
mkdir -p "$out"
echo "Load average before the run: $(cat /proc/loadavg)"
"$java" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  -prof gc -rf json -rff "$out/jmh-results.json" "$@" | tee "$out/jmh-run.log"
{
  echo "# JMH results ($(date -u +%Y-%m-%dT%H:%MZ), load average before: $(head -c 14 /proc/loadavg))"
  grep -E '^Benchmark +\(|(avgt).*(us/op|ns/op|B/op)' "$out/jmh-run.log" | grep -v 'gc.alloc.rate ' | grep -v 'gc.count\|gc.time'
} > "$out/jmh-results.txt"
rm -f "$out/jmh-run.log"
echo "Wrote $out/jmh-results.txt and $out/jmh-results.json"
