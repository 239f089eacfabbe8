// The baseline: SheetJS (npm xlsx 0.18.5) reading the dropped file into row
// arrays (every dropped file), the way a JavaScript page would, timed from the
// input's change event. In its fastest documented mode: dense sheets, and no
// formatted text or HTML made for each cell (`cellText`, `cellHTML` off).
document.getElementById('f').addEventListener('change', async (ev) => {
  const status = document.getElementById('status');
  const t0 = performance.now();
  status.dataset.state = 'working';
  let rows = 0;
  for (const file of ev.target.files) {
    const wb = XLSX.read(await file.arrayBuffer(), { type: 'array', dense: true, cellText: false, cellHTML: false });
    for (const name of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1 }).length;
  }
  status.dataset.ms = String(performance.now() - t0);
  status.dataset.rows = String(rows);
  status.dataset.state = 'done';
});
