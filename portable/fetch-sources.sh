#!/usr/bin/env bash
# Fetches and unpacks the Debian source packages named in portable/sources.list into
# DIR/SUITE/PACKAGE-VERSION/, once: a tree unpacked by an earlier run is kept, so a warm cache
# needs no network. Needs deb-src entries for the suites (scripts/lib/setup.sh adds them).
# Prints the unpacked trees' names, one per line, for the dependency cache's key.
# Usage: fetch-sources.sh DIR
set -euo pipefail
dir="${1:?dir}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$dir"
cd "$dir"
exec 9>.lock
flock 9  # the targets' builds may start at once
while read -r package suite; do
  mkdir -p "$suite"
  if ! compgen -G "$suite/$package-[0-9]*/" >/dev/null; then
    echo "Fetching Debian's $package source package ($suite)" >&2
    (
      cd "$suite"
      apt-get source -qq --download-only "$package/$suite" >&2
      for dsc in "$package"_*.dsc; do
        dpkg-source --no-check -x "$dsc" >/dev/null
      done
    )
  fi
  compgen -G "$suite/$package-[0-9]*/"
done < <(grep -v '^#' "$here/sources.list")
