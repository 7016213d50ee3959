#!/usr/bin/env bash
# Prints the peer floor of one peer dependency: the oldest version
# package.json's peerDependencies (set in .projenrc.ts) accept.
#
#   scripts/peer-floor.sh aws-cdk-lib      -> 2.177.0
set -euo pipefail
cd "$(dirname "$0")/.."
node -p "require('./package.json').peerDependencies['${1:?usage: scripts/peer-floor.sh <package>}'].replace(/^[\\^~>=]+/, '')"
