// NewsPhoto: a library photo placed in the article body.
//
// Stored as exactly <figure class="news-photo" data-photo-id="12"></figure>; the
// reader page (articles/richtext.py) swaps each reference for the photo's figure, so
// caption and credit always come from the library. In the editor the node shows the
// photo's thumbnail, caption and credit, and a toolbar button opens a picker that
// searches the library or uploads a new photo without leaving the article. Its styles are
// prose-photo.css, loaded with the body's widget (articles/admin/body_editor.py).
import { Node, crel, mergeAttributes } from 'django-prose-editor/editor';

const PHOTO_ID = /^\d+$/;

const NO_URLS = 'Trình soạn thảo thiếu địa chỉ thư viện ảnh; hãy tải lại trang.';

// The photo library's addresses, reversed by the server into the body's textarea
// (articles/admin/body_editor.py, data-photo-urls): never guessed from the page's address.
// The editor's element is the .prose-editor wrapper around that textarea.
function photoUrls(editor) {
    const textarea = editor.options.element.querySelector('textarea[data-photo-urls]');
    if (!textarea) return null;
    const urls = JSON.parse(textarea.dataset.photoUrls);
    return { ...urls, card: (id) => urls.card.replace('{id}', encodeURIComponent(id)) };
}

function csrfToken() {
    const input = document.querySelector('input[name=csrfmiddlewaretoken]');
    if (input) return input.value;
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
}

const OFFLINE = 'Không kết nối được máy chủ; hãy thử lại.';

async function getJSON(url) {
    const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
    }).catch(() => {
        throw new Error(OFFLINE);
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || `Lỗi máy chủ (${response.status}).`);
    return data;
}

// One request per photo per page load, shared by every figure showing it.
const cards = new Map();

function loadCard(urls, id) {
    if (!urls) return Promise.reject(new Error(NO_URLS));
    if (!cards.has(id)) {
        const promise = getJSON(urls.card(id)).then((data) => data.photo);
        promise.catch(() => cards.delete(id));
        cards.set(id, promise);
    }
    return cards.get(id);
}

function creditNode(photo) {
    return photo.credit
        ? crel('span', { className: 'credit', textContent: photo.credit_line })
        : crel('span', { className: 'news-photo__warning', textContent: 'Thiếu tác giả ảnh.' });
}

function fillFigure(dom, urls, id) {
    dom.dataset.photoId = id;
    dom.replaceChildren(crel('figcaption', { textContent: `Đang tải ảnh số ${id}…` }));
    loadCard(urls, id).then(
        (photo) => {
            if (dom.dataset.photoId !== String(id)) return;
            dom.replaceChildren(
                crel('img', { src: photo.thumbnail, alt: photo.alt, width: 160 }),
                crel('figcaption', {}, [
                    crel('span', {
                        className: 'news-photo__label',
                        textContent: 'Ảnh từ thư viện',
                    }),
                    photo.caption,
                    ' ',
                    creditNode(photo),
                ]),
            );
        },
        (error) => {
            dom.replaceChildren(
                crel('figcaption', {}, [
                    crel('span', { className: 'news-photo__warning', textContent: error.message }),
                ]),
            );
        },
    );
}

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
        photo.credit
            ? crel('span', { className: 'credit', textContent: photo.credit_line })
            : crel('span', { className: 'news-photo__warning', textContent: 'Thiếu tác giả ảnh' }),
    ]);
    button.dataset.photoId = photo.id;
    button.addEventListener('click', () => insert(photo));
    return crel('li', {}, [button]);
}

function openPicker(editor, urls) {
    const insert = (photo) => {
        cards.set(String(photo.id), Promise.resolve(photo));
        dialog.close();
        editor.chain().focus().insertNewsPhoto(photo.id).run();
    };

    // Search
    const search = crel('input', {
        type: 'search',
        name: 'q',
        placeholder: 'Tìm theo chú thích hoặc tác giả ảnh…',
        autocomplete: 'off',
    });
    const searchForm = crel('form', { className: 'news-photo-picker__search' }, [
        crel('h3', {
            id: 'news-photo-picker-title',
            className: 'prose-editor-dialog-title',
            textContent: 'Chèn ảnh từ thư viện',
        }),
        field('Tìm ảnh', search),
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
        const query = new URLSearchParams({ q: search.value.trim(), page: wanted });
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
    search.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => load(true), 250);
    });
    searchForm.addEventListener('submit', (e) => {
        e.preventDefault();
        clearTimeout(timer);
        load(true);
    });
    more.addEventListener('click', () => load(false));

    // Upload
    const uploadForm = crel('form', { className: 'news-photo-picker__upload-form' }, [
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
    const uploadStatus = crel('p', {
        className: 'news-photo-picker__status',
        'aria-live': 'polite',
    });
    const uploadButton = crel('button', { type: 'submit', textContent: 'Tải lên và chèn' });
    uploadForm.append(uploadStatus, uploadButton);
    uploadForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        for (const list of uploadForm.querySelectorAll('.errorlist')) list.remove();
        uploadButton.disabled = true;
        uploadStatus.textContent = 'Đang tải lên…';
        try {
            const response = await fetch(urls.upload, {
                method: 'POST',
                body: new FormData(uploadForm),
                credentials: 'same-origin',
                headers: { Accept: 'application/json', 'X-CSRFToken': csrfToken() },
            });
            const data = await response.json().catch(() => ({}));
            if (response.ok && data.photo) {
                insert(data.photo);
                return;
            }
            uploadStatus.textContent = data.error || 'Ảnh chưa được tải lên, xem lỗi bên trên.';
            for (const [name, messages] of Object.entries(data.errors || {})) {
                const target = uploadForm.querySelector(`[data-field="${name}"]`);
                if (target) target.append(errorList(messages));
                else uploadStatus.append(errorList(messages));
            }
        } catch {
            uploadStatus.textContent = 'Không kết nối được máy chủ; hãy thử lại.';
        } finally {
            uploadButton.disabled = false;
        }
    });
    // Open: uploading is one of the picker's two ways, not hidden behind a click (issue #10).
    const upload = crel('details', { className: 'news-photo-picker__upload', open: true }, [
        crel('summary', { textContent: 'Tải ảnh mới' }),
        uploadForm,
    ]);

    const close = crel('button', { type: 'button', textContent: 'Đóng' });
    const dialog = crel(
        'dialog',
        {
            className: 'prose-editor-dialog news-photo-picker',
            'aria-labelledby': 'news-photo-picker-title',
        },
        [
            searchForm,
            status,
            grid,
            more,
            upload,
            crel('div', { className: 'prose-editor-dialog-buttons' }, [close]),
        ],
    );
    // Inside the admin's own <form>: the dialog's inputs belong to its inner forms, so
    // nothing typed here is posted with the article.
    editor.view.dom.parentElement.append(dialog);
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    search.focus();
    load(true);
}

export const NewsPhoto = Node.create({
    name: 'newsPhoto',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,

    addAttributes() {
        return {
            photoId: {
                default: null,
                parseHTML: (element) => element.getAttribute('data-photo-id'),
                renderHTML: (attributes) => ({ 'data-photo-id': attributes.photoId }),
            },
        };
    },

    parseHTML() {
        return [
            {
                tag: 'figure[data-photo-id]',
                priority: 60,
                getAttrs: (element) =>
                    PHOTO_ID.test(element.getAttribute('data-photo-id')) ? null : false,
            },
        ];
    },

    renderHTML({ HTMLAttributes }) {
        return ['figure', mergeAttributes({ class: 'news-photo' }, HTMLAttributes)];
    },

    addNodeView() {
        const urls = photoUrls(this.editor);
        return ({ node }) => {
            const dom = crel('figure', { className: 'news-photo news-photo--editor' });
            dom.contentEditable = 'false';
            fillFigure(dom, urls, node.attrs.photoId);
            return {
                dom,
                update(updated) {
                    if (updated.type.name !== 'newsPhoto') return false;
                    if (dom.dataset.photoId !== String(updated.attrs.photoId)) {
                        fillFigure(dom, urls, updated.attrs.photoId);
                    }
                    return true;
                },
                ignoreMutation: () => true,
            };
        };
    },

    addCommands() {
        return {
            // Between blocks, never inside a sentence: at the end of a paragraph the photo
            // goes after it, at its start before it, and an empty paragraph is replaced.
            insertNewsPhoto:
                (photoId) =>
                ({ state, commands }) => {
                    const node = { type: this.name, attrs: { photoId: String(photoId) } };
                    const { $from, empty } = state.selection;
                    if (empty && $from.depth >= 1 && $from.parent.isTextblock) {
                        if ($from.depth === 1 && $from.parent.content.size === 0) {
                            return commands.insertContentAt(
                                { from: $from.before(1), to: $from.after(1) },
                                node,
                            );
                        }
                        if ($from.parentOffset === $from.parent.content.size) {
                            return commands.insertContentAt($from.after(1), node);
                        }
                        if ($from.parentOffset === 0) {
                            return commands.insertContentAt($from.before(1), node);
                        }
                    }
                    return commands.insertContent(node);
                },
        };
    },

    addMenuItems({ buttons, menu }) {
        const urls = photoUrls(this.editor);
        menu.defineItem({
            name: 'newsPhoto',
            groups: 'nodes',
            button: buttons.material('add_photo_alternate', 'Chèn ảnh từ thư viện'),
            command: (editor) => openPicker(editor, urls),
            enabled: () => urls !== null,
            active: (editor) => editor.isActive('newsPhoto'),
        });
    },
});
