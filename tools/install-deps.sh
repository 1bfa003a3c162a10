#!/usr/bin/env bash
# install-deps.sh: installs the Debian 12 packages dyad builds and tests with,
# only those missing, and says what it does. README names each and why.
set -eu
pkgs="make gcc clang pkg-config libutf8proc-dev libjansson-dev libzstd-dev
zlib1g-dev libsqlite3-dev libcairo2-dev libcmocka-dev wordnet-base
libclang-rt-14-dev python3 gzip zstd"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all build and test packages are present"
    exit 0
fi
echo "install-deps: installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
echo "install-deps: done"
