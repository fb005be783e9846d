#!/usr/bin/env bash
# Deploys image tag $2 to overlay $1 (staging|prod) and smoke-checks every service: readiness and
# /q/metrics through a port-forward. Used by .github/workflows/promote.yml; runs by hand too:
#   IMAGE_OWNER=<github owner> k8s/deploy.sh staging <commit-sha>
set -euo pipefail
overlay=${1:?overlay: staging or prod}
tag=${2:?image tag (commit SHA)}
owner=${IMAGE_OWNER:-${GITHUB_REPOSITORY_OWNER:-training-pipeline}}
owner=${owner,,}
cd "$(dirname "$0")"
[ -d "overlays/$overlay" ] || { echo "no overlay k8s/overlays/$overlay" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"; jobs -p | xargs -r kill 2>/dev/null || true' EXIT
cp -r base overlays ../config "$work/"
mkdir -p "$work/k8s" && mv "$work/base" "$work/overlays" "$work/k8s/"
(
  cd "$work/k8s/overlays/$overlay"
  for service in ingest-service analytics-service llm-service planner-service; do
    kustomize edit set image "training-pipeline/${service}=ghcr.io/${owner}/${service}:${tag}"
  done
)
kubectl kustomize "$work/k8s/overlays/$overlay" > "$work/rendered.yaml"
namespace=$(awk '/^kind: Namespace/{ns=1} ns && /^  name:/{print $2; exit}' "$work/rendered.yaml")
kubectl apply -f "$work/rendered.yaml"

for workload in deployment/ingest-service statefulset/analytics-service statefulset/llm-service deployment/planner-service; do
  kubectl -n "$namespace" rollout status "$workload" --timeout=10m
done

port=18080
for service in ingest-service:8081 analytics-service:8082 llm-service:8083 planner-service:8084; do
  name=${service%%:*}; target=${service##*:}; port=$((port + 1))
  kubectl -n "$namespace" port-forward "svc/$name" "$port:$target" >/dev/null 2>&1 &
  for _ in $(seq 1 30); do curl -fsS "http://127.0.0.1:$port/q/health/live" >/dev/null 2>&1 && break; sleep 2; done
  curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null
  metrics=$(curl -fsS "http://127.0.0.1:$port/q/metrics")
  grep -q '^jvm_memory_used_bytes' <<<"$metrics" \
    || { echo "$name: /q/metrics has no JVM metrics" >&2; exit 1; }
  echo "$name: ready, metrics served"
done
echo "deployed $tag to $overlay ($namespace)"
