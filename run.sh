#!/usr/bin/env bash
# Bulletin Studio from a fresh Debian/Ubuntu checkout, in one command:
#
#   bash run.sh app              open the app on the bundled sample issue
#                                (no display: export the sample to out/ instead)
#   bash run.sh test [ARGS...]   run the whole test suite (ARGS go to pytest)
#   bash run.sh bench [ARGS...]  run the benchmarks (bench/run.py)
#
# Every command first makes sure of what it needs, and skips each step that is already done:
#   1. Debian packages (Qt runtime libraries, Xvfb, poppler, LibreOffice Writer, CJK fonts):
#      installed with apt-get when running as root, otherwise the sudo command is printed;
#   2. a virtualenv in .venv with the project installed editable (again only when
#      pyproject.toml changed since the last install);
#   3. the fonts the layouts name, converted once to a form the PDF writer can embed.
# Environment: PYTHON=/path/to/python3.x picks the interpreter for .venv.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

VENV="$ROOT/.venv"
STAMP="$VENV/.pyproject.sha256"
MIN_PYTHON=(3 11)

# Runtime libraries for the Qt "xcb"/"offscreen" platforms, Xvfb and xdotool for display tests
# (keys pressed under a real X server: tests/ui/test_under_x11.py),
# poppler (pdftoppm/pdffonts), LibreOffice Writer (DOCX checks), the CJK fonts the layouts name,
# a small CFF face (URW's D050000L) whose conversion the first-start test runs in seconds,
# Ghostscript (CMYK separations and PDF/X re-writing in the print tests) and qpdf (--check).
APT_PACKAGES=(
    libglib2.0-0 libgl1 libegl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libx11-6
    xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-shape0
    xdotool
    poppler-utils libreoffice-writer ghostscript qpdf
    fonts-noto-cjk fonts-wqy-zenhei fonts-arphic-uming fonts-lxgw-wenkai fonts-liberation2
    fonts-urw-base35
)

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() {
    log "$*"
    exit 1
}

usage() {
    cat >&2 <<'EOF'
usage: bash run.sh COMMAND [ARGS...]
  app     open the app on the bundled sample issue (without a display: export it to out/)
  test    run the test suite; ARGS are passed to pytest (e.g. bash run.sh test -k docx)
  bench   run the benchmarks (bench/run.py); ARGS are passed on
EOF
}

# Run a noisy command quietly; on failure show the end of its output.
quietly() {
    local logfile status
    logfile=$(mktemp "${TMPDIR:-/tmp}/run-sh.XXXXXX")
    if "$@" >"$logfile" 2>&1; then
        rm -f "$logfile"
        return 0
    else
        status=$?
    fi
    log "failed ($status): $*"
    tail -n 40 "$logfile" >&2
    log "full output: $logfile"
    return "$status"
}

# --- 1. Debian packages -----------------------------------------------------------------------

# Names of the installed packages, one per line (architecture suffix removed).
installed_set() {
    dpkg-query -W -f='${Package} ${db:Status-Status}\n' 2>/dev/null |
        awk '$2 == "installed" { sub(/:.*/, "", $1); print $1 }'
}

pick_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [[ -n "$candidate" ]] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c "import sys; sys.exit(sys.version_info[:2] < (${MIN_PYTHON[0]}, ${MIN_PYTHON[1]}))" \
            >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_system_packages() {
    local wanted=("${APT_PACKAGES[@]}") missing=() pkg have
    # The venv needs python3 >= 3.11 with ensurepip (Debian ships it in python3-venv).
    local python
    if ! python=$(pick_python); then
        wanted+=(python3 python3-venv)
    elif ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
        wanted+=(python3-venv)
    fi

    if ! command -v dpkg-query >/dev/null 2>&1; then
        log "not a Debian/Ubuntu system: install by hand the equivalents of: ${wanted[*]}"
        return 0
    fi
    have=" $(installed_set | tr '\n' ' ') "
    for pkg in "${wanted[@]}"; do
        [[ "$have" == *" $pkg "* || "$have" == *" ${pkg}t64 "* ]] || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0

    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        log "missing system packages; install them with:"
        printf '  sudo apt-get install -y %s\n' "${missing[*]}" >&2
        log "continuing without them (some tests may fail)"
        return 0
    fi

    export DEBIAN_FRONTEND=noninteractive
    log "installing ${#missing[@]} Debian packages (first run only; this takes a few minutes)"
    quietly apt-get update -q
    # Install only what this release has (a name may be renamed, e.g. libglib2.0-0t64).
    local available=()
    for pkg in "${missing[@]}"; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then
            available+=("$pkg")
        elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then
            available+=("${pkg}t64")
        else
            log "warning: package $pkg is not available on this system; skipping it"
        fi
    done
    ((${#available[@]})) || return 0
    quietly apt-get install -y -q --no-install-recommends "${available[@]}"
}

# --- 2. virtualenv ------------------------------------------------------------------------------

ensure_venv() {
    local python version_ok
    version_ok="import sys; sys.exit(sys.version_info[:2] < (${MIN_PYTHON[0]}, ${MIN_PYTHON[1]}))"
    if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "$version_ok" >/dev/null 2>&1; then
        :
    else
        if [[ -e "$VENV" ]]; then
            log ".venv does not work (or its Python is too old): recreating it"
            rm -rf "$VENV" 2>/dev/null || die "cannot remove the broken .venv: remove it by hand and run again"
        fi
        python=$(pick_python) ||
            die "Python ${MIN_PYTHON[0]}.${MIN_PYTHON[1]} or newer is needed (found: $(python3 --version 2>&1 || echo none)); install it or set PYTHON=/path/to/python3.x"
        if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
            local version
            version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
            die "$python has no venv/ensurepip module: install it with 'sudo apt-get install python3-venv' (or python${version}-venv)"
        fi
        log "creating .venv with $python ($("$python" --version 2>&1))"
        quietly "$python" -m venv "$VENV"
    fi

    local digest
    digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$digest" ]]; then
        return 0
    fi
    log "installing the project and its Python dependencies into .venv (a few minutes the first time)"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    quietly "$VENV/bin/python" -m pip install -q -e '.[test]'
    printf '%s\n' "$digest" >"$STAMP"
}

# --- 3. fonts -----------------------------------------------------------------------------------

# The layouts' Song and Hei faces (Noto CJK) have CFF outlines, which ReportLab cannot embed:
# they are converted to TrueType once (about a minute, in parallel) and cached per user.
ensure_fonts() {
    quietly "$VENV/bin/bulletin-studio" fonts ||
        log "warning: could not prepare the fonts (exports will convert them on first use)"
}

bootstrap() {
    ensure_system_packages
    ensure_venv
    ensure_fonts
}

# --- commands ---------------------------------------------------------------------------------

cmd_app() {
    local studio="$VENV/bin/bulletin-studio" bulletin="out/sample.bulletin"
    mkdir -p out
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        log "No display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the sample is exported to out/ instead of opening the window."
        [[ -e "$bulletin" ]] || "$studio" sample "$bulletin" >/dev/null
        local status=0
        "$studio" export "$bulletin" --pdf out/sample.pdf --docx out/sample.docx >/dev/null ||
            status=$?
        local file
        for file in "$bulletin" out/sample.pdf out/sample.docx; do
            [[ -e "$file" ]] && printf '%s\n' "$ROOT/$file"
        done
        return "$status"
    fi
    [[ -e "$bulletin" ]] || "$studio" sample "$bulletin" >/dev/null
    exec "$studio" "$bulletin"
}

cmd_test() {
    local start status=0
    start=$(date +%s)
    QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$VENV/bin/python" -m pytest "$@" || status=$?
    local elapsed=$(($(date +%s) - start))
    case "$status" in
        0) log "tests passed in ${elapsed}s" ;;
        5) log "no tests were collected (pytest exit code 5): counted as a failure (${elapsed}s)" ;;
        *) log "tests failed (pytest exit code $status) after ${elapsed}s" ;;
    esac
    return "$status"
}

cmd_bench() {
    [[ -f bench/run.py ]] || die "bench/run.py does not exist yet: there are no benchmarks to run"
    "$VENV/bin/python" bench/run.py "$@"
}

main() {
    local command="${1:-}"
    case "$command" in
        app | test | bench) shift ;;
        -h | --help | help)
            usage
            return 0
            ;;
        *)
            usage
            return 2
            ;;
    esac
    bootstrap
    "cmd_$command" "$@"
}

main "$@"
