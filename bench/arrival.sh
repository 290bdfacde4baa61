#!/usr/bin/env bash
# Staff pages while responses arrive: bench/arrival.sh [RESPONSES] [RATE] [SECONDS]
#
# Publishes the portal in Release (from BENCH_SOURCE, this checkout by default: point it at a worktree of an
# earlier commit to measure that), seeds RESPONSES synthetic responses (100,000 by default), adds six themes
# to every question and tags the comments of the first 90% of responses, as bench/analysis.sh does, starts
# the portal, and then, while RATE people a second (10) send whole responses for SECONDS (60), views the
# dashboard unfiltered and filtered, the analysis home and Q3's theme results in turn, a fifth of a second
# apart. Prints, per page, the median, 95th percentile and slowest view, for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONSES=${1:-100000}
RATE=${2:-10}
SECONDS_=${3:-60}
SOURCE=${BENCH_SOURCE:-.}
WORK=${BENCH_WORK:-/tmp/contactpoint-arrival}
URL=http://127.0.0.1:5332
EMAIL=bench.analyst@example.gov.uk
PASSWORD='a long benchmark passphrase'
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v sqlite3 >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends sqlite3; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== publishing $(git -C "$SOURCE" describe --always --dirty) in Release" >&2
dotnet publish "$SOURCE/src/ContactPointConsultation.Web" -c Release -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
driver() { "$WORK/driver/Driver" "$@"; }
portal() { (cd "$WORK/portal" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
  Serilog__MinimumLevel__Default=Warning Analysis__SuggestThemes=false Portal__FormPostsPerMinute=1000000000 ./ContactPointConsultation.Web "$@"); }

echo "== seeding $RESPONSES responses, and tags on 90% of them" >&2
portal migrate >/dev/null
driver seed "$WORK/portal.db" "$RESPONSES" >&2
sqlite3 "$WORK/portal.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
INSERT INTO Themes (QuestionNumber, Kind, Name, NormalizedName, Description, IncludeWhen, ExcludeWhen, Example, ExchangeId,
                    CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, ConcurrencyStamp)
SELECT q.QuestionNumber, 'Coded', 'Theme ' || n.i, 'THEME ' || n.i, 'A benchmark theme', '', '', '',
       printf('00000000-0000-4000-8000-%04X%08X', q.QuestionNumber, n.i),
       '2026-12-01 00:00:00', 'bench', '2026-12-01 00:00:00', 'bench', printf('00000000-0000-4000-9000-%04X%08X', q.QuestionNumber, n.i)
FROM (SELECT DISTINCT QuestionNumber FROM Themes) q, n;
INSERT INTO CommentTags (ResponseId, QuestionNumber, ThemeId, TaggedAt, TaggedBy)
SELECT a.ResponseId, a.QuestionNumber, t.Id, '2026-12-02 00:00:00', 'bench'
FROM ResponseAnswers a
JOIN Themes t ON t.QuestionNumber = a.QuestionNumber AND ((t.Id + a.ResponseId) % 8 = 0 OR (t.Id + a.ResponseId * 3) % 11 = 0)
WHERE a.Comments IS NOT NULL AND a.ResponseId <= (SELECT MAX(Id) * 90 / 100 FROM Responses);
SQL
printf '%s\n' "$PASSWORD" | portal users create --email "$EMAIL" --role Analyst >/dev/null

(portal --urls "$URL" >>"$WORK/portal.log" 2>&1) &
until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
trap 'kill "$PID" 2>/dev/null || true' EXIT
COOKIE=$(driver staff "$URL" "$EMAIL" "$PASSWORD" | sed -n 's/^COOKIE //p')

# Each page once before the clock starts, so the first view's compilation is not what is measured.
PAGES=(/staff "/staff?Age=11-to-13&As=young-person" /staff/analysis /staff/analysis/questions/3/results)
for page in "${PAGES[@]}"; do driver time "$URL$page" "$COOKIE" 1 >/dev/null; done
driver arrival "$URL" "$COOKIE" "$RATE" "$SECONDS_" "${PAGES[@]}" | tee "$WORK/arrival.txt"
