#!/usr/bin/env bash
# Builds the eight service images with Docker (BuildKit) from the one multi-stage Dockerfile:
#   scripts/images.sh                      chatforge/<service>:<version>
#   IM_REGISTRY=registry.example.com scripts/images.sh --push
# Needs a Docker engine (not available on every development machine; docker compose build does the same).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VERSION="${IM_VERSION:-0.1.0}"
PREFIX="${IM_REGISTRY:+$IM_REGISTRY/}chatforge"
# service:port of its health endpoint (the gateway's actuator is on its management port)
SERVICES=(user-service:8082 auth-service:8081 friend-service:8083 message-service:8084 media-service:8086 push-service:8087 connector-service:8085 gateway:8090)

command -v docker >/dev/null || { echo "[images] docker is not installed" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "[images] no Docker engine answers (docker info failed)" >&2; exit 1; }

for entry in "${SERVICES[@]}"; do
  service="${entry%%:*}"
  port="${entry##*:}"
  image="$PREFIX/$service:$VERSION"
  echo "[images] building $image"
  DOCKER_BUILDKIT=1 docker build --build-arg SERVICE="$service" --build-arg HEALTH_PORT="$port" -t "$image" .
  [ "${1:-}" != "--push" ] || docker push "$image"
done
