#!/bin/sh
# Debian packages the tests (and benchmarks) use: Chromium for Playwright (a browser download is
# impossible here), PostgreSQL for the storage suite's production-shaped run (a throwaway cluster
# per run, from the package's binaries), litmus and rclone for the WebDAV tests (real clients
# against /dav/files), nginx, wrk and Apache httpd for the side-by-side benchmarks. Installs
# what is missing when run as root; otherwise says what to install.
set -eu
need=""
for pair in "chromium:/usr/bin/chromium" "postgresql:/usr/lib/postgresql/*/bin/initdb" "litmus:/usr/bin/litmus" "rclone:/usr/bin/rclone" ${MT_BENCH_DEPS:+"nginx:/usr/sbin/nginx" "wrk:/usr/bin/wrk" "apache2:/usr/sbin/apache2"}; do
  pkg=${pair%%:*}; bin=${pair#*:}
  found=false
  # Unquoted on purpose: the glob picks whichever PostgreSQL major Debian ships.
  for candidate in $bin; do [ -x "$candidate" ] && found=true; done
  $found || need="$need $pkg"
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages:$need — install them with: sudo apt-get install -y$need" >&2
  exit 1
fi
echo "› installing Debian packages:$need" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >&2
