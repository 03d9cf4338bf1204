"""The story's text with the findings marked, escaped as everything else is."""

from django.utils.html import format_html, format_html_join


def marked(text, findings):
    """text with each finding's place wrapped in <mark> (overlaps merged); a SafeString."""
    spans = sorted((f.start, f.end, f.code) for f in findings if f.end > f.start)
    pieces, position = [], 0
    for start, end, code in spans:
        if start < position:
            continue
        pieces.append(("{}", (text[position:start],)))
        pieces.append(
            ('<mark class="proof-mark proof-mark--{}">{}</mark>', (code, text[start:end]))
        )
        position = end
    pieces.append(("{}", (text[position:],)))
    return format_html_join(
        "", "{}", ((format_html(template, *args),) for template, args in pieces)
    )
