"""The workflow's writes: checks, the guarded transitions (the only writers of a story's status),
events recorded without a move, and filing stories through the same steps for demo data.
"""
