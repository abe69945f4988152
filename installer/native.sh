#!/usr/bin/env bash
# installer/native.sh INSTALLER — the installed app in Qt's native `windows` platform under wine 10, in a real X window:
#   Debian trixie chroot (debootstrap) with its wine 10 → fresh prefix → silent install →
#   `nianbao.exe --smoke` without the CJK font registered (the box check must fail) → fonts registered →
#   `--smoke` again (passes) → a driven run with xdotool on Xvfb (表三, typing, Enter/Tab, Ctrl+S, 导出 Excel through
#   wine's own file dialog) → `nianbao-cli.exe check` of the saved draft and the workbook shows the typed figures.
# Why wine 10 in a chroot: bookworm's wine 8 aborts Qt's windows platform (RoGetActivationFactory cannot find
# Windows.UI.ViewManagement.UISettings); trixie's wine 10 runs it as it is, with nothing patched into the prefix.
# Run as root on Debian with network access to deb.debian.org (apt-get installs debootstrap, Xvfb, xdotool).
# Called by installer/ci.sh (BUILDPY, LINUX_PY: see below); KEEP=1 keeps the chroot. Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
INSTALLER="$(realpath "$1")"
SUITE=trixie
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DISPLAY_NO="${NATIVE_DISPLAY:-93}"
BUILDPY="${BUILDPY:-python3}"    # a Python with fontTools (installer/requirements-tools.txt)
LINUX_PY="${LINUX_PY:-python3}"  # a Python with the app (PySide6) installed, for installer/check_outputs.py

STEPS_NAME=native STEPS_SCRIPT=installer/native.sh
# shellcheck source=installer/steps.sh
source installer/steps.sh

# NATIVE_JAIL=DIR reuses a chroot kept by an earlier run (KEEP=1) for a quicker local run; it is never removed.
REUSE="${NATIVE_JAIL:-}"
JAIL="${REUSE:-$(mktemp -d /tmp/nianbao-native.XXXXXX)}"
chmod 755 "$JAIL"   # apt inside the chroot downloads as the _apt user
XVFB_PID=""
unmount_all() {   # every mount under the chroot, deepest first; true only when none is left
    local m
    for m in $(findmnt -rn -o TARGET | grep -F "$JAIL/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
    ! findmnt -rn -o TARGET | grep -qF "$JAIL/"
}
cleanup() {
    local rc=$?
    [ -d "$JAIL/box" ] && chroot "$JAIL" env WINEPREFIX=/box/pfx wineserver -k >/dev/null 2>&1 || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    if ! unmount_all; then
        echo "installer/native.sh: mounts left under $JAIL; not removing it" >&2
    elif [ "${KEEP:-0}" = 1 ] || [ -n "$REUSE" ]; then
        echo "kept $JAIL"
    else
        rm -rf --one-file-system "$JAIL"
    fi
    [ $rc -eq 0 ] || echo "installer/native.sh: exit $rc after $(( $(date +%s) - T0 )) s" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that the EXIT trap unmounts the chroot's binds

in_jail() {   # in_jail SECONDS COMMAND: a shell command inside the chroot, with the wine environment
    local limit=$1; shift
    timeout "$limit" chroot "$JAIL" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/box/home \
        WINEPREFIX=/box/pfx WINEARCH=win64 WINEDEBUG=-all DISPLAY=":$DISPLAY_NO" LANG=C.UTF-8 \
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" bash -c "$*"
}
APP='/box/pfx/drive_c/users/root/AppData/Local/Programs/nianbao'

# ---------------------------------------------------------------------------------------------------------
step "host tools (debootstrap, Xvfb, xdotool)"
missing=()
for p in debootstrap xvfb xdotool; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
        || fail "apt-get install ${missing[*]} failed"
fi

step "Debian $SUITE chroot (debootstrap --variant=minbase)"
[ -n "$REUSE" ] && [ -e "$JAIL/usr/bin/wine-stable" ] || debootstrap --variant=minbase "$SUITE" "$JAIL" "$MIRROR" >"$JAIL.log" 2>&1 \
    || { tail -20 "$JAIL.log"; fail "debootstrap $SUITE failed"; }
rm -f "$JAIL.log"
unmount_all || fail "mounts are left under $JAIL"
rm -rf --one-file-system "$JAIL/box" "$JAIL/tmp/.X11-unix"   # a reused chroot: the last run's files
for d in proc sys dev; do mount --bind "/$d" "$JAIL/$d" || fail "could not bind /$d into the chroot"; done
cp /etc/resolv.conf "$JAIL/etc/resolv.conf"
mkdir -p "$JAIL/box/home" "$JAIL/box/out"

step "wine from $SUITE, inside the chroot"
[ -n "$REUSE" ] && [ -e "$JAIL/usr/bin/wine-stable" ] || in_jail 900 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
    apt-get install -y -qq --no-install-recommends wine wine64 >/dev/null 2>&1' || fail "apt-get install wine failed"
version="$(in_jail 60 'wine --version')"
echo "   $version"
case "$version" in wine-1[0-9]*) ;; *) fail "expected wine 10 or newer, got $version" ;; esac

step "Xvfb :$DISPLAY_NO (1366×768, a clerk's laptop)"
Xvfb ":$DISPLAY_NO" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] || fail "Xvfb did not start"
mkdir -p "$JAIL/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$JAIL/tmp/.X11-unix" || fail "could not bind the X socket into the chroot"
export DISPLAY=":$DISPLAY_NO"

step "fresh wine prefix (Windows 10), silent install"
cp "$INSTALLER" "$JAIL/box/setup.exe"
in_jail 300 'wineboot --init >/dev/null 2>&1; wineserver -w' || fail "wineboot --init failed"
in_jail 120 'wine winecfg -v win10 >/dev/null 2>&1; wineserver -w' || fail "could not set Windows 10"
in_jail 600 'wine /box/setup.exe /S; wineserver -w' || fail "the silent install failed"
in_jail 10 "test -e '$APP/nianbao.exe'" || fail "nianbao.exe was not installed"
FONTS="$JAIL/box/pfx/drive_c/windows/Fonts"
mkdir -p "$FONTS"
"$BUILDPY" installer/cjk_face.py "$FONTS" || fail "could not take the SC face out of Noto Sans CJK"

smoke() {   # smoke NAME: nianbao.exe --smoke in the native platform into /box/out/NAME (--smoke alone is offscreen)
    in_jail 300 "mkdir -p /box/out/$1 && wine '$APP/nianbao.exe' --smoke 'Z:\\box\\out\\$1' -platform windows" >/dev/null
}

step "native smoke without the font registered: the box check must fail"
smoke nofont || fail "nianbao.exe --smoke (native, no font registered) exited with $?"
if "$LINUX_PY" installer/check_outputs.py "$JAIL/box/out/nofont" >"$JAIL/box/out/nofont.txt" 2>&1; then
    cat "$JAIL/box/out/nofont.txt"
    fail "the box check passed although DirectWrite sees no Chinese font (every character is a box)"
fi
grep -q '方框' "$JAIL/box/out/nofont.txt" || { cat "$JAIL/box/out/nofont.txt"; fail "it failed, but not for the boxes"; }
sed 's/^/   | /' "$JAIL/box/out/nofont.txt" | grep '方框' | head -3

step "fonts registered (HKLM …\\Fonts, FontSubstitutes), native smoke passes"
# DirectWrite sees a font in C:\windows\Fonts only when it is registered; wine's own dialogs use MS Shell Dlg.
in_jail 120 "K='HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion'
    wine reg add \"\$K\\Fonts\" /v 'Noto Sans CJK SC Regular (OpenType)' /d NotoSansCJKsc-Regular.otf /f &&
    wine reg add \"\$K\\Fonts\" /v 'Noto Sans CJK SC Bold (OpenType)' /d NotoSansCJKsc-Bold.otf /f &&
    for face in 'MS Shell Dlg' 'MS Shell Dlg 2' Tahoma; do
        wine reg add \"\$K\\FontSubstitutes\" /v \"\$face\" /d 'Noto Sans CJK SC' /f || exit 1
    done; wineserver -w" >/dev/null || fail "could not register the fonts"
smoke fonts || fail "nianbao.exe --smoke (native) exited with $?"
"$LINUX_PY" installer/check_outputs.py "$JAIL/box/out/fonts" --exports | sed 's/^/   | /'
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "native smoke outputs are wrong"

step "driven run: 表三, type, Enter/Tab, Ctrl+S, 导出 Excel (wine's file dialog)"
in_jail 120 "mkdir -p /box/drive && wine '$APP/nianbao-cli.exe' new --year 2025 --agency 测试市交通运输局 \
    -o 'Z:\\box\\drive\\草稿.nianbao'" >/dev/null || fail "nianbao-cli.exe new failed"
t_exec=$(date +%s.%N)
in_jail 600 "wine '$APP/nianbao.exe' 'Z:\\box\\drive\\草稿.nianbao' >/box/drive/app.log 2>&1" &
APP_PID=$!
window() {   # window TITLE-PATTERN [SECONDS]: the id of a mapped window whose name matches (waits)
    timeout "${2:-60}" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1
}
W="$(window '草稿.nianbao — 年报助手' 120)" || true
[ -n "$W" ] || fail "the main window did not appear"
echo "   main window mapped $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $t_exec }") s after exec"
sleep 1
keys() { xdotool key --delay 120 "$@"; sleep 0.6; }
xdotool mousemove --window "$W" 600 75 click 1; sleep 0.5   # focus: no window manager gives it
keys ctrl+3; sleep 1
# Under wine the keys reach the grid only after a click in it (Ctrl+3 alone selects the first cell, but typed digits
# then go nowhere, with or without wine's virtual desktop; not seen offscreen): click the first cell, as clerks do.
xdotool mousemove --window "$W" 725 183 click 1; sleep 0.5   # 表三 自然人·本年新收 at 1366×768
keys 7 Tab 2 Return        # 自然人·本年新收 7, Tab → 商业企业 2, Enter → 上年结转 under the first typed cell
keys 5 Return
keys ctrl+s; sleep 1
keys alt+f e               # 文件 → 导出 Excel(E)…
D="$(window '导出前请核对' 20)" || true
[ -n "$D" ] || fail "no 导出前请核对 question before the export"
keys alt+e                 # 仍然导出(E)
D="$(window '^导出 Excel$' 30)" || true
[ -n "$D" ] || fail "the native save dialog did not appear"
sleep 1
keys ctrl+a
xdotool type --delay 40 'Z:\box\drive\typed.xlsx'; sleep 0.3
keys Return
D="$(window '导出完成' 60)" || true
[ -n "$D" ] || fail "no 导出完成 box after the export"
keys Escape
keys ctrl+q
wait "$APP_PID" || fail "nianbao.exe exited with $? (log: $(cat "$JAIL/box/drive/app.log"))"
in_jail 60 'wineserver -w' || true
echo "   driven run done: $(ls "$JAIL/box/drive" | tr '\n' ' ')"

step "nianbao-cli.exe check of the saved draft and the exported workbook"
out="$(in_jail 300 "wine '$APP/nianbao-cli.exe' check 'Z:\\box\\drive\\草稿.nianbao' 'Z:\\box\\drive\\typed.xlsx'")" || true
echo "$out" | sed 's/^/   | /'
for file in 草稿.nianbao typed.xlsx; do   # 7 + 5 = 12 in the 自然人 column, 2 for 商业企业, 14 in all
    block="$(echo "$out" | sed -n "/$file：/,/^Z:/p")"
    for figure in '“自然人”列：第一项加第二项之和为12' '“商业企业”列：第一项加第二项之和为2，' '“总计”列：第一项加第二项之和为14'; do
        echo "$block" | grep -qF "$figure" || fail "$file does not hold the typed figures ($figure)"
    done
done
echo "   both files hold the typed figures (7, 2, 5)"

summary
