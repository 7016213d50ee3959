#!/usr/bin/env bash
# Builds one language's package with jsii-pacmak on the peer floor and puts
# it in dist/<target> of this tree, where the release task expects it:
#
#   scripts/package-on-floor.sh go
#
# Used for Go, the one target whose package pins the aws-cdk-lib installed
# at build time (scripts/floor-copy.sh says why); fails if the module built
# requires any other aws-cdk-go than the floor.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/package-on-floor.sh <jsii-pacmak target>}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

copy=$(bash scripts/floor-copy.sh)
(cd "$copy" && npx projen bundle >&2 && npx jsii --silence-warnings=reserved-word >&2 && npx jsii-pacmak -v --target "$target" >&2)
rm -rf "dist/$target"
mkdir -p dist
cp -a "$copy/dist/$target" "dist/$target"

if [ "$target" = go ]; then
  floor=$(bash scripts/peer-floor.sh aws-cdk-lib)
  required=$(grep -h 'github.com/aws/aws-cdk-go/awscdk/v2 ' dist/go/*/go.mod | awk '{print $2}' | sort -u)
  if [ "$required" != "v$floor" ]; then
    echo "dist/go requires aws-cdk-go $required, not the floor v$floor" >&2
    exit 1
  fi
  echo "dist/go requires aws-cdk-go v$floor (the peer floor)" >&2
fi
