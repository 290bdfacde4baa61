#!/usr/bin/env bash
# Where a respondent page's time goes: bench/profile.sh [SECONDS]
#
# Publishes the portal in Release, starts it on a new SQLite database as bench/run.sh does, and, while wrk
# drives the question page GET and then the answer POST (2 threads, 64 connections, with a draft and its
# cookies), takes for each:
#   - dotnet-counters: CPU, allocation rate, collections, thread pool, lock contention;
#   - a dotnet-trace CPU profile, summarised by `dotnet-trace report topN` (exclusive and inclusive);
#   - a dotnet-trace gc-verbose trace, summarised by TraceReport: bytes allocated and objects finalised by
#     type, and methods compiled, per request;
#   - where perf works, a perf profile of all the process's CPU (native code, the kernel and the GC as well),
#     with the runtime's perf map naming the managed frames (the portal runs with W^X off here, so perf can
#     read its compiled code; never in production).
# Writes everything to $BENCH_WORK/profile (/tmp/contactpoint-profile by default). What it found, and what was
# done about it, is in docs/adr/0028-respondent-pages-at-the-limit.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
WORK=${BENCH_WORK:-/tmp/contactpoint-profile}
URL=http://127.0.0.1:5321
OUT=$WORK/profile
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
export PATH="$PATH:$HOME/.dotnet/tools"

command -v wrk >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk; }
command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace --version "10.0.*" >/dev/null
command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters --version "10.0.*" >/dev/null

rm -rf "$WORK" && mkdir -p "$OUT"
echo "== publishing in Release"
dotnet publish src/ContactPointConsultation.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
dotnet publish bench/TraceReport -c Release -o "$WORK/report" -v q --nologo >/dev/null

portal_env() {
  env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
      Serilog__MinimumLevel__Default=Warning Portal__FormPostsPerMinute=1000000000 "$@"
}
(cd "$WORK/portal" && portal_env ./ContactPointConsultation.Web migrate >/dev/null)
(cd "$WORK/portal" && exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
    Serilog__MinimumLevel__Default=Warning Portal__FormPostsPerMinute=1000000000 \
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ./ContactPointConsultation.Web --urls "$URL" >"$WORK/portal.log" 2>&1) &
until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
trap 'kill "$PID" 2>/dev/null || true' EXIT

RESPONDENT=$("$WORK/driver/Driver" respondent "$URL")
COOKIE=$(sed -n 's/^COOKIE //p' <<<"$RESPONDENT")
BODY=$(sed -n 's/^BODY //p' <<<"$RESPONDENT")
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
LUA

# One load run while a tool watches: wrk runs a second longer on each side of the tool's window, and the
# requests in the window are wrk's rate times its length.
under_load() { # name wrk-args... -- tool command...
  local name=$1; shift
  local wrk_args=() ; while [ "$1" != "--" ]; do wrk_args+=("$1"); shift; done; shift
  wrk -t2 -c64 -d$((SECONDS_EACH + 2))s --latency "${wrk_args[@]}" >"$OUT/$name.wrk" &
  local load=$!
  sleep 1
  "$@" >"$OUT/$name.tool.log" 2>&1 || true
  wait "$load"
  awk -v s="$SECONDS_EACH" '/Requests\/sec/ { printf "%d", $2 * s }' "$OUT/$name.wrk"
}

perf_works() { perf record -q -o /dev/null -- true >/dev/null 2>&1; }

for page in get post; do
  if [ $page = get ]; then args=(-H "Cookie: $COOKIE" "$URL/questions/3"); else args=(-s "$WORK/post.lua" "$URL/questions/3"); fi
  echo "== $page: warming up (40 s: at full load the portal takes about 30 s to compile its hot paths optimised)"
  wrk -t2 -c64 -d40s "${args[@]}" >/dev/null
  echo "== $page: plain run"
  wrk -t2 -c64 -d${SECONDS_EACH}s --latency "${args[@]}" | tee "$OUT/$page.plain.wrk" | grep -E 'Requests/sec|99%'
  echo "== $page: counters"
  under_load $page-counters "${args[@]}" -- dotnet-counters collect -p "$PID" --format csv -o "$OUT/$page.counters.csv" \
    --duration "00:00:00:$(printf %02d "$SECONDS_EACH")" --counters System.Runtime >/dev/null
  echo "== $page: CPU profile"
  under_load $page-cpu "${args[@]}" -- dotnet-trace collect -p "$PID" --profile dotnet-common,dotnet-sampled-thread-time -o "$OUT/$page.cpu.nettrace" \
    --duration "00:00:00:$(printf %02d "$SECONDS_EACH")" >/dev/null
  dotnet-trace report "$OUT/$page.cpu.nettrace" topN -n 40 >"$OUT/$page.cpu.exclusive.txt" 2>&1 || true
  dotnet-trace report "$OUT/$page.cpu.nettrace" topN -n 60 --inclusive >"$OUT/$page.cpu.inclusive.txt" 2>&1 || true
  echo "== $page: allocations and finalisers"
  requests=$(under_load $page-gc "${args[@]}" -- dotnet-trace collect -p "$PID" --profile gc-verbose \
    --providers 'Microsoft-Windows-DotNETRuntime:0x88013:5' -o "$OUT/$page.gc.nettrace" \
    --duration "00:00:00:$(printf %02d "$SECONDS_EACH")")
  "$WORK/report/TraceReport" "$OUT/$page.gc.nettrace" "$requests" 30 >"$OUT/$page.gc.md"
  head -2 "$OUT/$page.gc.md"
  if perf_works; then
    echo "== $page: perf"
    under_load $page-perf "${args[@]}" -- perf record -F 499 -g -p "$PID" -o "$OUT/$page.perf.data" -- sleep "$SECONDS_EACH" >/dev/null
    perf report -i "$OUT/$page.perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -20 >"$OUT/$page.perf.libraries.txt" || true
    perf report -i "$OUT/$page.perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -150 >"$OUT/$page.perf.exclusive.txt" || true
    perf report -i "$OUT/$page.perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -300 >"$OUT/$page.perf.inclusive.txt" || true
  fi
done
echo "== written to $OUT"
ls "$OUT"
