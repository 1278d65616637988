#!/usr/bin/env bash
# Builds the container images Pacer's tests (and later its services) run on, without a public registry:
# a Debian base image from debootstrap, then every image of containers/images.conf on top of it.
# Idempotent: an image whose inputs (Dockerfile, build context, base image id, build args) hash to the value in
# its pacer.inputs label is not rebuilt. See containers/README.md.
#
#   containers/build-images.sh                 build what is missing or stale
#   containers/build-images.sh --only NAME     only NAME (and the images it stands on, if they need building); repeatable
#   containers/build-images.sh --services      the service images too (pacer/jre:17, pacer/<service>:<version>) from
#                                              the services' jars: run ./mvnw package first
#   containers/build-images.sh --list          each image, its name, and whether it is current, stale or missing
#   containers/build-images.sh --force         rebuild even when the inputs are unchanged (with --only: those)
#
# Environment: PACER_BASE_IMAGE (default pacer/debian:bookworm; set e.g. debian:bookworm where a registry is
# reachable: then no debootstrap), PACER_DEBIAN_MIRROR (default: the Debian mirror of this machine's apt sources),
# PACER_APT_SOURCES_DIR (apt sources copied into the images; default: this machine's Debian sources; an empty
# directory keeps the base image's own).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
DEFAULT_BASE=pacer/debian:bookworm
BASE_IMAGE="${PACER_BASE_IMAGE:-$DEFAULT_BASE}"
SUITE=bookworm
BASE_RECIPE=1   # bump when the way the base image is made changes

die() { echo "build-images: $*" >&2; exit 1; }
log() { echo "build-images: $*"; }

usage() { sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; }

ONLY=() LIST=false FORCE=false SERVICES=false
while [ $# -gt 0 ]; do
    case "$1" in
        --only) [ $# -ge 2 ] || die "--only needs an image name (see --list)"; ONLY+=("$2"); shift 2 ;;
        --only=*) ONLY+=("${1#--only=}"); shift ;;
        --list) LIST=true; shift ;;
        --services) SERVICES=true; shift ;;
        --force) FORCE=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

command -v docker >/dev/null || die "no docker CLI: install docker.io (apt-get install -y docker.io)"
docker info >/dev/null 2>&1 || die "no Docker engine answers (is dockerd running, may this user use it?)"

# --- the image table -------------------------------------------------------------------------------------------
# {version} (the project's version, from the root pom) and {commit} (git's short HEAD) in images.conf are replaced.
PACER_VERSION="$(sed -n '/<\/parent>/,$ s:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
PACER_GIT_COMMIT="$(git -C "$REPO" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
expand() { local v="${1//\{version\}/$PACER_VERSION}"; echo "${v//\{commit\}/$PACER_GIT_COMMIT}"; }

# The 4th column: repo files to copy, ARG=value build arguments, and @services (built only on request).
NAMES=() ; declare -A IMAGE DIR FILES ARGS ON_REQUEST
while read -r name image dir rest; do
    case "$name" in ''|'#'*) continue ;; esac
    NAMES+=("$name"); IMAGE[$name]="$(expand "$image")"; DIR[$name]="$dir"; FILES[$name]="" ARGS[$name]="" ON_REQUEST[$name]=false
    for word in $(expand "${rest:-}"); do
        case "$word" in
            @services) ON_REQUEST[$name]=true ;;
            *=*) ARGS[$name]+="$word " ;;
            *) FILES[$name]+="$word " ;;
        esac
    done
done < "$HERE/images.conf"
if $SERVICES; then
    for name in "${NAMES[@]}"; do ${ON_REQUEST[$name]} && ONLY+=("$name"); done
fi

depends_on() {  # depends_on NAME: the images of images.conf its Dockerfile names (e.g. ARG JRE_IMAGE=pacer/jre:17)
    local other
    for other in "${NAMES[@]}"; do
        [ "$other" != "$1" ] && grep -qF "${IMAGE[$other]}" "$HERE/${DIR[$1]}/Dockerfile" && echo "$other"
    done
    return 0
}

named() {  # named NAME: NAME, or an image that stands on it, was named by --only / --services
    local o d; for o in "${ONLY[@]}"; do
        [ "$o" = "$1" ] && return 0
        for d in $(depends_on "$o"); do [ "$d" = "$1" ] && return 0; done
    done; return 1
}

forced() {  # forced NAME: --force applies to NAME (every image, or only those --only / --services named)
    [ ${#ONLY[@]} -eq 0 ] && return 0
    local o; for o in "${ONLY[@]}"; do [ "$o" = "$1" ] && return 0; done; return 1
}

wanted() {  # wanted NAME: named, or no --only was given and NAME is not built only on request
    if [ ${#ONLY[@]} -eq 0 ]; then ! ${ON_REQUEST[$1]}; else named "$1"; fi
}
for o in "${ONLY[@]+"${ONLY[@]}"}"; do
    [ "$o" = debian ] || [ -n "${IMAGE[$o]:-}" ] || die "no image named '$o' (known: debian ${NAMES[*]})"
done

label_of() { docker image inspect -f '{{index .Config.Labels "pacer.inputs"}}' "$1" 2>/dev/null || true; }
id_of() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }
sha() { sha256sum | cut -c1-64; }

# --- apt sources: this machine's Debian mirror, copied into each build context ----------------------------------
debian_mirror() {
    [ -n "${PACER_DEBIAN_MIRROR:-}" ] && { echo "$PACER_DEBIAN_MIRROR"; return; }
    local f uri
    for f in /etc/apt/sources.list.d/*.sources; do   # deb822: the stanza whose Suites name the suite
        [ -f "$f" ] || continue
        uri="$(awk -v s="$SUITE" 'BEGIN{RS=""} { u=""; hit=0
                  for (i=1;i<=NF;i++) { if ($i=="URIs:") u=$(i+1); if ($i==s) hit=1 }
                  if (hit && u!="") { print u; exit } }' "$f")"
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do   # one-line style: deb [opts] URI suite ...
        [ -f "$f" ] || continue
        uri="$(sed -E 's/\[[^]]*\]//' "$f" | awk -v s="$SUITE" '$1=="deb" && $3==s {print $2; exit}')"
        [ -n "$uri" ] && { echo "$uri"; return; }
    done
    echo "http://deb.debian.org/debian"
}

# Debian sources only: plain http (minbase has no CA certificates) and no keyring but Debian's.
stage_apt_sources() {  # stage_apt_sources DIR
    mkdir -p "$1"
    if [ -n "${PACER_APT_SOURCES_DIR+set}" ]; then
        cp -r "$PACER_APT_SOURCES_DIR"/. "$1"/ 2>/dev/null || true
        return
    fi
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        grep -Eq '^[^#]*(deb|URIs:).*debian' "$f" || continue
        grep -Eq '^[^#]*https://' "$f" && continue
        grep -Eio 'signed-by[:=] *[^] ]+' "$f" | grep -vq 'debian-archive-keyring' && continue
        # sources.list itself keeps its own name; duplicates in sources.list.d are harmless for apt
        cp "$f" "$1/$(basename "$f")"
    done
}

# --- content hash of a build context ----------------------------------------------------------------------------
context_hash() {  # context_hash DIR BASE_ID EXTRA...: files (path, executable bit, content) + base id + extras
    (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sh -c \
        'for f; do [ -x "$f" ] && x=x || x=-; printf "%s %s %s\n" "$x" "$(sha256sum <"$f" | cut -c1-64)" "$f"; done' sh
     shift; printf '%s\n' "$@") | sha
}

# --- the base image ---------------------------------------------------------------------------------------------
base_inputs() {
    printf '%s\n' "recipe=$BASE_RECIPE" "suite=$SUITE" "variant=minbase" "mirror=$(debian_mirror)" \
        "arch=$(dpkg --print-architecture 2>/dev/null || uname -m)" \
        "debootstrap=$(dpkg-query -W -f '${Version}' debootstrap 2>/dev/null || echo none)" | sha
}

build_base() {
    local inputs; inputs="$(base_inputs)"
    if ! { $FORCE && wanted debian; } && [ "$(label_of "$DEFAULT_BASE")" = "$inputs" ]; then
        log "debian     $DEFAULT_BASE cached (inputs ${inputs:0:12})"; return
    fi
    command -v debootstrap >/dev/null || die "building $DEFAULT_BASE needs debootstrap (apt-get install -y debootstrap), or set PACER_BASE_IMAGE=debian:$SUITE where a registry is reachable"
    [ "$(id -u)" = 0 ] || die "building $DEFAULT_BASE needs root (debootstrap); run this script as root, or set PACER_BASE_IMAGE=debian:$SUITE where a registry is reachable"
    local start=$SECONDS rootfs old mirror
    mirror="$(debian_mirror)"; old="$(id_of "$DEFAULT_BASE")"
    rootfs="$(mktemp -d "${TMPDIR:-/tmp}/pacer-rootfs.XXXXXX")"
    CLEANUP+=("$rootfs")
    log "debian     debootstrap $SUITE from $mirror ..."
    debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
        || { tail -20 "$rootfs.log" >&2; rm -f "$rootfs.log"; die "debootstrap failed (log above)"; }
    rm -f "$rootfs.log"
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
    tar -C "$rootfs" --numeric-owner -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["bash"]' \
        --change "LABEL pacer.inputs=$inputs" \
        - "$DEFAULT_BASE" >/dev/null
    cleanup
    remove_replaced "$old" "$DEFAULT_BASE"
    log "debian     $DEFAULT_BASE built in $((SECONDS - start)) s (inputs ${inputs:0:12})"
}

remove_replaced() {  # remove_replaced OLD_ID IMAGE: drop the previous image if nothing else names or uses it
    [ -n "$1" ] && [ "$1" != "$(id_of "$2")" ] && docker image rm "$1" >/dev/null 2>&1 || true
}

# --- the images of images.conf ----------------------------------------------------------------------------------
stage_context() {  # stage_context NAME DIR: the Dockerfile directory + pacer-build/ (apt) + listed files
    local name="$1" ctx="$2" f
    cp -r "$HERE/${DIR[$name]}"/. "$ctx"/
    mkdir -p "$ctx/pacer-build"
    cp "$HERE/lib/apt-install" "$ctx/pacer-build/"
    stage_apt_sources "$ctx/pacer-build/sources"
    for f in ${FILES[$name]}; do
        [ -e "$REPO/$f" ] || die "$name: $f does not exist (build it first: ./mvnw -DskipTests package)"
        mkdir -p "$ctx/files"; cp -r "$REPO/$f" "$ctx/files/"
    done
}

image_inputs() {  # image_inputs NAME CONTEXT: also the ids of the images of images.conf it stands on
    local base_id args d deps=(); base_id="$(id_of "$BASE_IMAGE")"; args="$(build_args "$1" "$2")"
    for d in $(depends_on "$1"); do deps+=("from=${IMAGE[$d]}@$(id_of "${IMAGE[$d]}")"); done
    context_hash "$2" "name=${IMAGE[$1]}" "base=$BASE_IMAGE@${base_id:-absent}" ${args:+"$args"} "${deps[@]+"${deps[@]}"}"
}

jar_property() {  # jar_property JAR ENTRY KEY: KEY's value in the properties file ENTRY inside JAR
    { if command -v unzip >/dev/null; then unzip -p "$1" "$2"
      else python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"
      fi; } 2>/dev/null | sed -n "s/^$3=//p" | head -1
}

# PACER_VERSION / PACER_GIT_COMMIT / PACER_SERVICE go to a build only when its Dockerfile declares them (e.g. for
# labels): then they are inputs too, and a test image that does not use them is not rebuilt on every commit. From a
# Spring Boot jar in the context they are read from the jar itself (build-info, git.properties), so that an image's
# labels name what it runs. The ARG=value words of images.conf's 4th column follow.
build_args() {  # build_args NAME CONTEXT: one --build-arg NAME=VALUE per line
    local a v jar
    jar="$(find "$2/files" -maxdepth 1 -name '*.jar' 2>/dev/null | head -1)"
    for a in PACER_VERSION PACER_GIT_COMMIT PACER_SERVICE; do
        grep -Eq "^[[:space:]]*ARG[[:space:]]+$a([=[:space:]]|\$)" "$2/Dockerfile" || continue
        case "$a" in
            PACER_SERVICE) v="$1" ;;
            PACER_VERSION) v="${jar:+$(jar_property "$jar" BOOT-INF/classes/META-INF/build-info.properties build.version)}" ;;
            PACER_GIT_COMMIT) v="${jar:+$(jar_property "$jar" BOOT-INF/classes/git.properties git.commit.id)}" ;;
        esac
        echo "--build-arg $a=${v:-${!a}}"
    done
    for a in ${ARGS[$1]}; do echo "--build-arg $a"; done
    return 0
}

build_image() {
    local name="$1" image="${IMAGE[$1]}" ctx inputs start=$SECONDS old proxy=()
    ctx="$(mktemp -d "${TMPDIR:-/tmp}/pacer-ctx.XXXXXX")"; CLEANUP+=("$ctx")
    stage_context "$name" "$ctx"
    inputs="$(image_inputs "$name" "$ctx")"
    if ! { $FORCE && forced "$name"; } && [ "$(label_of "$image")" = "$inputs" ]; then
        log "$(printf '%-10s' "$name") $image cached (inputs ${inputs:0:12})"; rm -rf "$ctx"; return
    fi
    old="$(id_of "$image")"
    for v in http_proxy https_proxy no_proxy; do [ -n "${!v:-}" ] && proxy+=(--build-arg "$v"); done
    log "$(printf '%-10s' "$name") building $image ..."
    # shellcheck disable=SC2046  # build_args prints whole words
    docker build --network host --quiet --pull=false --build-arg "BASE_IMAGE=$BASE_IMAGE" "${proxy[@]+"${proxy[@]}"}" \
        $(build_args "$name" "$ctx") \
        --label "pacer.inputs=$inputs" --label "pacer.image=$name" -t "$image" "$ctx" >"$ctx.log" 2>&1 \
        || { grep -v -e DEPRECATED -e buildx -e '^ *$' "$ctx.log" | tail -30 >&2; die "$name: docker build failed (log above)"; }
    rm -rf "$ctx"
    remove_replaced "$old" "$image"
    log "$(printf '%-10s' "$name") $image built in $((SECONDS - start)) s (inputs ${inputs:0:12})"
}

status_of() {  # status_of IMAGE INPUTS: current | stale | missing
    local label; label="$(label_of "$1")"
    if [ -z "$(id_of "$1")" ]; then echo missing; elif [ "$label" = "$2" ]; then echo current; else echo stale; fi
}

list_images() {
    printf '%-10s %-32s %s\n' NAME IMAGE STATUS
    if [ "$BASE_IMAGE" = "$DEFAULT_BASE" ]; then
        printf '%-10s %-32s %s\n' debian "$DEFAULT_BASE" "$(status_of "$DEFAULT_BASE" "$(base_inputs)")"
    else
        printf '%-10s %-32s %s\n' debian "$BASE_IMAGE" "external (PACER_BASE_IMAGE)"
    fi
    local name ctx f missing
    for name in "${NAMES[@]}"; do
        missing=""; for f in ${FILES[$name]}; do [ -e "$REPO/$f" ] || missing="$f"; done
        if [ -n "$missing" ]; then
            printf '%-10s %-32s %s\n' "$name" "${IMAGE[$name]}" "needs $missing (./mvnw package)"; continue
        fi
        ctx="$(mktemp -d "${TMPDIR:-/tmp}/pacer-ctx.XXXXXX")"; CLEANUP+=("$ctx")
        stage_context "$name" "$ctx"
        printf '%-10s %-32s %s\n' "$name" "${IMAGE[$name]}" "$(status_of "${IMAGE[$name]}" "$(image_inputs "$name" "$ctx")")"
        rm -rf "$ctx"
    done
}

CLEANUP=()
cleanup() {  # a failed debootstrap can leave proc/sys/dev mounted inside its target: unmount, never cross into them
    local d m
    for d in "${CLEANUP[@]+"${CLEANUP[@]}"}"; do
        rm -f "$d.log"
        [ -d "$d" ] || continue
        for m in $(awk -v d="$d/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r); do umount -l "$m" 2>/dev/null || true; done
        rm -rf --one-file-system "$d"
    done
}
trap cleanup EXIT

if $LIST; then list_images; exit 0; fi

# one build at a time on a machine (several worktrees share one engine)
exec 9>"${TMPDIR:-/tmp}/pacer-build-images.lock"
flock 9

total=$SECONDS
# the base is built whenever anything is (every image stands on it), unless an external base is used
if [ "$BASE_IMAGE" = "$DEFAULT_BASE" ]; then build_base; fi
for name in "${NAMES[@]}"; do
    wanted "$name" && build_image "$name"
done
log "done in $((SECONDS - total)) s"
