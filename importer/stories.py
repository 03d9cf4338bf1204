"""A parsed story as plain data: what --json prints, and what an ImportBatch row keeps."""

from articles.body import Block
from importer.parser import ParsedStory


def story_as_json(story, *, union):
    """The story's fields in the order --json has always printed them, then the newer ones."""
    return {
        "headline": story.headline,
        "kicker": story.kicker,
        "subheadline": story.subheadline,
        "union": union,
        "genre": story.genre,
        "staff_report": story.staff_report,
        "bylines": [{"name": name, "role": role} for name, role in story.bylines],
        "body": [{"type": block.type, "text": block.text} for block in story.body],
        "column": story.column,
        "editors_note": story.editors_note,
        "dateline": story.dateline,
    }


def story_to_data(story):
    """Everything parsed of a story, to keep in an ImportBatch row and read back."""
    return {
        **story_as_json(story, union=""),
        "union_label": story.union_label,
        "union_hint": story.union_hint,
        "warnings": list(story.warnings),
        "photos": list(story.photos),
    }


def story_from_data(data):
    return ParsedStory(
        headline=data["headline"],
        kicker=data["kicker"],
        subheadline=data["subheadline"],
        union_label=data["union_label"],
        genre=data["genre"],
        staff_report=data["staff_report"],
        bylines=[(byline["name"], byline["role"]) for byline in data["bylines"]],
        body=[Block(block["type"], block["text"]) for block in data["body"]],
        column=data["column"],
        editors_note=data["editors_note"],
        dateline=data["dateline"],
        union_hint=data["union_hint"],
        warnings=list(data["warnings"]),
        photos=list(data["photos"]),
    )
