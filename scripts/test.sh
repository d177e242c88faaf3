#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-deps.sh
npm run lint
npm run typecheck
npm run build
if [[ $# -gt 0 ]]; then
  # A chosen Jest path or pattern runs alone.
  exec npx tsx scripts/with-infra.ts --dir .local/test -- npx jest --ci "$@"
fi
npx tsx scripts/with-infra.ts --dir .local/test -- npx jest --ci
# The browser tests start their own system (test/browser/system.ts) and need the Debian `chromium` package.
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  echo "Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
exec npm run test:browser
