#!/usr/bin/env bash
# The verification benchmark of issue 7 (checksum verify in ≤ 0.5× the migrate time). Each pair, in its own
# JVMs (-Xmx256m) under GNU time:
#   1. `dbferry migrate --no-verify` of the dataset into a fresh database `verifybench`;
#   2. a CHECKPOINT of the target (not timed), so that the verify does not pay for the load's dirty pages;
#   3. `dbferry verify` (checksum mode) of the same source and target, which must exit 0.
# Pairs run interleaved and ratios are taken pair by pair, because a VM's speed can drift during a session by
# more than any difference being measured (benchmarks/RESULTS.md). Prints a markdown table: wall and user CPU
# seconds of each command, the machine's busy core-seconds while it ran (/proc/stat, every process: PostgreSQL's
# too), and verify ÷ migrate; then the median ratio.
#
#   benchmarks/run-verify.sh [DATASET] [PAIRS] [jar|launcher]
#
# DATASET defaults to benchmarks/target/e2e/dataset-2100000-seed42.sqlite (make it with run-e2e.sh or
# DatasetGenerator); PAIRS to 4. `jar` (the default) starts each command with `java -Xmx256m -jar`; `launcher`
# through bin/dbferry, as an installed dbferry runs (DBFERRY_JAVA_OPTS=-Xmx256m), with its class-data-sharing
# archives in a directory of this run's own: one migrate and one verify are run first, untimed, to write them
# (what the first run of each command after an install or upgrade pays once; README, Install).
# Needs cli/target/dbferry.jar (mvn -B package -pl cli -am -DskipTests), GNU time (/usr/bin/time), psql and
# python3, and a PostgreSQL at 127.0.0.1:5432 (user postgres) where it may drop and create the database
# `verifybench` (dropped again at the end, also after a failure or Ctrl-C; PostgreSQL 13+).
set -euo pipefail
dataset="${1:-}"
[[ -z "$dataset" ]] || dataset="$(realpath -- "$dataset")" # before the cd: a path relative to the caller's directory
cd "$(dirname "$0")/.."

dataset="${dataset:-benchmarks/target/e2e/dataset-2100000-seed42.sqlite}"
pairs="${2:-4}"
runner="${3:-jar}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=cli/target/dbferry.jar
target="postgresql://postgres@127.0.0.1:5432/verifybench"
psql=(env PGOPTIONS="-c client_min_messages=warning" psql -X -q -h 127.0.0.1 -p 5432 -U postgres)

[[ -f "$dataset" ]] || { echo "run-verify.sh: no dataset at $dataset; make it with benchmarks/run-e2e.sh or DatasetGenerator (README, Benchmarks)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "run-verify.sh: no $jar; build it with: mvn -B package -pl cli -am -DskipTests" >&2; exit 2; }
[[ "$pairs" =~ ^[1-9][0-9]*$ ]] || { echo "run-verify.sh: PAIRS must be a positive number, not '$pairs'" >&2; exit 2; }
[[ "$runner" == jar || "$runner" == launcher ]] || { echo "run-verify.sh: the third argument is jar or launcher, not '$runner'" >&2; exit 2; }

work="$(mktemp -d)"
running="" # the measurement in the background, if any
# Stops a process and everything it started, children first.
stop_tree() {
  local child
  for child in $(pgrep -P "$1" || true); do stop_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}
# On Ctrl-C or a kill, the running dbferry is stopped too; then the database is dropped whoever is still connected.
trap 'trap - INT TERM; [[ -z "$running" ]] || stop_tree "$running"; exit 130' INT TERM
trap '"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS verifybench WITH (FORCE)" >/dev/null || true; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)

# The machine's busy jiffies so far: user, nice, system, irq, softirq of all CPUs.
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# Runs a command under GNU time; prints "wall user core-seconds", or fails with the command's output.
timed() {
  local before after
  before=$(busy)
  if ! /usr/bin/time -f '%e %U' -o "$work/time" "$@" >"$work/out" 2>"$work/err"; then
    echo "run-verify.sh: failed: $*" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
  fi
  after=$(busy)
  echo "$(tail -1 "$work/time") $(python3 -c "print('%.1f' % (($after - $before) / $ticks))")"
}

# Runs `timed` in the background and waits for it (a signal interrupts `wait` at once, not a command substitution);
# its line is left in $work/measured. Stops the benchmark when it fails.
measure() {
  timed "$@" >"$work/measured" &
  running=$!
  wait "$running"
  running=""
}

# dbferry, started the chosen way (a command line for GNU time, so not a shell function).
if [[ "$runner" == launcher ]]; then
  dbferry=(env XDG_CACHE_HOME="$work/cache" DBFERRY_JAVA_OPTS=-Xmx256m DBFERRY_JAR="$jar" bin/dbferry)
else
  dbferry=("$java" -Xmx256m -jar "$jar")
fi

if [[ "$runner" == launcher ]]; then
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS verifybench" -c "CREATE DATABASE verifybench" >/dev/null
  measure "${dbferry[@]}" migrate "$dataset" "$target" --quiet --no-verify
  measure "${dbferry[@]}" verify "$dataset" "$target"
  archives=$(du -sh "$work/cache/dbferry" | cut -f1)
  echo "launcher: archives written by an untimed migrate and verify: $archives"
  echo
fi

echo "| pair | migrate wall s | migrate user s | machine core-s | verify wall s | verify user s | machine core-s | verify ÷ migrate |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
ratios=()
for ((pair = 1; pair <= pairs; pair++)); do
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS verifybench" -c "CREATE DATABASE verifybench" >/dev/null
  measure "${dbferry[@]}" migrate "$dataset" "$target" --quiet --no-verify
  read -r m_wall m_user m_cores <"$work/measured"
  "${psql[@]}" -d verifybench -c "CHECKPOINT" >/dev/null
  measure "${dbferry[@]}" verify "$dataset" "$target"
  read -r v_wall v_user v_cores <"$work/measured"
  ratio=$(python3 -c "print('%.2f' % ($v_wall / $m_wall))")
  ratios+=("$ratio")
  echo "| $pair | $m_wall | $m_user | $m_cores | $v_wall | $v_user | $v_cores | $ratio |"
done
echo
echo "median verify ÷ migrate: $(printf '%s\n' "${ratios[@]}" | python3 -c "import sys, statistics; print('%.2f' % statistics.median(float(l) for l in sys.stdin))")"
