#!/usr/bin/env bash
# Theme suggestions at scale: bench/suggestions.sh [RESPONSES]
#
# Publishes the portal in Release, seeds RESPONSES synthetic responses (15,200 by default: about 100,000
# comments) and six themes on every question, then starts the portal with the suggestions job on and times
# it until every comment has suggestions: comments per second, and the portal's peak memory. Then the web
# process's memory with the model loaded, and again after the job has been idle long enough to release it
# (SentenceModel.IdleAfter), beside the memory of the same portal with the job off.
# Prints a table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONSES=${1:-15200}
WORK=${BENCH_WORK:-/tmp/contactpoint-suggestions}
URL=http://127.0.0.1:5332
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v sqlite3 >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends sqlite3; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== publishing in Release" >&2
dotnet publish src/ContactPointConsultation.Web -c Release -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
portal() { (cd "$WORK/portal" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
  Serilog__MinimumLevel__Default=Warning Analysis__SuggestPollSeconds=1 "$@" ./ContactPointConsultation.Web --urls "$URL"); }
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
start() {
  # Redirected outside the subshell, so the $(start …) that reads the pid does not wait for the portal.
  (portal "$@") >>"$WORK/portal.log" 2>&1 </dev/null &
  until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
  pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1
}

echo "== seeding $RESPONSES responses, and six themes on every question" >&2
(cd "$WORK/portal" && env "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" Serilog__MinimumLevel__Default=Warning ./ContactPointConsultation.Web migrate >/dev/null)
"$WORK/driver/Driver" seed "$WORK/portal.db" "$RESPONSES"
sqlite3 "$WORK/portal.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
INSERT INTO Themes (QuestionNumber, Kind, Name, NormalizedName, Description, IncludeWhen, ExcludeWhen, Example, ExchangeId,
                    CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, ConcurrencyStamp)
SELECT q.QuestionNumber, 'Coded', 'Theme ' || n.i, 'THEME ' || n.i, 'A benchmark theme about privacy, records and who can see them', '', '',
       'who can see my record', printf('00000000-0000-4000-8000-%04X%08X', q.QuestionNumber, n.i),
       '2026-12-01 00:00:00', 'bench', '2026-12-01 00:00:00', 'bench', printf('00000000-0000-4000-9000-%04X%08X', q.QuestionNumber, n.i)
FROM (SELECT DISTINCT QuestionNumber FROM Themes) q, n;
SQL
COMMENTS=$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM ResponseAnswers WHERE Comments IS NOT NULL")

echo "== the portal with the job off" >&2
PID=$(start Analysis__SuggestThemes=false)
curl -s -o /dev/null "$URL/"; sleep 5
off=$(rss "$PID")
kill "$PID"; while kill -0 "$PID" 2>/dev/null; do sleep 0.1; done

echo "== the portal with the job on, until every one of $COMMENTS comments has suggestions" >&2
began=$(date +%s.%N)
PID=$(start Analysis__SuggestThemes=true)
trap 'kill "$PID" 2>/dev/null || true' EXIT
while [ "$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM SuggestedComments")" -lt "$COMMENTS" ]; do sleep 2; done
ended=$(date +%s.%N)
loaded=$(rss "$PID")
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")
echo "== waiting for the model to be released when idle" >&2
sleep 180
released=$(rss "$PID")
seconds=$(awk -v a="$began" -v b="$ended" 'BEGIN { print b - a }')

echo "| Suggestions ($RESPONSES responses, $COMMENTS comments) | Figure |"
echo "| --- | --- |"
printf '| Time for every comment, from the portal starting | %.0f s |\n' "$seconds"
printf '| Comments per second | %.0f |\n' "$(awk -v c="$COMMENTS" -v s="$seconds" 'BEGIN { print c / s }')"
echo "| Peak memory of the web process (VmHWM) | $peak MB |"
echo "| Web process, job off | $off MB |"
echo "| Web process, model loaded, just after the last batch | $loaded MB |"
echo "| Web process, 180 s later: model released when idle | $released MB |"
