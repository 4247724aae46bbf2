#!/usr/bin/env bash
# Clone the committed tree to a temporary folder, run `make run` there as a newcomer
# would, wait for the site, fetch the home page and the health check, then stop it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port="${SMOKE_PORT:-8765}"
trap 'kill -- -$server_pid 2>/dev/null || true; rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/site"
cd "$work/site"
set -m
(PORT=$port make run >"$work/run.log" 2>&1) &
server_pid=$!
set +m

for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $server_pid 2>/dev/null; then cat "$work/run.log"; echo "make run exited early" >&2; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz"; echo
home=$(curl -fsS "http://127.0.0.1:$port/")
# Here-strings, not pipes: grep -q stops reading at the first match, which would break a pipe.
grep -q '<html lang="nn"' <<<"$home" || { echo "home page is not Nynorsk" >&2; exit 1; }
grep -q 'Distriktssenteret' <<<"$home" || { echo "home page lacks the site name" >&2; exit 1; }

# A second run is fast and loses nothing.
kill -- -$server_pid 2>/dev/null || true
wait $server_pid 2>/dev/null || true
start=$(date +%s)
set -m
(PORT=$port make run >"$work/run2.log" 2>&1) &
server_pid=$!
set +m
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
home=$(curl -fsS "http://127.0.0.1:$port/")
grep -q 'Distriktssenteret' <<<"$home" || { echo "home page lacks the site name after a second run" >&2; exit 1; }
echo "smoke: first run OK; second run up in $(( $(date +%s) - start )) s"
