#!/usr/bin/env bash
# The analysis pages at scale: bench/analysis.sh [RESPONSES]
#
# Publishes the portal in Release, seeds RESPONSES synthetic responses (100,000 by default), adds six
# themes to every question and tags the comments of the first TAGGED percent of responses (90 by default,
# so the queue's next untagged comment is far in), then times, with the driver, each page a few times in
# a freshly started portal: the analysis home (every question's share tagged), Q3's tagging queue
# (unfiltered and filtered), Q3's theme results, Q3's suggestions page (over suggestions written here as the
# job would leave them), and the themes CSV, with the portal's peak memory.
# The suggestions job is off: bench/suggestions.sh measures it. Prints a table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONSES=${1:-100000}
TAGGED=${BENCH_TAGGED:-90}
WORK=${BENCH_WORK:-/tmp/contactpoint-analysis}
URL=http://127.0.0.1:5331
EMAIL=bench.analyst@example.gov.uk
PASSWORD='a long benchmark passphrase'
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
command -v sqlite3 >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends sqlite3; }

rm -rf "$WORK" && mkdir -p "$WORK"
echo "== publishing in Release" >&2
dotnet publish src/ContactPointConsultation.Web -c Release -o "$WORK/portal" -v q --nologo >/dev/null
dotnet publish bench/Driver -c Release -o "$WORK/driver" -v q --nologo >/dev/null
driver() { "$WORK/driver/Driver" "$@"; }
portal() { (cd "$WORK/portal" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Consultation=Data Source=$WORK/portal.db" \
  Serilog__MinimumLevel__Default=Warning Analysis__SuggestThemes=false ./ContactPointConsultation.Web "$@"); }

echo "== seeding $RESPONSES responses, and tags on ${TAGGED}% of them" >&2
portal migrate >/dev/null
driver seed "$WORK/portal.db" "$RESPONSES"
sqlite3 "$WORK/portal.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
INSERT INTO Themes (QuestionNumber, Kind, Name, NormalizedName, Description, IncludeWhen, ExcludeWhen, Example, ExchangeId,
                    CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, ConcurrencyStamp)
SELECT q.QuestionNumber, 'Coded', 'Theme ' || n.i, 'THEME ' || n.i, 'A benchmark theme', '', '', '',
       printf('00000000-0000-4000-8000-%04X%08X', q.QuestionNumber, n.i),
       '2026-12-01 00:00:00', 'bench', '2026-12-01 00:00:00', 'bench', printf('00000000-0000-4000-9000-%04X%08X', q.QuestionNumber, n.i)
FROM (SELECT DISTINCT QuestionNumber FROM Themes) q, n;
-- One or two themes on each comment of the first TAGGED% of responses, chosen from the question's themes.
INSERT INTO CommentTags (ResponseId, QuestionNumber, ThemeId, TaggedAt, TaggedBy)
SELECT a.ResponseId, a.QuestionNumber, t.Id, '2026-12-02 00:00:00', 'bench'
FROM ResponseAnswers a
JOIN Themes t ON t.QuestionNumber = a.QuestionNumber AND ((t.Id + a.ResponseId) % 8 = 0 OR (t.Id + a.ResponseId * 3) % 11 = 0)
WHERE a.Comments IS NOT NULL AND a.ResponseId <= (SELECT MAX(Id) * $TAGGED / 100 FROM Responses);
-- Suggestions as the job would leave them, for the suggestions page: every comment, its best theme, and
-- a best score under 0.25 (fits no theme) for a fifth of them.
INSERT INTO SuggestedComments (ResponseId, QuestionNumber, CodebookKey, BestScore, SuggestedAt)
SELECT a.ResponseId, a.QuestionNumber, 'bench', (a.ResponseId % 10) / 20.0, '2026-12-02 00:00:00'
FROM ResponseAnswers a WHERE a.Comments IS NOT NULL;
INSERT INTO ThemeSuggestions (ResponseId, QuestionNumber, Rank, ThemeId, Score, Suggested)
SELECT a.ResponseId, a.QuestionNumber, 1, (SELECT MIN(t.Id) + a.ResponseId % 6 FROM Themes t WHERE t.QuestionNumber = a.QuestionNumber AND t.Kind = 'Coded'),
       0.5, 1
FROM ResponseAnswers a WHERE a.Comments IS NOT NULL;
SQL
TAGS=$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM CommentTags")
COMMENTS=$(sqlite3 "$WORK/portal.db" "SELECT COUNT(*) FROM ResponseAnswers WHERE Comments IS NOT NULL")
printf '%s\n' "$PASSWORD" | portal users create --email "$EMAIL" --role Analyst >/dev/null

(portal --urls "$URL" >>"$WORK/portal.log" 2>&1) &
until curl -s -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null | grep -q 200; do sleep 0.05; done
PID=$(pgrep -f "ContactPointConsultation.Web --urls $URL" | head -1)
trap 'kill "$PID" 2>/dev/null || true' EXIT
COOKIE=$(driver staff "$URL" "$EMAIL" "$PASSWORD" | sed -n 's/^COOKIE //p')

echo "| Page ($RESPONSES responses, $COMMENTS comments, $TAGS tags) | First view | Median of 20 | 95th percentile |"
echo "| --- | --- | --- | --- |"
for page in /staff/analysis /staff/analysis/questions/3/tag "/staff/analysis/questions/3/tag?Age=11-to-13&As=young-person" \
            /staff/analysis/questions/3/results "/staff/analysis/questions/3/results?Age=11-to-13" \
            /staff/analysis/questions/3/suggestions; do
  first=$(driver time "$URL$page" "$COOKIE" 1 | awk '{ print $3 }')
  read -r median p95 <<<"$(driver time "$URL$page" "$COOKIE" 20 | awk '{ print $3, $6 }')"
  echo "| \`$page\` | $first ms | $median ms | $p95 ms |"
done
echo 5 > "/proc/$PID/clear_refs"
before=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")
csv=$(driver time "$URL/staff/downloads/themes.csv" "$COOKIE" 1)
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")
echo
echo "Themes CSV: $(awk '{ print $3 }' <<<"$csv") ms for $(awk '{ printf "%.1f", $9 / 1000000 }' <<<"$csv") MB ($TAGS rows); the portal's memory $before MB before, $peak MB at its peak."
