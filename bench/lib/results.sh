# Sourced by the bench scripts: the shell's writer of benchmark figures, in the format of the Java benches'
# BenchResults (core tests): one TSV line "bench size metric tracelab peer peer_value unit" appended to the file
# named by $TRACELAB_BENCH_RESULTS, when it is set. Values keep four significant digits.
bench_result() {
  [ "$#" -eq 7 ] || { echo "bench_result: needs 7 fields, got $#: $*" >&2; return 2; }
  local line
  line=$(awk -v b="$1" -v n="$2" -v m="$3" -v t="$4" -v p="$5" -v pv="$6" -v u="$7" '
    function sig(v) { return (v == "-") ? v : sprintf("%.4g", v) + 0 }
    BEGIN { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s", b, n, m, sig(t), p, sig(pv), u }')
  echo "BENCH ${line//$'\t'/ }"
  if [ -n "${TRACELAB_BENCH_RESULTS:-}" ]; then
    printf '%s\n' "$line" >> "$TRACELAB_BENCH_RESULTS"
  fi
}
