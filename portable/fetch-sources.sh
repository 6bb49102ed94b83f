#!/usr/bin/env bash
# Fetches and unpacks Debian bookworm's source packages of the libraries the self-contained
# JNI library links statically, into DIR (once). Needs a deb-src entry for bookworm
# (scripts/lib/setup.sh adds one). The versions are bookworm's own, not the security
# suite's, whose mirror here serves indexes without every file.
# Usage: fetch-sources.sh DIR
set -euo pipefail
dir="${1:?dir}"
mkdir -p "$dir"
cd "$dir"
exec 9>.lock
flock 9  # the targets' builds may start at once
# Each package once: a tree unpacked by an earlier run is kept.
for package in zlib libzstd lz4 openssl librdkafka curl; do
  compgen -G "$package-[0-9]*/" >/dev/null && continue
  apt-get source -qq --download-only "$package/bookworm"
  for dsc in "$package"_*.dsc; do
    dpkg-source --no-check -x "$dsc" >/dev/null
  done
done
