"use strict";
// A story's photos: choosing several files at once in one photo row puts the first in that row
// and each further one in a new row, where its caption, credit and alt text are then typed.
{
    const photoInputs = 'input[type="file"][data-several-photos]';

    function allowSeveral(root) {
        root.querySelectorAll(photoInputs).forEach((input) => {
            input.multiple = true;
        });
    }

    function keepOnly(input, file) {
        const transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
    }

    function spread(input) {
        const files = Array.from(input.files);
        if (files.length < 2) {
            return;
        }
        keepOnly(input, files[0]);
        const group = input.closest(".inline-group");
        const addLink = group && group.querySelector(".add-row a");
        if (!addLink) {
            return;
        }
        for (const file of files.slice(1)) {
            addLink.click();
            const rows = group.querySelectorAll(".inline-related:not(.empty-form)");
            const newInput = rows[rows.length - 1].querySelector(photoInputs);
            if (newInput) {
                keepOnly(newInput, file);
            }
        }
    }

    document.addEventListener("DOMContentLoaded", () => allowSeveral(document));
    document.addEventListener("change", (event) => {
        if (event.target instanceof HTMLInputElement && event.target.matches(photoInputs)) {
            spread(event.target);
        }
    });
}
