#!/usr/bin/env bash
# The incremental sync benchmark of issue 6: a first `dbferry sync` (the full load of every table), then 1 % of
# the `orders` rows changed in the source and synced, then a sync with no change; repeated, each repeat on a
# fresh copy of the dataset and a fresh target database. Prints one line per run and the medians.
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

# Prints: the orders table's seconds, its rows read, its rows upserted, the whole command's wall seconds.
run() {
  local started ended
  started=$(date +%s.%N)
  "${sync[@]}" >"$work/out.json" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  ended=$(date +%s.%N)
  python3 -c '
import json, sys
summary = json.load(open(sys.argv[1]))
orders = next(t for t in summary["tables"] if t["target"].endswith("\"orders\""))
print("%.2f %d %d %.2f" % (orders["seconds"], orders["rowsRead"], orders["rowsUpserted"],
                          float(sys.argv[3]) - float(sys.argv[2])))
' "$work/out.json" "$started" "$ended"
}

echo "# uptime before: $(uptime)"
for ((i = 1; i <= repeats; i++)); do
  cp "$dataset" "$work/sync.sqlite"
  sqlite3 "$work/sync.sqlite" 'CREATE INDEX orders_updated_at_idx ON orders (updated_at)'
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS syncbench' -c 'CREATE DATABASE syncbench' postgres
  full=$(run)
  sqlite3 "$work/sync.sqlite" "UPDATE orders SET updated_at = (SELECT max(updated_at) FROM orders) + 600, \
    note = 'changed' WHERE id % 100 = 0"
  changed=$(run)
  unchanged=$(run)
  echo "repeat $i: full load: $full | 1% changed: $changed | no change: $unchanged | load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "# uptime after: $(uptime)"
