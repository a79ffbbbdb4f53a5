'use strict';
// Several photos at once (issue #10): files chosen or dropped each get a row with a
// preview and their own caption, credit and alt text, prefilled from what the photo desk
// wrote in the file (photo-metadata.js). "Tải lên" sends each row on its own to the
// library's upload view: a refused photo keeps its row, what was typed and the reason, and
// the others are saved. The shared fields fill what a row leaves empty. Without this
// script the form posts every file with the shared fields (MultiUploadForm).
{
    function element(tag, attributes = {}, children = []) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) {
            if (name === 'text') {
                node.textContent = value;
            } else {
                node.setAttribute(name, value);
            }
        }
        node.append(...children);
        return node;
    }

    function start(form) {
        const input = form.querySelector('input[type=file][name=images]');
        const rows = element('ol', { class: 'upload-rows', 'aria-label': 'Các ảnh sẽ tải lên' });
        const zone = element('div', { class: 'drop-zone' }, [
            element('p', { text: 'Kéo thả ảnh vào đây, hoặc bấm để chọn nhiều ảnh.' }),
        ]);
        input.closest('.form-row').after(zone, rows);
        const status = element('p', { class: 'upload-status', role: 'status' });
        form.querySelector('.submit-row').before(status);
        const metadata = window.newsroomPhotoMetadata;
        const csrf = metadata.token(form);
        const pending = []; // {file, row, fields, done}
        let counter = 0;

        function field(label, control, id) {
            control.id = id;
            return element('div', { class: 'upload-field' }, [
                element('label', { for: id, text: label }),
                control,
            ]);
        }

        function add(files) {
            for (const file of files) {
                const n = counter++;
                const caption = element('textarea', { rows: '2', name: `caption-${n}` });
                const credit = element('input', { type: 'text', name: `credit-${n}` });
                const alt = element('input', { type: 'text', name: `alt_text-${n}` });
                const note = element('p', { class: 'upload-note', role: 'status' });
                const preview = element('img', { alt: '', src: URL.createObjectURL(file) });
                const row = element('li', { class: 'upload-row' }, [
                    preview,
                    element('div', { class: 'upload-fields' }, [
                        element('p', { class: 'upload-name', text: file.name }),
                        field('Chú thích', caption, `caption-${n}`),
                        field('Tác giả ảnh', credit, `credit-${n}`),
                        field('Mô tả cho người khiếm thị', alt, `alt_text-${n}`),
                        note,
                    ]),
                ]);
                rows.append(row);
                const item = { file, row, note, fields: { caption, credit, alt_text: alt } };
                pending.push(item);
                note.textContent = 'Đang đọc chú thích, tác giả ghi trong ảnh…';
                metadata
                    .read(form.dataset.metadataUrl, file, csrf)
                    .then((answer) => {
                        if (answer.error) {
                            note.textContent = answer.error;
                            return;
                        }
                        const filled = [];
                        for (const [name, label] of [
                            ['caption', 'chú thích'],
                            ['credit', 'tác giả ảnh'],
                        ]) {
                            if (!item.fields[name].value.trim() && answer[name]) {
                                item.fields[name].value = answer[name];
                                filled.push(label);
                            }
                        }
                        note.textContent = filled.length
                            ? `Đã điền ${filled.join(' và ')} từ thông tin ghi trong ảnh; hãy kiểm tra lại.`
                            : '';
                    })
                    .catch(() => {
                        note.textContent = '';
                    });
            }
            // The rows carry the files now; the input is free for more.
            input.value = '';
            input.required = false;
        }

        input.addEventListener('change', () => add(input.files));
        zone.addEventListener('click', () => input.click());
        for (const type of ['dragenter', 'dragover']) {
            zone.addEventListener(type, (event) => {
                event.preventDefault();
                zone.classList.add('over');
            });
        }
        zone.addEventListener('dragleave', () => zone.classList.remove('over'));
        zone.addEventListener('drop', (event) => {
            event.preventDefault();
            zone.classList.remove('over');
            add(event.dataTransfer.files);
        });

        form.addEventListener('submit', async (event) => {
            if (!pending.length) {
                return; // nothing chosen here: the form's own post says what is missing
            }
            event.preventDefault();
            const shared = new FormData(form);
            const button = form.querySelector('.submit-row input[type=submit]');
            button.disabled = true;
            let saved = 0;
            let refused = 0;
            for (const item of pending.filter((each) => !each.done)) {
                const data = new FormData();
                data.append('image', item.file);
                for (const [name, control] of Object.entries(item.fields)) {
                    data.append(name, control.value.trim() || shared.get(name) || '');
                }
                item.note.textContent = 'Đang tải lên…';
                try {
                    const response = await fetch(form.dataset.uploadUrl, {
                        method: 'POST',
                        body: data,
                        credentials: 'same-origin',
                        headers: { 'X-CSRFToken': csrf, Accept: 'application/json' },
                    });
                    const answer = await response.json().catch(() => ({}));
                    if (response.ok) {
                        item.done = true;
                        saved += 1;
                        item.row.classList.add('done');
                        for (const control of Object.values(item.fields)) {
                            control.disabled = true;
                        }
                        item.note.textContent = 'Đã tải lên thư viện.';
                    } else {
                        refused += 1;
                        const reasons = Object.values(answer.errors || {}).flat();
                        item.note.textContent =
                            reasons.join(' ') || answer.error || 'Ảnh chưa được tải lên.';
                        item.row.classList.add('refused');
                    }
                } catch (error) {
                    refused += 1;
                    item.note.textContent = 'Không kết nối được máy chủ; bấm Tải lên để thử lại.';
                }
            }
            button.disabled = false;
            status.replaceChildren(
                refused
                    ? `Đã tải lên ${saved} ảnh; ${refused} ảnh chưa tải lên được, xem lý do ở từng ảnh rồi bấm Tải lên lần nữa. `
                    : `Đã tải lên ${saved} ảnh. `,
            );
            status.append(element('a', { href: form.dataset.doneUrl, text: 'Xem thư viện ảnh' }));
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        const form = document.getElementById('multi-upload-form');
        if (form && window.newsroomPhotoMetadata) {
            start(form);
        }
    });
}
