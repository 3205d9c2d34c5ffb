#!/usr/bin/env bash
# Rebuild static/vendor/ and static/fonts/ from their registry packages (run from anywhere).
#   leaflet 1.9.4 (BSD-2-Clause) and leaflet.markercluster 1.5.3 (MIT): npm registry, `npm pack`
#   Amiri Regular (SIL Open Font License 1.1): Debian's fonts-hosny-amiri
# The built files are committed; nothing is fetched when the dashboard runs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
static="$here/static"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 >/dev/null
mkdir leaflet markercluster
tar xzf leaflet-1.9.4.tgz -C leaflet --strip-components=1
tar xzf leaflet.markercluster-1.5.3.tgz -C markercluster --strip-components=1
rm -rf "$static/vendor/leaflet" "$static/vendor/leaflet.markercluster"
mkdir -p "$static/vendor/leaflet/images" "$static/vendor/leaflet.markercluster"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css leaflet/LICENSE "$static/vendor/leaflet/"
cp leaflet/dist/images/*.png "$static/vendor/leaflet/images/"
cp markercluster/dist/leaflet.markercluster.js markercluster/dist/MarkerCluster.css \
   markercluster/dist/MarkerCluster.Default.css "$static/vendor/leaflet.markercluster/"
cp markercluster/MIT-LICENCE.txt "$static/vendor/leaflet.markercluster/LICENSE"
# The font: install the Debian package if it is missing (needs root), then copy it unchanged.
font=/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf
[ -f "$font" ] || apt-get install -y -qq fonts-hosny-amiri >/dev/null
mkdir -p "$static/fonts"
cp "$font" "$static/fonts/Amiri-Regular.ttf"
{ echo "Amiri-Regular.ttf: Copyright 2010-2017 Khaled Hosny <khaledhosny@eglug.org>, unmodified."
  echo "Licensed under the SIL Open Font License, Version 1.1:"
  echo
  awk '/^License: OFL$/ { n = NR } { line[NR] = $0 } END { for (i = n + 1; i <= NR; i++) print line[i] }' \
    /usr/share/doc/fonts-hosny-amiri/copyright | sed 's/^ //; s/^\.$//'
} > "$static/fonts/OFL.txt"
echo "vendor and fonts rebuilt in $static"
