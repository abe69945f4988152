#!/usr/bin/env bash
# installer/ci.sh — build the Windows installer and a Linux build of the app, and smoke-test both:
#   Linux:   app wheel → fresh venv → `nianbao --smoke` → check outputs → `nianbao check` → remove
#   Windows: build installer → fresh wine prefix → silent install → check files, shortcuts, registry →
#            `nianbao.exe --smoke` → check outputs → `nianbao-cli.exe check` → silent uninstall → nothing left
# Run as root on Debian (installs wine, nsis with apt-get when missing). KEEP=1 keeps the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
WIN_TIMEOUT="${WIN_TIMEOUT:-600}"      # seconds for any one wine command
MAX_MIB=40

STEPS_NAME=installer STEPS_SCRIPT=installer/ci.sh
# shellcheck source=installer/steps.sh
source installer/steps.sh
need() { command -v "$1" >/dev/null 2>&1; }
quiet() {   # quiet CMD...: run CMD without this machine's pip notes about missing find-links folders
    "$@" 2>&1 | { grep -v '^WARNING: Location' || true; }
    return "${PIPESTATUS[0]}"
}

WORK="$(mktemp -d /tmp/nianbao-installer-ci.XXXXXX)"
cleanup() {
    local rc=$?
    if [ -n "${WINEPREFIX:-}" ] && need wineserver; then timeout 60 wineserver -k >/dev/null 2>&1 || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
    [ $rc -eq 0 ] || echo "installer/ci.sh: exit $rc after $(( $(date +%s) - T0 )) s" >&2
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------------------
step "tools (apt: wine, nsis; pip: build venv)"
APT_PKGS=(wine wine64 nsis fonts-noto-cjk libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3)
missing=()
for p in "${APT_PKGS[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "needs these Debian packages (run as root to install them): ${missing[*]}"
    echo "   apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install failed"
fi
need makensis || fail "makensis not found after installing nsis"
need wine || fail "wine not found after installing wine"
python3 -c 'import sys; assert sys.version_info >= (3, 11)' || fail "python3 must be 3.11 or newer"
python3 -m venv "$WORK/buildenv"
BUILDPY="$WORK/buildenv/bin/python"
quiet "$BUILDPY" -m pip install -q --disable-pip-version-check --require-hashes --only-binary=:all: \
    -r installer/requirements-tools.txt || fail "could not install the build tools (installer/requirements-tools.txt)"

# ---------------------------------------------------------------------------------------------------------
step "Linux: build the app wheel"
"$BUILDPY" installer/build.py --wheel-only "$WORK/linux/dist" --work "$WORK/linux/work" >/dev/null \
    || fail "building the app wheel failed"
WHEEL="$(ls "$WORK"/linux/dist/nianbao-*.whl)"
echo "   $(basename "$WHEEL")"

step "Linux: install into a fresh venv"
python3 -m venv "$WORK/linux/venv"
LINUX_PY="$WORK/linux/venv/bin/python"
quiet "$LINUX_PY" -m pip install -q --disable-pip-version-check "$WHEEL" || fail "pip install of the app wheel failed"
[ -x "$WORK/linux/venv/bin/nianbao" ] || fail "the wheel installed no nianbao launcher"

step "Linux: smoke (nianbao --smoke, offscreen)"
QT_QPA_PLATFORM=offscreen timeout 300 "$WORK/linux/venv/bin/nianbao" --smoke "$WORK/linux/smoke" \
    -platform offscreen 2>&1 | sed 's/^/   | /' || fail "nianbao --smoke failed on Linux (exit ${PIPESTATUS[0]})"
"$LINUX_PY" installer/check_outputs.py "$WORK/linux/smoke" --exports || fail "Linux smoke outputs are wrong"

step "Linux: the box check fails without the CJK fonts (a Latin-only fontconfig)"
LATIN="$(dirname "$(fc-match -f '%{file}' 'DejaVu Sans')")"
printf '<?xml version="1.0"?><fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$LATIN" "$WORK/linux/fc-latin" >"$WORK/linux/latin.conf"
FONTCONFIG_FILE="$WORK/linux/latin.conf" QT_QPA_PLATFORM=offscreen timeout 300 "$WORK/linux/venv/bin/nianbao" \
    --smoke "$WORK/linux/boxes" -platform offscreen >/dev/null 2>&1 || fail "nianbao --smoke failed without CJK fonts"
"$LINUX_PY" installer/check_outputs.py "$WORK/linux/boxes" --exports >"$WORK/linux/boxes.log" 2>&1 \
    && fail "check_outputs.py passed a smoke run whose Chinese text is boxes"
tail -n 2 "$WORK/linux/boxes.log" | sed 's/^/   | /'
"$WORK/linux/venv/bin/nianbao" demo "$WORK/linux/demo" >/dev/null || fail "nianbao demo failed on Linux"
"$WORK/linux/venv/bin/nianbao" check "$WORK/linux/demo" | sed 's/^/   | /' \
    || fail "nianbao check of the example failed on Linux"

# ---------------------------------------------------------------------------------------------------------
step "Windows: build the installer"
"$BUILDPY" installer/build.py --out "$ROOT/dist" --work "$WORK/win" 2>&1 \
    | grep -v '^WARNING: Location' | sed 's/^/   /' || fail "installer build failed"
INSTALLER="$(ls "$ROOT"/dist/nianbao-*-setup-win64.exe | tail -1)"
SIZE=$(stat -c %s "$INSTALLER")
SIZE_MIB=$(awk "BEGIN { printf \"%.1f\", $SIZE / 1048576 }")
[ "$SIZE" -lt $((MAX_MIB * 1048576)) ] || fail "installer is $SIZE_MIB MiB, over the $MAX_MIB MiB budget"

# ---------------------------------------------------------------------------------------------------------
step "Windows: fresh wine prefix, CJK fonts as on a Chinese Windows"
export WINEPREFIX="$WORK/wineprefix" WINEARCH=win64 WINEDEBUG=-all HOME="$WORK/home"
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"   # no Mono/Gecko prompts, no host menus
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$HOME"
wrun() {   # wrun SECONDS PROGRAM ARGS...: run under wine, output through a pipe, exit status kept
    local limit=$1; shift
    local rc=0
    timeout "$limit" wine "$@" 2>&1 | sed 's/^/   | /' || rc=${PIPESTATUS[0]}
    [ "$rc" -ne 124 ] || echo "   (timed out after $limit s: wine $(basename "$1"))" >&2
    return "$rc"
}
winpath() { echo "Z:${1//\//\\}"; }
wrun 300 wineboot --init || fail "wineboot --init failed"
timeout 120 wineserver -w || true
wrun 120 winecfg -v win10 || fail "could not set the wine prefix to Windows 10"   # Debian's default is 7
FONTS="$WINEPREFIX/drive_c/windows/Fonts"
mkdir -p "$FONTS"
# Qt's offscreen platform on Windows reads only .ttf/.otf files: take the SC face out of Noto Sans CJK.
"$BUILDPY" installer/cjk_face.py "$FONTS" || fail "could not prepare the CJK fonts for the wine prefix"
WUSER="$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -1)"
UHOME="$WINEPREFIX/drive_c/users/$WUSER"
INSTDIR="$UHOME/AppData/Local/Programs/nianbao"
START_LNK="$UHOME/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/年报助手.lnk"
DESKTOP_LNK="$UHOME/Desktop/年报助手.lnk"
UNINST_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao'
REG_KEYS=("$UNINST_KEY" 'HKCU\Software\Classes\.nianbao' 'HKCU\Software\Classes\nianbao.draft' 'HKCU\Software\nianbao')
regq() { timeout 60 wine reg query "$@" 2>/dev/null | tr -d '\r'; }

step "Windows: the installer refuses Windows 7"
wrun 120 winecfg -v win7 || fail "could not set the wine prefix to Windows 7"
rc=0; wrun "$WIN_TIMEOUT" "$INSTALLER" /S || rc=$?
timeout 120 wineserver -w || true
[ "$rc" -ne 0 ] && [ ! -e "$INSTDIR" ] || fail "the installer did not refuse Windows 7 (exit $rc)"
wrun 120 winecfg -v win10 || fail "could not set the wine prefix back to Windows 10"
echo "   refused (exit $rc), nothing installed"

step "Windows: silent install (/S), then again over itself"
for round in first second; do
    wrun "$WIN_TIMEOUT" "$INSTALLER" /S || fail "the $round silent install exited with $?"
    timeout 120 wineserver -w || true
done
for f in nianbao.exe nianbao-cli.exe uninstall.exe nianbao.ico Python/python.exe Python/pythonw.exe \
         lib/PySide6/Qt6Core.dll lib/PySide6/plugins/platforms/qwindows.dll \
         lib/PySide6/plugins/platforms/qoffscreen.dll lib/PySide6/translations/qtbase_zh_CN.qm; do
    [ -e "$INSTDIR/$f" ] || fail "not installed: $INSTDIR/$f"
done
for f in lib/PySide6/Qt6Qml.dll lib/PySide6/Qt6Quick.dll lib/PySide6/Qt6Designer.dll lib/PySide6/qml \
         lib/PySide6/opengl32sw.dll lib/PySide6/designer.exe; do
    [ ! -e "$INSTDIR/$f" ] || fail "unused Qt part was shipped: $f"
done
[ -e "$START_LNK" ] || fail "no Start-menu shortcut: $START_LNK"
[ -e "$DESKTOP_LNK" ] || fail "no desktop shortcut: $DESKTOP_LNK"
for key in "${REG_KEYS[@]}"; do regq "$key" >/dev/null || fail "registry key missing after install: $key"; done
regq 'HKCU\Software\Classes\.nianbao' | grep -q 'nianbao.draft' || fail ".nianbao is not associated"
regq 'HKCU\Software\Classes\nianbao.draft\shell\open\command' | grep -q 'nianbao.exe' \
    || fail "the .nianbao open command does not run nianbao.exe"
regq "$UNINST_KEY" | grep -q 'UninstallString' || fail "no UninstallString in $UNINST_KEY"
if regq 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao' >/dev/null; then
    fail "the installer wrote to HKLM (it must be per-user)"
fi
echo "   installed in $(du -sm "$INSTDIR" | cut -f1) MiB; shortcuts, file association and uninstall entry present"

step "Windows: installed Qt sees Chinese fonts + translations"
wrun 120 "$INSTDIR/Python/python.exe" -c "
import nianbao_winenv; nianbao_winenv.setup()
from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QGuiApplication, QFontDatabase
app = QGuiApplication(['probe', '-platform', 'offscreen'])
cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
print('Chinese font families:', ', '.join(cjk) or 'NONE')
translator = QTranslator()
loaded = translator.load('qtbase_zh_CN', QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
print('qtbase_zh_CN.qm:', 'loaded' if loaded else 'NOT FOUND')
raise SystemExit(0 if cjk and loaded else 1)" \
    || fail "the installed Qt lacks a Chinese font (pages would show boxes) or its Chinese translations"

step "Windows: smoke (nianbao.exe --smoke, offscreen)"
mkdir -p "$WORK/win-smoke"
wrun "$WIN_TIMEOUT" "$INSTDIR/nianbao.exe" --smoke "$(winpath "$WORK/win-smoke")" -platform offscreen \
    || fail "nianbao.exe --smoke exited with $?"
"$LINUX_PY" installer/check_outputs.py "$WORK/win-smoke" --exports || fail "Windows smoke outputs are wrong"

step "Windows: nianbao-cli.exe demo + check"
DRAFTS="$WORK/草稿 文件夹"   # a space and Chinese in the path, as clerks' folders have
wrun 300 "$INSTDIR/nianbao-cli.exe" demo "$(winpath "$DRAFTS")" || fail "nianbao-cli.exe demo failed"
out="$(wrun 300 "$INSTDIR/nianbao-cli.exe" check "$(winpath "$DRAFTS")")" \
    || { echo "$out"; fail "nianbao-cli.exe check of the example reported errors"; }
echo "$out"
echo "$out" | grep -q '0个错误' || fail "nianbao-cli.exe check printed no '0个错误'"

step "Windows: open that draft by its path (as a double-click does)"
wrun "$WIN_TIMEOUT" "$INSTDIR/nianbao.exe" --smoke "$(winpath "$WORK/win-open")" \
    "$(winpath "$DRAFTS/example.nianbao")" -platform offscreen || fail "nianbao.exe --smoke DIR FILE exited with $?"
"$LINUX_PY" installer/check_outputs.py "$WORK/win-open" --exports || fail "outputs of the opened draft are wrong"

step "Windows: silent uninstall (uninstall.exe /S)"
wrun "$WIN_TIMEOUT" "$INSTDIR/uninstall.exe" /S || fail "the uninstaller exited with $?"
timeout "$WIN_TIMEOUT" wineserver -w || true   # the uninstaller runs from a temp copy: wait for it
[ ! -e "$INSTDIR" ] || { find "$INSTDIR" | head -20; fail "left behind: $INSTDIR"; }
[ ! -e "$START_LNK" ] || fail "left behind: Start-menu shortcut"
[ ! -e "$DESKTOP_LNK" ] || fail "left behind: desktop shortcut"
for key in "${REG_KEYS[@]}"; do
    if regq "$key" >/dev/null; then fail "left behind: registry key $key"; fi
done
echo "   nothing left: install folder, shortcuts, uninstall entry, file association"

step "Windows: /D= into a folder with other files; uninstall keeps them"
BUSY="$WINEPREFIX/drive_c/busy"
mkdir -p "$BUSY/lib" && echo keep > "$BUSY/lib/keep.txt" && echo keep > "$BUSY/other.txt"
# /D= must reach the installer unquoted, as cmd passes it (wine would quote it as one argument).
cp "$INSTALLER" "$WINEPREFIX/drive_c/setup.exe"
wrun "$WIN_TIMEOUT" cmd /c 'C:\setup.exe /S /D=C:\busy' || fail "install with /D= exited with $?"
timeout 120 wineserver -w || true
[ -e "$BUSY/nianbao/nianbao.exe" ] || fail "a folder with other files did not get a nianbao subfolder"
wrun "$WIN_TIMEOUT" "$BUSY/nianbao/uninstall.exe" /S || fail "the uninstaller exited with $?"
timeout "$WIN_TIMEOUT" wineserver -w || true
[ -e "$BUSY/lib/keep.txt" ] && [ -e "$BUSY/other.txt" ] || fail "the uninstaller removed files that were not its own"
[ ! -e "$BUSY/nianbao" ] || fail "left behind: $BUSY/nianbao"
rm -f "$WINEPREFIX/drive_c/setup.exe"
echo "   installed into C:\\busy\\nianbao; the folder's own files survived the uninstall"
timeout 60 wineserver -k || true

step "Windows: the native window under wine 10 (installer/native.sh)"
if [ "${NATIVE:-1}" = 1 ]; then
    BUILDPY="$BUILDPY" LINUX_PY="$LINUX_PY" bash installer/native.sh "$INSTALLER" 2>&1 | sed 's/^/   /'
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "the native-window run failed (installer/native.sh)"
else
    echo "   skipped (NATIVE=0)"
fi

step "Linux: remove"
rm -rf "$WORK/linux/venv"
[ ! -e "$WORK/linux/venv" ] || fail "could not remove the Linux venv"

summary
echo "  installer: $(basename "$INSTALLER") — $SIZE_MIB MiB ($SIZE bytes), budget $MAX_MIB MiB"
