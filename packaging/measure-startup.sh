#!/usr/bin/env bash
# Measures the installed app (or an app image): time from starting the launcher to its icon in
# the tray, and the memory it keeps (RSS) once idle, with the shipped ahead-of-time cache and
# without it. Runs on a private Xvfb display with trayer as the tray host, with a scratch
# configuration that is not a first start (so the app starts in the tray, as it does every day).
#
#   packaging/measure-startup.sh [APP_DIR] [RUNS] [IDLE_SECONDS]
#     APP_DIR       the installation, /opt/ccbridge by default (or app/target/installer-work/image/ccbridge)
#     RUNS          starts per variant (default 5; the median is reported)
#     IDLE_SECONDS  how long the last start of each variant idles before its RSS is read (default 60)
#
# Variants (on a copy of APP_DIR, so the installation is left alone):
#   aot-cache as installed: the app's ahead-of-time cache (lib/app/ccbridge.aot)
#   base-cds  without it (the JDK classes still come from the runtime's base archive)
#   no-cds    no class-data sharing at all (-Xshare:off)
# VARIANTS="aot-cache no-cds" picks some. Debian packages: xvfb, trayer, x11-utils (xwininfo).
set -euo pipefail

app_dir=${1:-/opt/ccbridge}
runs=${2:-5}
idle=${3:-60}
for tool in Xvfb trayer xwininfo; do
  command -v "$tool" >/dev/null || { echo "measure-startup.sh needs $tool (apt-get install xvfb trayer x11-utils)" >&2; exit 1; }
done
[ -x "$app_dir/bin/ccbridge" ] || { echo "no launcher at $app_dir/bin/ccbridge" >&2; exit 1; }

scratch=$(mktemp -d)
number=$((200 + $$ % 300))
while [ -e "/tmp/.X11-unix/X$number" ] || [ -e "/tmp/.X$number-lock" ]; do number=$((number + 1)); done
display=":$number"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
DISPLAY=$display trayer --edge top --align right --widthtype request --height 24 --transparent false \
  >/dev/null 2>&1 & pids+=($!)
sleep 1

# The copies: one per variant, differing only in the launcher's configuration.
variants=${VARIANTS:-aot-cache base-cds no-cds}
for variant in $variants; do
  cp -a "$app_dir" "$scratch/$variant"
  cfg="$scratch/$variant/lib/app/ccbridge.cfg"
  case $variant in
    base-cds) sed -i '/AOTCache/d' "$cfg" ;;
    no-cds) sed -i '/AOTCache/d' "$cfg"; echo 'java-options=-Xshare:off' >>"$cfg" ;;
  esac
done

# A configuration that has been started before: the app comes up in the tray only.
port=$((20000 + $$ % 20000))
home="$scratch/home"
mkdir -p "$home"
run_app() { # run_app VARIANT: starts it in the background, sets $app_pid
  CCBRIDGE_HOME="$home" DISPLAY="$display" NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-bus" \
    "$scratch/$1/bin/ccbridge" --port "$port" >"$scratch/$1.log" 2>&1 &
  app_pid=$!
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}
tray_icons() { # the AWT tray icon windows docked in trayer's panel
  xwininfo -display "$display" -root -tree 2>/dev/null | grep -c 'sun-awt-X11-XCanvasPeer' || true
}
first=${variants%% *}
run_app "$first"
for _ in $(seq 300); do [ "$(tray_icons)" -gt 0 ] && break; sleep 0.1; done
stop_app
[ -f "$home/config.json" ] || { echo "the app wrote no configuration; see below" >&2; cat "$scratch/$first.log" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

cpu_ms() { # CPU time (user + system) the process has used so far
  awk -v tick="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tick }' "/proc/$1/stat"
}

# Wall time depends on what else runs on the machine; the CPU time to the tray much less so.
echo "variant   start-to-tray ms (median of $runs; all runs)   CPU ms to tray (median)   idle RSS after ${idle}s (MB)"
for variant in $variants; do
  times=()
  cpus=()
  for run in $(seq "$runs"); do
    before=$(date +%s%N)
    run_app "$variant"
    while [ "$(tray_icons)" -eq 0 ]; do
      kill -0 "$app_pid" 2>/dev/null || { echo "$variant ended early:" >&2; cat "$scratch/$variant.log" >&2; exit 1; }
      sleep 0.02
    done
    times+=($(( ($(date +%s%N) - before) / 1000000 )))
    cpus+=("$(cpu_ms "$app_pid")")
    if [ "$run" -lt "$runs" ]; then stop_app; sleep 1; fi
  done
  sleep "$idle"
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  stop_app
  sleep 1
  printf '%-9s %-47s %-25s %s\n' "$variant" "$(printf '%s\n' "${times[@]}" | median) (${times[*]})" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$rss"
done
