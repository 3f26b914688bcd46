#!/usr/bin/env bash
# Smoke test of the .deb (decision 0144), run by the installer module in `verify` after build-package.sh: unpacks the
# package into a scratch root as dpkg would install it, then runs what a user runs first, through /usr/bin/knobwright.
# Exits non-zero, naming the check, when anything is wrong. Usage: smoke-test.sh TARGET_DIR PROJECT_VERSION TRAINED
set -euo pipefail

target=$1
project_version=$2
trained=$3
deb=$(ls "$target"/knobwright_*_amd64.deb)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/knobwright-smoke.XXXXXX")
build_image=$target/package/image
checks=0

restore() {
    # the build's own image is moved away while the unpacked one runs, so nothing can quietly use it instead
    [[ -d "$build_image.away" ]] && mv "$build_image.away" "$build_image"
    rm -rf "$scratch"
}
trap restore EXIT

fail() {
    echo "[smoke] FAILED: $1" >&2
    [[ -n ${2:-} && -f $2 ]] && sed 's/^/[smoke]   | /' "$2" | tail -30 >&2
    exit 1
}
ok() {
    checks=$((checks + 1))
    echo "[smoke] ok: $1"
}

# The package's metadata
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == knobwright ]] || fail "package name is '$(field Package)', not knobwright"
[[ $(field Architecture) == amd64 ]] || fail "architecture is '$(field Architecture)'"
[[ $(field Version) == "${project_version/-/\~}" ]] || fail "version is '$(field Version)', the build's is $project_version"
for dependency in 'libgtk-3-0 | libgtk-3-0t64' libxtst6 libfreetype6 libfontconfig1 libpango-1.0-0 fonts-dejavu-core; do
    [[ ", $(field Depends), " == *", $dependency, "* ]] || fail "Depends lacks $dependency: $(field Depends)"
done
ok "control: knobwright $(field Version) amd64, Depends names the window's and the text stack's libraries"

dpkg-deb -x "$deb" "$scratch/root"
root=$scratch/root
opt=$root/opt/knobwright
[[ $(readlink "$root/usr/bin/knobwright") == ../../opt/knobwright/bin/knobwright ]] || fail "/usr/bin/knobwright is not the link to /opt/knobwright/bin/knobwright"
grep -qx 'Exec=/opt/knobwright/bin/Knobwright' "$root/usr/share/applications/knobwright.desktop" || fail "the desktop entry does not start the workbench's launcher"
[[ -f $(sed -n 's/^Icon=//p' "$root/usr/share/applications/knobwright.desktop" | sed "s|^|$root|") ]] || fail "the desktop entry's icon is not in the package"
ok "layout: /opt/knobwright, /usr/bin/knobwright, desktop entry and icon"

# Libraries stay separate jars; JavaFX lives in the runtime, not beside it; no shaded jar
[[ -f $opt/lib/app/mariadb-java-client.jar ]] || fail "the MariaDB driver (LGPL-2.1) is not a jar of its own in lib/app"
unzip -l "$opt/lib/app/knobwright-app.jar" 'org/mariadb/*' >/dev/null 2>&1 && fail "knobwright-app.jar holds MariaDB driver classes (shaded?)"
ls "$opt/lib/app" | grep -q '^javafx' && fail "JavaFX jars in lib/app: JavaFX belongs to the runtime"
ls "$opt/lib/app" | grep -qE 'binaries-(windows|darwin)|alpine' && fail "PostgreSQL binaries for another platform in lib/app"
modules=$("$opt/lib/runtime/bin/java" --list-modules)
grep -q '^javafx.controls@' <<<"$modules" || fail "the runtime has no javafx.controls module"
[[ -f $opt/lib/runtime/lib/libglassgtk3.so && -f $opt/lib/runtime/lib/libprism_sw.so ]] || fail "JavaFX's native libraries are not in the runtime's lib/"
ok "jars: $(ls "$opt/lib/app"/*.jar | wc -l) separate ones, MariaDB driver replaceable; runtime with $(wc -l <<<"$modules") modules incl. JavaFX"

mv "$build_image" "$build_image.away"
export HOME=$scratch/home
mkdir -p "$HOME"
knobwright=$root/usr/bin/knobwright
aot_check=""
if [[ $trained == true ]]; then
    # AOTMode=on: the JVM exits with an error when a cache cannot be used here, instead of starting without it
    aot_check="-XX:AOTMode=on -Xlog:aot=info:file=$scratch/aot.log"
fi

# --version, with nothing on stderr (no warning a user would see on every start)
"$knobwright" --version >"$scratch/out" 2>"$scratch/err" || fail "knobwright --version exited $?" "$scratch/err"
grep -qx "Knobwright $project_version" "$scratch/out" || fail "knobwright --version printed something else" "$scratch/out"
[[ -s $scratch/err ]] && fail "knobwright --version wrote to stderr" "$scratch/err"
ok "knobwright --version: $(head -1 "$scratch/out"), stderr empty"

# A store command on a new store: creates it with the demo fleet, through the CLI launcher and its cache
store=$scratch/store
JAVA_TOOL_OPTIONS=$aot_check "$knobwright" fleet list --json --data-dir "$store" >"$scratch/out" 2>"$scratch/err" \
    || fail "knobwright fleet list --json exited $?" "$scratch/err"
grep -q '"name" *: *"pg-payments-prod-01"' "$scratch/out" || fail "fleet list --json did not list the demo fleet" "$scratch/out"
grep -v '^Picked up JAVA_TOOL_OPTIONS' "$scratch/err" >"$scratch/err.own" || true
[[ -s $scratch/err.own ]] && fail "knobwright fleet list wrote to stderr" "$scratch/err.own"
if [[ $trained == true ]]; then
    grep -q "Opened AOT cache $opt/lib/app/knobwright-cli.aot" "$scratch/aot.log" || fail "the CLI did not open its cache at /opt" "$scratch/aot.log"
    grep -q 'Using AOT-linked classes: true' "$scratch/aot.log" || fail "the CLI's cache was opened but its classes not used" "$scratch/aot.log"
fi
cache_note=""
[[ $trained == true ]] && cache_note=", knobwright-cli.aot used from the unpacked root"
ok "knobwright fleet list --json on a new store: $(grep -o '"name"' "$scratch/out" | wc -l) instances$cache_note"

# A replaced MariaDB driver must be the one that runs. The JDK does not compare a jar with what a cache recorded from
# it (measured, decision 0144), so no cache may hold the driver's classes. A cache's classes are AOT-linked: the JVM
# loads all of them at start, so one start of each launcher lists the whole cache.
if [[ $trained == true ]]; then
    for launcher in knobwright-cli Knobwright; do
        JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$scratch/classes-$launcher.log" "$opt/bin/$launcher" --version \
            >"$scratch/out" 2>"$scratch/err" || fail "$launcher --version exited $?" "$scratch/err"
        cached=$(grep -c 'source: shared objects file' "$scratch/classes-$launcher.log" || true)
        ((cached > 5000)) || fail "only $cached classes came from $launcher's cache" "$scratch/classes-$launcher.log"
        grep 'org\.mariadb\.' "$scratch/classes-$launcher.log" | grep -q 'shared objects file' \
            && fail "$launcher's AOT cache holds MariaDB driver classes: a replaced driver would not be used"
        echo "[smoke]   $launcher's cache: $cached classes, none of the MariaDB driver"
    done
    ok "no MariaDB driver class in either cache: a replaced mariadb-java-client.jar is the one that runs"
fi

# The workbench, opened and closed headless with the image's runtime: the build's training entry point (every screen)
JAVA_TOOL_OPTIONS=$aot_check "$knobwright" bench startup-training >"$scratch/out" 2>"$scratch/err" \
    || fail "the workbench did not open and close headless (exit $?)" "$scratch/err"
grep -q 'Startup training: the workbench showed' "$scratch/out" || fail "the workbench run printed no result" "$scratch/out"
if [[ $trained == true ]]; then
    grep -q "Opened AOT cache $opt/lib/app/knobwright.aot" "$scratch/aot.log" || fail "the workbench did not open its cache at /opt" "$scratch/aot.log"
fi
[[ -e $HOME/.openjfx ]] && fail "JavaFX extracted native libraries into ~/.openjfx instead of loading the runtime's"
ok "workbench opened and closed headless: $(grep -o 'showed [0-9]* demo instances [0-9]* ms' "$scratch/out")"

echo "[smoke] all $checks checks passed"
