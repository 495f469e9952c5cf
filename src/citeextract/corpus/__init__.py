"""The corpus layer: many Documents → document identities, one citation graph, its exports
and its statistics.

May import: ``models``, ``rules`` and ``pipeline`` (for keys and for extracting texts given
to it). Must not import ``output``, ``evaluation``, ``batch`` or ``cli``.
"""
