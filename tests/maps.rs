//! The map files the page draws (web/maps/, made by scripts/make_maps.py from the
//! kept boundary dataset): every code of the official list has a shape and every
//! shape a code, under its official name; borders are shared (no gaps, no
//! overlaps); the country's file stays small; a run's areas are all placed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use otop_engine::map;
use otop_model::divisions::{self, Province};
use otop_model::maps::{self, MapFile};
use std::collections::HashMap;
use std::path::PathBuf;

fn read(name: &str) -> (String, MapFile) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("web").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = MapFile::parse(&text).unwrap_or_else(|e| panic!("{name}: line {} is not a map line", e.line));
    (text, file)
}

fn codes_and_names(file: &MapFile) -> Vec<(u16, String)> {
    file.shapes.iter().map(|s| (s.code, s.name.clone())).collect()
}

#[test]
fn every_province_has_a_shape_and_every_shape_a_province() {
    let (_, file) = read(maps::NATION_FILE);
    let official: Vec<(u16, String)> =
        divisions::provinces().iter().map(|p| (u16::from(p.code), p.name.to_string())).collect();
    assert_eq!(official.len(), 77);
    assert_eq!(codes_and_names(&file), official);
}

#[test]
fn every_district_has_a_shape_and_every_shape_a_district() {
    let mut districts = 0;
    for p in divisions::provinces() {
        let (_, file) = read(&maps::province_file(p.code));
        let official: Vec<(u16, String)> = p.districts.iter().map(|d| (d.code, d.name.to_string())).collect();
        assert_eq!(codes_and_names(&file), official, "{}", p.name);
        districts += file.shapes.len();
    }
    assert_eq!(districts, 928);
}

type Edge = ((i32, i32), (i32, i32));

/// Every directed edge of every ring of a file, with the shapes that draw it.
fn edges(file: &MapFile) -> HashMap<Edge, Vec<usize>> {
    let mut out: HashMap<Edge, Vec<usize>> = HashMap::new();
    for (i, shape) in file.shapes.iter().enumerate() {
        let rings = shape.rings().unwrap_or_else(|| panic!("{}: path data", shape.name));
        for ring in rings {
            assert!(ring.len() >= 3, "{}: a ring of {} points", shape.name, ring.len());
            for (j, a) in ring.iter().enumerate() {
                out.entry((*a, ring[(j + 1) % ring.len()])).or_default().push(i);
            }
        }
    }
    out
}

/// How far point `p` is from segment `ab`.
fn distance(p: (f64, f64), (a, b): Edge) -> f64 {
    let (ax, ay, bx, by) = (f64::from(a.0), f64::from(a.1), f64::from(b.0), f64::from(b.1));
    let (dx, dy) = (bx - ax, by - ay);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 { 0.0 } else { (((p.0 - ax) * dx + (p.1 - ay) * dy) / length).clamp(0.0, 1.0) };
    ((p.0 - ax - t * dx).powi(2) + (p.1 - ay - t * dy).powi(2)).sqrt()
}

/// Borders shared, with no gaps or overlaps between neighbours:
/// - no edge is drawn twice the same way (two shapes on one side of a border);
/// - an edge two shapes share is drawn once each way;
/// - an edge only one shape draws (the coast, the outer border) is at least a unit
///   from every other shape's such edge, unless they meet at a point: two
///   neighbours that each drew their own copy of a border, a sliver apart (a gap
///   or an overlap), would be closer. (Moving one district's ring of
///   web/maps/27.txt by two units brings two such edges 0.3 units apart; the
///   files as made are 1.5 units apart at the closest, the country's coast at an
///   estuary, and 10 in a province's file.)
fn borders_shared(name: &str, file: &MapFile) {
    let edges = edges(file);
    let twice_same_way: Vec<_> = edges.iter().filter(|(_, by)| by.len() > 1).collect();
    assert!(twice_same_way.is_empty(), "{name}: edges drawn twice the same way: {twice_same_way:?}");
    let shared = edges.keys().filter(|(a, b)| edges.contains_key(&(*b, *a))).count();
    if file.shapes.len() > 1 {
        assert!(shared > 0, "{name}: no border is shared");
    }
    let alone: Vec<(Edge, usize)> =
        edges.iter().filter(|((a, b), _)| !edges.contains_key(&(*b, *a))).map(|(e, by)| (*e, by[0])).collect();
    for &((a, b), i) in &alone {
        let middle = (f64::from(a.0 + b.0) / 2.0, f64::from(a.1 + b.1) / 2.0);
        for &((c, d), j) in &alone {
            let apart = j == i || [c, d].contains(&a) || [c, d].contains(&b) || distance(middle, (c, d)) >= 1.0;
            assert!(apart, "{name}: {} and {} each draw a border near {a:?}", file.shapes[i].name, file.shapes[j].name);
        }
    }
}

#[test]
fn borders_are_shared_with_no_gaps_or_overlaps() {
    let (_, nation) = read(maps::NATION_FILE);
    borders_shared("provinces", &nation);
    for p in divisions::provinces() {
        let (_, file) = read(&maps::province_file(p.code));
        borders_shared(p.name, &file);
    }
}

#[test]
fn scores_are_written_inside_the_drawing() {
    let mut files = vec![read(maps::NATION_FILE).1];
    files.extend(divisions::provinces().iter().map(|p| read(&maps::province_file(p.code)).1));
    for file in files {
        for s in &file.shapes {
            let (x, y) = s.label;
            assert!((0..=file.width as i32).contains(&x) && (0..=file.height as i32).contains(&y), "{}", s.name);
        }
    }
}

#[test]
fn the_files_stay_small() {
    // The budget is 80 KB gzipped for the country's file; its text is under that.
    let (text, _) = read(maps::NATION_FILE);
    assert!(text.len() < 80 * 1024, "provinces.txt is {} bytes", text.len());
    let biggest = divisions::provinces().iter().map(|p| read(&maps::province_file(p.code)).0.len()).max();
    assert!(biggest.unwrap() < 16 * 1024, "a province's file is {biggest:?} bytes");
}

/// A run's districts, typed as other provinces type them, are all placed on their
/// province's map; a name the map does not have is left out and said.
#[test]
fn a_runs_districts_are_placed_on_their_map() {
    let korat: &Province = divisions::province("นครราชสีมา").unwrap();
    let (_, file) = read(&maps::province_file(korat.code));
    let area = |name: &str| map::Area {
        name: name.into(),
        sent: true,
        online: 1,
        products: 2,
        percent: otop_model::money::BasisPoints(5000),
        kpi1: 3,
        kpi2: None,
    };
    let areas = vec![area("อ.เมือง"), area("อำเภอปากช่อง"), area("เฉลิมพระเกียรติ"), area("ไม่มีจริง")];
    let placed = map::place_districts(&file, &areas, korat.name);
    let named = |i: usize| file.shapes[placed.areas.iter().position(|a| *a == Some(i)).unwrap()].name.as_str();
    assert_eq!([named(0), named(1), named(2)], ["เมืองนครราชสีมา", "ปากช่อง", "เฉลิมพระเกียรติ"]);
    assert_eq!(placed.unplaced, [3]);
    let (_, nation) = read(maps::NATION_FILE);
    let provinces = vec![area("อยุธยา"), area("กทม."), area("สระแก้ว")];
    let placed = map::place_provinces(&nation, &provinces);
    assert_eq!(placed.areas.iter().flatten().count(), 3);
    assert!(placed.unplaced.is_empty());
}
