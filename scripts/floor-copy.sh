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
peer_floor() { node -p "require('./package.json').peerDependencies['$1'].replace(/^[\\^~>=]+/, '')"; }
echo "--- copy of the tree on aws-cdk-lib $(peer_floor aws-cdk-lib), constructs $(peer_floor constructs)" >&2
# aws-cdk-lib's node-proxy-agent asset at 2.1.2: the Go module proxy serves
# no v2.1.3 of its Go module, and the Go module requires what is installed.
exec bash scripts/cdk-copy.sh "$(peer_floor aws-cdk-lib)" "$(peer_floor constructs)" @aws-cdk/asset-node-proxy-agent-v6@2.1.2
