#!/usr/bin/env bash
# Builds the local base image of the service images: a root filesystem holding only what a jlinked Java
# runtime needs, written as a `docker save` style tarball that Jib reads as `tar://<file>`.
#
# Why not an image from a registry: the build machines reach no image registry, and the images must still
# be built and started here. Why not debootstrap: a Debian root filesystem is ~150 MB and minutes of
# downloads, while a JVM started with `java -jar` needs only the C library and the dynamic loader. So the
# image has no shell, no package manager and no tools: two layers, the C library (copied from this
# machine, found with ldd) with /etc/passwd and friends, and the Java runtime under /opt/java/openjdk
# (where the eclipse-temurin images keep theirs, so the service images run on either base unchanged).
#
# Usage: build.sh <jdk home> <output tarball>. The tarball is kept while it is newer than this script
# and the JDK; delete it (or `./mvnw clean`) to build it again.
set -euo pipefail

JDK=${1:?usage: build.sh <jdk home> <output tarball>}
OUT=${2:?usage: build.sh <jdk home> <output tarball>}
SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

say() { printf 'base-image: %s\n' "$*" >&2; }

if [[ -f $OUT && $OUT -nt $SELF && $OUT -nt $JDK/release ]]; then
  say "up to date: $OUT"
  exit 0
fi

# The modules the five services use: `jdeps --print-module-deps` over every class of their quarkus-app
# (lib/, app/, quarkus/) gives java.base, java.desktop (java.beans, for Jackson and Hibernate),
# java.naming, java.net.http, java.rmi, java.scripting, java.security.jgss, java.security.sasl,
# java.sql, jdk.management, jdk.unsupported, and jdk.compiler, which is left out: only Quarkus' dev mode
# compiles. Added: jdk.charsets (inbound mail in Big5, ISO-2022-JP, ...), jdk.crypto.ec, jdk.naming.dns,
# jdk.zipfs, jdk.jfr and jdk.management.jfr (recordings of a running service), java.instrument.
MODULES=java.base,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.scripting
MODULES+=,java.security.jgss,java.security.sasl,java.sql,jdk.charsets,jdk.crypto.ec,jdk.jfr
MODULES+=,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.unsupported,jdk.zipfs

# The user the service images run as (their <user>): 185, as in Red Hat's OpenJDK images.
APP_UID=185

WORK="$(dirname "$OUT")/base-image-work"
rm -rf "$WORK"
mkdir -p "$WORK/os" "$WORK/jre/opt/java" "$WORK/image"

say "linking a Java runtime from $JDK"
# A JDK without jmods/ (like Temurin 25's) links from its own run-time image (JEP 493). The desktop's
# native libraries for X11 and sound are left out: a headless server never loads them, and they would
# pull in X11's libraries.
"$JDK/bin/jlink" --add-modules "$MODULES" --output "$WORK/jre/opt/java/openjdk" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so'
# The default class data sharing archive: what the JDK's own image has, regenerated for these modules.
"$WORK/jre/opt/java/openjdk/bin/java" -Xshare:dump -version >/dev/null 2>&1

say "copying the shared libraries it needs"
JRE_LIBS="$WORK/jre/opt/java/openjdk/lib"
copy_lib() {
  local lib=$1
  [[ $lib == "$WORK/jre/"* ]] && return 0 # the runtime's own (libjvm.so, libjava.so, ...)
  [[ -e $WORK/os$lib ]] && return 0
  mkdir -p "$WORK/os$(dirname "$lib")"
  cp -L "$lib" "$WORK/os$lib"
}
missing=0
while IFS= read -r so; do
  while IFS= read -r line; do
    if [[ $line == *"not found"* ]]; then
      say "error: $so needs ${line%% *}, which this machine lacks"
      missing=1
    elif [[ $line =~ =\>\ (/[^ ]+) ]]; then
      copy_lib "${BASH_REMATCH[1]}"
    elif [[ $line =~ ^[[:space:]]*(/[^ ]+) ]]; then
      copy_lib "${BASH_REMATCH[1]}" # the dynamic loader
    fi
  done < <(LD_LIBRARY_PATH="$JRE_LIBS:$JRE_LIBS/server" ldd "$so" 2>/dev/null || true)
done < <(find "$WORK/jre" -type f \( -name '*.so' -o -path '*/bin/*' \))
((missing == 0)) || exit 1
# Debian keeps /lib and /lib64 as links into /usr; the loader's path is compiled into every binary.
if [[ -L /lib64 ]]; then
  mkdir -p "$WORK/os/usr"
  [[ -d $WORK/os/lib64 && ! -L $WORK/os/lib64 ]] && cp -a "$WORK/os/lib64" "$WORK/os/usr/" && rm -rf "$WORK/os/lib64"
  ln -s usr/lib64 "$WORK/os/lib64"
fi
if [[ -L /lib ]]; then
  mkdir -p "$WORK/os/usr/lib"
  [[ -d $WORK/os/lib && ! -L $WORK/os/lib ]] && cp -a "$WORK/os/lib/." "$WORK/os/usr/lib/" && rm -rf "$WORK/os/lib"
  ln -s usr/lib "$WORK/os/lib"
fi

say "writing /etc and /tmp"
# Mount points the container runtime fills.
mkdir -p "$WORK/os/etc" "$WORK/os/tmp" "$WORK/os/deployments" "$WORK/os/proc" "$WORK/os/sys" "$WORK/os/dev"
chmod 1777 "$WORK/os/tmp"
# Named users, so that the JVM's user.name and user.home are real (an unnamed uid gets "?").
cat >"$WORK/os/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
caseswarm:x:$APP_UID:$APP_UID:Caseswarm service:/deployments:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat >"$WORK/os/etc/group" <<GROUP
root:x:0:
caseswarm:x:$APP_UID:
nogroup:x:65534:
GROUP
# Host names from /etc/hosts first, then DNS (the container runtime writes both files).
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$WORK/os/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$WORK/os/etc/hosts"

# One layer: a tar with fixed owners, order and times, so the same inputs give the same digest.
# Prints the uncompressed tar's sha256 (the layer's diff id) and leaves <name>.tar.gz in image/.
layer() {
  local dir=$1 name=$2
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir" -cf "$WORK/image/$name.tar" .
  sha256sum "$WORK/image/$name.tar" | cut -d' ' -f1
  gzip -n -6 "$WORK/image/$name.tar"
}
say "writing the layers"
os_id=$(layer "$WORK/os" os)
jre_id=$(layer "$WORK/jre" jre)
java_version=$("$WORK/jre/opt/java/openjdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')

cat >"$WORK/image/config.json" <<CONFIG
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:00Z",
  "config": {
    "Env": [
      "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/opt/java/openjdk",
      "JAVA_VERSION=$java_version",
      "LANG=C.UTF-8"
    ],
    "User": "$APP_UID:$APP_UID",
    "Labels": {
      "org.opencontainers.image.title": "caseswarm-jre",
      "org.opencontainers.image.description": "C library and a jlinked Java $java_version runtime, for the Caseswarm service images"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["sha256:$os_id", "sha256:$jre_id"] },
  "history": [
    { "created": "1970-01-01T00:00:00Z", "created_by": "deploy/base-image/build.sh", "comment": "C library, /etc" },
    { "created": "1970-01-01T00:00:00Z", "created_by": "deploy/base-image/build.sh", "comment": "Java runtime (jlink)" }
  ]
}
CONFIG
cat >"$WORK/image/manifest.json" <<MANIFEST
[{"Config":"config.json","RepoTags":["caseswarm/jre:$java_version"],"Layers":["os.tar.gz","jre.tar.gz"]}]
MANIFEST

# Named one by one: Jib refuses a "./" entry in the outer tarball.
tar --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$WORK/image" -cf "$OUT.part" \
  manifest.json config.json os.tar.gz jre.tar.gz
mv "$OUT.part" "$OUT"
rm -rf "$WORK"
say "wrote $OUT ($(du -h "$OUT" | cut -f1), Java $java_version)"
