#!/usr/bin/env bash
# Vendors the web UI's JavaScript libraries and Arabic fonts from the npm registry into
# qala/web/static/vendor/: `npm pack` fetches the exact pinned versions into a temporary directory and
# only their distribution files (and licences) are copied. The copied files are committed, so qala
# never touches the network at run time and needs no Node.js to run. Re-run after changing a version.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=qala/web/static/vendor

CHARTJS=chart.js@4.5.1                       # MIT: the timeline bar chart
VISNETWORK=vis-network@10.1.5                # Apache-2.0 OR MIT: the co-occurrence network
NASKH=@fontsource/noto-naskh-arabic@5.3.0    # OFL-1.1: reading text (quotations, articles)
SANS=@fontsource/noto-sans-arabic@5.3.0      # OFL-1.1: interface text
SWAGGER=swagger-ui-dist@5.35.0               # Apache-2.0: the interactive API docs at /docs

command -v npm >/dev/null || { echo "npm is needed to vendor the web assets (apt-get install npm)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

unpack() {  # unpack NAME@VERSION into $TMP/<dir>
  local spec=$1 dir=$2 tgz
  tgz=$(cd "$TMP" && npm pack --silent "$spec" | tail -n 1)
  mkdir -p "$TMP/$dir"
  tar xzf "$TMP/$tgz" -C "$TMP/$dir" --strip-components=1
}

unpack "$CHARTJS" chartjs
unpack "$VISNETWORK" visnetwork
unpack "$NASKH" naskh
unpack "$SANS" sans
unpack "$SWAGGER" swagger

rm -rf "$DEST"
mkdir -p "$DEST/chartjs" "$DEST/vis-network" "$DEST/fonts" "$DEST/swagger-ui"
cp "$TMP/chartjs/dist/chart.umd.min.js" "$TMP/chartjs/LICENSE.md" "$DEST/chartjs/"
cp "$TMP/visnetwork/standalone/umd/vis-network.min.js" "$TMP/visnetwork/LICENSE-MIT" \
   "$TMP/visnetwork/LICENSE-APACHE-2.0" "$DEST/vis-network/"
cp "$TMP/swagger/swagger-ui-bundle.js" "$TMP/swagger/swagger-ui.css" "$TMP/swagger/LICENSE" \
   "$TMP/swagger/NOTICE" "$DEST/swagger-ui/"
for family in naskh sans; do
  name=$(node -e "console.log(require('$TMP/$family/package.json').name.split('/')[1])")
  for subset in arabic latin; do
    for weight in 400 700; do
      cp "$TMP/$family/files/$name-$subset-$weight-normal.woff2" "$DEST/fonts/"
    done
  done
  cp "$TMP/$family/LICENSE" "$DEST/fonts/LICENSE-$name.txt"
done

{
  echo "Vendored by scripts/vendor_web.sh from the npm registry; do not edit by hand."
  for spec in "$CHARTJS" "$VISNETWORK" "$NASKH" "$SANS" "$SWAGGER"; do echo "$spec"; done
} > "$DEST/VERSIONS.txt"
echo "vendored into $DEST:"
du -sh "$DEST"/*
