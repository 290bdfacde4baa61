#!/usr/bin/env bash
# Paired benchmark of the respondent write paths at two revisions: bench/compare-writes.sh BEFORE [AFTER]
#
# Publishes the portal at BEFORE (a commit) and at AFTER (a commit, or the working tree by default),
# then measures each in turn, ROUNDS times (3 by default), alternating, on one fresh database each:
# the answer POST (wrk, as in run.sh; BENCH_POSTS=0 leaves it out) and durable sends (the driver, 64 at once). Alternating rounds
# spread whatever else the machine is doing over both builds; compare the medians, not one run.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:?usage: bench/compare-writes.sh BEFORE [AFTER]}
AFTER=${2:-}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_SECONDS:-15}
SENDS=${BENCH_SENDS:-3000}
POSTS=${BENCH_POSTS:-1}
WORK=${BENCH_WORK:-/tmp/contactpoint-compare}
URL=http://127.0.0.1:5321
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v wrk >/dev/null && command -v sqlite3 >/dev/null \
  || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk sqlite3; }

rm -rf "$WORK" && mkdir -p "$WORK"
publish() { # revision-or-empty, output folder
  local source=.
  if [ -n "$1" ]; then
    source="$WORK/src-$2"
    git worktree add -q --detach "$source" "$1"
  fi
  dotnet publish "$source/src/ContactPointConsultation.Web" -c Release -o "$WORK/$2" -v q --nologo >/dev/null
  if [ -n "$1" ]; then git worktree remove --force "$source"; fi
}
echo "== publishing $BEFORE and ${AFTER:-the working tree} in Release"
publish "$BEFORE" before
publish "$AFTER" after
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null

PID=
stop() { [ -n "$PID" ] || return 0; kill "$PID" 2>/dev/null || true; while kill -0 "$PID" 2>/dev/null; do sleep 0.1; done; PID=; }
trap stop EXIT
measure() { # build: prints "post-requests/s sends/s portal-CPU-ms-per-send the-same-with-the-work-after seconds-to-quiet screened-during"
  local db="$WORK/$1-$RANDOM.db"
  (cd "$WORK/$1" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$db" \
      Serilog__MinimumLevel__Default=Warning Portal__FormPostsPerMinute=1000000000 Analysis__SuggestThemes="${BENCH_SUGGESTIONS:-true}" \
      ./ContactPointConsultation.Web --urls "$URL" >>"$WORK/$1.log" 2>&1) &
  until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
  PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
  local post=- respondent cookie body sends output cpu after quiet during
  if [ "$POSTS" != 0 ]; then
    respondent=$("$WORK/driver/Driver" respondent "$URL")
    cookie=$(sed -n 's/^COOKIE //p' <<<"$respondent")
    body=$(sed -n 's/^BODY //p' <<<"$respondent")
    printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.headers["Cookie"] = "%s"\n' \
      "$body" "$cookie" > "$WORK/post.lua"
    wrk -t2 -c64 -d5s -s "$WORK/post.lua" "$URL/questions/3" >/dev/null
    post=$(wrk -t2 -c64 -d"${DURATION}s" -s "$WORK/post.lua" "$URL/questions/3" | awk '/Requests\/sec/ { print $2 }')
  fi
  output=$("$WORK/driver/Driver" sends "$URL" 64 "$SENDS" "$PID")
  sends=$(grep -oE '= [0-9.]+ per s' <<<"$output" | tail -1 | grep -oE '[0-9.]+')
  cpu=$(sed -n 's/^portal CPU \([0-9.]*\) ms per send$/\1/p' <<<"$output")
  after=$(sed -n 's/^portal CPU with the work after \([0-9.]*\) ms per send.*$/\1/p' <<<"$output")
  quiet=$(sed -n 's/^portal CPU with the work after .*(quiet \([0-9.]*\) s after the sends)$/\1/p' <<<"$output")
  # Responses the safeguarding screen had read before the last send: the warm-up's, and any it read during the timed sends.
  during=$(sqlite3 "$db" "SELECT count(*) FROM Responses WHERE ScreenedAt < (SELECT max(SubmittedAt) FROM Responses);" 2>/dev/null || echo "?")
  stop
  echo "$post ${sends:-?} ${cpu:-?} ${after:-?} ${quiet:-?} ${during:-?}"
}
# CPU ms/send is the portal's own CPU time (every thread: requests, the writer, the runtime's compiler, the
# collector) over the timed sends. Other tenants' load on shared cores moves it as well as the rates, but it
# counts only the portal's own work: a difference in every pair of rounds is the portal's. "+ work after" adds
# the CPU after the sends until the portal is quiet (the seconds that took in the last column), so work a send
# leaves for just after it (the screen) is counted too; the warm-up's is done before the timing starts.
# "screened during" counts the responses the screen had read before the last send ended: the warm-up's
# fifth of the sends, and any timed ones it read while sends were still arriving.
printf '%-6s %-7s %14s %10s %14s %16s %8s %16s\n' round build "answer POST/s" "sends/s" "CPU ms/send" "+ work after" "quiet s" "screened during"
for round in $(seq 1 "$ROUNDS"); do
  for build in before after; do
    read -r post sends cpu after quiet during <<<"$(measure "$build")"
    printf '%-6s %-7s %14s %10s %14s %16s %8s %16s\n' "$round" "$build" "$post" "$sends" "$cpu" "$after" "$quiet" "$during"
  done
done
