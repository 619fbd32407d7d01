<#
.SYNOPSIS
    Membangun Kinerja Desktop untuk Windows / Build Kinerja Desktop for Windows.

.DESCRIPTION
    bundle    : uji mandiri dari kode sumber, folder program dist\kinerja-desktop\ (kinerja-desktop.exe +
                _internal\), lalu uji mandiri program itu.
    installer : semua langkah "bundle", lalu pemasang dist\KinerjaDesktop-<versi>-setup.exe (NSIS).

    Prasyarat: Python 3.13 64-bit dari python.org (baris Python yang sama dengan yang dipakai CI, lihat
    packaging\windows-python.txt), dan untuk "installer" NSIS 3.
    Internet diperlukan hanya di komputer pembangun (pip mengunduh paket); hasilnya berjalan tanpa internet.
    See README.md, "Membangun installer Windows".

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 bundle
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 installer
#>
param(
    [Parameter(Position = 0)]
    [ValidateSet("bundle", "installer")]
    [string]$Target = "installer"
)

$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Step([string]$Text) {
    Write-Host ""
    Write-Host "==> $Text" -ForegroundColor Cyan
}

function Assert-Ok([string]$What) {
    if ($LASTEXITCODE -ne 0) {
        throw "$What gagal (kode keluar $LASTEXITCODE) / $What failed"
    }
}

# The Python line of the Windows program: the one CI builds and tests it with under Wine
# (packaging\windows-python.txt). Python 3.12+ makes None/True/False immortal, so PySide6 6.12.0's reference
# leak cannot crash the program.
$PythonLine = "3.13"
$PythonCheck = "import sys, struct; sys.exit(0 if sys.version_info[:2] == (3, 13) and struct.calcsize('P') == 8 else 1)"

function Test-Python([string]$Exe, [string[]]$Arguments) {
    # Windows PowerShell 5.1 turns a native program's redirected stderr into errors under "Stop".
    $ErrorActionPreference = "Continue"
    & $Exe @Arguments -c $PythonCheck 2>$null
    return ($LASTEXITCODE -eq 0)
}

function Find-Python {
    # The "py" launcher comes with python.org's installer; "python" works when it was added to PATH.
    $candidates = @(@("py", "-3.13"), @("python"))
    foreach ($candidate in $candidates) {
        $exe = $candidate[0]
        if (-not (Get-Command $exe -ErrorAction SilentlyContinue)) { continue }
        $arguments = @($candidate | Select-Object -Skip 1)
        if (Test-Python $exe $arguments) { return , $candidate }
    }
    throw "Python $PythonLine (64-bit) tidak ditemukan. Pasang python-$PythonLine.x-amd64.exe dari python.org (centang 'Add python.exe to PATH'), lalu buka PowerShell baru."
}

function Find-Makensis {
    $onPath = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    foreach ($folder in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($folder -and (Test-Path (Join-Path $folder "NSIS\makensis.exe"))) {
            return (Join-Path $folder "NSIS\makensis.exe")
        }
    }
    throw "NSIS (makensis.exe) tidak ditemukan. Pasang nsis-3.xx-setup.exe dari nsis.sourceforge.io, lalu ulangi."
}

$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
$Program = Join-Path $Root "dist\kinerja-desktop\kinerja-desktop.exe"

if ($Target -eq "installer") {
    $Makensis = Find-Makensis  # before the long part: say at once when NSIS is missing
}

Step "Lingkungan Python $PythonLine (.venv)"
if ((Test-Path $VenvPython) -and -not (Test-Python $VenvPython @())) {
    # A .venv of another Python line (an older build): build the program with the right one.
    Write-Host "  .venv bukan Python $PythonLine 64-bit: dibuat ulang"
    Remove-Item -Recurse -Force (Join-Path $Root ".venv")
}
if (-not (Test-Path $VenvPython)) {
    $python = Find-Python
    $pythonExe = $python[0]
    $arguments = @($python | Select-Object -Skip 1) + @("-m", "venv", ".venv")
    & $pythonExe @arguments
    Assert-Ok "Membuat .venv"
}
& $VenvPython -m pip install --quiet --upgrade pip
Assert-Ok "Memperbarui pip"
# Editable, as on Linux and in CI: the program finds resources\ in the source tree (kinerja_desktop\paths.py).
& $VenvPython -m pip install --quiet -e ".[bundle]"
Assert-Ok "Memasang Kinerja Desktop dan PyInstaller"

Step "Uji mandiri dari kode sumber / source self-test"
$env:QT_QPA_PLATFORM = "offscreen"
& $VenvPython -m kinerja_desktop self-test | Out-Host
$sourceSelfTest = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
if ($sourceSelfTest -ne 0) { throw "Uji mandiri dari kode sumber gagal: lihat baris GAGAL di atas / source self-test failed" }

Step "PyInstaller: dist\kinerja-desktop\"
& $VenvPython -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging\kinerja-desktop.spec
Assert-Ok "PyInstaller"

Step "Uji mandiri program / self-test"
$env:QT_QPA_PLATFORM = "offscreen"
# The program is windowed: piping its output makes PowerShell wait for it and show what it prints.
& $Program self-test | Out-Host
$selfTest = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
if ($selfTest -ne 0) { throw "Uji mandiri gagal: lihat baris GAGAL di atas / self-test failed" }

$size = (Get-ChildItem -Recurse -File (Split-Path $Program) | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("Program: {0} ({1:N0} MB)" -f (Split-Path $Program), $size) -ForegroundColor Green

if ($Target -eq "installer") {
    Step "NSIS: pemasang / installer"
    $version = (& $VenvPython packaging\version_info.py --version).Trim()
    $version4 = (& $VenvPython packaging\version_info.py --numeric).Trim()
    $setup = "KinerjaDesktop-$version-setup.exe"
    # makensis works in the script's folder: the paths below are relative to packaging\.
    & $Makensis /V2 /WX "/DVERSION=$version" "/DVERSION4=$version4" "/DDIST_DIR=..\dist\kinerja-desktop" "/DOUT_FILE=..\dist\$setup" packaging\installer.nsi
    Assert-Ok "makensis"
    Write-Host "Pemasang / installer: $(Join-Path $Root "dist\$setup")" -ForegroundColor Green
}
