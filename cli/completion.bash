# bash completion for akhbar: subcommands, their flags, the values of flags
# with a fixed set of values (--lang, --color, --log-format), file names for
# PATH and FILE values and for the SOURCES of index and update, and topics.
# Subcommands and flags are read from `akhbar --help` and
# `akhbar COMMAND --help`, so they are always those of the akhbar being run.
# Installed as share/bash-completion/completions/akhbar.

# Prints one line per option of `akhbar [COMMAND] --help`: its names, then
# the type of its value ("" for a flag), e.g. "--db PATH", "--color WHEN:{auto,always,never}=auto".
_akhbar_options() {
  "$1" ${2:+"$2"} --help 2>/dev/null | awk '
    /^[A-Za-z ]+:$/ { in_options = ($0 == "Options:"); next }
    in_options && /^  -/ {
      names = $1; type = ($2 ~ /^[A-Z]/) ? $2 : ""
      n = split(names, parts, ",")
      for (i = 1; i <= n; i++) print parts[i], type
    }'
}

_akhbar() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local akhbar=${COMP_WORDS[0]} command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ -z $command ]]; then
    local subcommands
    subcommands=$("$akhbar" --help 2>/dev/null |
      awk '/^Subcommands:$/ { in_list = 1; next } in_list && /^  [a-z]/ { print $1 } /^$/ { in_list = 0 }')
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
    fi
    return
  fi

  local options type="" name kind
  options=$(_akhbar_options "$akhbar" "$command")
  # The value of the option before the cursor, if it takes one.
  if [[ $prev == -* ]]; then
    while read -r name kind; do
      [[ $name == "$prev" ]] && type=$kind
    done <<<"$options"
  fi
  if [[ -n $type ]]; then
    case $type in
      *{*}*)
        local values=${type#*\{}
        values=${values%%\}*}
        COMPREPLY=($(compgen -W "${values//,/ }" -- "$cur"))
        ;;
      PATH* | FILE*)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        ;;
      TOPIC*)
        COMPREPLY=($(compgen -W "bases sanctions contracts oil grain ports currency water" -- "$cur"))
        ;;
      *) COMPREPLY=() ;;  # a number, a date, a tag: nothing to offer
    esac
    return
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(cut -d' ' -f1 <<<"$options")" -- "$cur"))
  elif [[ $command == index || $command == update ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=()
  fi
}

complete -F _akhbar akhbar
