#!/usr/bin/env bash
# The installer test: installs the built .deb the way a user does (apt-get resolves its
# dependencies), starts the installed launcher headless with a scratch CCBRIDGE_HOME, checks that
# it serves /v1/models on 127.0.0.1 with the install token from the config it wrote and that its
# classes come from the shipped ahead-of-time cache, stops it, checks the command-line
# launcher, and removes the package (checking that nothing is left on PATH or in /opt).
#
#   packaging/test-deb.sh [app/target/installer/ccbridge_*.deb]
#
# Needs root or passwordless sudo (it installs a system package). It refuses to run where a
# ccbridge package is already installed, so it never replaces a real installation.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls app/target/installer/ccbridge_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "no .deb to test: build it with ./mvnw -Ppackage-installer" >&2; exit 1; }
deb=$(realpath "$deb")
if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "packaging/test-deb.sh needs root or passwordless sudo" >&2
  exit 1
fi
installed() { dpkg-query -W -f '${Status}' ccbridge 2>/dev/null | grep -q ' installed$'; }
if installed; then
  echo "a ccbridge package is already installed here; not replacing it (remove it to run this test)" >&2
  exit 1
fi

passed=0
failed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts and reports the result
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok: $what"
  else
    failed=$((failed + 1))
    echo "  FAILED: $what" >&2
  fi
}

home=$(mktemp -d)
log="$home/serve.log"
server=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  if dpkg-query -W ccbridge >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -q ccbridge >/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT

echo "Installer test: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
# apt-get installs the declared dependencies with it; a .deb that declares one that does not
# exist fails here.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "$deb" >"$home/install.log" 2>&1 \
  || { cat "$home/install.log" >&2; exit 1; }
check "the package installs with its dependencies" installed
check "ccbridge and ccbridge-cli are on PATH" test -x /usr/bin/ccbridge -a -x /usr/bin/ccbridge-cli
check "the menu entry is installed" grep -q "^Exec=/opt/ccbridge/bin/ccbridge$" /usr/share/applications/ccbridge.desktop

# The installed launcher, headless, as a user would start it on a server (no display either).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((30000 + $$ % 20000)))
# With the JVM's class-loading log: the classes should come from the shipped ahead-of-time cache.
env -u DISPLAY -u WAYLAND_DISPLAY CCBRIDGE_HOME="$home" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$home/classes.log" \
  ccbridge --headless --port "$port" >"$log" 2>&1 &
server=$!
for _ in $(seq 600); do
  grep -q "listening on" "$log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
check "the headless server starts and says where it listens" grep -q "ccbridge listening on http://127.0.0.1:$port" "$log"
check "it wrote its configuration into CCBRIDGE_HOME" test -f "$home/config.json"
token=$(sed -n 's/.*"installToken" *: *"\([^"]*\)".*/\1/p' "$home/config.json" 2>/dev/null || true)
models=$(curl -sS --max-time 10 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/models" 2>&1 || true)
check "GET /v1/models with the install token lists the Claude models" grep -q '"id" *: *"claude-' <<<"$models"
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer wrong" \
  "http://127.0.0.1:$port/v1/models" || true)
check "a wrong token is refused (401)" test "$status" = 401
kill "$server"
wait "$server" 2>/dev/null || true
server=
# The wrong token above is logged as a refusal (its line names the error type): any other error is one.
grep -v "  rejected  " "$log" | grep -qi "exception\|error" && { echo "the server's output:" >&2; cat "$log" >&2; }
check "the server printed no error (nor a refused ahead-of-time cache)" \
  bash -c "! grep -v '  rejected  ' '$log' | grep -qi 'exception\|error'"
check "the wrong token is logged as a refusal" grep -q "  401  rejected  " "$log"
check "the app's classes came from the shipped ahead-of-time cache" \
  grep -q "dev.ccbridge.app.Launcher source: shared objects file" "$home/classes.log"

targets=$(CCBRIDGE_HOME="$home" ccbridge-cli targets list 2>&1 || true)
check "ccbridge-cli lists the configured targets" grep -q "openai" <<<"$targets"

# purge, not just remove: a removed package stays known to dpkg ("config-files") until purged.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -q ccbridge >"$home/remove.log" 2>&1 \
  || { cat "$home/remove.log" >&2; exit 1; }
check "the package is removed" bash -c "! dpkg-query -W ccbridge >/dev/null 2>&1"
check "nothing is left in /opt/ccbridge or on PATH" \
  bash -c "[ ! -e /opt/ccbridge ] && [ ! -e /usr/bin/ccbridge ] && [ ! -e /usr/bin/ccbridge-cli ] && [ ! -e /usr/share/applications/ccbridge.desktop ]"

echo "installer: $passed passed, $failed failed"
[ "$failed" = 0 ]
