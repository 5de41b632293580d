// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // A file picker that fills a textarea (CSV import), so the upload stays a plain form post.
  document.querySelectorAll('input[type=file][data-fills]').forEach((picker) => {
    picker.addEventListener('change', async () => {
      const target = document.getElementById(picker.dataset.fills);
      if (picker.files.length && target) {
        target.value = await picker.files[0].text();
      }
    });
  });
});
