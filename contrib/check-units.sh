#!/bin/sh
# Checks the nightly-update files as `cmake --install` wrote them under PREFIX:
#  1. systemd-analyze verify accepts the service and the timer (unknown keys,
#     bad values and an ExecStart program that does not exist all fail);
#  2. the database the settings file names is writable under
#     ProtectSystem=strict: under /var/lib/<StateDirectory> or a ReadWritePaths=;
#  3. the sysusers.d file creates the User= and Group= of the service
#     (systemd-sysusers on an empty root);
#  4. the timer's OnCalendar parses;
#  5. the service's command line and the cron line run: each, with the
#     settings pointed at a scratch database and source, updates it and
#     exits 0; the cron line's log reaches logger with the exit status.
# What needs a running systemd (starting the unit, the journal) cannot be
# checked here. Usage: check-units.sh PREFIX
set -eu

prefix=$1
units="$prefix/lib/systemd/system"
service="$units/akhbar-update.service"
timer="$units/akhbar-update.timer"
sysusers="$prefix/lib/sysusers.d/akhbar.conf"
envfile="$prefix/etc/default/akhbar-update"
cron="$prefix/share/doc/akhbar/examples/akhbar-update.cron"
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
for file in "$service" "$timer" "$sysusers" "$envfile" "$cron"; do
  [ -f "$file" ] || { echo "FAIL: $file was not installed" >&2; exit 1; }
done
for tool in systemd-analyze systemd-sysusers; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

setting() {  # FILE KEY: the value of the last KEY= line
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

# 1. verify reports unknown keys and bad values as warnings with exit code 0:
# any output is a failure. It also opens the Documentation= man page, which
# is installed under the prefix.
if ! output=$(MANPATH="$prefix/share/man:" systemd-analyze verify "$service" "$timer" 2>&1) ||
   [ -n "$output" ]; then
  fail "systemd-analyze verify: $output"
fi
exec_start=$(setting "$service" ExecStart)
case "$exec_start" in
  "$prefix/bin/akhbar update "*) ;;
  *) fail "$service: ExecStart does not run $prefix/bin/akhbar update: $exec_start" ;;
esac
[ "$(setting "$service" EnvironmentFile)" = "$envfile" ] ||
  fail "$service: EnvironmentFile is not $envfile"

# 2. The database's folder must be writable by the service.
db=$(setting "$envfile" AKHBAR_DB)
[ "$(setting "$service" ProtectSystem)" = strict ] || fail "$service: ProtectSystem is not strict"
writable=no
for dir in $(setting "$service" StateDirectory); do
  case "$db" in "/var/lib/$dir/"*) writable=yes ;; esac
done
for dir in $(setting "$service" ReadWritePaths); do
  case "$db" in "$dir/"*) writable=yes ;; esac
done
[ "$writable" = yes ] || fail "$envfile: AKHBAR_DB=$db is read-only under ProtectSystem=strict"

# 3. The user and group exist once the sysusers.d file is applied.
mkdir -p "$work/root/etc"
if systemd-sysusers --root="$work/root" "$sysusers" >"$work/sysusers.log" 2>&1; then
  user=$(setting "$service" User)
  group=$(setting "$service" Group)
  grep -q "^$user:" "$work/root/etc/passwd" || fail "$sysusers does not create the user $user"
  grep -q "^$group:" "$work/root/etc/group" || fail "$sysusers does not create the group $group"
else
  fail "systemd-sysusers $sysusers: $(cat "$work/sysusers.log")"
fi

# 4. The timer's schedule.
systemd-analyze calendar "$(setting "$timer" OnCalendar)" >/dev/null 2>&1 ||
  fail "$timer: OnCalendar does not parse"
grep -q '^WantedBy=timers.target' "$timer" || fail "$timer: not wanted by timers.target"

# 5. The commands themselves, on a scratch database and source.
mkdir -p "$work/feeds"
printf '%s\n' '{"id":"unit-1","title":"Tartus port","lang":"en","body":"The port of Tartus reopened."}' \
  >"$work/feeds/today.jsonl"
cat >"$work/settings" <<EOF
AKHBAR_DB=$work/db
AKHBAR_SOURCES=$work/feeds
AKHBAR_UPDATE_FLAGS=
EOF
articles() {
  "$prefix/bin/akhbar" stats --db "$work/db" --json | sed -n 's/.*"articles":\([0-9]*\).*/\1/p'
}
# systemd expands ${AKHBAR_DB} as one word and $AKHBAR_SOURCES as several,
# as sh does with these values (no white space in them).
(. "$work/settings" && eval "$exec_start") >"$work/service.log" 2>&1 ||
  fail "the service's ExecStart failed: $(cat "$work/service.log")"
[ "$(articles)" = 1 ] || fail "the service's ExecStart did not index the source"

cron_lines=$(grep -Ev '^[ \t]*(#|$)|^[A-Z_]+=' "$cron")
[ "$(echo "$cron_lines" | wc -l)" -eq 1 ] || fail "$cron must hold one job line"
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
  }
' || fail "$cron: bad time fields"
# The command: what follows the five times and the user, with the settings
# file replaced by the scratch one and logger by a stand-in that keeps the
# lines it is given.
command=$(echo "$cron_lines" | sed -E 's/^([^ \t]+[ \t]+){6}//')
case "$command" in
  *". $envfile "*"$prefix/bin/akhbar update "*"| logger -t akhbar-update"*) ;;
  *) fail "$cron: the command does not read $envfile, run $prefix/bin/akhbar update and log to logger: $command" ;;
esac
mkdir -p "$work/bin"
printf '#!/bin/sh\ncat >>"%s"\n' "$work/syslog" >"$work/bin/logger"
chmod +x "$work/bin/logger"
printf '%s\n' '{"id":"unit-2","title":"Khmeimim","lang":"en","body":"Aircraft left Khmeimim air base."}' \
  >"$work/feeds/tomorrow.jsonl"
escaped_envfile=$(printf '%s' "$envfile" | sed 's/[.[\*^$/]/\\&/g')
command=$(echo "$command" | sed "s/$escaped_envfile/$(printf '%s' "$work/settings" | sed 's/[\/&]/\\&/g')/")
PATH="$work/bin:/usr/bin:/bin" sh -c "$command" || fail "the cron command failed"
grep -q '^akhbar update exited with status 0$' "$work/syslog" ||
  fail "the cron command did not log its exit status 0: $(cat "$work/syslog" 2>/dev/null)"
[ "$(articles)" = 2 ] || fail "the cron command did not update the database"

[ "$status" -eq 0 ] && echo "installed systemd units, sysusers file, settings and cron line OK"
exit "$status"
