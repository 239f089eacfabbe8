// A big province report as a web system's streaming writer saves it (inline
// strings, every row numbered, deflated): the letter's header, then `rows`
// products over Sa Kaeo's nine districts, an entrepreneur's second product on
// a row of its own with the entrepreneur's cells left empty, every third
// product online, and a flag typed as a word on every thousandth row. Made
// here in memory, so that the browser tests read a file over the size the
// page reads in parts (2 MB) without one in the repository. `expected` is what
// the page must show: each district's products and those online, and the rows
// of the repeated flag.
import zlib from 'node:zlib';

export const DISTRICTS = ['เมืองสระแก้ว', 'คลองหาด', 'ตาพระยา', 'วังน้ำเย็น', 'วัฒนานคร', 'อรัญประเทศ', 'เขาฉกรรจ์', 'โคกสูง', 'วังสมบูรณ์'];

const HEADER = ['ที่', 'รหัสผู้ประกอบการ', 'ชื่อผู้ประกอบการ OTOP', 'ประเภทผู้ประกอบการ', 'ชื่อผลิตภัณฑ์ (โปรดระบุทุกผลิตภัณฑ์ของกลุ่ม)',
  'ประเภทผลิตภัณฑ์', 'เลขที่', 'หมู่ที่', 'ตำบล', 'อำเภอ', 'จังหวัด', 'เบอร์โทรศัพท์', 'ผ่านการอบรมเกี่ยวกับตลาดออนไลน์',
  'ขายของออนไลน์อยู่แล้ว', 'ได้รับมาตรฐานที่เกี่ยวข้อง', 'ได้รับตัดดาว', 'ผ่านการพัฒนาเกี่ยวกับออนไลน์', 'Facebook', 'Line',
  'Instagram', 'Website', 'Shopee', 'Lazada', 'OTOP Today', 'อื่นๆ', 'ยอดจำหน่ายออนไลน์ (บาท)'];

const letters = (c) => (c < 26 ? '' : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function row(r, cells) {
  const cs = cells.map((v, c) => {
    if (v === null || v === undefined || v === '') return '';
    const at = `${letters(c)}${r}`;
    return typeof v === 'number' ? `<c r="${at}"><v>${v}</v></c>` : `<c r="${at}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cs.join('')}</row>`;
}

/** The report's bytes (`.xlsx`) and what the page must show for it. */
export function bigReport(rows) {
  const parts = [row(1, ['แบบรายงานผลิตภัณฑ์ OTOP ที่จำหน่ายออนไลน์ จังหวัดสระแก้ว']), row(2, HEADER)];
  const expected = { products: {}, online: {}, flagRows: [] };
  for (const d of DISTRICTS) { expected.products[d] = 0; expected.online[d] = 0; }
  for (let i = 0; i < rows; i++) {
    const r = i + 3;
    const entrepreneur = Math.floor(i / 2);
    const district = DISTRICTS[entrepreneur % DISTRICTS.length];
    const first = i % 2 === 0;
    const online = i % 3 === 0;
    const flag = i % 1000 === 999 ? 'ไม่แน่ใจ' : '✓';
    if (flag !== '✓') expected.flagRows.push(r);
    expected.products[district] += 1;
    if (online) expected.online[district] += 1;
    const cells = new Array(HEADER.length).fill('');
    cells[0] = i + 1;
    if (first) {
      cells[1] = `27${String(entrepreneur).padStart(6, '0')}`;
      cells[2] = `วิสาหกิจชุมชนกลุ่มที่ ${entrepreneur}`;
      cells[3] = 'กลุ่ม';
      cells[8] = 'ตำบลทดสอบ';
      cells[9] = district;
      cells[10] = 'สระแก้ว';
    }
    cells[4] = `ผลิตภัณฑ์ ${i} ${i % 7 === 0 ? 'ผ้าทอมือ' : 'ข้าวกล้องหอมมะลิ'}`;
    cells[5] = 'อาหาร';
    cells[12] = flag;
    if (online) { cells[17] = `https://facebook.com/otop.${i}`; cells[25] = (i % 500) + 0.25; }
    parts.push(row(r, cells));
  }
  const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + parts.join('') + '</sheetData></worksheet>';
  const files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="รายงาน" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  return { bytes: zip(files), expected };
}

/** A zip of deflated entries (no zip64: the parts stay far below 4 GB). */
function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const fields = (b, at) => {
      b.writeUInt16LE(20, at); b.writeUInt16LE(0x0800, at + 2); b.writeUInt16LE(8, at + 4);
      b.writeUInt32LE(0, at + 6); b.writeUInt32LE(crc >>> 0, at + 10);
      b.writeUInt32LE(packed.length, at + 14); b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22); b.writeUInt16LE(0, at + 24);
    };
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); fields(local, 4);
    const dir = Buffer.alloc(46); dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); fields(dir, 6);
    dir.writeUInt16LE(0, 32); dir.writeUInt16LE(0, 34); dir.writeUInt16LE(0, 36); dir.writeUInt32LE(0, 38); dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0);
  const n = Object.keys(files).length;
  end.writeUInt16LE(n, 8); end.writeUInt16LE(n, 10); end.writeUInt32LE(dirBytes.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}
