# Sourced by scripts/test and scripts/quickstart: runs named stages, prints a line when each
# starts, and at the end (or when one fails) a table of their seconds, so a slow stage shows.
KNS_STAGE_NAMES=()
KNS_STAGE_SECONDS=()

# kns_stage NAME COMMAND...: runs COMMAND as stage NAME; a failure prints the table and exits.
kns_stage() {
  local name="$1" started=$SECONDS status=0
  shift
  echo "==> $name" >&2
  "$@" || status=$?
  KNS_STAGE_NAMES+=("$name")
  KNS_STAGE_SECONDS+=($((SECONDS - started)))
  if ((status != 0)); then
    echo "FAIL: stage '$name' (status $status)" >&2
    kns_stage_table
    exit "$status"
  fi
}

kns_stage_table() {
  local i total=0
  printf '\n%-20s %8s\n' stage seconds >&2
  for i in "${!KNS_STAGE_NAMES[@]}"; do
    printf '%-20s %8d\n' "${KNS_STAGE_NAMES[$i]}" "${KNS_STAGE_SECONDS[$i]}" >&2
    total=$((total + KNS_STAGE_SECONDS[i]))
  done
  printf '%-20s %8d\n' total "$total" >&2
}

# kns_ctest BUILD_DIR [CTEST ARGS...]: runs ctest in BUILD_DIR.
kns_ctest() {
  local dir="$1"
  shift
  (cd "$dir" && ctest --output-on-failure "$@")
}
