#!/usr/bin/env bash
# Round trip against Virtuoso open source: push the seed graph with the Graph Store
# protocol, ask `claimgraph contested --endpoint` and compare with the local answer,
# push again and check the triple count did not change.
#
# Usage: scripts/virtuoso_roundtrip.sh [GRAPH_FILE]      (default: graph/claims.trig)
#
# Needs the Debian package virtuoso-opensource (virtuoso-t and isql-vt). It installs
# without prompts when the dba password is preseeded:
#   echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password $(openssl rand -hex 12)" | sudo debconf-set-selections
#   echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password ..." | sudo debconf-set-selections
#   sudo DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource
# but the packaged server listens on all interfaces, a new database still has the
# dba/dba login, and SPARQL results are silently cut at 10,000 rows (ResultSetMaxRows).
# So this script never uses the packaged service: it runs its own virtuoso-t from a
# throw-away folder with its own configuration, bound to 127.0.0.1 on free ports, with a
# random dba password and a row cap of 1,000,000, and stops it by its PID.
set -euo pipefail

GRAPH_FILE=${1:-graph/claims.trig}
VIRTUOSO=$(command -v virtuoso-t || true)
ISQL=$(command -v isql-vt || command -v isql || true)
if [[ -z "$VIRTUOSO" || -z "$ISQL" ]]; then
    echo "virtuoso_roundtrip: virtuoso-t/isql-vt not found; install the Debian package virtuoso-opensource" >&2
    exit 2
fi
command -v claimgraph >/dev/null || { echo "virtuoso_roundtrip: claimgraph is not on PATH" >&2; exit 2; }
[[ -f "$GRAPH_FILE" ]] || { echo "virtuoso_roundtrip: $GRAPH_FILE not found; run claimgraph build" >&2; exit 2; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d -t claimgraph-virtuoso.XXXXXX)
SQL_PORT=$(free_port)
HTTP_PORT=$(free_port)
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
PID=""
cleanup() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID"
        for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $WORK/virtuoso.db
ErrorLogFile = $WORK/virtuoso.log
LockFile = $WORK/virtuoso.lck
TransactionFile = $WORK/virtuoso.trx
xa_persistent_file = $WORK/virtuoso.pxa
MaxCheckpointRemap = 2000
[TempDatabase]
DatabaseFile = $WORK/virtuoso-temp.db
TransactionFile = $WORK/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$SQL_PORT
DirsAllowed = ., $WORK
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:$HTTP_PORT
ServerRoot = $WORK
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
DefaultGraph =
EOF

started=$(date +%s.%N)
"$VIRTUOSO" +foreground +configfile "$WORK/virtuoso.ini" > "$WORK/stdout.log" 2>&1 &
PID=$!
for _ in $(seq 150); do
    if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D"; then break; fi
    kill -0 "$PID" 2>/dev/null || { echo "virtuoso_roundtrip: virtuoso-t exited; see below" >&2; tail -20 "$WORK/virtuoso.log" >&2; exit 1; }
    sleep 0.2
done
ready=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
echo "virtuoso-t (pid $PID) ready on 127.0.0.1:$HTTP_PORT in ${ready}s" >&2
if command -v ss >/dev/null; then  # show that it listens on the loopback interface only
    listening=$(ss -Hltnp 2>/dev/null | grep "pid=$PID," | awk '{print $4}' | sort | tr '\n' ' ')
    echo "listening on: $listening" >&2
    if grep -qvE '^(127\.0\.0\.1:[0-9]+ ?)+$' <<<"$listening"; then
        echo "virtuoso_roundtrip: virtuoso-t listens beyond 127.0.0.1" >&2; exit 1
    fi
fi

# The new database has dba/dba: change it before anything else, and check that it changed
# (isql-vt exits 0 even when a statement fails, so look at what it printed).
isql_ok() { local out; out=$("$ISQL" "127.0.0.1:$SQL_PORT" "$@" 2>&1) && ! grep -qE '\*\*\* Error|Bad login' <<<"$out"; }
isql_ok dba dba exec="USER_CHANGE_PASSWORD('dba', 'dba', '$PASSWORD');" \
    || { echo "virtuoso_roundtrip: cannot change the dba password" >&2; exit 1; }
isql_ok dba "$PASSWORD" exec="SELECT 1;" \
    || { echo "virtuoso_roundtrip: the new dba password does not work" >&2; exit 1; }
if isql_ok dba dba exec="SELECT 1;"; then echo "virtuoso_roundtrip: dba/dba still logs in" >&2; exit 1; fi
echo "dba password changed (dba/dba refused)" >&2

ENDPOINT="http://127.0.0.1:$HTTP_PORT/sparql"
GSP="http://127.0.0.1:$HTTP_PORT/sparql-graph-crud-auth"   # Graph Store protocol, digest auth
export CLAIMGRAPH_PASSWORD=$PASSWORD

claimgraph push --endpoint "$ENDPOINT" --graph-store "$GSP" --user dba --auth digest --graph "$GRAPH_FILE"
count() {
    claimgraph query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/claimgraph/")) }' \
        --endpoint "$ENDPOINT" --format csv | tail -1
}
first=$(count)
# The packaged configuration cuts results at 10,000 rows without saying so; ours must not.
capped=$(claimgraph query 'SELECT ?a ?b WHERE { GRAPH ?g { ?a ?p ?o } GRAPH ?h { ?b ?q ?r } FILTER(STRSTARTS(STR(?g), "https://w3id.org/claimgraph/") && STRSTARTS(STR(?h), "https://w3id.org/claimgraph/")) } LIMIT 25000' \
    --endpoint "$ENDPOINT" --format csv | tail -n +2 | wc -l)
echo "row cap: a 25,000-row query returned $capped rows" >&2
claimgraph contested --endpoint "$ENDPOINT" --format json > "$WORK/remote.json"
claimgraph contested --graph "$GRAPH_FILE" --format json > "$WORK/local.json"
claimgraph push --endpoint "$ENDPOINT" --graph-store "$GSP" --user dba --auth digest --graph "$GRAPH_FILE"
second=$(count)

status=0
if python3 - "$WORK/local.json" "$WORK/remote.json" "$WORK/rows" <<'EOF'
import json, sys
local, remote = (json.load(open(p)) for p in sys.argv[1:3])
rows = len(local["results"]["bindings"]) if "results" in local else len(local)
print(rows, file=open(sys.argv[3], "w"))
sys.exit(0 if local == remote and rows > 0 else 1)
EOF
then echo "contested: same answer from Virtuoso as from $GRAPH_FILE ($(cat "$WORK/rows") contested claim(s))" >&2
else echo "contested: DIFFERENT answers (diff below)" >&2; diff "$WORK/local.json" "$WORK/remote.json" >&2 || true; status=1
fi
if [[ "$capped" != 25000 ]]; then echo "row cap: expected 25000 rows, got $capped" >&2; status=1; fi
if [[ "$first" == "$second" ]]; then echo "push twice: $first triples both times" >&2
else echo "push twice: triple count changed from $first to $second" >&2; status=1
fi
[[ $status == 0 ]] && echo "virtuoso round trip: OK" >&2 || echo "virtuoso round trip: FAILED" >&2
exit $status
