#!/usr/bin/env python3
"""Makes the page's map files, web/maps/provinces.txt (the country's 77 provinces) and
web/maps/CC.txt (province CC's districts), from the boundary dataset kept in
scripts/boundaries/ (see its README.md: UN OCHA / Royal Thai Survey Department 2019,
simplified by the mapthai package). No network; standard library only.

Run: python3 scripts/make_maps.py   (then `cargo test --test maps` checks the files)

How the shapes are made:
- Each district's rings (lon/lat) are projected (x = lon·cos(φ0), y = −lat, φ0 the
  map's middle latitude) and scaled so the map's longer side is SIDE units, then
  rounded to whole units. The dataset's neighbours share their border vertices
  exactly, and the same vertex always rounds to the same point, so a border stays
  shared: no gaps, no overlaps.
- Points that round onto the previous one, and spikes (a, b, a) that rounding makes,
  are dropped, the same way on both sides of a border.
- A province is its districts dissolved: the edges two of its districts share
  cancel, and what is left is chained into rings.
- Each shape gets a label point: the point of a 24×24 grid over its largest ring
  that is inside it and farthest from its edges (where the page writes the score).

Each file, UTF-8 text:
    # comment lines
    WIDTH HEIGHT
    CODE<TAB>NAME<TAB>X Y<TAB>SVG path data
one line per shape, in code order. CODE is the official 2-digit province or 4-digit
district code and NAME the official name of crates/model/src/divisions/list.txt (the
project's list; the dataset's own spelling is not used). The path data is absolute
`M x y` for each ring's start, then relative `l dx dy …`, and `z`.
"""
import collections
import gzip
import json
import math
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "boundaries" / "th_adm2.geojson.gz"
LIST = ROOT / "crates" / "model" / "src" / "divisions" / "list.txt"
OUT = ROOT / "web" / "maps"
SIDE_PROVINCE = 1000  # a province's map: its longer side, in units
SIDE_NATION = 1000  # the country's map: its height, in units
HEADER = (
    "# otop-kpi map file: {what}. Boundaries: UN OCHA / Royal Thai Survey Department (2019), "
    "CC BY-IGO 3.0, simplified by mapthai (MIT); made by scripts/make_maps.py"
)


def official_list():
    """{province code: (name, {district code: name})} from the project's list."""
    provinces = {}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition("|")
        if not re.fullmatch(r"\d\d\D.*", head):
            continue
        code = int(head[:2])
        districts = {}
        for item in rest.split(","):
            m = re.fullmatch(r"(\d\d)(.+)", item.strip())
            if m:
                districts[code * 100 + int(m.group(1))] = m.group(2)
        provinces[code] = (head[2:], districts)
    return provinces


def rings_of(geometry):
    """[(ring, is_hole)] of a Polygon or MultiPolygon."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [(ring, i > 0) for polygon in polygons for i, ring in enumerate(polygon)]


def projected(rings, projection):
    """The rings in whole units, each outer ring turning one way and each hole the other."""
    out = []
    for ring, hole in rings:
        r = clean([projection(p) for p in ring])
        if r and (area(r) < 0) != hole:
            r.reverse()
        if r:
            out.append(r)
    return out


class Projection:
    def __init__(self, rings, side, by_height=False):
        points = [p for r in rings for p in r]
        lon0 = min(p[0] for p in points)
        lon1 = max(p[0] for p in points)
        lat0 = min(p[1] for p in points)
        lat1 = max(p[1] for p in points)
        self.k = math.cos(math.radians((lat0 + lat1) / 2))
        w = (lon1 - lon0) * self.k
        h = lat1 - lat0
        self.scale = side / (h if by_height else max(w, h))
        self.lon0, self.lat1 = lon0, lat1
        self.width = math.ceil(w * self.scale)
        self.height = math.ceil(h * self.scale)

    def __call__(self, p):
        return (round((p[0] - self.lon0) * self.k * self.scale), round((self.lat1 - p[1]) * self.scale))


def clean(ring):
    """Whole-unit ring without repeats or spikes, closing point dropped; [] if it vanished."""
    out = []
    for p in ring:
        if out and out[-1] == p:
            continue
        out.append(p)
        while len(out) >= 3 and out[-1] == out[-3]:
            del out[-2:]
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    changed = True
    while changed and len(out) >= 3:
        changed = False
        n = len(out)
        for i in range(n):
            if out[(i - 1) % n] == out[(i + 1) % n]:
                # a spike: drop the tip and one copy of its base
                del out[max(i, (i + 1) % n)]
                del out[min(i, (i + 1) % n)]
                changed = True
                break
    return out if len(out) >= 3 else []


def area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1])) / 2


def dissolve(rings):
    """The outline of rings that fill a region: shared edges cancel, the rest chain."""
    edges = collections.Counter()
    for r in rings:
        for a, b in zip(r, r[1:] + r[:1]):
            edges[(a, b)] += 1
    for (a, b), n in list(edges.items()):
        back = edges.get((b, a), 0)
        if n and back:
            m = min(n, back)
            edges[(a, b)] -= m
            edges[(b, a)] -= m
    nexts = collections.defaultdict(list)
    for (a, b), n in edges.items():
        for _ in range(n):
            nexts[a].append(b)
    out = []
    while any(nexts.values()):
        start = next(a for a, bs in nexts.items() if bs)
        ring, at = [start], nexts[start].pop()
        while at != start:
            ring.append(at)
            at = nexts[at].pop()
        ring = clean(ring + [start])
        if ring:
            out.append(ring)
    return out


def inside(pt, ring):
    x, y = pt
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def distance_to_edges(pt, ring):
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x2 - x1, y2 - y1
        t = 0 if dx == dy == 0 else max(0, min(1, ((pt[0] - x1) * dx + (pt[1] - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(pt[0] - x1 - t * dx, pt[1] - y1 - t * dy))
    return best


def label_point(rings):
    ring = max(rings, key=lambda r: abs(area(r)))
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    best, at = -1, (round(sum(xs) / len(xs)), round(sum(ys) / len(ys)))
    for i in range(1, 24):
        for j in range(1, 24):
            pt = (min(xs) + (max(xs) - min(xs)) * i / 24, min(ys) + (max(ys) - min(ys)) * j / 24)
            if inside(pt, ring):
                d = distance_to_edges(pt, ring)
                if d > best:
                    best, at = d, (round(pt[0]), round(pt[1]))
    return at


def path(rings):
    parts = []
    for r in rings:
        steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(r, r[1:]))
        parts.append(f"M{r[0][0]} {r[0][1]}l{steps}z")
    return re.sub(r" -", "-", "".join(parts))


def write(name, what, projection, shapes):
    lines = [HEADER.format(what=what), f"{projection.width} {projection.height}"]
    for code, label, rings in shapes:
        x, y = label_point(rings)
        lines.append(f"{code}\t{label}\t{x} {y}\t{path(rings)}")
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    features = json.loads(gzip.decompress(SOURCE.read_bytes()))["features"]
    official = official_list()
    by_code = {}
    for f in features:
        code = int(f["properties"]["ADM2_PCODE"].removeprefix("TH"))
        by_code[code] = rings_of(f["geometry"])
    listed = {d for _, ds in official.values() for d in ds}
    missing, extra = sorted(listed - by_code.keys()), sorted(by_code.keys() - listed)
    if missing or extra:
        raise SystemExit(f"codes differ: list only {missing}, dataset only {extra}")
    OUT.mkdir(parents=True, exist_ok=True)
    nation = Projection([r for rings in by_code.values() for r, _ in rings], SIDE_NATION, by_height=True)
    provinces = []
    for pcode, (pname, districts) in sorted(official.items()):
        projection = Projection([r for d in districts for r, _ in by_code[d]], SIDE_PROVINCE)
        shapes = [(d, name, projected(by_code[d], projection)) for d, name in sorted(districts.items())]
        write(f"{pcode}.txt", f"the districts of {pname} ({pcode})", projection, shapes)
        national = [r for d in districts for r in projected(by_code[d], nation)]
        provinces.append((pcode, pname, dissolve(national)))
    write("provinces.txt", "the 77 provinces", nation, provinces)


if __name__ == "__main__":
    main()
