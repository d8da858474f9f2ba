#!/usr/bin/env bash
# tools/format.sh — formats every tracked C++ source with the repo's .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -z -- 'src/*.cc' 'src/*.h' 'test/*.cc' 'test/*.h' 'tools/*.cc' 'tools/*.h' |
  xargs -0 --no-run-if-empty clang-format -i
