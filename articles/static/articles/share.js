'use strict';
// "Sao chép liên kết" on the article page (issue #13). Without JavaScript the read-only field
// above the button holds the canonical URL to select and copy by hand, and the button stays
// hidden; with it, the button copies the URL and the status line (role="status") says so,
// or says how to copy by hand when the browser refuses.
{
    function start(button) {
        const field = document.getElementById(button.dataset.copy);
        const status = document.getElementById('share-status');
        if (!field || !status || !navigator.clipboard) {
            return; // the field stays: select it and copy
        }
        button.hidden = false;
        button.addEventListener('click', async () => {
            status.textContent = '';
            try {
                await navigator.clipboard.writeText(field.value);
                status.textContent = 'Đã sao chép liên kết bài viết.';
            } catch (error) {
                field.select();
                status.textContent =
                    'Trình duyệt không cho sao chép; liên kết đã được chọn, hãy bấm Ctrl+C (hoặc giữ để sao chép).';
            }
        });
    }

    document.querySelectorAll('.share-copy-button[data-copy]').forEach(start);
}
