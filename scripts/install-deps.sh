#!/usr/bin/env bash
# Installs the Debian packages listed in LIST (default: debian-packages.txt
# beside this script) that are missing. Quiet and quick when all are there.
set -euo pipefail
list="${1:-$(dirname "$0")/debian-packages.txt}"
missing=()
while read -r pkg unless; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  # "PACKAGE !COMMAND": not needed when COMMAND is already on PATH (e.g. a newer npm from elsewhere)
  [[ "$unless" == !* ]] && command -v "${unless#!}" > /dev/null 2>&1 && continue
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${#missing[@]} Debian package(s): ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: not root; run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/proceedings-apt.log 2>&1 || {
  echo "install-deps: apt-get failed; the end of its log:" >&2
  tail -n 20 /tmp/proceedings-apt.log >&2
  exit 1
}
