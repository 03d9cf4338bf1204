"""An upload parsed once and kept in an ImportBatch row until the editor confirms it."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from importer import services
from importer.models import ImportBatch
from importer.sources import CopySource
from importer.stories import story_from_data, story_to_data
from unions.models import Union

# Previews nobody confirmed are deleted after this long.
BATCH_LIFETIME = timedelta(days=1)


@transaction.atomic
def create_batch(*, parsed, user, normalise_punctuation, convert_traditional, fallback_union):
    """Keep parsed copy (a services.ParsedCopy) for user's preview; old batches go."""
    ImportBatch.objects.filter(created_at__lt=timezone.now() - BATCH_LIFETIME).delete()
    return ImportBatch.objects.create(
        created_by=user,
        normalise_punctuation=normalise_punctuation,
        convert_traditional=convert_traditional,
        fallback_union=fallback_union,
        sources=[
            {
                "name": summary.source.name,
                "encoding": summary.source.encoding,
                "converted": summary.converted_from_traditional,
                "story_count": summary.story_count,
                "leftovers": list(summary.leftovers),
                "masthead": list(summary.masthead),
            }
            for summary in parsed.summaries
        ],
        stories=[{"source": name, "story": story_to_data(story)} for name, story in parsed.stories],
        text_bytes=sum(len(summary.source.text.encode("utf-8")) for summary in parsed.summaries),
    )


def parsed_copy(batch):
    """The batch's stories as a services.ParsedCopy, without reading or parsing anything."""
    summaries = [
        services.SourceSummary(
            source=CopySource(name=source["name"], text="", encoding=source["encoding"]),
            story_count=source["story_count"],
            leftovers=source["leftovers"],
            converted_from_traditional=source["converted"],
            masthead=source.get("masthead", []),
        )
        for source in batch.sources
    ]
    stories = [(item["source"], story_from_data(item["story"])) for item in batch.stories]
    return services.ParsedCopy(summaries=summaries, stories=stories)


def choices_of(batch):
    """The editor's picks, with unions as Union rows (one query)."""
    union_pks = {choice.get("union") for choice in batch.choices.values()} - {None}
    unions = Union.objects.in_bulk(union_pks)
    return {
        int(index): {"union": unions.get(choice.get("union")), "include": choice.get("include")}
        for index, choice in batch.choices.items()
    }


def plan(batch, *, user):
    """What the import of the batch would do now, with the editor's picks."""
    return services.plan_import(
        parsed_copy(batch),
        user=user,
        fallback_union=batch.fallback_union,
        choices=choices_of(batch),
    )


def save_choices(batch, picks):
    """Record picks ({index: {"union": pk or None, "include": bool}}) of one preview page."""
    choices = dict(batch.choices)
    for index, pick in picks.items():
        choices[str(index)] = pick
    batch.choices = choices
    batch.save(update_fields=["choices"])


@transaction.atomic
def import_batch(batch, *, user):
    """Create the drafts of the batch as planned; the batch is gone afterwards."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    report = services.create_drafts(plan(batch, user=user), user=user)
    batch.delete()
    return report
