#!/bin/sh
# Checks the files in contrib/: the systemd units parse (with
# systemd-analyze verify when it is installed, and always with a small
# parser: sections, Key=Value lines, the keys the job needs), and the cron
# line has five valid time fields. Usage: check-units.sh [AKHBAR_BINARY]
# (the binary stands in for /usr/bin/akhbar, which verify wants to exist).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-}
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

# Prints one "SECTION KEY" line per setting; fails on a line that is
# neither a [Section] nor a Key=Value (comments and blank lines aside).
settings() {
  awk -v file="$1" '
    /^[ \t]*([#;].*)?$/ { next }
    /^\[[A-Za-z]+\][ \t]*$/ { section = $0; gsub(/[][ \t]/, "", section); next }
    /^[A-Za-z][A-Za-z0-9]*=/ {
      if (section == "") { printf "%s:%d: setting outside a section\n", file, NR > "/dev/stderr"; bad = 1; next }
      key = $0; sub(/=.*/, "", key); print section, key; next
    }
    { printf "%s:%d: not a section or Key=Value: %s\n", file, NR, $0 > "/dev/stderr"; bad = 1 }
    END { exit bad }
  ' "$1"
}

require() {  # FILE SECTION KEY...
  file=$1 section=$2
  shift 2
  found=$(settings "$file") || { fail "$file does not parse"; return; }
  for key in "$@"; do
    echo "$found" | grep -qx "$section $key" || fail "$file: [$section] lacks $key="
  done
}

service="$here/akhbar-update.service"
timer="$here/akhbar-update.timer"
require "$service" Unit Description
require "$service" Service Type ExecStart EnvironmentFile User NoNewPrivileges ProtectSystem
require "$timer" Unit Description
require "$timer" Timer OnCalendar Persistent
require "$timer" Install WantedBy
grep -q '^ExecStart=/usr/bin/akhbar update ' "$service" || fail "$service: ExecStart does not run akhbar update"
grep -q '^AKHBAR_DB=' "$here/akhbar-update.env" || fail "akhbar-update.env does not set AKHBAR_DB"
grep -q '^AKHBAR_SOURCES=' "$here/akhbar-update.env" || fail "akhbar-update.env does not set AKHBAR_SOURCES"

if command -v systemd-analyze >/dev/null 2>&1 && [ -n "$binary" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  sed "s|/usr/bin/akhbar|$binary|" "$service" >"$work/akhbar-update.service"
  cp "$timer" "$work/akhbar-update.timer"
  # verify reports unknown keys and bad values as warnings with exit code 0:
  # any output is a failure.
  if ! output=$(cd "$work" && systemd-analyze verify ./akhbar-update.service ./akhbar-update.timer 2>&1) ||
     [ -n "$output" ]; then
    fail "systemd-analyze verify: $output"
  fi
else
  echo "systemd-analyze not used (not installed, or no binary given); the parser checks alone ran"
fi

# The cron line: five time fields, each '*' or numbers, ranges, lists and
# steps within the field's bounds; then a user and a command.
cron_lines=$(grep -Ev '^[ \t]*(#|$)|^[A-Z_]+=' "$here/akhbar-update.cron")
[ "$(echo "$cron_lines" | wc -l)" -eq 1 ] || fail "akhbar-update.cron must hold one job line"
echo "$cron_lines" | awk '
  function valid(field, low, high,   parts, n, i, item, range, step) {
    n = split(field, parts, ",")
    for (i = 1; i <= n; i++) {
      item = parts[i]
      if (item !~ /^(\*|[0-9]+(-[0-9]+)?)(\/[0-9]+)?$/) return 0
      split(item, step, "/")
      if (step[1] == "*") continue
      split(step[1], range, "-")
      if (range[1] < low || range[1] > high) return 0
      if ((2 in range) && (range[2] < range[1] || range[2] > high)) return 0
    }
    return 1
  }
  {
    if (NF < 7) { print "cron line has fewer than 7 fields (5 times, user, command)" > "/dev/stderr"; exit 1 }
    split("0 0 1 1 0", lows, " "); split("59 23 31 12 7", highs, " ")
    split("minute hour day-of-month month day-of-week", names, " ")
    for (f = 1; f <= 5; f++)
      if (!valid($f, lows[f] + 0, highs[f] + 0)) { printf "bad %s field: %s\n", names[f], $f > "/dev/stderr"; exit 1 }
    if ($0 !~ /akhbar update /) { print "cron line does not run akhbar update" > "/dev/stderr"; exit 1 }
  }
' || fail "akhbar-update.cron"

[ "$status" -eq 0 ] && echo "contrib units and cron line OK"
exit "$status"
