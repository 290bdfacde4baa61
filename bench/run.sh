#!/usr/bin/env bash
# The benchmarks, in one command: bench/run.sh [RESPONSES]
#
# Publishes the portal and a hello-world app in Release, seeds a SQLite database with RESPONSES synthetic
# responses (100,000 by default), starts both on 127.0.0.1, measures them with wrk and the driver, and
# writes the results table to docs/performance.md. BENCH_MILLION=1 also seeds 1,000,000 responses and
# measures the CSV download's memory again. Needs root or sudo once, to install wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONSES=${1:-100000}
WORK=${BENCH_WORK:-/tmp/contactpoint-bench}
PORTAL_URL=http://127.0.0.1:5311
HELLO_URL=http://127.0.0.1:5312
DURATION=${BENCH_SECONDS:-15}
CONNECTIONS=64
ADMIN_EMAIL=bench.admin@example.gov.uk
ADMIN_PASSWORD='a long benchmark passphrase'
JOURNEY_COUNT=${BENCH_JOURNEYS:-2000}
SEND_COUNT=${BENCH_SENDS:-4000}
HELLO_PID=
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)

command -v wrk >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk; }
command -v sqlite3 >/dev/null || $SUDO apt-get install -y -qq --no-install-recommends sqlite3

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== publishing in Release"
# As it would be deployed on Linux: compiled ahead of time (ReadyToRun), so it starts without compiling everything first.
dotnet publish src/ContactPointConsultation.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/HelloWorld -c Release -o "$WORK/hello" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
driver() { "$WORK/driver/Driver" "$@"; }

# The portal as deployed, but quiet (Warning), and with the per-address form limit lifted: every
# benchmark client shares 127.0.0.1.
portal_env() {
  env ASPNETCORE_ENVIRONMENT=Production \
      "ConnectionStrings__Consultation=Data Source=$1" \
      Serilog__MinimumLevel__Default=Warning \
      Portal__FormPostsPerMinute=1000000000 \
      "${@:2}"
}
PORTAL_PID=
STARTUP_MS=
start_portal() { # database [ENV=VALUE...]; sets PORTAL_PID, and STARTUP_MS from start to the first 200
  local begin; begin=$(date +%s%N)
  (cd "$WORK/portal" && exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$1" \
      Serilog__MinimumLevel__Default=Warning Portal__FormPostsPerMinute=1000000000 "${@:2}" \
      ./ContactPointConsultation.Web --urls "$PORTAL_URL" >>"$WORK/portal.log" 2>&1) &
  until curl -s -o /dev/null -w '%{http_code}' "$PORTAL_URL/" 2>/dev/null | grep -q 200; do sleep 0.02; done
  # The subshell's child is the portal itself.
  STARTUP_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
  PORTAL_PID=$(pgrep -f "ContactPointConsultation.Web --urls $PORTAL_URL" | head -1)
}
stop_portal() { [ -n "$PORTAL_PID" ] || return 0; kill "$PORTAL_PID" 2>/dev/null || true; while kill -0 "$PORTAL_PID" 2>/dev/null; do sleep 0.1; done; PORTAL_PID=; }
peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$PORTAL_PID/status"; }
reset_peak() { echo 5 > "/proc/$PORTAL_PID/clear_refs"; }
trap 'stop_portal; if [ -n "$HELLO_PID" ]; then kill "$HELLO_PID" 2>/dev/null || true; fi' EXIT

# Load until the rate settles, and print how many seconds that took: a freshly started .NET app compiles its hot
# paths again, optimised, and at full load on these cores the portal takes about 30 s to (hello world a few). So each
# test is measured in its steady state: 5-second rounds, at least four, until two running agree within 5%, for at
# most 60 s.
settle() { # wrk args...
  local last=0 rps rounds=0
  while [ $rounds -lt 12 ]; do
    rps=$(wrk -t2 -c$CONNECTIONS -d5s "$@" | awk '/Requests\/sec/ { printf "%d", $2 }')
    rounds=$((rounds + 1))
    if [ $rounds -ge 4 ] && [ $(( (rps > last ? rps - last : last - rps) * 100 / last )) -lt 5 ]; then break; fi
    last=$rps
  done
  echo $((rounds * 5))
}

wrk_run() { # url [extra wrk args...]: prints "requests/s p99-ms errors"
  local out; out=$(wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency "$@")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.1f", v }' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx/ { print $5 } /Socket errors/ { print "socket" }' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 ${errors:-0}"
}

echo "== cold start"
start_portal "$WORK/cold.db"; COLD_NEW=$STARTUP_MS; stop_portal
start_portal "$WORK/cold.db"; COLD_EXISTING=$STARTUP_MS; stop_portal

echo "== seeding $RESPONSES responses"
(cd "$WORK/portal" && portal_env "$WORK/portal.db" ./ContactPointConsultation.Web migrate >/dev/null)
cp "$WORK/portal.db" "$WORK/yardstick.db"
driver seed "$WORK/portal.db" "$RESPONSES"
(cd "$WORK/portal" && printf '%s\n' "$ADMIN_PASSWORD" | portal_env "$WORK/portal.db" ./ContactPointConsultation.Web users create --email "$ADMIN_EMAIL" --role Admin >/dev/null)

(cd "$WORK/hello" && ASPNETCORE_URLS=$HELLO_URL exec ./HelloWorld >/dev/null 2>&1) & HELLO_PID=$!
until curl -s -o /dev/null "$HELLO_URL/"; do sleep 0.05; done

# The yardstick is measured with the portal not yet started: with the seeded responses' comments waiting, the
# portal's theme suggestions job works through them whenever the portal has no requests, which is all the time
# hello world is measured beside it. It is measured there too, as every run before 2026-12-05 measured it.
echo "== hello world, alone"
HELLO_WARM=$(settle "$HELLO_URL/")
read -r HELLO_RPS HELLO_P99 HELLO_ERR <<<"$(wrk_run "$HELLO_URL/")"

start_portal "$WORK/portal.db"
echo "== hello world, beside the portal"
settle "$HELLO_URL/" >/dev/null
read -r HELLO_BESIDE_RPS _ _ <<<"$(wrk_run "$HELLO_URL/")"

echo "== question page"
RESPONDENT=$(driver respondent "$PORTAL_URL")
COOKIE=$(sed -n 's/^COOKIE //p' <<<"$RESPONDENT")
BODY=$(sed -n 's/^BODY //p' <<<"$RESPONDENT")
GET_WARM=$(settle -H "Cookie: $COOKIE" "$PORTAL_URL/questions/3")
read -r GET_RPS GET_P99 GET_ERR <<<"$(wrk_run -H "Cookie: $COOKIE" "$PORTAL_URL/questions/3")"

echo "== answer post"
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
LUA
POST_WARM=$(settle -s "$WORK/post.lua" "$PORTAL_URL/questions/3")
read -r POST_RPS POST_P99 POST_ERR <<<"$(wrk_run -s "$WORK/post.lua" "$PORTAL_URL/questions/3")"

echo "== whole journeys"
JOURNEYS=$(driver journeys "$PORTAL_URL" 200 "$JOURNEY_COUNT" || true); echo "$JOURNEYS"

echo "== submissions against a bare durable insert"
SENDS=$(driver sends "$PORTAL_URL" 64 "$SEND_COUNT" || true); echo "$SENDS"
YARDSTICK=$(driver durable-insert "$WORK/yardstick.db" "$SEND_COUNT"); echo "$YARDSTICK"

echo "== dashboard"
STAFF_COOKIE=$(driver staff "$PORTAL_URL" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" | sed -n 's/^COOKIE //p')
# The first view of each counts everything; later views reuse the counts until a response changes.
DASHBOARD_FIRST=$(driver time "$PORTAL_URL/staff" "$STAFF_COOKIE" 1)
DASHBOARD=$(driver time "$PORTAL_URL/staff" "$STAFF_COOKIE" 20)
DASHBOARD_FILTERED_FIRST=$(driver time "$PORTAL_URL/staff?Age=11-to-13&As=young-person" "$STAFF_COOKIE" 1)
DASHBOARD_FILTERED=$(driver time "$PORTAL_URL/staff?Age=11-to-13&As=young-person" "$STAFF_COOKIE" 20)

echo "== downloads"
# The seeded responses and the journeys above leave hundreds of thousands of comments for the theme suggestions
# job, which would load its model beside the downloads and share the cores with them: they are measured without
# it, as bench/analysis.sh measures the analysis pages, and bench/suggestions.sh measures the job (ADR 0029).
stop_portal
ROWS=$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM Responses")
pivot="SELECT r.Reference, r.SubmittedAt, r.ContentVersionId, r.AgeGroup, r.AnsweringAs"
for n in 2 3 4 5 6 7 8 9 10 11 12; do
  pivot+=", MAX(CASE WHEN a.QuestionNumber = $n THEN a.Choice END), MAX(CASE WHEN a.QuestionNumber = $n THEN a.Comments END)"
done
pivot+=" FROM Responses r LEFT JOIN ResponseAnswers a ON a.ResponseId = r.Id GROUP BY r.Id ORDER BY r.Id"
begin=$(date +%s%N); sqlite3 -csv "$WORK/portal.db" "$pivot" > "$WORK/sqlite3.csv"; SQLITE_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
# Downloads are measured in a freshly started portal, warmed up by one small filtered download, so the
# figure is the download's and not what the load tests above left behind. The staff session survives
# the restart (its keys are in the database).
fresh_portal() {
  stop_portal; start_portal "$WORK/portal.db" Analysis__SuggestThemes=false
  driver time "$PORTAL_URL/staff/downloads/responses.csv?Age=11-to-13&As=young-person" "$STAFF_COOKIE" 1 >/dev/null
  IDLE_MB=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PORTAL_PID/status")
}
fresh_portal; CSV_IDLE_MB=$IDLE_MB
reset_peak; CSV=$(driver time "$PORTAL_URL/staff/downloads/responses.csv" "$STAFF_COOKIE" 1); CSV_PEAK=$(peak_mb)
reset_peak; XLSX=$(driver time "$PORTAL_URL/staff/downloads/responses.xlsx" "$STAFF_COOKIE" 1); XLSX_PEAK=$(peak_mb)

MILLION_ROWS=; MILLION_CSV=; MILLION_SQLITE_MS=; MILLION_PEAK=; MILLION_IDLE_MB=
if [ "${BENCH_MILLION:-0}" = 1 ]; then
  echo "== one million responses"
  stop_portal
  driver seed "$WORK/portal.db" $((1000000 - ROWS))
  MILLION_ROWS=$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM Responses")
  begin=$(date +%s%N); sqlite3 -csv "$WORK/portal.db" "$pivot" > "$WORK/sqlite3.csv"; MILLION_SQLITE_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
  fresh_portal
  reset_peak; MILLION_CSV=$(driver time "$PORTAL_URL/staff/downloads/responses.csv" "$STAFF_COOKIE" 1)
  MILLION_PEAK=$(peak_mb); MILLION_IDLE_MB=$IDLE_MB
fi

echo "== writing docs/performance.md"
export HELLO_BESIDE_RPS HELLO_WARM GET_WARM POST_WARM HELLO_RPS HELLO_P99 GET_RPS GET_P99 GET_ERR POST_RPS POST_ERR JOURNEYS SENDS YARDSTICK DASHBOARD DASHBOARD_FILTERED \
  DASHBOARD_FIRST DASHBOARD_FILTERED_FIRST \
  SQLITE_MS CSV CSV_PEAK XLSX XLSX_PEAK CSV_IDLE_MB COLD_NEW COLD_EXISTING ROWS MILLION_ROWS MILLION_CSV MILLION_SQLITE_MS MILLION_PEAK MILLION_IDLE_MB DURATION CONNECTIONS
# report.py keeps the hand-written sections after the table, so it reads the file before it is replaced.
python3 bench/report.py > "$WORK/performance.md" && mv "$WORK/performance.md" docs/performance.md
cat docs/performance.md
