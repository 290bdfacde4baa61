#!/usr/bin/env bash
# Importing a spreadsheet of paper responses (issue 14): for each size in ROWS (default 1,000, 2,500, 5,000 and
# 10,000 lines), a fresh portal (Release build, SQLite) and one member of staff uploading the file, seeing it
# checked and importing it. Prints each size's upload-and-check and import times, and the portal's resident
# memory before the upload and at its peak (VmHWM), to show memory stays flat as files grow. The figures go to
# docs/performance.md, "Paper responses".
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${*:-1000 2500 5000 10000}
WORK=${BENCH_WORK:-/tmp/contactpoint-paper-import}
URL=http://127.0.0.1:5335
EMAIL=bench.importer@example.gov.uk
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
memory() { awk -v f="$2" '$1 == f":" { printf "%.0f MB", $2 / 1024 }' /proc/"$1"/status; }

for rows in $ROWS; do
  rm -f "$WORK"/portal.db*
  portal migrate >/dev/null
  printf '%s\n' "$PASSWORD" | portal users create --email "$EMAIL" --role Analyst >/dev/null
  (portal --urls "$URL" >>"$WORK/portal.log" 2>&1) &
  until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
  PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
  trap 'kill "$PID" 2>/dev/null || true' EXIT
  for _ in 1 2 3; do curl -s -o /dev/null "$URL/staff/sign-in"; done
  before="$(memory "$PID" VmRSS) resident, $(memory "$PID" VmHWM) peak"

  driver paper-import "$URL" "$EMAIL" "$PASSWORD" "$rows" "$WORK/responses-$rows.csv" | tee -a "$WORK/import.txt"
  echo "  stored: $(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM Responses WHERE PaperImportId IS NOT NULL") imported;" \
    "portal memory before the upload $before; peak after the import $(memory "$PID" VmHWM)" | tee -a "$WORK/import.txt"
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
