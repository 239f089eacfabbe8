// The baseline: SheetJS (npm xlsx 0.18.5) reading the dropped file into row
// arrays, the way a JavaScript page would, timed from the input's change event.
document.getElementById('f').addEventListener('change', async (ev) => {
  const status = document.getElementById('status');
  const t0 = performance.now();
  status.dataset.state = 'working';
  const buf = await ev.target.files[0].arrayBuffer();
  const wb = XLSX.read(buf, { type: 'array', dense: true });
  let rows = 0;
  for (const name of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1 }).length;
  status.dataset.ms = String(performance.now() - t0);
  status.dataset.rows = String(rows);
  status.dataset.state = 'done';
});
