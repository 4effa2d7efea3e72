#!/bin/sh
# Makes sure the browser the tests drive is installed: Debian's chromium.
# Installs it with apt-get when missing and running as root; otherwise stops
# with a message naming what to install.
set -e
CHROMIUM="${XDR_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	apt-get install -y -qq chromium >&2
	[ -x "$CHROMIUM" ] && exit 0
fi
echo "ensure-chromium: the browser tests need Chromium at $CHROMIUM: install Debian's package 'chromium' (apt-get install chromium) as root, or set XDR_CHROMIUM to a Chromium binary" >&2
exit 1
