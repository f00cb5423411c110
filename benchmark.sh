#!/usr/bin/env bash
# The benchmark harness (benchmark/, see README "Benchmarks"): builds what it needs, then drives synthetic cases
# open-loop through the public APIs and writes benchmark/results/<timestamp>/ and benchmark/results/latest/.
#   ./benchmark.sh                         # the full run: starts the local stack, rates 10,50,100,200, catch-up
#   ./benchmark.sh --smoke                 # seconds of load, exits non-zero when correctness fails (CI)
#   ./benchmark.sh --target http://127.0.0.1 --rates 10,50 --duration 30s    # against ./run-local.sh
#   ./benchmark.sh --deadlines             # 1,000,000 waiting deadlines, then 10,000 falling due together
# Options: ./benchmark.sh --help. --no-build skips the build; BENCHMARK_MAVEN_ARGS adds Maven options (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")"

build=true
targeted=false
main=()
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    # A million waiting deadlines, then ten thousand due together (README "Benchmarks").
    --deadlines) main=(-cp benchmark/target/benchmark.jar org.homeinfusion.benchmark.deadlines.DeadlineBenchmark) ;;
    --target|--target=*) targeted=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if [[ "$build" == true ]]; then
  # The harness starts the service jars: always rebuild them with it (~30 s), so a run never measures jars
  # older than the sources (the report names each jar's build time and hash too). Clean, because a service
  # jar whose own classes did not change is not repackaged, and would keep the old service-support inside.
  # shellcheck disable=SC2206
  maven=(./mvnw -B ${BENCHMARK_MAVEN_ARGS:-} -DskipTests)
  if [[ "$targeted" == true ]]; then
    "${maven[@]}" -pl benchmark -am clean package
  else
    "${maven[@]}" -pl benchmark,local-stack -am clean package
  fi
fi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# A small, steady heap: the harness shares the machine with what it measures, and reports its own footprint too.
# C1 only, like the services and the broker: C2 compiling the harness took cores from the stack during the run.
if [[ ${#main[@]} -eq 0 ]]; then
  main=(-jar benchmark/target/benchmark.jar)
fi
exec "$java_cmd" -Djava.awt.headless=true -Xms256m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  "${main[@]}" ${args[@]+"${args[@]}"}
