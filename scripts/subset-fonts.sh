#!/bin/sh
# Regenerates the PDF export's embedded fonts, assets/fonts/PlanLocalSans-{Regular,Bold}.ttf,
# and their licence, assets/fonts/OFL.txt, from Liberation Sans 2.x (SIL Open Font
# License 1.1), as shipped by the Debian package fonts-liberation2 (2.1.5-1 when
# these files were made).
#
#   scripts/subset-fonts.sh [FONT_DIR [DOC_DIR]]
#
# FONT_DIR holds LiberationSans-Regular.ttf and -Bold.ttf (default: the Debian
# package's /usr/share/fonts/truetype/liberation2); DOC_DIR holds the package's
# `copyright` file with the licence text (default: /usr/share/doc/fonts-liberation2).
# Without the package installed: `apt-get download fonts-liberation2 &&
# dpkg-deb -x fonts-liberation2_*.deb root` and pass root/usr/share/... paths.
#
# Needs fonttools (`pip install fonttools`). What it does:
# - keeps only the characters the export can print (Windows-1252, which covers
#   Spanish; see src/export/metrics.rs), with no OpenType layout features (the
#   export does not shape text) and no hinting;
# - renames the family to "Plan Local Sans": "Liberation" (Red Hat) and "Arimo"
#   (Google) are Reserved Font Names, which OFL 1.1 clause 3 forbids as the
#   primary name of a Modified Version, and a subset is one. Copyright and
#   licence notices are kept in the name table.
set -eu

FONT_DIR=${1:-/usr/share/fonts/truetype/liberation2}
DOC_DIR=${2:-/usr/share/doc/fonts-liberation2}
OUT=$(cd "$(dirname "$0")/.." && pwd)/assets/fonts
mkdir -p "$OUT"

# Printable ASCII, Latin-1, and the 27 characters Windows-1252 puts at 0x80-0x9F.
UNICODES="U+0020-007E,U+00A0-00FF,U+0152,U+0153,U+0160,U+0161,U+0178,U+017D,U+017E,U+0192,U+02C6,U+02DC,U+2013,U+2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,U+2039,U+203A,U+20AC,U+2122"

for face in Regular Bold; do
    pyftsubset "$FONT_DIR/LiberationSans-$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features='' \
        --no-hinting \
        --recalc-bounds \
        --name-IDs='*' \
        --name-languages='*' \
        --drop-tables+=FFTM,kern,GDEF,GPOS,GSUB \
        --output-file="$OUT/PlanLocalSans-$face.ttf"
    python3 - "$OUT/PlanLocalSans-$face.ttf" "$face" <<'PY'
import sys
from fontTools.ttLib import TTFont

path, face = sys.argv[1], sys.argv[2]
font = TTFont(path)
name = font["name"]
version = name.getDebugName(5) or ""
names = {
    1: "Plan Local Sans",
    2: face,
    3: f"Plan Local Sans {face}: subset of Liberation Sans {version.replace('Version ', '')}",
    4: "Plan Local Sans" if face == "Regular" else f"Plan Local Sans {face}",
    6: f"PlanLocalSans-{face}",
    13: "This Font Software is licensed under the SIL Open Font License, Version 1.1. "
    "It is a subset of Liberation Sans (Reserved Font Names: Liberation, Arimo), renamed "
    "as the licence requires.",
    14: "https://openfontlicense.org",
}
# Drop every record of the renamed ids (all platforms and languages), then
# write them again for Windows (3, 1, en-US) and Macintosh (1, 0, English).
name.names = [r for r in name.names if r.nameID not in names and r.nameID not in (16, 17, 18, 21, 22)]
for nid, text in names.items():
    name.setName(text, nid, 3, 1, 0x409)
    name.setName(text, nid, 1, 0, 0)
font.save(path)
for r in font["name"].names:
    if r.nameID in (1, 3, 4, 6) and "Liberation" in str(r) and r.nameID != 3:
        sys.exit(f"{path}: name {r.nameID} still says Liberation")
PY
done

# The licence: the copyright lines and the OFL text from the package's copyright
# file (Debian's copyright format indents it and marks blank lines with ".").
{
    echo "Plan Local Sans is a subset of Liberation Sans 2.x, renamed (see README.md)."
    echo
    echo "Digitized data copyright (c) 2010 Google Corporation"
    echo "	with Reserved Font Arimo, Tinos and Cousine."
    echo "Copyright (c) 2012 Red Hat, Inc."
    echo "	with Reserved Font Name Liberation."
    echo
    awk '/^License: SIL-OFL-1.1/{on=1; next} on && /^Files:/{exit} on' "$DOC_DIR/copyright" |
        sed -e 's/^ //' -e 's/^\.$//' -e 's/ ? in part or in whole ?/ — in part or in whole —/'
} >"$OUT/OFL.txt"

ls -l "$OUT"
