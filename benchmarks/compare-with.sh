#!/usr/bin/env bash
# Runs ScenarioBenchmark on a build of another commit and on this working tree, one after the other, with the
# same JMH arguments: the "before and after" of benchmarks/README.md.
#   benchmarks/compare-with.sh COMMIT [JMH arguments...]
# e.g. benchmarks/compare-with.sh 25a194d -p scenario=late-joiner,reload-storm-40 -f 1 -wi 3 -i 5 -w 2s -r 2s
# The other commit is checked out in a temporary git worktree with this tree's ScenarioBenchmark.java copied in
# (it uses only APIs both have), built with Maven, and removed afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="${1:?usage: benchmarks/compare-with.sh COMMIT [JMH arguments...]}"
shift
other="$(mktemp -d)/syncsim-$commit"
trap 'git -C "$root" worktree remove --force "$other" >/dev/null 2>&1 || true' EXIT
git -C "$root" worktree add --detach "$other" "$commit" >/dev/null
cp "$root/benchmarks/src/main/java/org/syncsim/bench/ScenarioBenchmark.java" \
   "$other/benchmarks/src/main/java/org/syncsim/bench/ScenarioBenchmark.java"
echo "== building $commit" >&2
(cd "$other" && mvn -B -q -DskipTests -pl benchmarks -am package) 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
echo "== building this tree" >&2
(cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package) 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
echo "== $commit"
java -jar "$other/benchmarks/target/benchmarks.jar" ScenarioBenchmark "$@"
echo "== this tree ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ', with changes'))"
java -jar "$root/benchmarks/target/benchmarks.jar" ScenarioBenchmark "$@"
