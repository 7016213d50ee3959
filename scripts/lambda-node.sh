#!/usr/bin/env bash
# Makes .lambda-node/ hold the Node.js binary the simulated Lambda runs on
# (standin/runner): the npm package, version and integrity pinned in
# scripts/lambda-node.json (written from .projenrc.ts, where it says why this
# is not a devDependency). Prints the binary's absolute path.
#
# npm pack fetches the tarball through npm's own cache and registry settings;
# its integrity must be the pinned one. The package is unpacked beside its
# final place and renamed into it, so a concurrent run never sees half a binary.
set -euo pipefail
cd "$(dirname "$0")/.."

pin=scripts/lambda-node.json
field() { node -p "require('./$pin').$1"; }
name=$(field package)
version=$(field version)
integrity=$(field integrity)
dir=".lambda-node/$name-$version"

if [ "$("$dir/bin/node" --version 2>/dev/null || true)" != "v$version" ]; then
  mkdir -p .lambda-node
  tmp=$(mktemp -d .lambda-node/.fetch.XXXXXX)
  trap 'rm -rf "$tmp"' EXIT
  npm pack "$name@$version" --pack-destination "$tmp" --json --silent > "$tmp/pack.json"
  got=$(node -p "require('./$tmp/pack.json')[0].integrity")
  if [ "$got" != "$integrity" ]; then
    echo "lambda-node: $name@$version has integrity $got, $pin pins $integrity" >&2
    exit 1
  fi
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/bin/node package/LICENSE
  rm -rf "$dir"
  mv -T "$tmp/package" "$dir" 2>/dev/null || true
  if [ "$("$dir/bin/node" --version)" != "v$version" ]; then
    echo "lambda-node: $dir/bin/node is not Node.js v$version" >&2
    exit 1
  fi
fi
echo "$(pwd)/$dir/bin/node"
