#!/usr/bin/env bash
# The incremental sync benchmark of issue 6. Each repeat, on a fresh copy of the dataset and a fresh target
# database, runs back to back:
#   1. a first `dbferry sync` (the full load of every table);
#   2. after 1 % of the `orders` rows changed, scattered (every 100th id, a different 100th each time): the same sync, in a fresh JVM (cron),
#      right after the full load, while PostgreSQL's autovacuum may still be working on the new table;
#   3. `VACUUM (ANALYZE)` of the target (not timed: what autovacuum does within minutes of a load anyway), then
#      the same as 2 on the settled table;
#   4. the same sync with no change;
#   5. after 1 % changed, recent (the newest 1 % of ids, as an application mostly touches recent rows): the same;
#   6. `--every` in one JVM for 6 runs, 1 % scattered changed before each: the first run is a fresh JVM's, the
#      other 5 a warming one's, as in a sync kept running with --every.
# Every change sets `updated_at` 600 s past the source's highest, so each later run also re-reads the rows the
# run before it changed (they sit at the stored high-watermark, inside the 5-minute lookback) and upserts none
# of them. Prints one line per repeat.
#
#   benchmarks/run-sync.sh [DATASET] [REPEATS]
#
# DATASET defaults to benchmarks/target/e2e/dataset-2100000-seed42.sqlite (make it with run-e2e.sh or
# DatasetGenerator); REPEATS to 3. Needs cli/target/dbferry.jar (mvn -B package -pl cli -am -DskipTests),
# sqlite3, psql and python3, and a PostgreSQL at 127.0.0.1:5432 (user postgres) where it may drop and create
# the database `syncbench`.
set -euo pipefail
cd "$(dirname "$0")/.."

dataset="${1:-benchmarks/target/e2e/dataset-2100000-seed42.sqlite}"
repeats="${2:-3}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target="postgresql://postgres@127.0.0.1:5432/syncbench"
sync=("$java" -Xmx256m -jar cli/target/dbferry.jar sync "$work/sync.sqlite" "$target" --tables customers,orders
  --table-watermark customers=created_at --json)

# Prints the orders table's "seconds rowsRead rowsUpserted" from one JSON summary on stdin.
orders() {
  python3 -c '
import json, sys
summary = json.loads(sys.stdin.read())
orders = next(t for t in summary["tables"] if t["target"].endswith("\"orders\""))
print("%.2f %d %d" % (orders["seconds"], orders["rowsRead"], orders["rowsUpserted"]))
'
}

# One sync in a fresh JVM. Prints: the orders table's seconds, rows read, rows upserted; the command's seconds.
run() {
  local started ended
  started=$(date +%s.%N)
  "${sync[@]}" >"$work/out.json" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  ended=$(date +%s.%N)
  echo "$(orders <"$work/out.json") $(python3 -c "print('%.2f' % ($ended - $started))")"
}

# Each change touches rows no earlier change of this repeat touched: a scattered change takes the ids whose
# remainder modulo 100 is the next unused one, so PostgreSQL finds every changed row where the full load put
# it, not packed together where the previous change's new row versions went.
remainder=0
change() { # scattered | recent
  local rows="id % 100 = $remainder"
  remainder=$((remainder + 1))
  if [[ "$1" == recent ]]; then
    rows="id > (SELECT max(id) FROM orders) - (SELECT count(*) FROM orders) / 100"
  fi
  sqlite3 -cmd '.timeout 30000' "$work/sync.sqlite" \
    "UPDATE orders SET updated_at = (SELECT max(updated_at) FROM orders) + 600, note = 'changed $RANDOM' WHERE $rows"
}

# Six runs of one `--every 5s` process, a scattered change before each. Prints the orders seconds of runs 2–6,
# comma-separated.
warm() {
  local line k seconds=()
  change scattered
  coproc SYNC { "${sync[@]}" --every 5s --max-runs 6 2>"$work/every.err"; }
  local out=${SYNC[0]} pid=$SYNC_PID
  for ((k = 1; k <= 6; k++)); do
    IFS= read -r line <&"$out" || { cat "$work/every.err" >&2; exit 1; }
    if ((k > 1)); then
      seconds+=("$(echo "$line" | orders | cut -d' ' -f1)")
    fi
    if ((k < 6)); then
      change scattered
    fi
  done
  wait "$pid"
  (IFS=,; echo "${seconds[*]}")
}

echo "# uptime before: $(uptime)"
for ((i = 1; i <= repeats; i++)); do
  cp "$dataset" "$work/sync.sqlite"
  remainder=0
  sqlite3 "$work/sync.sqlite" 'CREATE INDEX orders_updated_at_idx ON orders (updated_at)'
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS syncbench' -c 'CREATE DATABASE syncbench' postgres
  full=$(run)
  change scattered
  unsettled=$(run)
  psql -q -h 127.0.0.1 -U postgres -c 'VACUUM (ANALYZE)' syncbench
  change scattered
  scattered=$(run)
  unchanged=$(run)
  change recent
  recent=$(run)
  every=$(warm)
  echo "repeat $i: full load: $full | 1% scattered, unsettled: $unsettled | 1% scattered: $scattered" \
    "| no change: $unchanged | 1% recent: $recent" \
    "| warm 1% scattered: $every | load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "# uptime after: $(uptime)"
echo "# each field: orders seconds, rows read, rows upserted, command seconds; warm: orders seconds of runs 2-6"
