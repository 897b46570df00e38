#!/usr/bin/env bash
# Runs every NecroScope test on a fresh Debian machine: installs what is missing (Debian's
# chromium for the end-to-end tests, the npm dependencies), then type-check, lint, unit and
# end-to-end tests. Ends with a line "N passed, N failed" adding up unit and e2e tests.
set -u
cd "$(dirname "$0")/.."
status=0
step() {
	echo "== $*"
	"$@" || { echo "!! failed: $*"; status=1; }
}

if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
	echo "== installing Debian's chromium (needs root)"
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null ||
		{ echo "!! could not install chromium"; status=1; }
fi

step npm ci --no-audit --no-fund
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json
step npm run -s check
step npm run -s lint
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
CI=1 step npx playwright test
node scripts/count-tests.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
