# Sourced by the bench scripts that take options: one way to print their help and to check an option's value.

# bench_help SCRIPT: the script's leading comment block (after its #! line), comment marks removed, so --help
# always shows the whole header however long it grows.
bench_help() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$1"
}

# bench_needs_value SCRIPT_NAME OPTION [VALUE...]: exit 2 with one line naming the option when no value follows it
# (called with the option loop's "$@", before "$2" is read under set -u).
bench_needs_value() {
  if [ "$#" -lt 3 ]; then
    echo "$1: $2 needs a value (see --help)" >&2
    exit 2
  fi
}
