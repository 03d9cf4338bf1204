"""The workflow's writes: checks, the guarded transitions (the only writers of a story's status),
events recorded without a move, and filing stories (file_draft, the one way onto the desk).

Apps above editorial (the importer, the demo, correspondents' filings, planning) call
`from editorial.services import file_draft` rather than creating Article rows themselves.
"""

from editorial.services.filing import file_draft

__all__ = ["file_draft"]
