#!/usr/bin/env bash
# Makes sure a headless Chromium is on the machine for the login page preview
# (`cdk-cognito-login preview`, its tests and `npm run demo`): Debian's
# `chromium` package, installed with apt-get when missing. Nothing downloads
# a browser build of its own. Never fails: without a browser the preview writes
# HTML only and its tests say why they skipped.
set -u
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done
if [ -n "${CDK_COGNITO_LOGIN_BROWSER:-}" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser.sh: no chromium and no apt-get: previews will be HTML only (install Chromium or set CDK_COGNITO_LOGIN_BROWSER)"
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "browser.sh: no chromium, and installing it needs root: previews will be HTML only (apt-get install chromium)"
    exit 0
  fi
fi
echo "browser.sh: installing Debian's chromium package for the login page previews"
if $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; then
  echo "browser.sh: $(chromium --version 2>/dev/null)"
else
  echo "browser.sh: apt-get install chromium failed: previews will be HTML only"
fi
exit 0
