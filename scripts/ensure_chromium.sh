#!/usr/bin/env bash
# Test set-up helper: make sure a headless-capable Chromium is on this machine.
# Installs Debian's `chromium` package only when it is missing, we are root and apt-get exists;
# otherwise it says why and exits non-zero, so the browser test can skip with that reason.
set -euo pipefail

for bin in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$bin" ]; then
        echo "chromium present: $bin"
        exit 0
    fi
done

if [ "$(id -u)" != "0" ]; then
    echo "chromium missing and not running as root: cannot apt-get install it" >&2
    exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium missing and apt-get not available" >&2
    exit 4
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium

if [ -x /usr/bin/chromium ]; then
    echo "chromium installed: /usr/bin/chromium"
    exit 0
fi
echo "apt-get finished but /usr/bin/chromium is still missing" >&2
exit 5
