#!/bin/sh
# The help text that help2man turns into akhbar.1 (cli/CMakeLists.txt):
# `akhbar --help` with its exit codes as an EXIT STATUS section, then the
# help of every subcommand as a COMMANDS section; `--version` as it is.
# The akhbar binary is $AKHBAR. help2man section markers: "*Name*" starts a
# section; a line "Options:" or "Examples:" would start the main OPTIONS or
# EXAMPLES, so a subcommand's are renamed after it.
set -eu
case "${1:-}" in
  --version) exec "$AKHBAR" --version ;;
  --help) ;;
  *) echo "usage: AKHBAR=BINARY $0 --help|--version" >&2; exit 2 ;;
esac
"$AKHBAR" --help | sed 's/^Exit codes:$/*Exit status*/'
echo
echo "*Commands*"
for command in $("$AKHBAR" --help |
  awk '/^Subcommands:$/ { in_list = 1; next } in_list && /^  [a-z]/ { print $1 } /^$/ { in_list = 0 }'); do
  echo
  echo "akhbar $command:"
  # The indented first line makes the heading a subsection; then its usage.
  "$AKHBAR" "$command" --help | sed -e '1s/^/  /' -e '1G' \
    -e "s/^\\(Options\\|Examples\\|Positionals\\):\$/\\1 of akhbar $command:/"
done
