#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite and PostgreSQL, real migrations) and browser (Debian's Chromium).
# Usage: tests/run-all.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests; Java for the Nu HTML Checker (npm vnu-jar) in the HTML validity test;
# PostgreSQL, whose throwaway cluster the tests start and delete themselves (PostgreSqlCluster);
# LibreOffice Calc, which opens the Excel download as an analyst's spreadsheet would (LibreOfficeTests).
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing="$missing postgresql"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-calc-nogui"
if [ -n "$missing" ]; then
  echo "Installing Debian's$missing for the tests."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution ContactPointConsultation.sln "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line, whatever the runner printed above it.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
echo "Tests: ${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No tests ran." >&2
  exit 1
fi
exit "$status"
