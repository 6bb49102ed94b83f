#!/usr/bin/env bash
# check_docs.py on a repository made to fail it: a missing page, a missing anchor and a plan
# property no page names must each be reported, and the check must exit non-zero.
# Usage: check-finds-faults.sh CHECK_DOCS_PY WORK_DIR
set -euo pipefail
check="${1:?check_docs.py}" work="${2:?work dir}"
rm -rf "$work" && mkdir -p "$work/docs" "$work/testplans"
printf '# Title\n\nSee [a page](docs/missing.md) and [a part](docs/page.md#nowhere).\n' >"$work/README.md"
printf '# Page\n\n## Somewhere\n\n`kafka.topic`\n' >"$work/docs/page.md"
printf '<x>${__P(kafka.topic,t)} ${__P(kafka.secret.knob,1)}</x>\n' >"$work/testplans/p.jmx"
if /usr/bin/python3 "$check" "$work" >"$work/out"; then
  echo "FAIL: the check passed a broken repository" >&2
  exit 1
fi
for expected in "docs/missing.md: no such file" "no heading '#nowhere'" "kafka.secret.knob:"; do
  grep -q "$expected" "$work/out" || { echo "FAIL: not reported: $expected" >&2; cat "$work/out" >&2; exit 1; }
done
if grep -q "kafka.topic:" "$work/out"; then
  echo "FAIL: a documented property was reported" >&2
  exit 1
fi
echo "docs check: a missing page, a missing anchor and an undocumented property reported"
