"""The evaluation layer: scoring extraction output against gold files of the annotation guide
(``scoring``), and noisy copies of texts for robustness runs (``noise``).

May import: ``models``, ``rules`` and ``pipeline``. Must not import ``corpus``, ``output``,
``batch`` or ``cli``.
"""
