#!/bin/sh
# Makes sure the second browser the tests drive is installed: Debian's
# firefox-esr (driven through WebDriver BiDi, which Firefox speaks itself: no
# geckodriver). Installs it with apt-get when missing and running as root;
# otherwise stops with a message naming what to install.
set -e
FIREFOX="${XDR_FIREFOX:-/usr/bin/firefox-esr}"
if [ -x "$FIREFOX" ]; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-firefox: $FIREFOX is missing; installing Debian's firefox-esr with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	apt-get install -y -qq firefox-esr >&2
	[ -x "$FIREFOX" ] && exit 0
fi
echo "ensure-firefox: the browser tests need Firefox at $FIREFOX: install Debian's package 'firefox-esr' (apt-get install firefox-esr) as root, or set XDR_FIREFOX to a Firefox binary" >&2
exit 1
