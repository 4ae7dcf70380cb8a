#!/usr/bin/env bash
# Builds the image from the project's Dockerfile and runs it as an operator would: read-only root filesystem,
# non-root, a volume for the database, a tmpfs /tmp, a loopback port only. Prints PASS/FAIL per check and exits
# non-zero if any failed. Runs as root on Debian 12 with no Docker engine and no registry: podman builds the .NET
# base images locally (a debootstrap rootfs plus this machine's .NET), cached under $CACHE_DIR and in podman's store.
#
#   sudo scripts/container-test.sh            # about 4 minutes the first time, about 1 minute after
#
# Settings (environment): PORT (loopback port, default the first free one from 18080), CACHE_DIR (default /var/cache/paperlisting-ci),
# DEBIAN_MIRROR (default http://deb.debian.org/debian), TIME_LIMIT (seconds for the whole run, default 900).
set -euo pipefail

# The whole run is bounded: re-run under timeout once (cleanup still runs on its TERM).
if [[ -z "${PAPERLISTING_CT_BOUNDED:-}" ]]; then
    export PAPERLISTING_CT_BOUNDED=1
    exec timeout --kill-after=30 "${TIME_LIMIT:-900}" bash "$0" "$@"
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# A free loopback port, unless one is given.
if [[ -z "${PORT:-}" ]]; then
    PORT=18080
    while command -v ss >/dev/null && ss -Htln "sport = :$PORT" | grep -q . && ((PORT < 18180)); do PORT=$((PORT + 1)); done
fi
CACHE_DIR=${CACHE_DIR:-/var/cache/paperlisting-ci}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
RUN_ID="plct-$$"
IMAGE=localhost/paperlisting:ci
BASE_IMAGE=localhost/paperlisting-ci/debian:bookworm
SEED_TITLE="Implicit Regularization in Deep Learning"
WORK=$(mktemp -d /tmp/paperlisting-ct.XXXXXX)
FAILURES=0
STARTED=$SECONDS

log() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - STARTED))"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILURES=$((FAILURES + 1)); }
die() { printf 'FAIL  %s\n' "$*"; exit 1; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# This machine's podman needs runc and explicit limits; each call is bounded.
pm() { timeout "${PM_TIMEOUT:-120}" podman --runtime runc "$@"; }
ULIMITS=(--ulimit nofile=20000:20000 --ulimit nproc=32768:32768)

cleanup() {
    local code=$?
    for c in $(podman ps -a --format '{{.Names}}' 2>/dev/null | grep "^$RUN_ID-" || true); do
        podman --runtime runc rm -f -t 0 "$c" >/dev/null 2>&1 || true
    done
    for v in $(podman volume ls --format '{{.Name}}' 2>/dev/null | grep "^$RUN_ID-" || true); do
        podman volume rm -f "$v" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
    exit "$code"
}
trap cleanup EXIT
trap 'echo "FAIL  stopped (time limit or signal)"; exit 124' TERM INT

[[ $(id -u) == 0 ]] || die "run as root (podman builds and runs the image as root here)"

log "Tools"
missing=()
for tool in podman buildah runc debootstrap curl jq; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap curl jq >/dev/null
fi
DOTNET_ROOT=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
[[ -x "$DOTNET_ROOT/dotnet" ]] || die "no .NET SDK found (set DOTNET_ROOT)"
ASPNET_VERSION=$(ls "$DOTNET_ROOT/shared/Microsoft.AspNetCore.App" | sort -V | tail -n1)
SDK_VERSION=$(ls "$DOTNET_ROOT/sdk" | sort -V | tail -n1)
[[ $ASPNET_VERSION == 10.* && $SDK_VERSION == 10.* ]] || die ".NET 10 SDK and ASP.NET Core runtime needed in $DOTNET_ROOT"
ASPNET_IMAGE=localhost/paperlisting-ci/aspnet:$ASPNET_VERSION
SDK_IMAGE=localhost/paperlisting-ci/sdk:$SDK_VERSION
podman --version

log "Base images (cached)"
# Debian 12 minbase with what .NET needs at run time; the rootfs tarball is kept for the next run.
if ! podman image exists "$BASE_IMAGE"; then
    rootfs_tar="$CACHE_DIR/debian-bookworm-minbase-dotnetdeps-v1.tar"
    if [[ ! -s $rootfs_tar ]]; then
        mkdir -p "$CACHE_DIR"
        echo "debootstrap bookworm from $DEBIAN_MIRROR"
        timeout 600 debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
            bookworm "$WORK/rootfs" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 \
            || { tail -n 20 "$WORK/debootstrap.log"; die "debootstrap"; }
        rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/* \
            "$WORK"/rootfs/usr/share/doc/* "$WORK"/rootfs/usr/share/man/* "$WORK"/rootfs/usr/share/locale/*
        tar -C "$WORK/rootfs" -cf "$rootfs_tar.part" . && mv "$rootfs_tar.part" "$rootfs_tar"
        rm -rf "$WORK/rootfs"
    fi
    pm import "$rootfs_tar" "$BASE_IMAGE" >/dev/null
fi
pass "base image $BASE_IMAGE"

# An "aspnet" image like the official one: the ASP.NET Core runtime from this machine, user app (1654), port 8080.
if ! podman image exists "$ASPNET_IMAGE"; then
    cat >"$WORK/aspnet.Containerfile" <<EOF
FROM $BASE_IMAGE
COPY dotnet /usr/share/dotnet/dotnet
COPY host /usr/share/dotnet/host
COPY shared/Microsoft.NETCore.App/$ASPNET_VERSION /usr/share/dotnet/shared/Microsoft.NETCore.App/$ASPNET_VERSION
COPY shared/Microsoft.AspNetCore.App/$ASPNET_VERSION /usr/share/dotnet/shared/Microsoft.AspNetCore.App/$ASPNET_VERSION
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' >>/etc/passwd && echo 'app:x:1654:' >>/etc/group \
    && mkdir -p /home/app && chown 1654:1654 /home/app
ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true
EOF
    pm build --isolation chroot --format docker "${ULIMITS[@]}" --pull=never \
        -f "$WORK/aspnet.Containerfile" -t "$ASPNET_IMAGE" "$DOTNET_ROOT" >"$WORK/aspnet.log" 2>&1 \
        || { tail -n 20 "$WORK/aspnet.log"; die "aspnet base image"; }
fi
pass "runtime base image $ASPNET_IMAGE"

# An "sdk" image: this machine's whole .NET installation.
if ! podman image exists "$SDK_IMAGE"; then
    cat >"$WORK/sdk.Containerfile" <<EOF
FROM $BASE_IMAGE
COPY . /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_RUNNING_IN_CONTAINER=true
EOF
    PM_TIMEOUT=300 pm build --isolation chroot --format docker "${ULIMITS[@]}" --pull=never \
        -f "$WORK/sdk.Containerfile" -t "$SDK_IMAGE" "$DOTNET_ROOT" >"$WORK/sdk.log" 2>&1 \
        || { tail -n 20 "$WORK/sdk.log"; die "sdk base image"; }
fi
pass "sdk base image $SDK_IMAGE"

log "Build the project's Dockerfile"
build_start=$SECONDS
# restore reaches NuGet through this machine's CA bundle.
PM_TIMEOUT=600 pm build --isolation chroot --format docker "${ULIMITS[@]}" --pull=never \
    -v /etc/ssl/certs:/etc/ssl/certs:ro \
    --build-arg "SDK_IMAGE=$SDK_IMAGE" --build-arg "RUNTIME_IMAGE=$ASPNET_IMAGE" --build-arg "TARGETARCH=$(dpkg --print-architecture)" \
    -f "$ROOT/Dockerfile" -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1 \
    || { tail -n 40 "$WORK/build.log"; die "docker build of the project's Dockerfile"; }
pass "image built in $((SECONDS - build_start)) s"
image_bytes=$(podman image inspect "$IMAGE" --format '{{.Size}}')
base_bytes=$(podman image inspect "$ASPNET_IMAGE" --format '{{.Size}}')
printf 'INFO  image %s: %d MB (runtime base %d MB, the app and seeds %d MB)\n' "$IMAGE" \
    $((image_bytes / 1000000)) $((base_bytes / 1000000)) $(((image_bytes - base_bytes) / 1000000))
# Old builds of this image are dropped; the layer cache stays.
podman image prune -f --filter "label=org.opencontainers.image.title=PaperListing" >/dev/null 2>&1 || true

user=$(podman image inspect "$IMAGE" --format '{{.Config.User}}')
check "image runs as a non-root user ($user)" test -n "$user" -a "$user" != 0 -a "$user" != root
check "image has a HEALTHCHECK" test -n "$(podman image inspect "$IMAGE" --format '{{.Config.Healthcheck}}' | grep -v '<nil>')"

# Runs the image as the README does: read-only, non-root, the volume at /data, a tmpfs /tmp, loopback only.
run_site() {
    local name=$1 volume=$2; shift 2
    pm run -d --name "$name" --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m \
        --cap-drop ALL --security-opt no-new-privileges --log-driver k8s-file "${ULIMITS[@]}" \
        -v "$volume:/data" -p "127.0.0.1:$PORT:8080" "$@" "$IMAGE" >/dev/null 2>>"$WORK/podman.log" \
        || { tail -n 5 "$WORK/podman.log"; return 1; }
}

# Waits until the image's own HEALTHCHECK (liveness, /livez) passes and the site is ready (/healthz: the import done).
wait_healthy() {
    local name=$1 deadline=$((SECONDS + 90))
    while ((SECONDS < deadline)); do
        if pm healthcheck run "$name" >/dev/null 2>&1 \
            && pm exec "$name" dotnet /app/PaperListing.Web.dll --healthcheck /healthz >/dev/null 2>&1; then
            return 0
        fi
        [[ $(podman inspect "$name" --format '{{.State.Running}}') == true ]] || return 1
        sleep 2
    done
    return 1
}

page() { curl -fsS --max-time 20 "http://127.0.0.1:$PORT${1:-/}"; }
paper_count() { grep -o 'itemtype="https://schema.org/ScholarlyArticle"' | wc -l; }
paper_ids() { grep -o '<article [^>]*id="[^"]*"' | sed 's/.* id="\([^"]*\)".*/\1/'; }

# Stops a container as its runtime would, and reports how long that took and how it ended.
stop_site() {
    local name=$1 t0 t1
    t0=$(date +%s%N)
    # (Without systemd, podman reports that it has no timer to remove for the health check: noise, kept aside.)
    pm stop -t 10 "$name" >/dev/null 2>>"$WORK/podman.log"
    t1=$(date +%s%N)
    STOP_MS=$(((t1 - t0) / 1000000))
    STOP_CODE=$(podman inspect "$name" --format '{{.State.ExitCode}}')
}

# Every line of a container's output is one JSON object (Serilog compact JSON).
logs_are_json() {
    local name=$1 lines bad
    podman logs "$name" >"$WORK/$name.log" 2>&1
    lines=$(grep -c . "$WORK/$name.log" || true)
    bad=$(grep . "$WORK/$name.log" | jq -R -r 'try (fromjson | if type == "object" and has("@t") then empty else "bad" end) catch "bad"' | wc -l)
    printf 'INFO  %s: %s log lines, %s not JSON\n' "$name" "$lines" "$bad"
    ((lines > 0 && bad == 0)) || { grep . "$WORK/$name.log" | head -n 5; return 1; }
}

log_has() { grep -q -- "$2" "$WORK/$1.log"; }

log "Run 1: baked seeds, fresh volume"
run_site "$RUN_ID-first" "$RUN_ID-data" || die "podman run"
check "health check passes (podman healthcheck run)" wait_healthy "$RUN_ID-first"
check "the --healthcheck switch answers 0 via podman exec" pm exec "$RUN_ID-first" dotnet /app/PaperListing.Web.dll --healthcheck
page / >"$WORK/first.html" || fail "GET / on 127.0.0.1:$PORT"
count=$(paper_count <"$WORK/first.html")
check "/ shows the seed's 20 papers (found $count)" test "$count" -eq 20
check "/ shows the baked seed's listing" grep -q "$SEED_TITLE" "$WORK/first.html"
paper_ids <"$WORK/first.html" >"$WORK/ids-first"
check "the process runs as uid $(pm exec "$RUN_ID-first" awk '/^Uid:/ { print $2 }' /proc/1/status)" \
    test "$(pm exec "$RUN_ID-first" awk '/^Uid:/ { print $2 }' /proc/1/status)" != 0
check "the root filesystem is read-only" bash -c "! podman --runtime runc exec $RUN_ID-first touch /app/written 2>/dev/null"
check "database and data-protection keys are on the volume" \
    pm exec "$RUN_ID-first" sh -c 'test -s /data/papers.db && ls /data/keys/key-*.xml >/dev/null'
check "port 8080 is published on 127.0.0.1:$PORT only" \
    test "$(podman port "$RUN_ID-first" 8080/tcp)" == "127.0.0.1:$PORT"
stop_site "$RUN_ID-first"
printf 'INFO  stop took %d ms, exit code %s\n' "$STOP_MS" "$STOP_CODE"
check "SIGTERM (podman stop -t 10) ends it within 10 s (${STOP_MS} ms)" test "$STOP_MS" -lt 10000
check "it ends cleanly: exit code $STOP_CODE (0 after a graceful stop, 143 if ended by the signal)" \
    test "$STOP_CODE" -eq 0 -o "$STOP_CODE" -eq 143
check "logs are JSON, one object a line" logs_are_json "$RUN_ID-first"
check "logs show the import and a clean shutdown" \
    bash -c "grep -q 'Import done' '$WORK/$RUN_ID-first.log' && grep -q 'Application is shutting down' '$WORK/$RUN_ID-first.log'"
no_errors() { ! grep -E '"@l":"(Error|Fatal)"' "$WORK/$1.log"; }
check "logs have no error" no_errors "$RUN_ID-first"

log "Run 2: the same volume after a restart"
run_site "$RUN_ID-second" "$RUN_ID-data"
check "health check passes after the restart" wait_healthy "$RUN_ID-second"
page / >"$WORK/second.html" || fail "GET / after the restart"
paper_ids <"$WORK/second.html" >"$WORK/ids-second"
check "every paper address is the same after the restart ($(wc -l <"$WORK/ids-first") ids)" \
    bash -c "test -s '$WORK/ids-first' && cmp -s '$WORK/ids-first' '$WORK/ids-second'"
stop_site "$RUN_ID-second"
check "logs are JSON, with no error" bash -c "$(declare -f logs_are_json no_errors); WORK='$WORK'; logs_are_json '$RUN_ID-second' >/dev/null && no_errors '$RUN_ID-second'"
check "the restart reused the database (seed file unchanged, nothing re-imported)" log_has "$RUN_ID-second" '1 unchanged'

log "Run 3: a mounted seeds directory replaces the baked one"
mkdir -p "$WORK/seeds"
other_title="Container Seeds Check $RUN_ID"
{
    printf 'English\nRelated papers\n\nRelated papers: %s\n\n3 papers\n\n' "$other_title"
    for n in 1 2 3; do
        printf 'Paper %d of the mounted seeds checks that a mounted folder replaces the baked one…\n\n' "$n"
        printf 'Machine Learning · Computer Science 2024-01-0%d Author %d , Mounted Author\n\n' "$n" "$n"
    done
} >"$WORK/seeds/100_mounted.txt"
chmod 755 "$WORK/seeds" && chmod 644 "$WORK/seeds/100_mounted.txt"
run_site "$RUN_ID-mounted" "$RUN_ID-mounted-data" -v "$WORK/seeds:/app/seeds:ro"
check "health check passes with mounted seeds" wait_healthy "$RUN_ID-mounted"
page / >"$WORK/mounted.html" || fail "GET / with mounted seeds"
check "the mounted seeds' listing is shown" grep -q "$other_title" "$WORK/mounted.html"
check "the baked seeds are not" bash -c "! grep -q '$SEED_TITLE' '$WORK/mounted.html'"
check "the mounted seeds' 3 papers are shown" test "$(paper_count <"$WORK/mounted.html")" -eq 3
stop_site "$RUN_ID-mounted"
check "stops within 10 s again (${STOP_MS} ms, exit code $STOP_CODE)" \
    bash -c "test $STOP_MS -lt 10000 && { test $STOP_CODE -eq 0 || test $STOP_CODE -eq 143; }"

log "Run 4: a stop in the middle of an import, with a request waiting for it"
# 30 dumps of 2,000 papers: an import of several seconds on this kind of machine.
mkdir -p "$WORK/big-seeds"
awk -v dir="$WORK/big-seeds" -v files=30 -v per=2000 'BEGIN {
    for (f = 1; f <= files; f++) {
        out = sprintf("%s/%03d_stop_check.txt", dir, f)
        printf "English\nRelated papers\n\nRelated papers: Stop Check Listing %03d\n\n%d papers\n\n", f, per > out
        for (n = 1; n <= per; n++) {
            printf "Paper %d of dump %d looks at what an interrupted import leaves behind, with a proof sketch…\n\n", n, f > out
            printf "Machine Learning · Computer Science 2020-%02d-%02d Author %d-%d , Shared Author\n\n", 1 + n % 12, 1 + n % 28, f, n > out
        }
        close(out)
    }
}'
chmod -R a+rX "$WORK/big-seeds"
run_site "$RUN_ID-import" "$RUN_ID-import-data" -v "$WORK/big-seeds:/app/seeds:ro" || die "podman run"
for _ in $(seq 1 60); do
    podman logs "$RUN_ID-import" 2>/dev/null | grep -q 'Database created' && break
    sleep 0.5
done
check "while the seeds are being imported the site is not ready (/healthz)" \
    bash -c "! podman --runtime runc exec $RUN_ID-import dotnet /app/PaperListing.Web.dll --healthcheck /healthz >/dev/null 2>&1"
check "... but alive: the image's HEALTHCHECK (/livez) passes, so no runtime restarts it mid-import" \
    bash -c "podman --runtime runc healthcheck run $RUN_ID-import >/dev/null 2>&1"
# A page request is held until the import is done; the stop must answer it, not cut it.
curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$PORT/" >"$WORK/held.code" 2>/dev/null &
held=$!
sleep 1
stop_site "$RUN_ID-import"
wait "$held" || true
held_code=$(cat "$WORK/held.code")
printf 'INFO  stop during the import took %d ms, exit code %s; the waiting request was answered %s\n' "$STOP_MS" "$STOP_CODE" "$held_code"
check "a stop during the import ends within 10 s (${STOP_MS} ms)" test "$STOP_MS" -lt 10000
check "it ends cleanly (exit code $STOP_CODE)" test "$STOP_CODE" -eq 0 -o "$STOP_CODE" -eq 143
check "the request waiting for the import was answered ($held_code), not cut" test "$held_code" -ge 200 -a "$held_code" -lt 600
check "logs are JSON" logs_are_json "$RUN_ID-import"
check "logs say the import was stopped, with no error" \
    bash -c "grep -q 'Import stopped by shutdown' '$WORK/$RUN_ID-import.log' && ! grep -E '\"@l\":\"(Error|Fatal)\"' '$WORK/$RUN_ID-import.log'"
run_site "$RUN_ID-import-again" "$RUN_ID-import-data" -v "$WORK/big-seeds:/app/seeds:ro" || die "podman run"
check "after a restart on the same volume the import completes and the site is healthy" wait_healthy "$RUN_ID-import-again"
incomplete=0
for f in $(seq -f '%03g' 1 30); do
    last=$(curl -s --max-time 20 "http://127.0.0.1:$PORT/related/stop-check-listing-$f?page=100" | paper_count)
    beyond=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "http://127.0.0.1:$PORT/related/stop-check-listing-$f?page=101")
    [[ $last == 20 && $beyond == 404 ]] || { incomplete=$((incomplete + 1)); echo "listing $f: last page has $last papers, the page after it answers $beyond"; }
done
check "the database is consistent: each of the 30 listings has exactly its 2,000 papers" test "$incomplete" -eq 0
podman logs "$RUN_ID-import-again" 2>/dev/null | grep -o 'Import done: [^;]*' | sed 's/^/INFO  /' || true
stop_site "$RUN_ID-import-again"

log "Done in $((SECONDS - STARTED)) s"
if ((FAILURES)); then
    echo "FAIL  $FAILURES check(s) failed"
    exit 1
fi
echo "PASS  every container check passed"
