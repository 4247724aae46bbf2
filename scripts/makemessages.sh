#!/usr/bin/env bash
# Extract translatable strings into .po files: one catalogue per app (distrikt/<app>/locale)
# and one for the project templates and settings (distrikt/locale). Needs GNU gettext.
# Usage: scripts/makemessages.sh [app ...]   (default: every app and the project)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
admin="$root/.venv/bin/django-admin"
export DJANGO_SETTINGS_MODULE=distrikt.settings.test PYTHONPATH="$root"
apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
  apps=(project $(cd "$root/distrikt" && ls -d */ | tr -d / | grep -vE '^(settings|templates|static|locale|__pycache__)$'))
fi
for app in "${apps[@]}"; do
  if [ "$app" = project ]; then
    cd "$root/distrikt"
    ignores=()
    for dir in */; do
      case "${dir%/}" in templates|static|settings|locale) ;; *) ignores+=(--ignore "${dir%/}/*") ;; esac
    done
    mkdir -p locale
    "$admin" makemessages -l nn -l nb -l en --no-obsolete --no-location "${ignores[@]}" >/dev/null
  else
    cd "$root/distrikt/$app"
    mkdir -p locale
    "$admin" makemessages -l nn -l nb -l en --no-obsolete --no-location >/dev/null
  fi
  echo "messages: $app"
done
