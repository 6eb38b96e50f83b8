#!/usr/bin/env bash
# Restores the pinned Cake tool from .config/dotnet-tools.json and runs build.cake.
# Usage: ./build.sh --target=Test [--configuration=Release] [--filter=EXPR]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet tool run dotnet-cake ./build.cake "$@"
