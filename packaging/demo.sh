#!/usr/bin/env bash
# Sets up, builds, and runs Kiln's main job on the bundled examples: check formatting,
# validate against Packer's rules and the component schemas, show what would be built,
# then build for real: the release example writes notes with the file builder, stamps
# them with shell-local, and compresses, checksums and records them in a manifest; the
# hello example's local build runs its shell-local provisioner and post-processor chain.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
packaging/setup-debian.sh
packaging/build.sh
kiln="$root/build/kiln"
for example in resources/examples/hello resources/examples/release; do
  echo "+ kiln fmt -check $example"; "$kiln" fmt -check "$example"
  echo "+ kiln validate $example"; "$kiln" validate "$example"
done
echo "+ kiln inspect resources/examples/hello"; "$kiln" inspect resources/examples/hello
out="$root/build/demo-output"
rm -rf "$out" && mkdir -p "$out" && cd "$out"
echo "+ (in $out) kiln build resources/examples/release"
"$kiln" build "$root/resources/examples/release"
# The hello example's docker build needs the Docker builder (a later issue): build the
# local machine only.
echo "+ (in $out) kiln build -only=hello.null.local resources/examples/hello"
"$kiln" build -only=hello.null.local "$root/resources/examples/hello"
echo "+ artifacts in $out:"; ls -l "$out"
echo "+ sha256sum -c release-1.0.0.sha256"; sha256sum -c release-1.0.0.sha256
