#!/usr/bin/env bash
# A fresh clone (or a changed lockfile) must install its own dependencies before anything runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing dependencies (npm ci)..."
  npm ci
fi
