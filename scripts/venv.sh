#!/usr/bin/env bash
# Makes .venv hold exactly the Python tools pinned in scripts/python-requirements.txt
# (cfn-lint for the templates, botocore for the Cognito stand-in's models), so a
# fresh machine needs nothing by hand. Prints the venv's path.
set -euo pipefail
cd "$(dirname "$0")/.."

req=scripts/python-requirements.txt
venv=.venv
# A missing, stale (other pins) or moved venv (its scripts name its absolute
# path) fails this check and is rebuilt from scratch.
if ! "$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | grep -qxF -f "$req" \
  || [ "$("$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | grep -cxF -f "$req")" -ne "$(grep -c . "$req")" ]; then
  python3 -m venv --clear "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
fi
echo "$venv"
