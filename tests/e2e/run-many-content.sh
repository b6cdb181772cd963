#!/usr/bin/env bash
#   run-many-content.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/make-many-content.sh" "$2/content" "$3.content"
"$here/run-kiosk-script.sh" "$1" "$here/many.kscript" "$3.content" "$3"
