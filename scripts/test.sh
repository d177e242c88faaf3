#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-deps.sh
npm run lint
npm run typecheck
npm run build
exec npx tsx scripts/with-infra.ts --dir .local/test -- npx jest --ci "$@"
