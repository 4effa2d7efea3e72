#!/bin/sh
# usage: ensure-browser.sh PACKAGE BINARY ENVVAR
# Makes sure a browser the tests drive is installed: Debian's PACKAGE at
# BINARY (or at the path in the environment variable ENVVAR). Installs it
# with apt-get when missing and running as root; otherwise stops with a
# message naming what to install.
set -e
PKG="$1"
eval "BIN=\${$3:-$2}"
if [ -x "$BIN" ]; then
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-browser: $BIN is missing; installing Debian's $PKG with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	apt-get install -y -qq "$PKG" >&2
	[ -x "$BIN" ] && exit 0
fi
echo "ensure-browser: the browser tests need $BIN: install Debian's package '$PKG' (apt-get install $PKG) as root, or set $3 to another binary" >&2
exit 1
