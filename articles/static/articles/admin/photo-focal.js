'use strict';
// The photo form's focal point (issue #10): a click on the photo sets it; the two number
// inputs show it in per cent and set it from the keyboard; the marker and the two crop
// previews follow before saving. The previews place the photo as articles/renditions.py
// asks sorl-thumbnail to cut it (the same per cent of the room beside the window), so what
// is shown is what saving makes.
{
    function clamp(value, low, high) {
        return Math.min(Math.max(value, low), high);
    }

    // renditions._offset_percent: the window centred on the point, kept inside the photo.
    function offsetPercent(focal, size, window) {
        const room = size - window;
        if (room <= 0) {
            return 50;
        }
        return Math.round((100 * clamp(focal * size - window / 2, 0, room)) / room);
    }

    function start(picker) {
        const form = picker.closest('form');
        const inputX = form && form.querySelector('input[name="focal_x"]');
        const inputY = form && form.querySelector('input[name="focal_y"]');
        if (!inputX || !inputY) {
            return; // shown read-only: nothing to set
        }
        const image = picker.querySelector('.focal-image');
        const marker = picker.querySelector('.focal-marker');
        const width = Number(picker.dataset.imageWidth);
        const height = Number(picker.dataset.imageHeight);

        function read(input) {
            const value = parseFloat(input.value);
            return Number.isFinite(value) ? clamp(value, 0, 100) / 100 : 0.5;
        }

        function show(moved) {
            const x = read(inputX);
            const y = read(inputY);
            marker.style.left = `${x * 100}%`;
            marker.style.top = `${y * 100}%`;
            marker.hidden = false;
            if (!moved) {
                return; // the previews show the crops saved with this point
            }
            for (const crop of picker.querySelectorAll('.focal-crop')) {
                const ratio = Number(crop.dataset.ratio);
                const [windowW, windowH] =
                    width / height > ratio ? [height * ratio, height] : [width, width / ratio];
                const preview = crop.querySelector('img');
                preview.src = image.currentSrc || image.src;
                preview.removeAttribute('srcset');
                preview.style.aspectRatio = String(ratio);
                preview.style.objectFit = 'cover';
                preview.style.objectPosition = `${offsetPercent(x, width, windowW)}% ${offsetPercent(y, height, windowH)}%`;
            }
        }

        function percent(fraction) {
            return String(Math.round(clamp(fraction, 0, 1) * 1000) / 10); // step="0.1"
        }

        image.addEventListener('click', (event) => {
            const box = image.getBoundingClientRect();
            inputX.value = percent((event.clientX - box.left) / box.width);
            inputY.value = percent((event.clientY - box.top) / box.height);
            for (const input of [inputX, inputY]) {
                input.dispatchEvent(new Event('change', { bubbles: true }));
            }
            show(true);
        });
        for (const input of [inputX, inputY]) {
            input.addEventListener('input', () => show(true));
        }
        show(false);
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.focal-picker').forEach(start);
    });
}
