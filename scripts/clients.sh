#!/usr/bin/env bash
# Builds and tests the JavaScript clients (clients/: the SDK, the web client, the browser tests).
#   scripts/clients.sh build     npm ci when needed, then build the SDK and the web client (clients/web/dist)
#   scripts/clients.sh test      the SDK's unit tests (Vitest)
#   scripts/clients.sh browser   install Debian's Chromium for the browser tests when it is missing
# Needs Node.js 20+ and npm (installed with apt-get when missing; Debian 12's own nodejs is 18: too old).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../clients"

say() { printf '[clients] %s\n' "$*"; }
fail() { printf '[clients] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  command -v apt-get >/dev/null || fail "$* missing and no apt-get to install it"
  say "installing $* with apt-get ..."
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || fail "Node.js $(node --version) is too old: install Node.js 20 or newer (e.g. from nodesource)"
}

install_packages() {
  # npm ci is exact (package-lock.json) but slow: only when the lock changed since the last install
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci ..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

case "${1:-build}" in
  build)
    ensure_node
    install_packages
    say "building the SDK and the web client ..."
    npm run build --silent >/dev/null
    say "web client built: clients/web/dist"
    ;;
  test)
    ensure_node
    install_packages
    npm run build -w js --silent
    npm test --silent
    ;;
  browser)
    command -v chromium >/dev/null || apt_install chromium
    # emoji in screenshots instead of empty boxes; the tests do not depend on it
    [ -d /usr/share/fonts/truetype/noto ] && ls /usr/share/fonts/truetype/noto | grep -q ColorEmoji \
      || (apt_install fonts-noto-color-emoji) || say "note: no emoji font (screenshots show boxes)"
    say "browser: $(chromium --version 2>/dev/null || echo missing)"
    ;;
  *)
    fail "unknown command $1 (build, test, browser)"
    ;;
esac
