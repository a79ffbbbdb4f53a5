'use strict';
// A photo chosen for upload (the photo form, the editor's picker): its caption and credit,
// as the photographer's or the photo desk's tools wrote them in the file (IPTC, XMP), are
// read by the server (PhotoAdmin.metadata_view) and fill the fields left empty, for the
// person to confirm or edit before sending (issue #10).
{
    function token(form) {
        const input = form && form.querySelector('input[name=csrfmiddlewaretoken]');
        if (input) {
            return input.value;
        }
        const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : '';
    }

    function note(input) {
        let element = input.parentElement.querySelector('.photo-metadata-note');
        if (!element) {
            element = document.createElement('p');
            element.className = 'photo-metadata-note help';
            element.setAttribute('role', 'status');
            input.after(element);
        }
        return element;
    }

    // What the server reads in ``file``: {caption, credit}, or {error}.
    async function readMetadata(url, file, csrf) {
        const data = new FormData();
        data.append('image', file);
        const response = await fetch(url, {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: { 'X-CSRFToken': csrf, Accept: 'application/json' },
        });
        const answer = await response.json().catch(() => ({}));
        return response.ok
            ? answer
            : { error: answer.error || 'Không đọc được thông tin trong ảnh.' };
    }
    window.newsroomPhotoMetadata = { read: readMetadata, token };

    document.addEventListener('change', async (event) => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.dataset.metadataUrl) {
            return;
        }
        const file = input.files && input.files[0];
        const form = input.form;
        if (!file || !form) {
            return;
        }
        const status = note(input);
        status.textContent = 'Đang đọc chú thích, tác giả ghi trong ảnh…';
        try {
            const answer = await readMetadata(input.dataset.metadataUrl, file, token(form));
            if (answer.error) {
                status.textContent = answer.error;
                return;
            }
            const filled = [];
            for (const [name, label] of [
                ['caption', 'chú thích'],
                ['credit', 'tác giả ảnh'],
            ]) {
                const field = form.querySelector(`[name="${name}"]`);
                if (field && !field.value.trim() && answer[name]) {
                    field.value = answer[name];
                    filled.push(label);
                }
            }
            status.textContent = filled.length
                ? `Đã điền ${filled.join(' và ')} từ thông tin ghi trong ảnh; hãy kiểm tra lại.`
                : '';
        } catch (error) {
            status.textContent = '';
        }
    });
}
