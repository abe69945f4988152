# installer/steps.sh — sourced by ci.sh and native.sh: timed steps and a failure that names the step.
# Set STEPS_NAME (shown as "== NAME: step") and STEPS_SCRIPT (shown in the failure) before sourcing.
T0=$(date +%s); TS=$T0; CURRENT=""; SUMMARY=""
step() {   # step NAME: close the previous step (print its time) and open the next; step "" closes the last
    local now; now=$(date +%s)
    if [ -n "$CURRENT" ]; then
        SUMMARY+="$(printf '  %-66s %4d s' "$CURRENT" $((now - TS)))"$'\n'
        echo "   ($CURRENT: $((now - TS)) s)"
    fi
    CURRENT="$1"; TS=$now
    [ -n "$1" ] && echo "== $STEPS_NAME: $1 ($((now - T0)) s since start)"
    return 0
}
fail() { echo "$STEPS_SCRIPT: FAILED in step '$CURRENT': $*" >&2; exit 1; }
summary() {   # the steps and their times, and the total
    step ""
    echo "== $STEPS_NAME: summary"
    printf '%s' "$SUMMARY"
    printf '  %-66s %4d s\n' "total" $(( $(date +%s) - T0 ))
}
