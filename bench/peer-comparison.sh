#!/usr/bin/env bash
# selfheal serve side by side with moto 5's server, both as processes on loopback, one lean HTTP client for both:
# start-up, RSS idle and after load, PutEvents over 1 and 4 connections, TestEventPattern, each with the server's CPU
# per call. Bounded (about 3 minutes with the defaults; a hard stop at 20), and skipped with a message where moto is
# absent. Options: --rounds 5 --seconds 3 --warmup 10 --starts 3 --rules numeric|source --peer none --only PutEvents
#   --python python3 --selfheal-opts "<JVM options>". See BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ ! -f bench/target/benchmarks.jar || ! -f harness/target/selfheal.jar ]]; then
  echo "peer-comparison: building (mvn -B -q -DskipTests package -pl bench -am) ..." >&2
  mvn -B -q -DskipTests package -pl bench -am >&2
fi
exec java -cp bench/target/benchmarks.jar io.selfheal.bench.PeerComparison "$@"
