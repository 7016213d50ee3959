#!/usr/bin/env bash
# Makes the copy of the tree whose node_modules holds the peer floor
# (package.json's peerDependencies: the oldest aws-cdk-lib and constructs a
# user may pin) and prints its path, .compat/<floor>/ (scripts/cdk-copy.sh).
#
# Packages for other languages are built there, because jsii-pacmak writes
# the aws-cdk-lib it finds installed into what it generates: the Go module's
# go.mod requires that exact release, and a module requiring the newest
# aws-cdk-go would force it on every Go user.
set -euo pipefail
cd "$(dirname "$0")/.."
cdk_floor=$(bash scripts/peer-floor.sh aws-cdk-lib)
constructs_floor=$(bash scripts/peer-floor.sh constructs)
echo "--- copy of the tree on aws-cdk-lib $cdk_floor, constructs $constructs_floor" >&2
# aws-cdk-lib's node-proxy-agent asset at 2.1.2: the Go module proxy serves
# no v2.1.3 of its Go module, and the Go module requires what is installed.
exec bash scripts/cdk-copy.sh "$cdk_floor" "$constructs_floor" @aws-cdk/asset-node-proxy-agent-v6@2.1.2
