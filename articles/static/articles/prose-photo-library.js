// The photo library as the editor's photo node (prose-photo.js) and its picker
// (prose-photo-picker.js) reach it: its URLs, its JSON answers, the cards of placed photos
// and a photo's credit line. Imported as "articles/prose-photo-library" through the import
// map of the body's widget (articles/admin/body_editor.py), so the hashed file is loaded.
import { crel } from 'django-prose-editor/editor';

export const NO_URLS = 'Trình soạn thảo thiếu địa chỉ thư viện ảnh; hãy tải lại trang.';
export const OFFLINE = 'Không kết nối được máy chủ; hãy thử lại.';

// The library's addresses, reversed by the server into the body's textarea
// (data-photo-urls): never guessed from the page's address. The editor's element is the
// .prose-editor wrapper around that textarea.
export function photoUrls(editor) {
    const textarea = editor.options.element.querySelector('textarea[data-photo-urls]');
    if (!textarea) return null;
    const urls = JSON.parse(textarea.dataset.photoUrls);
    return { ...urls, card: (id) => urls.card.replace('{id}', encodeURIComponent(id)) };
}

export function csrfToken() {
    const input = document.querySelector('input[name=csrfmiddlewaretoken]');
    if (input) return input.value;
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
}

export async function getJSON(url) {
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

export function loadCard(urls, id) {
    if (!urls) return Promise.reject(new Error(NO_URLS));
    if (!cards.has(id)) {
        const promise = getJSON(urls.card(id)).then((data) => data.photo);
        promise.catch(() => cards.delete(id));
        cards.set(id, promise);
    }
    return cards.get(id);
}

// A photo just picked or uploaded: the figure placed next shows it without asking again.
export function keepCard(photo) {
    cards.set(String(photo.id), Promise.resolve(photo));
}

export function creditNode(photo) {
    return photo.credit
        ? crel('span', { className: 'credit', textContent: photo.credit_line })
        : crel('span', { className: 'news-photo__warning', textContent: 'Thiếu tác giả ảnh.' });
}
