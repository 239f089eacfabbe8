//! The guards every file passes before a reader sees it: its size, the sizes its
//! zip container's parts would inflate to, and the sector chains of a compound
//! document (`.xls`), checked without inflating or following anything.

use otop_model::imported::cell::{MAX_CELLS, MAX_ROWS};
use otop_model::imported::error::FileError;

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// Largest uncompressed size of one part of a zip container (a sheet's XML), in
/// bytes, checked before anything is inflated. A 200k-row report's sheet is about
/// 200 MB.
pub const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;
/// Largest uncompressed size of all parts of a zip container together.
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;

/// Refuses an empty file or one over [`MAX_FILE_BYTES`].
pub fn check_size(bytes: &[u8]) -> Result<(), FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    Ok(())
}

fn u16_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as u64)
}

fn u32_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as u64)
}

/// Reads the zip container's central directory — without inflating anything —
/// and refuses a part, or all parts together, that would inflate past the limits.
/// A directory that cannot be read is left to the format reader to report.
pub fn check_zip_parts(bytes: &[u8]) -> Result<(), FileError> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let from = bytes.len().saturating_sub(22 + 65_535);
    let Some(eocd) = (from..bytes.len().saturating_sub(21)).rev().find(|&i| bytes.get(i..i + 4) == Some(&EOCD[..]))
    else {
        return Ok(());
    };
    let (Some(entries), Some(mut at)) = (u16_at(bytes, eocd + 10), u32_at(bytes, eocd + 16)) else { return Ok(()) };
    let mut total: u64 = 0;
    for _ in 0..entries {
        let at_usize = at as usize;
        if bytes.get(at_usize..at_usize + 4) != Some(&[0x50, 0x4b, 0x01, 0x02][..]) {
            break;
        }
        let (Some(size), Some(name_len), Some(extra_len), Some(comment_len)) = (
            u32_at(bytes, at_usize + 24),
            u16_at(bytes, at_usize + 28),
            u16_at(bytes, at_usize + 30),
            u16_at(bytes, at_usize + 32),
        ) else {
            break;
        };
        let name = bytes
            .get(at_usize + 46..at_usize + 46 + name_len as usize)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        // 0xFFFFFFFF: the real size is in a ZIP64 field, 4 GiB or more.
        let size = if size == u32::MAX as u64 { u64::MAX } else { size };
        if size > MAX_PART_BYTES {
            return Err(FileError::PartTooLarge { part: name, bytes: size, limit: MAX_PART_BYTES });
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(FileError::PartTooLarge { part: name, bytes: total, limit: MAX_TOTAL_BYTES });
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(())
}

/// Checks a compound-document (`.xls`, encrypted Office) container's sector
/// table the way calamine's CFB reader will walk it (sectors counted from byte
/// 512, a sector past the end of the file read as zeros) and refuses a table in
/// which a chain of sectors loops back on itself or points outside the table: on
/// those the reader allocates without end or panics (both found by fuzzing).
/// Anything the reader itself rejects cleanly is left to it.
pub fn check_cfb_chains(bytes: &[u8]) -> Result<(), FileError> {
    const RESERVED: u64 = 0xFFFF_FFFA;
    const DIFSECT: u64 = 0xFFFF_FFFC;
    let damaged = |why: &str| Err(FileError::Damaged(why.to_string()));
    let Some(shift) = u16_at(bytes, 30) else { return Ok(()) };
    let ss = match shift {
        9 => 512usize,
        12 => 4096,
        _ => return Ok(()),
    };
    let maxid = (bytes.len() / ss) as u64;
    let body = bytes.get(512..).unwrap_or(&[]);
    // Sector `id` as the reader sees it: zeros past the end of the file.
    let sector = |id: u64| -> Option<Vec<u8>> {
        if id > maxid {
            return None;
        }
        let start = (id as usize).checked_mul(ss)?;
        let have = body.get(start.min(body.len())..(start + ss).min(body.len())).unwrap_or_default();
        let mut v = have.to_vec();
        v.resize(ss, 0);
        Some(v)
    };
    let words = |sec: &[u8]| -> Vec<u64> { (0..sec.len() / 4).filter_map(|i| u32_at(sec, 4 * i)).collect() };
    let mut difat: Vec<u64> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut id = u32_at(bytes, 68).unwrap_or(u32::MAX as u64);
    let mut hops = 0u64;
    while id < RESERVED {
        hops += 1;
        if hops > maxid + 1 {
            return Ok(());
        }
        let Some(sec) = sector(id) else { return Ok(()) };
        difat.extend(words(&sec));
        let Some(next) = difat.pop() else { return Ok(()) };
        id = next;
    }
    let mut fat: Vec<u64> = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        let Some(sec) = sector(id) else { return Ok(()) };
        fat.extend(words(&sec));
        if fat.len() > 64 * 1024 * 1024 {
            return damaged("the sector table is too large");
        }
    }
    // Walk every chain: each must end (a value past the table's chains) without
    // coming back to a sector already on it.
    let n = fat.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on the current path, 2 known to end
    for start in 0..n {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match (state.get_mut(at), fat.get(at)) {
                (Some(s @ 0), Some(&next)) => {
                    *s = 1;
                    path.push(at);
                    if next >= RESERVED {
                        break;
                    }
                    if next as usize >= n {
                        // The reader would index past its table and panic.
                        if next <= maxid {
                            return damaged("a chain of sectors points past the sector table");
                        }
                        break;
                    }
                    at = next as usize;
                }
                (Some(1), _) => return damaged("a chain of sectors loops back on itself"),
                _ => break,
            }
        }
        for p in path {
            if let Some(s) = state.get_mut(p) {
                *s = 2;
            }
        }
    }
    // Every chain ends: the workbook stream can be read to check what its
    // sheets claim before the reader reserves room for it.
    let chain = |start: u64| -> Vec<u64> {
        let mut ids = Vec::new();
        let mut at = start;
        while let (Some(&next), true) = (fat.get(at as usize), ids.len() <= n) {
            ids.push(at);
            at = next;
        }
        ids
    };
    let directory: Vec<u8> =
        chain(u32_at(bytes, 48).unwrap_or(u64::MAX)).into_iter().filter_map(sector).flatten().collect();
    let cutoff = u32_at(bytes, 56).unwrap_or(4096);
    for entry in directory.chunks_exact(128) {
        let name_len = u16_at(entry, 64).unwrap_or(0) as usize;
        let name: Vec<u16> = entry
            .get(..name_len.saturating_sub(2).min(64))
            .unwrap_or(&[])
            .chunks_exact(2)
            .filter_map(|c| Some(u16::from_le_bytes(c.try_into().ok()?)))
            .collect();
        let (Some(start), Some(size)) = (u32_at(entry, 116), u32_at(entry, 120)) else { continue };
        let is_workbook = matches!(String::from_utf16_lossy(&name).as_str(), "Workbook" | "Book");
        if entry.get(66) != Some(&2) || !is_workbook || size < cutoff {
            continue;
        }
        let mut stream: Vec<u8> = chain(start).into_iter().filter_map(sector).flatten().collect();
        stream.truncate(size as usize);
        check_dimensions(&stream)?;
    }
    Ok(())
}

/// Refuses a workbook stream whose Dimensions records claim more rows or cells
/// than any sheet holds: calamine's `.xls` reader reserves room for every cell
/// they claim, and a claim of trillions aborts the process (found by fuzzing).
fn check_dimensions(stream: &[u8]) -> Result<(), FileError> {
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        at += 4 + len as usize;
        if kind != 0x0200 {
            continue;
        }
        // As the reader reads it: rows and columns from first to last (exclusive), u32 arithmetic.
        let (first_row, last_row, first_col, last_col) = match data.len() {
            10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
            14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
            _ => continue,
        };
        let (Some(rf), Some(rl), Some(cf), Some(cl)) = (first_row, last_row, first_col, last_col) else {
            continue;
        };
        let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
        if rl == 0 || cl == 0 {
            continue;
        }
        let rows = ((rl - 1) as u32).wrapping_sub(rf as u32).wrapping_add(1) as u64;
        let cols = ((cl - 1) as u32).wrapping_sub(cf as u32).wrapping_add(1) as u64;
        if rows > MAX_ROWS as u64 || rows.saturating_mul(cols) > MAX_CELLS as u64 {
            return Err(FileError::Damaged(format!("a sheet claims {rows} rows × {cols} columns")));
        }
    }
    Ok(())
}
