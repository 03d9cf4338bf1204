"""Reading a rendered page's form the way a browser would, to post it back: the one helper
every test that submits an admin form uses.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects what a browser would send for each form: inputs, textareas and selects."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # [{"attrs": {...}, "fields": [(name, value), ...]}]
        self._current = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {"attrs": attrs, "fields": []}
            self.forms.append(self._current)
            return
        if self._current is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self._current["fields"].append((name, attrs.get("value") or default))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            # name, the selected values, the first option, whether several may be chosen.
            self._select = [name, [], None, "multiple" in attrs]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attrs:
                self._select[1].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the newline that follows <textarea>.
            self._current["fields"].append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, selected, first, multiple = self._select
            # A single select without a selected option sends its first option.
            if not selected and not multiple and first is not None:
                selected = [first]
            self._current["fields"].extend((name, value) for value in selected)
            self._select = None


def form_data(page, form_id=None):
    """What a browser posts from the page's form: the one with form_id, or else the page's
    upload form (the admin's change form). page: a response or its HTML. Each field's value
    is a string, or a list when the form sends the field several times (the test client posts
    a list as repeated fields).
    """
    html = page if isinstance(page, str) else page.content.decode()
    reader = _FormReader()
    reader.feed(html)
    for form in reader.forms:
        attrs = form["attrs"]
        wanted = (
            attrs.get("id") == form_id if form_id else attrs.get("enctype") == "multipart/form-data"
        )
        if wanted:
            data = {}
            for name, value in form["fields"]:
                data.setdefault(name, []).append(value)
            return {
                name: values[0] if len(values) == 1 else values for name, values in data.items()
            }
    raise AssertionError(f"no form {form_id or 'for uploads'!r} on the page")
