#!/usr/bin/env python3
"""Writes src/domain/articulation/map_data.rs: the outline of each of
Mexico's 32 states, for the map of «Articulación nacional».

    scripts/make-map.py [MX_DATA_DIR]      (default: ../shared/data/mx)

Source (see that directory's SOURCE.md): `mexico_estados.svg`, from the npm
package @svg-maps/mexico 2.0.0 (file mexico.svg), CC BY 4.0, «map based on
MapSVG (https://mapsvg.com/maps/mexico), adapted by Victor Cazanave
(svg-maps)»; `entidades.csv` matches each path's id (the ISO 3166-2 suffix)
to its INEGI code.

What is changed: the paths are made absolute, simplified (Ramer-Douglas-
Peucker, tolerance TOLERANCE in viewBox units; rings that collapse below
MIN_AREA are left out: specks of islands), rounded to one decimal and written
again as short relative paths. Run once; the output is committed.
"""

import csv
import math
import os
import re
import sys

TOLERANCE = 0.35
MIN_AREA = 1.5

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'data', 'mx')

svg = open(os.path.join(data, 'mexico_estados.svg'), encoding='utf-8').read()
view_box = re.search(r'viewBox="([^"]*)"', svg).group(1)
paths = re.findall(r'<path\s+id="([a-z]+)"\s+aria-label="[^"]*"\s+d="([^"]*)"', svg)
assert len(paths) == 32, len(paths)

with open(os.path.join(data, 'entidades.csv'), encoding='utf-8') as f:
    code_of = {row['svg_id']: row['cve_ent'] for row in csv.DictReader(f)}


def rings(d):
    """The path's closed rings, in absolute coordinates."""
    tokens = re.findall(r'[MmLlZz]|-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?', d)
    out, ring = [], []
    x = y = sx = sy = 0.0
    cmd = None
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in 'MmLlZz':
            cmd = t
            i += 1
            if t in 'Zz':
                if ring:
                    out.append(ring)
                ring = []
                x, y = sx, sy
            continue
        a, b = float(tokens[i]), float(tokens[i + 1])
        i += 2
        if cmd in 'Mm':
            if ring:
                out.append(ring)
            x, y = (x + a, y + b) if cmd == 'm' else (a, b)
            sx, sy = x, y
            ring = [(x, y)]
            cmd = 'l' if cmd == 'm' else 'L'
        else:
            x, y = (x + a, y + b) if cmd == 'l' else (a, b)
            ring.append((x, y))
    if ring:
        out.append(ring)
    return out


def simplify(points, tol):
    """Ramer-Douglas-Peucker on an open polyline."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for k in range(1, len(points) - 1):
        px, py = points[k]
        dist = (abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm) if norm else math.hypot(px - x1, py - y1)
        if dist > best:
            best, index = dist, k
    if best <= tol:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tol)[:-1] + simplify(points[index:], tol)


def area(ring):
    return abs(sum(ring[k][0] * ring[k - 1][1] - ring[k - 1][0] * ring[k][1] for k in range(len(ring)))) / 2


def number(v):
    s = f'{v:.1f}'.rstrip('0').rstrip('.')
    if s in ('-0', ''):
        s = '0'
    return s.replace('0.', '.', 1) if s.startswith('0.') else s.replace('-0.', '-.', 1)


def write(rs):
    """Relative path text of rounded rings (deltas of the rounded points)."""
    parts = []
    px = py = 0
    for n, ring in enumerate(rs):
        pts = [(round(x * 10), round(y * 10)) for x, y in ring]
        dedup = [pts[0]]
        for p in pts[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        if len(dedup) > 1 and dedup[-1] == dedup[0]:
            dedup.pop()
        if len(dedup) < 3:
            continue
        text = ''
        x0, y0 = dedup[0]
        # A relative move after a close starts from the previous ring's start.
        text += 'm' + pair(x0 - px, y0 - py) if n or parts else 'M' + pair(x0, y0)
        text += 'l'
        cx, cy = x0, y0
        for x, y in dedup[1:]:
            text += pair(x - cx, y - cy)
            cx, cy = x, y
        text += 'z'
        parts.append(text)
        px, py = x0, y0
    return ''.join(parts)


def pair(dx, dy):
    a, b = number(dx / 10), number(dy / 10)
    return f' {a} {b}'.replace(' -', '-')


states = []
before = after = 0
for svg_id, d in paths:
    rs = []
    for ring in rings(d):
        closed = ring + [ring[0]]
        s = simplify(closed, TOLERANCE)[:-1]
        if len(s) >= 3 and area(s) >= MIN_AREA:
            rs.append(s)
    if not rs:
        raise SystemExit(f'{svg_id}: nothing left')
    text = write(rs).lstrip()
    before += len(d)
    after += len(text)
    states.append((code_of[svg_id], text))

states.sort()
assert [c for c, _ in states] == [f'{n:02}' for n in range(1, 33)]

out = os.path.join(root, 'src', 'domain', 'articulation', 'map_data.rs')
with open(out, 'w', encoding='utf-8') as f:
    f.write('//! Outlines of the 32 states of Mexico for the map of «Articulación\n')
    f.write('//! nacional». Generated by `scripts/make-map.py` from `mexico_estados.svg`\n')
    f.write('//! (@svg-maps/mexico 2.0.0, CC BY 4.0: map based on MapSVG,\n')
    f.write('//! https://mapsvg.com/maps/mexico, adapted by Victor Cazanave, svg-maps),\n')
    f.write('//! simplified; do not edit by hand. Only the articulacion bundle uses it.\n\n')
    f.write('/// The map\'s `viewBox`.\n')
    f.write(f'pub const VIEW_BOX: &str = "{view_box}";\n\n')
    f.write('/// Each state\'s INEGI code and SVG path, in INEGI order.\n')
    f.write('pub const STATE_PATHS: [(&str, &str); 32] = [\n')
    for code, text in states:
        f.write(f'    ("{code}", "{text}"),\n')
    f.write('];\n')
print(f'{out}: path text {before} -> {after} bytes')
