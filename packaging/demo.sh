#!/usr/bin/env bash
# Sets up, builds, and runs Kiln's main job on the bundled example template:
# check its formatting, validate it against Packer's rules and the component
# schemas, and show what it would build.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup-debian.sh
packaging/build.sh
example=resources/examples/hello
echo "+ kiln fmt -check $example"; build/kiln fmt -check "$example"
echo "+ kiln validate $example"; build/kiln validate "$example"
echo "+ kiln inspect $example"; build/kiln inspect "$example"
