"""The output layer: Documents shown to people and to other tools — the table, JSON and CSV
views of ``extract`` (``render``), the highlighted HTML page (``annotate``), pandas tables
(``frames``) and citation-aware tokens and sentences (``tokenize``).

May import: ``models``, ``rules`` and ``pipeline``. Must not import ``corpus``,
``evaluation``, ``batch`` or ``cli``.
"""
