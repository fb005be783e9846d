#!/usr/bin/env bash
# Fetches the real-device FIT test files (fitdecode v0.11.0, MIT) into ../shared/fixtures/fit,
# where the tests look for them. Used where ../shared is absent (GitHub Actions, a user's clone).
set -euo pipefail
target="${1:-$(cd "$(dirname "$0")/.." && pwd)/../shared/fixtures/fit}"
if [ -d "$target" ] && ls "$target"/*.fit >/dev/null 2>&1; then
  echo "FIT fixtures already in $target"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --depth 1 --branch v0.11.0 https://github.com/polyvertex/fitdecode "$tmp/fitdecode"
mkdir -p "$target/invalid"
src="$tmp/fitdecode/tests/files"
for f in 2013-02-06-12-11-14.fit 20170518-191602-1740899583.fit Activity.fit MonitoringFile.fit \
  WorkoutCustomTargetValues.fit WorkoutIndividualSteps.fit WorkoutRepeatGreaterThanStep.fit \
  WorkoutRepeatSteps.fit activity-large-fenxi2-multisport.fit activity-small-fenix2-run.fit \
  event_timestamp.fit garmin-edge-500-activity.fit garmin-edge-820-bike.fit garmin-fenix-5-bike.fit \
  garmin-fenix-5-run.fit garmin-fenix-5-walk.fit garmin-fr935-cr.fit sample-activity-indoor-trainer.fit; do
  cp "$src/$f" "$target/$f"
done
for f in activity-activity-filecrc.fit activity-filecrc.fit activity-settings-corruptheader.fit \
  activity-settings-nodata.fit activity-unexpected-eof.fit \
  elemnt-bolt-no-application-id-inside-developer-data-id.fit; do
  cp "$src/$f" "$target/invalid/$f"
done
echo "FIT fixtures written to $target"
