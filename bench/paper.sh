#!/usr/bin/env bash
# Entering paper responses through the entry page (issue 14): one member of staff typing in COUNT responses
# (default 1,000) with "Save and enter another", against a Release build on SQLite, as fast as the portal lets
# them. Prints the rate and the time of one save; the figures go to docs/performance.md, "Paper responses".
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
WORK=${BENCH_WORK:-/tmp/contactpoint-paper}
URL=http://127.0.0.1:5334
EMAIL=bench.keyer@example.gov.uk
PASSWORD='a long benchmark passphrase'
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v sqlite3 >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends sqlite3; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== publishing $(git describe --always --dirty) in Release" >&2
dotnet publish src/ContactPointConsultation.Web -c Release -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
driver() { "$WORK/driver/Driver" "$@"; }
portal() { (cd "$WORK/portal" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
  Serilog__MinimumLevel__Default=Warning Analysis__SuggestThemes=false Portal__FormPostsPerMinute=1000000000 \
  Consultation__OpensAt=2026-11-01T00:00:00Z ./ContactPointConsultation.Web "$@"); }

portal migrate >/dev/null
printf '%s\n' "$PASSWORD" | portal users create --email "$EMAIL" --role Analyst >/dev/null
(portal --urls "$URL" >>"$WORK/portal.log" 2>&1) &
until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
trap 'kill "$PID" 2>/dev/null || true' EXIT

driver paper-entry "$URL" "$EMAIL" "$PASSWORD" "$COUNT" | tee "$WORK/paper.txt"
sleep 2
echo "stored: $(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM Responses WHERE Channel = 'Paper'") entered," \
  "$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM PaperChecks") drawn for checking," \
  "$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM Responses WHERE ScreenedAt IS NULL") not yet screened" | tee -a "$WORK/paper.txt"
echo "peak memory of the portal: $(grep VmHWM /proc/"$PID"/status)" | tee -a "$WORK/paper.txt"
