// The editor's photo picker: a dialog that searches the library, a page at a time, or
// uploads a new photo, and places the one chosen in the body without leaving the article.
// Opened by the NewsPhoto node's toolbar button (prose-photo.js); imported as
// "articles/prose-photo-picker" through the body widget's import map. Its styles are
// prose-photo.css.
import { crel } from 'django-prose-editor/editor';
import { OFFLINE, creditNode, csrfToken, getJSON, keepCard } from 'articles/prose-photo-library';

function errorList(messages) {
    return crel(
        'ul',
        { className: 'errorlist' },
        messages.map((message) => crel('li', { textContent: message })),
    );
}

function field(label, input, help = '') {
    // crel sets textContent after appending children, so the label text goes first.
    const labelElement = crel('label', { textContent: label });
    labelElement.append(input);
    const wrapper = crel('div', { className: 'prose-editor-dialog-field' }, [labelElement]);
    if (help)
        wrapper.append(crel('div', { className: 'news-photo-picker__help', textContent: help }));
    wrapper.dataset.field = input.name;
    return wrapper;
}

function pickerItem(photo, insert) {
    // A button in a list item: its name is the caption and credit it shows (the thumbnail
    // repeats them, so its alt is empty), it is announced as a button and works from the
    // keyboard (Tab, Enter, Space).
    const button = crel('button', { type: 'button', className: 'news-photo-picker__item' }, [
        crel('img', { src: photo.thumbnail, alt: '', loading: 'lazy' }),
        crel('span', { className: 'caption', textContent: photo.caption }),
        creditNode(photo),
    ]);
    button.dataset.photoId = photo.id;
    button.addEventListener('click', () => insert(photo));
    return crel('li', {}, [button]);
}

// The search field, what it found, and "Xem thêm ảnh".
function searchPanel(urls, insert) {
    const input = crel('input', {
        type: 'search',
        name: 'q',
        placeholder: 'Tìm theo chú thích hoặc tác giả ảnh…',
        autocomplete: 'off',
    });
    const form = crel('form', { className: 'news-photo-picker__search' }, [
        crel('h3', {
            id: 'news-photo-picker-title',
            className: 'prose-editor-dialog-title',
            textContent: 'Chèn ảnh từ thư viện',
        }),
        field('Tìm ảnh', input),
    ]);
    const status = crel('p', { className: 'news-photo-picker__status', 'aria-live': 'polite' });
    const grid = crel('ul', { className: 'news-photo-picker__grid' });
    const more = crel('button', { type: 'button', textContent: 'Xem thêm ảnh', hidden: true });

    // "Xem thêm" asks for the page after the last one shown, and only a page that arrived
    // counts as shown: a failed request leaves `page` as it was, so the next click asks for
    // the same page again. One request at a time: while one is out the button is disabled
    // and a click that still gets through is ignored. A new search supersedes any request
    // out (`latest`), whose answer is then dropped.
    let page = 0;
    let latest = 0;
    let loading = false;
    const load = async (reset) => {
        if (loading && !reset) return;
        const ticket = ++latest;
        const wanted = reset ? 1 : page + 1;
        loading = true;
        more.disabled = true;
        status.classList.remove('news-photo-picker__status--error');
        status.textContent = reset ? 'Đang tìm…' : 'Đang tải thêm ảnh…';
        const query = new URLSearchParams({ q: input.value.trim(), page: wanted });
        try {
            const data = await getJSON(`${urls.picker}?${query}`);
            if (ticket !== latest) return;
            if (reset) grid.replaceChildren();
            const items = data.results.map((photo) => pickerItem(photo, insert));
            grid.append(...items);
            page = wanted;
            more.hidden = !data.has_more;
            // Keyboard users go on from the first photo the click brought.
            if (!reset && items.length) items[0].firstElementChild.focus();
            status.textContent = grid.children.length
                ? ''
                : 'Không tìm thấy ảnh nào. Thử từ khác, hoặc tải ảnh mới bên dưới.';
        } catch (error) {
            if (ticket !== latest) return;
            status.classList.add('news-photo-picker__status--error');
            status.textContent = reset
                ? `Không tải được thư viện ảnh: ${error.message}`
                : `Không tải được thêm ảnh: ${error.message} Bấm "Xem thêm ảnh" để thử lại.`;
        } finally {
            if (ticket === latest) {
                loading = false;
                more.disabled = false;
            }
        }
    };
    let timer = null;
    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => load(true), 250);
    });
    form.addEventListener('submit', (e) => {
        e.preventDefault();
        clearTimeout(timer);
        load(true);
    });
    more.addEventListener('click', () => load(false));
    return { elements: [form, status, grid, more], input, load };
}

// Open: uploading is one of the picker's two ways, not hidden behind a click (issue #10).
function uploadPanel(urls, insert) {
    const form = crel('form', { className: 'news-photo-picker__upload-form' }, [
        field(
            'Tệp ảnh',
            crel('input', {
                type: 'file',
                name: 'image',
                accept: 'image/jpeg,image/png,image/webp',
                // photo-metadata.js fills caption and credit from the file's IPTC/XMP.
                'data-metadata-url': urls.metadata,
            }),
            'JPEG, PNG hoặc WebP, tối đa 10 MB.',
        ),
        field('Chú thích', crel('textarea', { name: 'caption', rows: 2 })),
        field(
            'Tác giả ảnh',
            crel('input', { type: 'text', name: 'credit' }),
            'Ví dụ: Hoàng Tùng.',
        ),
        field(
            'Mô tả cho người khiếm thị',
            crel('input', { type: 'text', name: 'alt_text' }),
            'Để trống sẽ dùng chú thích.',
        ),
    ]);
    const status = crel('p', { className: 'news-photo-picker__status', 'aria-live': 'polite' });
    const button = crel('button', { type: 'submit', textContent: 'Tải lên và chèn' });
    form.append(status, button);
    form.addEventListener('submit', async (e) => {
        e.preventDefault();
        for (const list of form.querySelectorAll('.errorlist')) list.remove();
        button.disabled = true;
        status.textContent = 'Đang tải lên…';
        try {
            const response = await fetch(urls.upload, {
                method: 'POST',
                body: new FormData(form),
                credentials: 'same-origin',
                headers: { Accept: 'application/json', 'X-CSRFToken': csrfToken() },
            });
            const data = await response.json().catch(() => ({}));
            if (response.ok && data.photo) {
                insert(data.photo);
                return;
            }
            status.textContent = data.error || 'Ảnh chưa được tải lên, xem lỗi bên trên.';
            for (const [name, messages] of Object.entries(data.errors || {})) {
                const target = form.querySelector(`[data-field="${name}"]`);
                if (target) target.append(errorList(messages));
                else status.append(errorList(messages));
            }
        } catch {
            status.textContent = OFFLINE;
        } finally {
            button.disabled = false;
        }
    });
    return crel('details', { className: 'news-photo-picker__upload', open: true }, [
        crel('summary', { textContent: 'Tải ảnh mới' }),
        form,
    ]);
}

export function openPicker(editor, urls) {
    const dialog = crel('dialog', {
        className: 'prose-editor-dialog news-photo-picker',
        'aria-labelledby': 'news-photo-picker-title',
    });
    const insert = (photo) => {
        keepCard(photo);
        dialog.close();
        editor.chain().focus().insertNewsPhoto(photo.id).run();
    };
    const search = searchPanel(urls, insert);
    const close = crel('button', { type: 'button', textContent: 'Đóng' });
    dialog.append(
        ...search.elements,
        uploadPanel(urls, insert),
        crel('div', { className: 'prose-editor-dialog-buttons' }, [close]),
    );
    // Inside the admin's own <form>: the dialog's inputs belong to its inner forms, so
    // nothing typed here is posted with the article.
    editor.view.dom.parentElement.append(dialog);
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    search.input.focus();
    search.load(true);
}
