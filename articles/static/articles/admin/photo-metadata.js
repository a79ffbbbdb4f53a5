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
        const data = new FormData();
        data.append('image', file);
        try {
            const response = await fetch(input.dataset.metadataUrl, {
                method: 'POST',
                body: data,
                credentials: 'same-origin',
                headers: {'X-CSRFToken': token(form), Accept: 'application/json'}
            });
            const answer = await response.json().catch(() => ({}));
            if (!response.ok) {
                status.textContent = answer.error || 'Không đọc được thông tin trong ảnh.';
                return;
            }
            const filled = [];
            for (const [name, label] of [['caption', 'chú thích'], ['credit', 'tác giả ảnh']]) {
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
