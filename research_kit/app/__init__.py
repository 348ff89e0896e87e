"""The application around a workspace: creating one (``new``), running its notebook on a
kernel (``runner``), packs for workshops (``packs``, read as untrusted input by
``pack_reader``), the demo, ``batch``, ``forget``, the application tracker, templates and
the list of sources a run used. The CLI (:mod:`research_kit.cli`) is a thin adapter over it.
"""
