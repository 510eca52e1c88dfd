#!/usr/bin/env bash
# Runs the whole AsfPlatform test suite (the README's test command).
# Installs what the tests need when it is missing: a PostgreSQL server (the tests start their own private cluster),
# Chromium (browser tests), LibreOffice and poppler (documents are rendered to PDF; Calc opens the spreadsheet exports), and the fonts documents use.
# Ends with a plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# Calc opens the spreadsheet exports in their tests (issue 12).
ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

log=$(mktemp)
# Test projects run in parallel (one per core); a hung test is dumped and stopped instead of eating CI's time.
dotnet test AsfPlatform.sln -c Release --nologo \
  --logger "console;verbosity=normal" --blame-hang-timeout 10m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly ends with either "Passed!  - Failed: 0, Passed: 42, ..." (minimal verbosity) or a block
# "Total tests: 42 / Passed: 42 / Failed: 0" (normal verbosity); count both forms.
read -r passed failed < <(awk '
  /^(Passed|Failed)! +- / { match($0, /Failed: *[0-9]+/); f += substr($0, RSTART + 7, RLENGTH - 7) + 0
                            match($0, /Passed: *[0-9]+/); p += substr($0, RSTART + 7, RLENGTH - 7) + 0; next }
  /^Total tests: /        { block = 1; next }
  block && /^ +Passed: [0-9]+$/ { p += $2 }
  block && /^ +Failed: [0-9]+$/ { f += $2 }
  block && /^ +Total time:/     { block = 0 }
  END { print p + 0, f + 0 }' "$log")
# Name the failed tests once more at the end, where a CI log that keeps only its tail still shows them.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -E '^ +Failed [A-Za-z]' "$log" | sed -E 's/^ +Failed /  - /' | sort -u
fi
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed without a failing test to count: say so rather than report green.
  echo "dotnet test exited with $status before all tests could run"
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
