//! The map files: the country's provinces (`maps/provinces.txt`) and each
//! province's districts (`maps/CC.txt`), which `scripts/make_maps.py` makes from
//! the kept boundary dataset (UN OCHA / Royal Thai Survey Department, 2019) and
//! the page fetches only when it draws a map (SPEC §5.2).
//!
//! A file is UTF-8 text: `#` comment lines, then `WIDTH HEIGHT` (the drawing's
//! size in whole units), then one line per shape,
//! `CODE<TAB>NAME<TAB>X Y<TAB>PATH`: the official code and name of a province
//! or district, where its score is written, and its outline as SVG path data
//! (`M x y` then relative `l dx dy …` and `z`, whole units only).
//!
//! ```
//! use otop_model::maps::MapFile;
//! let file = MapFile::parse("# a map\n10 10\n2701\tเมืองสระแก้ว\t4 5\tM0 0l10 0 0 10-10 0z\n").unwrap();
//! assert_eq!((file.width, file.height, file.shapes.len()), (10, 10, 1));
//! assert_eq!(file.shapes[0].rings(), Some(vec![vec![(0, 0), (10, 0), (10, 10), (0, 10)]]));
//! assert!(MapFile::parse("10 10\n27\tสระแก้ว\t1 1\tM0 0l1 1z<script>\n").is_err());
//! ```

/// The country's map: its 77 provinces.
pub const NATION_FILE: &str = "maps/provinces.txt";

/// The map of province `code`'s districts.
///
/// ```
/// assert_eq!(otop_model::maps::province_file(27), "maps/27.txt");
/// ```
pub fn province_file(code: u8) -> String {
    format!("maps/{code:02}.txt")
}

/// A map file read: its size and its shapes, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapFile {
    /// The drawing's width, in the map's units.
    pub width: u32,
    /// The drawing's height, in the map's units.
    pub height: u32,
    /// The areas, in the file's order.
    pub shapes: Vec<Shape>,
}

/// One province or district on a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// The official code: two digits for a province, four for a district.
    pub code: u16,
    /// The official name (the project's list's, `divisions`).
    pub name: String,
    /// Where its score is written: a point inside it, away from its edges.
    pub label: (i32, i32),
    /// Its outline, SVG path data of the form the module says.
    pub path: String,
}

/// Why a map file could not be read: the line (1-based) that is not as the module says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapError {
    /// The file's line, 1-based.
    pub line: usize,
}

impl MapFile {
    /// Reads a map file. Anything not of the form the module says is an error,
    /// so a path is only ever `M`, `l`, `z`, digits, spaces and minus signs.
    pub fn parse(text: &str) -> Result<MapFile, MapError> {
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let (at, size) = lines.next().ok_or(MapError { line: 1 })?;
        let (width, height) = pair(size).ok_or(MapError { line: at + 1 })?;
        let (width, height) = (u32::try_from(width), u32::try_from(height));
        let (Ok(width), Ok(height)) = (width, height) else { return Err(MapError { line: at + 1 }) };
        let shapes = lines
            .map(|(at, line)| Shape::parse(line).ok_or(MapError { line: at + 1 }))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(MapFile { width, height, shapes })
    }
}

fn pair(text: &str) -> Option<(i32, i32)> {
    let (a, b) = text.trim().split_once(' ')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl Shape {
    fn parse(line: &str) -> Option<Shape> {
        let mut parts = line.split('\t');
        let code = parts.next()?.parse().ok()?;
        let name = parts.next()?.trim().to_string();
        let label = pair(parts.next()?)?;
        let path = parts.next()?.trim().to_string();
        let allowed = |c: char| matches!(c, 'M' | 'l' | 'z' | ' ' | '-') || c.is_ascii_digit();
        let well_formed = parts.next().is_none() && !name.is_empty() && path.chars().all(allowed);
        (well_formed && path.starts_with('M')).then_some(Shape { code, name, label, path })
    }

    /// The outline's rings as absolute points (the closing point not repeated);
    /// `None` when the path data is not of the form the module says.
    pub fn rings(&self) -> Option<Vec<Vec<(i32, i32)>>> {
        self.path
            .split('M')
            .filter(|r| !r.is_empty())
            .map(|ring| {
                let ring = ring.strip_suffix('z')?;
                let (start, steps) = ring.split_once('l').unwrap_or((ring, ""));
                let mut at = pair(start)?;
                let numbers = numbers(steps)?;
                let mut points = vec![at];
                for step in numbers.chunks(2) {
                    let [dx, dy] = step else { return None };
                    at = (at.0.checked_add(*dx)?, at.1.checked_add(*dy)?);
                    points.push(at);
                }
                Some(points)
            })
            .collect()
    }
}

/// The numbers of `l` path data: separated by spaces, or by a minus sign alone.
fn numbers(text: &str) -> Option<Vec<i32>> {
    let spaced = text.replace('-', " -");
    spaced.split_whitespace().map(|n| n.parse().ok()).collect()
}
