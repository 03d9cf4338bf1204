"""Reads a rendered admin page's form the way a browser would, to submit it back."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attrs, "data": {}})
        if not self.forms:
            return
        data = self.forms[-1]["data"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "select" and name:
            self._select = name
            data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, text):
        if self._textarea:
            data = self.forms[-1]["data"]
            # The browser drops the one newline that follows <textarea>.
            data[self._textarea][0] += (
                text.removeprefix("\n") if not data[self._textarea][0] else text
            )


def upload_form_data(html):
    """The fields of the page's upload form (the admin change form), as a browser sends them."""
    reader = _FormReader()
    reader.feed(html)
    for form in reader.forms:
        if form["attrs"].get("enctype") == "multipart/form-data":
            return {
                name: values if len(values) != 1 else values[0]
                for name, values in form["data"].items()
            }
    raise AssertionError("the page has no upload form")
