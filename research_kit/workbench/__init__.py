"""What notebooks drive: :class:`~.research.Research` (``open_research(workspace)``),
built from one step class per area in ``steps/`` on top of ``base``; the ``step``
decorator (a step that cannot run returns a ``Missing`` with the reason, shown as a "not
found" line in the brief); ``brief_builder`` turns step results into the brief's model.
"""
