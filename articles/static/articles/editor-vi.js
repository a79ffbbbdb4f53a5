// Vietnamese tooltips for django-prose-editor's toolbar, whose titles are written in
// English in its bundle and never pass through gettext; and a name for its editing area.
// Loaded with our NewsPhoto extension (settings.DJANGO_PROSE_EDITOR_EXTENSIONS), before
// any editor starts.
const TITLES = {
    bold: 'Đậm',
    italic: 'Nghiêng',
    underline: 'Gạch chân',
    strike: 'Gạch ngang',
    'unordered list': 'Danh sách chấm',
    'ordered list': 'Danh sách số',
    blockquote: 'Trích dẫn',
    'insert link': 'Chèn liên kết',
    'remove link': 'Bỏ liên kết',
    paragraph: 'Đoạn văn',
    Paragraph: 'Đoạn văn',
    'heading 2': 'Tiêu đề phụ cấp 2',
    'heading 3': 'Tiêu đề phụ cấp 3',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    'horizontal rule': 'Đường kẻ ngang',
};

// The block-type menu's items show their names as text, not as a title.
const OPTIONS = {
    heading2: 'Tiêu đề phụ cấp 2',
    heading3: 'Tiêu đề phụ cấp 3',
    paragraph: 'Đoạn văn',
};

function translate(root) {
    for (const option of root.querySelectorAll('.prose-menubar__option[data-name]')) {
        const label = OPTIONS[option.dataset.name];
        const text = option.firstElementChild || option;
        if (label && text.textContent !== label) text.textContent = label;
    }
    for (const element of root.querySelectorAll('[title], [aria-label]')) {
        for (const attribute of ['title', 'aria-label']) {
            const value = element.getAttribute(attribute);
            if (value && Object.hasOwn(TITLES, value)) {
                element.setAttribute(attribute, TITLES[value]);
            }
        }
    }
}

// The field's <label for> names the textarea the editor hides, not the editing area (a
// contenteditable textbox, nameless to a screen reader): the area takes the label as its
// name and the textarea's help text as its description, and a click on the label goes to it.
function name(editor, textarea) {
    const area = editor.view.dom;
    area.setAttribute('aria-multiline', 'true');
    const description = textarea.getAttribute('aria-describedby');
    if (description) area.setAttribute('aria-describedby', description);
    const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
    if (!label) return;
    label.id ||= `${textarea.id}_label`;
    area.setAttribute('aria-labelledby', label.id);
    label.addEventListener('click', (event) => {
        event.preventDefault();
        editor.commands.focus();
    });
}

// The menubar fills in after "prose-editor:ready", so watch the editor for new buttons.
document.addEventListener('prose-editor:ready', (event) => {
    const { editor, textarea } = event.detail;
    name(editor, textarea);
    const root = textarea.closest('.prose-editor') || document.body;
    translate(root);
    new MutationObserver(() => translate(root)).observe(root, { childList: true, subtree: true });
});
