#!/usr/bin/env bash
# Renders every icon file from the one artwork, ccbridge.svg, and commits nothing by itself:
#   png/ccbridge-<size>.png            the app icon (window, Linux desktop entry), 16-512 px
#   png/tray-<state>-<size>.png        the tray icon per gateway state (serving, warning, off, error),
#                                      16-64 px (the 2x sizes for HiDPI trays)
#   ccbridge.ico                       the Windows app icon (16-256 px)
#   ccbridge.icns                      the macOS app icon (16-1024 px)
# The tray states are the artwork with states/<state>.css applied (colours and marks).
# Debian packages: librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
# The output depends only on the SVG, the stylesheets and these tools' versions (no timestamps),
# so running it twice gives the same bytes. Run it after changing the artwork and commit the result.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
for tool in rsvg-convert:librsvg2-bin icotool:icoutils png2icns:icnsutils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "render.sh needs: apt-get install ${missing[*]}" >&2
  exit 1
fi

app_sizes=(16 24 32 48 64 128 256 512)
tray_sizes=(16 22 24 32 44 48 64)
states=(serving warning off error)

render() { # render <stylesheet or -> <size> <output>
  local style=()
  [ "$1" = - ] || style=(--stylesheet "$1")
  rsvg-convert "${style[@]}" --width "$2" --height "$2" --keep-aspect-ratio ccbridge.svg --output "$3"
}

rm -rf png && mkdir png
for size in "${app_sizes[@]}"; do
  render - "$size" "png/ccbridge-$size.png"
done
for state in "${states[@]}"; do
  for size in "${tray_sizes[@]}"; do
    render "states/$state.css" "$size" "png/tray-$state-$size.png"
  done
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Windows: the small sizes as bitmaps, 256 px as an embedded PNG (as Windows expects it).
icotool --create --output=ccbridge.ico \
  png/ccbridge-{16,24,32,48,64,128}.png --raw=png/ccbridge-256.png
# macOS: the icns sizes (1024 px is the 512 px @2x entry, rendered for this file only).
render - 1024 "$scratch/ccbridge-1024.png"
png2icns ccbridge.icns png/ccbridge-{16,32,48,128,256,512}.png "$scratch/ccbridge-1024.png" >/dev/null

echo "rendered $(ls png | wc -l) PNGs, ccbridge.ico and ccbridge.icns from ccbridge.svg"
