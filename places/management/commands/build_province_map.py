"""Build places/data/provinces.json, the map's 81 province outlines, from the MIT-licensed
`turkey-map-react` npm package (itself drawn from dnomak's svg-turkiye-haritasi, MIT).

Run once, by hand, when the outlines should change (the site never runs it):

    npm pack turkey-map-react@2.0.5 && tar xzf turkey-map-react-2.0.5.tgz
    python manage.py build_province_map package/lib/data/index.js

Curves are flattened to their end points and each ring simplified (Douglas-Peucker), then
written as short relative SVG paths: the whole map stays far under 150 KB.
"""

import json
import math
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.provinces import Province

OUTPUT = Path(__file__).resolve().parents[2] / "data" / "provinces.json"
SOURCE = "turkey-map-react 2.0.5 (npm), lib/data/index.js; drawn from dnomak/svg-turkiye-haritasi"
LICENCE = "MIT; Copyright (c) 2020 Erdi Gökçe; see places/NOTICE"
MARGIN = 4  # around the outlines' bounds, so no stroke is cut at the frame
TOLERANCE = 0.5  # in map units (the map is 1050 wide): about half a pixel on a desktop
ENTRY = re.compile(r'"plateNumber":\s*(\d+),.*?"path":\s*"([^"]+)"', re.S)
TOKEN = re.compile(r"[MLCZmlcz]|-?\d+(?:\.\d+)?(?:e-?\d+)?")

Point = tuple[float, float]


def rings(path: str) -> list[list[Point]]:
    """The closed rings of an absolute M/L/C/Z path, curves reduced to their end points."""
    tokens = TOKEN.findall(path)
    result: list[list[Point]] = []
    ring: list[Point] = []
    command, numbers = "", []
    for token in [*tokens, "Z"]:
        if token.isalpha():
            command, numbers = token.upper(), []
            if command == "Z" and ring:
                result.append(ring)
                ring = []
            continue
        numbers.append(float(token))
        arity = 6 if command == "C" else 2
        if len(numbers) == arity:
            if command == "M" and ring:
                result.append(ring)
                ring = []
            ring.append((numbers[-2], numbers[-1]))
            numbers = []
    return result


def _distance(point: Point, start: Point, end: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if farthest > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def svg_path(polygons: list[list[Point]]) -> str:
    """Relative moves and lines with one decimal: the shortest plain SVG path."""
    parts = []
    x0 = y0 = 0.0
    for ring in polygons:
        (x, y), rest = ring[0], ring[1:]
        parts.append(f"M{_number(x)} {_number(y)}")
        x0, y0 = round(x, 1), round(y, 1)
        steps = []
        for x, y in rest:
            x, y = round(x, 1), round(y, 1)
            steps.append(f"{_number(x - x0)} {_number(y - y0)}")
            x0, y0 = x, y
        parts.append("l" + " ".join(steps) + "z")
    return "".join(parts)


def centre(polygons: list[list[Point]]) -> Point:
    """The area centroid of the largest ring: where a marker or label sits."""
    ring = max(polygons, key=lambda r: abs(_area(r)))
    area = _area(ring) or 1.0
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return round(cx / (6 * area), 1), round(cy / (6 * area), 1)


def _area(ring: list[Point]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2


class Command(BaseCommand):
    help = "Build places/data/provinces.json from turkey-map-react's lib/data/index.js."

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", type=Path)

    def handle(self, *args, source: Path, **options) -> None:
        found = {int(plate): path for plate, path in ENTRY.findall(source.read_text())}
        codes = {int(code) for code in Province.values}
        if set(found) != codes:
            raise CommandError(f"Expected the 81 plate codes; got {sorted(found)}")
        provinces, xs, ys = {}, [], []
        for plate in sorted(found):
            polygons = [simplify(ring, TOLERANCE) for ring in rings(found[plate])]
            polygons = [ring for ring in polygons if len(ring) >= 3]
            xs += [x for ring in polygons for x, _ in ring]
            ys += [y for ring in polygons for _, y in ring]
            cx, cy = centre(polygons)
            provinces[f"{plate:02d}"] = {"d": svg_path(polygons), "x": cx, "y": cy}
        left, top = math.floor(min(xs)) - MARGIN, math.floor(min(ys)) - MARGIN
        width, height = math.ceil(max(xs)) + MARGIN - left, math.ceil(max(ys)) + MARGIN - top
        viewbox = [left, top, width, height]
        data = {"source": SOURCE, "licence": LICENCE, "viewbox": viewbox, "provinces": provinces}
        OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.stdout.write(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes")
