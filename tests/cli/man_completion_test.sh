#!/usr/bin/env bash
# The man page and the bash completion of the akhbar command:
#  - the man page (written by help2man at build time) renders without
#    warnings and has the sections NAME, SYNOPSIS, EXIT STATUS, ENVIRONMENT and
#    COMMANDS, a subsection per subcommand, every exit code and every
#    environment variable of `akhbar --help`;
#  - the completion offers exactly the subcommands, every flag of each
#    subcommand, and the values of --lang.
#   man_completion_test.sh AKHBAR MAN_PAGE COMPLETION_SCRIPT
set -euo pipefail
akhbar=$1 man_page=$2 completion=$3
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

subcommands=$("$akhbar" --help |
  awk '/^Subcommands:$/ { in_list = 1; next } in_list && /^  [a-z]/ { print $1 } /^$/ { in_list = 0 }')
[ "$(echo "$subcommands" | wc -l)" -ge 6 ] || fail "akhbar --help lists too few subcommands: $subcommands"

# --- the man page -------------------------------------------------------------
[ -s "$man_page" ] || { echo "FAIL: $man_page was not built" >&2; exit 1; }
[ "$man_page" -nt "$akhbar" ] || [ ! "$akhbar" -nt "$man_page" ] || fail "$man_page is older than $akhbar"
warnings=$(groff -man -ww -z "$man_page" 2>&1) || fail "groff cannot render $man_page"
[ -z "$warnings" ] || fail "groff warns about $man_page: $warnings"
for section in NAME SYNOPSIS DESCRIPTION '"EXIT STATUS"' ENVIRONMENT COMMANDS; do
  grep -qx ".SH $section" "$man_page" || fail "$man_page has no section $section"
done
for command in $subcommands; do
  grep -qx ".SS \"akhbar $command:\"" "$man_page" || fail "$man_page has no subsection for akhbar $command"
done
exit_section=$(sed -n '/^\.SH "EXIT STATUS"/,/^\.SH /p' "$man_page")
for code in 0 1 2 3 4 5; do
  grep -qx "$code" <<<"$exit_section" || fail "$man_page: EXIT STATUS lacks code $code"
done
environment=$("$akhbar" --help | awk '/^Environment:$/ { on = 1; next } /^$/ { on = 0 } on && /^  [A-Z]/ { print $1 }')
[ -n "$environment" ] || fail "akhbar --help lists no environment variable"
environment_section=$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$man_page")
for variable in $environment; do
  grep -q "^$variable\$" <<<"$(sed 's/\\//g' <<<"$environment_section")" ||
    fail "$man_page: ENVIRONMENT lacks $variable"
done

# --- the completion -------------------------------------------------------------
# Completions for the words given, the last one being completed.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _akhbar; printf "%s\n" "${COMPREPLY[@]}"' \
    completion "$completion" "$@"
}
offered=$(complete_words "$akhbar" "" | sort)
[ "$offered" = "$(sort <<<"$subcommands")" ] || fail "completion offers subcommands [$offered], not [$subcommands]"
for command in $subcommands; do
  flags=$(complete_words "$akhbar" "$command" "-" | sort)
  for flag in $("$akhbar" "$command" --help | awk '/^Options:$/ { on = 1; next } /^$/ { on = 0 } on && /^  -/ { print $1 }' | tr ',' ' '); do
    grep -qx -- "$flag" <<<"$flags" || fail "completion of akhbar $command lacks $flag"
  done
done
[ "$(complete_words "$akhbar" search --lang "" | tr '\n' ' ')" = "en ru ar " ] ||
  fail "completion of search --lang does not offer en ru ar"

[ "$status" -eq 0 ] && echo "man page and bash completion OK"
exit "$status"
