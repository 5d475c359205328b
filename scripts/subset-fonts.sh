#!/bin/sh
# Regenerates the export's typeface, Plan Local Sans, in assets/fonts/:
#   PlanLocalSans-{Regular,Bold}.ttf    what the PDF worker embeds (subset again per
#                                       document at export time, src/export/pdf/subset.rs)
#   PlanLocalSans-{Regular,Bold}.woff2  the same glyphs for the print view (print.css)
#   PlanLocalSans-{Regular,Bold}-Latin.woff2  its Latin part, all that plain Spanish needs
#   OFL.txt                             the licence, with both copyright notices
#
#   scripts/subset-fonts.sh [LIBERATION_DIR [NOTO_DIR [LIBERATION_DOC_DIR]]]
#
# Sources (both SIL Open Font License 1.1, from Debian packages):
# - Liberation Sans 2.1.5 (fonts-liberation2 2.1.5-1), Regular and Bold: every
#   glyph of the repertoire below that it has (almost all of it). Metrically
#   compatible with Helvetica/Arial, so Spanish text measures as before.
# - Noto Sans (fonts-noto-core 20201225-1), Regular and Bold: only the few
#   characters Liberation Sans lacks (NOTO_CHARS below: the replacement character
#   U+FFFD that marks what cannot be drawn, the superscript and subscript signs
#   and digits it misses, the non-breaking hyphen, and invisible format
#   characters such as the word joiner), scaled from its 1000 to Liberation's
#   2048 units per em.
#
# Defaults: the packages' install paths. Without them installed:
#   apt-get download fonts-liberation2 fonts-noto-core
#   for d in *.deb; do dpkg-deb -x "$d" root; done
# and pass root/usr/share/fonts/truetype/liberation2, root/usr/share/fonts/truetype/noto,
# root/usr/share/doc/fonts-liberation2.
#
# Needs fonttools and brotli (`pip install fonttools brotli`). What it does:
# - keeps the repertoire below, without hinting, and without OpenType layout
#   tables in the TTF (the PDF writer does not shape text); the WOFF2 keeps mark
#   positioning for the browser;
# - renames the family to "Plan Local Sans": "Liberation" (Red Hat) and "Arimo"
#   (Google) are Reserved Font Names, which OFL 1.1 clause 3 forbids as the
#   primary name of a Modified Version, and a subset is one. Copyright and
#   licence notices of both sources are kept in the name table.
set -eu

LIB_DIR=${1:-/usr/share/fonts/truetype/liberation2}
NOTO_DIR=${2:-/usr/share/fonts/truetype/noto}
DOC_DIR=${3:-/usr/share/doc/fonts-liberation2}
OUT=$(cd "$(dirname "$0")/.." && pwd)/assets/fonts
mkdir -p "$OUT"

# The repertoire, by Unicode block: Basic Latin, Latin-1, Latin Extended-A and
# -B, IPA Extensions (ɨ ʉ ɛ ɔ ʔ of Mexican orthographies), Spacing Modifier
# Letters (ʼ), Combining Diacritical Marks, Greek, Latin Extended Additional,
# General Punctuation, Superscripts and Subscripts, Currency Symbols, Letterlike
# Symbols, Number Forms, Arrows, Mathematical Operators, Geometric Shapes,
# Latin Extended-D (saltillo ꞌ Ꞌ), and the replacement character.
UNICODES="U+0020-007E,U+00A0-036F,U+0370-03FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+A720-A7FF,U+FEFF,U+FFFD"

# The print view's Latin file (see below; the same list as unicode-range in
# style/print.css): Windows-1252, combining marks, the replacement character.
LATIN="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+0192,U+02C6,U+02DC,U+0300-036F,U+2013-2014,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122,U+FFFD"

# Taken from Noto Sans where Liberation Sans has no glyph.
NOTO_CHARS="U+2011,U+2027,U+2043,U+2060-2064,U+2066-2069,U+2070,U+2071,U+207A-207F,U+208A-208E,U+2090-209C,U+FEFF,U+FFFD"

for face in Regular Bold; do
    pyftsubset "$LIB_DIR/LiberationSans-$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features='ccmp,mark,mkmk' \
        --no-hinting \
        --recalc-bounds \
        --name-IDs='*' \
        --name-languages='*' \
        --drop-tables+=FFTM,kern \
        --output-file="$OUT/PlanLocalSans-$face.ttf"
    python3 - "$OUT/PlanLocalSans-$face.ttf" "$face" "$NOTO_DIR/NotoSans-$face.ttf" "$NOTO_CHARS" <<'PY'
import sys
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

path, face, noto_path, noto_chars = sys.argv[1:5]
font = TTFont(path)
noto = TTFont(noto_path)

def code_points(spec):
    for part in spec.split(","):
        part = part.removeprefix("U+")
        lo, _, hi = part.partition("-")
        yield from range(int(lo, 16), int(hi or lo, 16) + 1)

# Copy the glyphs Liberation lacks from Noto Sans, decomposed and scaled.
scale = font["head"].unitsPerEm / noto["head"].unitsPerEm
cmap = font.getBestCmap()
noto_cmap = noto.getBestCmap()
noto_glyphs = noto.getGlyphSet()
order = font.getGlyphOrder()
added = []
for cp in code_points(noto_chars):
    if cp in cmap or cp not in noto_cmap:
        continue
    src = noto_cmap[cp]
    outline = DecomposingRecordingPen(noto_glyphs)
    noto_glyphs[src].draw(outline)
    pen = TTGlyphPen(None)
    outline.replay(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
    glyph = pen.glyph()
    name = f"uni{cp:04X}"
    order.append(name)
    font["glyf"].glyphs[name] = glyph
    glyph.recalcBounds(font["glyf"])
    advance = round(noto["hmtx"][src][0] * scale)
    font["hmtx"].metrics[name] = (advance, getattr(glyph, "xMin", 0))
    for table in font["cmap"].tables:
        if table.isUnicode() and (cp <= 0xFFFF or table.format == 12):
            table.cmap[cp] = name
    added.append(cp)
font.setGlyphOrder(order)
font["maxp"].numGlyphs = len(order)
if 0xFFFD not in font.getBestCmap():
    sys.exit(f"{path}: no U+FFFD, the replacement the export draws")

name = font["name"]
version = (name.getDebugName(5) or "").replace("Version ", "")
noto_copyright = noto["name"].getDebugName(0) or "Copyright Google LLC"
names = {
    0: (name.getDebugName(0) or "").strip() + " " + noto_copyright,
    1: "Plan Local Sans",
    2: face,
    3: f"Plan Local Sans {face}: Liberation Sans {version} subset with Noto Sans glyphs",
    4: "Plan Local Sans" if face == "Regular" else f"Plan Local Sans {face}",
    6: f"PlanLocalSans-{face}",
    13: "This Font Software is licensed under the SIL Open Font License, Version 1.1. "
    "It is a subset of Liberation Sans (Reserved Font Names: Liberation, Arimo) with "
    "a few glyphs of Noto Sans, renamed as the licence requires.",
    14: "https://openfontlicense.org",
}
# Drop every record of the renamed ids (all platforms and languages), then
# write them again for Windows (3, 1, en-US) and Macintosh (1, 0, English).
name.names = [r for r in name.names if r.nameID not in names and r.nameID not in (16, 17, 18, 21, 22)]
for nid, text in names.items():
    name.setName(text, nid, 3, 1, 0x409)
    name.setName(text, nid, 1, 0, 0)
# The print view's copy (WOFF2) keeps Liberation's mark positioning (GPOS mark,
# mkmk; GSUB ccmp), so that the browser places an accent typed as a separate
# combining mark over its letter. The PDF does not shape text (its writer
# composes or centres such marks itself), so the TTF goes without them.
font.flavor = "woff2"
font.save(path[: -len(".ttf")] + ".woff2")
font = TTFont(path[: -len(".ttf")] + ".woff2")
font.flavor = None
for tag in ("GDEF", "GPOS", "GSUB"):
    if tag in font:
        del font[tag]
font.save(path)
for r in TTFont(path)["name"].names:
    if r.nameID in (1, 4, 6) and "Liberation" in str(r):
        sys.exit(f"{path}: name {r.nameID} still says Liberation")
print(f"{path}: {len(TTFont(path).getBestCmap())} code points, "
      f"{len(added)} from Noto Sans: " + " ".join(f"U+{c:04X}" for c in added))

PY
    # The TTF without the glyphs only mark positioning reached.
    pyftsubset "$OUT/PlanLocalSans-$face.ttf" \
        --unicodes='*' \
        --layout-features='' \
        --no-hinting \
        --name-IDs='*' \
        --name-languages='*' \
        --output-file="$OUT/PlanLocalSans-$face.ttf.tmp"
    mv "$OUT/PlanLocalSans-$face.ttf.tmp" "$OUT/PlanLocalSans-$face.ttf"
    # The print view's first file: what plain Spanish needs (style/print.css
    # gives it this unicode-range, so the browser fetches the whole face only
    # for a page with other characters). Combining marks are in both, so that a
    # separately typed accent is positioned in the same font as its letter.
    pyftsubset "$OUT/PlanLocalSans-$face.woff2" \
        --unicodes="$LATIN" \
        --layout-features='ccmp,mark,mkmk' \
        --no-hinting \
        --name-IDs='*' \
        --name-languages='*' \
        --flavor=woff2 \
        --output-file="$OUT/PlanLocalSans-$face-Latin.woff2"
done

# The licence: the copyright lines of both sources and the OFL text from the
# Liberation package's copyright file (Debian's copyright format indents it and
# marks blank lines with ".").
{
    echo "Plan Local Sans is a subset of Liberation Sans 2.x with a few glyphs of"
    echo "Noto Sans, renamed (see README.md)."
    echo
    echo "Digitized data copyright (c) 2010 Google Corporation"
    echo "	with Reserved Font Arimo, Tinos and Cousine."
    echo "Copyright (c) 2012 Red Hat, Inc."
    echo "	with Reserved Font Name Liberation."
    echo "Noto Sans: Copyright 2015 Google LLC. All Rights Reserved."
    echo
    awk '/^License: SIL-OFL-1.1/{on=1; next} on && /^Files:/{exit} on' "$DOC_DIR/copyright" |
        sed -e 's/^ //' -e 's/^\.$//' -e 's/ ? in part or in whole ?/ — in part or in whole —/'
} >"$OUT/OFL.txt"

ls -l "$OUT"
