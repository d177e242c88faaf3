#!/usr/bin/env bash
# A fresh clone (or a changed lockfile) must install its own dependencies before anything runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing dependencies from package-lock.json..."
  # `npm ci` refuses this lockfile: the registry lacks other platforms' builds of some optional packages
  # (msgpackr-extract, unrs-resolver), so they cannot be recorded. `npm install` installs the locked versions.
  npm install --no-audit --no-fund
fi

# argon2's prebuilt linux-x64 binary crashes on this platform; compile it against the local Node headers.
if [[ ! -f node_modules/argon2/build/Release/argon2.node ]]; then
  echo "Building argon2 from source..."
  npm_config_build_from_source=true npm rebuild argon2
fi
