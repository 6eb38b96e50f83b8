#!/usr/bin/env bash
# Sums the counters of every .trx file under a folder and prints "N passed, N failed, N skipped".
# Exits non-zero when a test failed or when no test ran at all.
set -euo pipefail
dir=${1:-artifacts/test-results}
passed=0 failed=0 skipped=0 executed=0
shopt -s nullglob globstar
for trx in "$dir"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(get total); exec_=$(get executed); pass=$(get passed); fail=$(get failed)
  err=$(get error); tout=$(get timeout); abort=$(get aborted); notexec=$(get notExecuted)
  passed=$((passed + ${pass:-0}))
  failed=$((failed + ${fail:-0} + ${err:-0} + ${tout:-0} + ${abort:-0}))
  executed=$((executed + ${exec_:-0}))
  skipped=$((skipped + ${total:-0} - ${exec_:-0} + ${notexec:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ] || [ "$executed" -eq 0 ]; then
  exit 1
fi
