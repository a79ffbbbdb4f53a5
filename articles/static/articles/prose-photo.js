// NewsPhoto: a library photo placed in the article body.
//
// Stored as exactly <figure class="news-photo" data-photo-id="12"></figure>; the
// reader page (articles/richtext.py) swaps each reference for the photo's figure, so
// caption and credit always come from the library. In the editor the node shows the
// photo's thumbnail, caption and credit, and a toolbar button opens the picker
// (prose-photo-picker.js), which searches the library or uploads a new photo without
// leaving the article. Its styles are prose-photo.css, loaded with the body's widget
// (articles/admin/body_editor.py), whose import map names the two modules imported here.
import { Node, crel, mergeAttributes } from 'django-prose-editor/editor';
import { creditNode, loadCard, photoUrls } from 'articles/prose-photo-library';
import { openPicker } from 'articles/prose-photo-picker';

const PHOTO_ID = /^\d+$/;

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
