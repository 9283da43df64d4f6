#!/usr/bin/env bash
# The end-to-end benchmark of issue 4, in one command: builds dbferry and the benchmarks (skip with
# --no-build as the first argument), then runs io.dbferry.benchmarks.e2e.EndToEnd, which generates the
# dataset, measures dbferry migrate, pgloader and the server-side COPY floor, and prints markdown tables.
#
#   benchmarks/run-e2e.sh --rows 525000,2100000 --repeats 3
#   benchmarks/run-e2e.sh --help
#
# Needs JDK 21+ (JAVA_HOME, else the java on the PATH), Maven, GNU time (/usr/bin/time), a PostgreSQL on this
# machine (default 127.0.0.1:5432, user postgres; PGPASSWORD if it wants one) and, optionally, pgloader.
set -euo pipefail
cd "$(dirname "$0")/.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  mvn -B -q -pl benchmarks -am package -DskipTests >&2
fi
exec "$java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
  io.dbferry.benchmarks.e2e.EndToEnd "$@"
