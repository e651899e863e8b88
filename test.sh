#!/usr/bin/env bash
# Runs every Cabinet test: installs the system packages the tests need (as root), builds once, runs each test
# project in turn (unit, grain, hub, end-to-end in real Chromium), the benchmark harness in quick mode when it
# exists, and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"

packages=()
command -v redis-server >/dev/null || packages+=(redis-server)
[ -x "${CABINET_CHROMIUM:-/usr/bin/chromium}" ] || packages+=(chromium)
command -v pdfsig >/dev/null || packages+=(poppler-utils)
command -v certutil >/dev/null || packages+=(libnss3-tools)
command -v openssl >/dev/null || packages+=(openssl)
command -v softhsm2-util >/dev/null || packages+=(softhsm2)
command -v qpdf >/dev/null || packages+=(qpdf)
dpkg -s python3-aiosmtpd >/dev/null 2>&1 || packages+=(python3-aiosmtpd)
[ -d /usr/share/fonts/truetype/noto ] || packages+=(fonts-noto-core)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${packages[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null \
      || { echo "apt-get install failed"; exit 1; }
  else
    echo "Missing system packages. Install them, then run ./test.sh again:"
    echo "  sudo apt-get install -y ${packages[*]}"
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf artifacts/e2e-measurements.txt artifacts/pdfsig-minutes.txt artifacts/screenshots
echo "== build"
dotnet build Cabinet.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; echo "BUILD FAILED"; exit 1; }

projects=(tests/*.Tests/*.Tests.csproj e2e/Cabinet.E2E/Cabinet.E2E.csproj)
passed=0; failed=0; broken=(); failures=""
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  log=$(mktemp)
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log" | grep -E '^\s+(Failed|Error Message)|^(Passed|Failed)!' | head -60
  # A failure's message and the first lines of its stack, so a CI log says what went wrong.
  grep -E -A12 '^\s+Error Message' "$log" | grep -v -E '^\s+Error Message' | head -80
  summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -1)
  p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$summary"); f=$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$summary")
  if [ -z "$summary" ]; then
    broken+=("$name"); failed=$((failed + 1)); tail -40 "$log"
  else
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
    [ "${f:-0}" = 0 ] || broken+=("$name")
  fi
  # Repeated at the end, because a CI page may show only the last lines.
  failures+=$(grep -E -A3 '^\s+Failed |^\s+Error Message' "$log" | grep -v -E '^--$|^\s+Error Message' | cut -c1-300 | head -40)$'\n'
  rm -f "$log"
done

if [ -f tests/Cabinet.Bench/Cabinet.Bench.csproj ]; then
  echo "== Cabinet.Bench --quick"
  if dotnet run -c Release --no-build --project tests/Cabinet.Bench -- --quick; then passed=$((passed + 1)); else failed=$((failed + 1)); broken+=("Cabinet.Bench"); fi
fi

if [ -f artifacts/pdfsig-minutes.txt ]; then
  echo "== pdfsig on the minutes of a meeting closed in the hub tests"
  cat artifacts/pdfsig-minutes.txt
fi

if [ -f artifacts/e2e-measurements.txt ]; then
  echo "== measured in the browser tests (reported, not asserted)"
  cat artifacts/e2e-measurements.txt
fi

echo
[ ${#broken[@]} -eq 0 ] || { echo "Failing: ${broken[*]}"; grep -v '^$' <<<"$failures"; }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
