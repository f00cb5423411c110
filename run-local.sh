#!/usr/bin/env bash
# The whole system on one machine, no Docker needed: builds the modules (skip with --no-build), then starts
# Kafka, PostgreSQL and the four services. Options: --reset (wipe local data), --demo (play the seed story),
# --infra-only, --postgres-port N, --help. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

if [[ "$build" == true ]]; then
  ./mvnw -B -DskipTests package
fi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The launcher JVM hosts the Kafka broker; the services get their own small heaps. C1 only, like the services:
# on two shared cores C2 kept compiling the broker for minutes and cost more than it returned (ADR 5).
exec "$java_cmd" -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar local-stack/target/local-stack.jar ${args[@]+"${args[@]}"}
