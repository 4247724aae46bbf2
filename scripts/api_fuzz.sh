#!/usr/bin/env bash
# Fuzz the public API against its own OpenAPI schema with schemathesis.
#
# Starts the site with gunicorn on a free port, on a fresh SQLite database in a temporary
# folder loaded with the bundled and demo data, and fails on any server error, any status
# code or content type the schema does not declare, and any body that breaks its schema.
# Bounded: API_FUZZ_EXAMPLES examples per operation (25) and API_FUZZ_SECONDS in all (90).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -- -"$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port="${API_FUZZ_PORT:-$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
export DJANGO_SETTINGS_MODULE=distrikt.settings.dev
export DATABASE_URL="sqlite:///$work/db.sqlite3"
export MEDIA_ROOT="$work/media"
export REDIS_URL=""
# A fuzzer is one client sending thousands of requests; limits meant for people would stop it.
export EVENT_REGISTRATION_RATE_LIMIT=1000000

echo "api-fuzz: preparing a fresh database in $work"
.venv/bin/python manage.py migrate --noinput --verbosity 0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py load_bundled_data --demo >"$work/load.log" 2>&1 || { cat "$work/load.log"; exit 1; }

set -m
(exec .venv/bin/gunicorn distrikt.wsgi --bind "127.0.0.1:$port" --workers 2 --threads 4 \
  --timeout 60 --limit-request-line 0 --log-level warning >"$work/server.log" 2>&1) &
server_pid=$!
set +m
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "the server did not start" >&2; exit 1; fi
  sleep 1
done

status=0
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "${API_FUZZ_EXAMPLES:-25}" \
  --max-time "${API_FUZZ_SECONDS:-90}" \
  --request-timeout 30 \
  --workers 2 \
  --suppress-health-check too_slow,filter_too_much \
  --no-color || status=$?
if [ "$status" -ne 0 ]; then
  echo "== server log (last 60 lines)"
  tail -n 60 "$work/server.log"
fi
exit "$status"
