"""Writes csv-reference.json: how Python's csv module (the writer Locust itself uses) parses every
CSV here, as the independent reference for CSVRecordReaderTests. Run: python3 csv_reference.py

Line ends are normalised first as formats/locust.md §8 prescribes (CR CR LF and CR LF → LF outside
and inside quotes); GB18030 is tried when UTF-8 fails; blank lines are dropped.
"""
import csv, io, json, pathlib

root = pathlib.Path(__file__).parent
result = {}
for path in sorted(root.rglob("*.csv")):
    raw = path.read_bytes()
    try:
        text, encoding = raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("gb18030"), "GB18030"
    text = text.replace("\r\r\n", "\n").replace("\r\n", "\n")
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    result[str(path.relative_to(root))] = {
        "encoding": encoding,
        "records": len(rows),
        "fieldCounts": sorted({len(row) for row in rows}),
        "header": rows[0],
        "last": rows[-1],
    }
(root / "csv-reference.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
