#!/usr/bin/env python3
"""The benchmark files Rust cannot write: a 60k-row .xls (xlwt) and a 10k-row
.ods (LibreOffice, from bench-10k.xlsx). Usage: make_extra.py OUT_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile

import xlwt

out = sys.argv[1]
xls = os.path.join(out, "bench-60k.xls")
if not os.path.exists(xls):
    districts = ["เมืองสระแก้ว", "คลองหาด", "ตาพระยา", "วังน้ำเย็น", "วัฒนานคร", "อรัญประเทศ", "เขาฉกรรจ์", "โคกสูง", "วังสมบูรณ์"]
    heads = ["ที่", "รหัสผู้ประกอบการ", "ชื่อผู้ประกอบการ OTOP", "ประเภทผู้ประกอบการ", "ชื่อผลิตภัณฑ์ (โปรดระบุทุกผลิตภัณฑ์ของกลุ่ม)", "ประเภทผลิตภัณฑ์",
             "เลขที่", "หมู่ที่", "ตำบล", "อำเภอ", "จังหวัด", "เบอร์โทรศัพท์", "ผ่านการอบรมเกี่ยวกับตลาดออนไลน์", "ขายของออนไลน์อยู่แล้ว",
             "ได้รับมาตรฐานที่เกี่ยวข้อง", "ได้รับตัดดาว", "ผ่านการพัฒนาเกี่ยวกับออนไลน์", "Facebook", "Line", "Instagram", "Website", "Shopee",
             "Lazada", "OTOP Today", "อื่นๆ", "ยอดจำหน่ายออนไลน์ เม.ย.–ก.ย. 2564 (บาท)"]
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("แบบรายงาน")
    for c, h in enumerate(heads):
        ws.write(0, c, h)
    for i in range(60_000):
        e = i // 3
        row = [str(i + 1), str(270000 + e), f"กลุ่มวิสาหกิจชุมชนบ้านตัวอย่าง {e}", "กลุ่ม", f"ผลิตภัณฑ์ชุมชน สูตร {i % 3 + 1}", "อาหาร",
               str(10 + e % 90), str(1 + e % 12), "ตำบลตัวอย่าง", districts[e % 9], "สระแก้ว", f"08{e % 10}-{e % 1000:03d}-{e % 10000:04d}",
               1 if i % 2 == 0 else "", 1 if i % 3 == 0 else "", "", "", "", f"facebook.com/otop{e}" if i % 3 == 0 else "", "", "", "", "", "", "", "",
               1250.5 + i if i % 3 == 0 else ""]
        for c, v in enumerate(row):
            if v != "":
                ws.write(i + 1, c, v)
    wb.save(xls)
ods = os.path.join(out, "bench-10k.ods")
if not os.path.exists(ods) and shutil.which("soffice"):
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "ods", "--outdir", tmp,
                        os.path.join(out, "bench-10k.xlsx")], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "bench-10k.ods"), ods)
